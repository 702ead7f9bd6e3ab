// Small writers of Markdown for the generated sections of docs/*.md.

/** A Markdown table; a `|` inside a cell is escaped so it cannot open a column. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Inline code. */
export function code(text: string | number): string {
  return `\`${text}\``;
}

/** A fenced code block. */
export function fence(language: string, text: string): string {
  return [`\`\`\`${language}`, text.replace(/\n$/, ''), '```'].join('\n');
}

/** `1234567` as `1,234,567`, the same on every machine (no locale). */
export function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `a`, `a and b`, `a, b and c`. */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
