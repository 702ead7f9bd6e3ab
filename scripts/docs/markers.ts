// The generated parts of a Markdown file sit between marker comments:
//   <!-- generated:NAME -->
//   …written by `npm run docs`, never by hand…
//   <!-- /generated:NAME -->

const SECTION = /<!-- generated:([a-z0-9-]+) -->\n[\s\S]*?<!-- \/generated:\1 -->/g;

/** The names of the generated sections of a file, in file order. */
export function sectionNames(text: string): string[] {
  return [...text.matchAll(SECTION)].map((match) => match[1] ?? '');
}

/**
 * `text` with each generated section's content replaced by `sections[NAME]`. Throws when the file
 * lacks a section it should have, or has one nobody generates (a renamed or mistyped marker), so
 * a section cannot silently stop being kept up to date.
 */
export function fillSections(text: string, sections: Readonly<Record<string, string>>, file: string): string {
  const found = sectionNames(text);
  const missing = Object.keys(sections).filter((name) => !found.includes(name));
  if (missing.length > 0) throw new Error(`${file} has no section ${missing.join(', ')}: add its markers`);
  const unknown = found.filter((name) => !Object.hasOwn(sections, name));
  if (unknown.length > 0) throw new Error(`${file} has sections nobody generates: ${unknown.join(', ')}`);
  return text.replace(
    SECTION,
    (_, name: string) => `<!-- generated:${name} -->\n${sections[name]}\n<!-- /generated:${name} -->`,
  );
}
