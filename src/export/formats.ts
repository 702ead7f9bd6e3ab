import { serializeDocument, type TopologyDocument } from '../document';
import type { Problem } from '../domain';

// The one list of export formats (decision 018): the designer's Export menu and the command line's
// `export --to` both read it, so a format is added here once. The writers load on first use: the
// menu is on the first screen, the SVG and Markdown writers are not (docs/performance.md).

/** What a writer is told besides the document. */
export interface WriteOptions {
  /** Outline the components and connections that have an error or a warning (drawn formats). */
  readonly outlineProblems: boolean;
  /** The document's problems when the caller has them already: the writer need not validate again. */
  readonly problems?: readonly Problem[];
}

/** Writes a document as the text of one format. */
export type FormatWriter = (document: TopologyDocument, options: WriteOptions) => string;

interface FormatInfo {
  /** What `--to` takes and the code switches over: short, lower case, stable. */
  readonly id: string;
  /** The format's name as people say it: the menu reads `Export ${label}`. */
  readonly label: string;
  /** The file name ending, dot included. */
  readonly extension: string;
  readonly mimeType: string;
  /** Other names `--to` accepts for the same format (an earlier id, a longer word). */
  readonly aliases: readonly string[];
}

/**
 * One export format. A headless format has a writer any JavaScript runtime can run (the command
 * line, a test); the others need a browser (PNG is rasterised on a canvas), so the app supplies
 * their writer and the command line does not offer them.
 */
export type ExportFormat = FormatInfo &
  (
    | { readonly headless: true; readonly writer: () => Promise<FormatWriter> }
    | { readonly headless: false; readonly writer: null }
  );

/** Every format, in the order the Export menu shows them. */
export const EXPORT_FORMATS = [
  {
    id: 'json',
    label: 'JSON',
    extension: '.wfm.json',
    mimeType: 'application/json',
    aliases: [],
    headless: true,
    // JSON, the format that saves work, never waits for a module to load.
    writer: async () => (document) => serializeDocument(document),
  },
  {
    id: 'svg',
    label: 'SVG',
    extension: '.svg',
    mimeType: 'image/svg+xml',
    aliases: [],
    headless: true,
    writer: async () => {
      const { serializeSvg } = await import('./svg');
      return (document, options) => serializeSvg(document, options);
    },
  },
  {
    id: 'png',
    label: 'PNG',
    extension: '.png',
    mimeType: 'image/png',
    aliases: [],
    headless: false,
    writer: null,
  },
  {
    id: 'md',
    label: 'Markdown',
    extension: '.md',
    mimeType: 'text/markdown',
    aliases: ['markdown'],
    headless: true,
    writer: async () => {
      const { serializeMarkdown } = await import('./markdown');
      return (document) => serializeMarkdown(document);
    },
  },
  {
    id: 'mermaid',
    label: 'Mermaid',
    extension: '.mmd',
    mimeType: 'text/vnd.mermaid',
    aliases: [],
    headless: true,
    writer: async () => {
      const { serializeMermaid } = await import('./mermaid');
      return (document) => serializeMermaid(document);
    },
  },
] as const satisfies readonly ExportFormat[];

type ListedFormat = (typeof EXPORT_FORMATS)[number];
export type ExportFormatId = ListedFormat['id'];
/** A format only a browser can write: the app supplies its writer. */
export type BrowserOnlyFormat = Extract<ListedFormat, { readonly headless: false }>;

/** The formats the command line can write. */
export const HEADLESS_FORMATS: readonly Extract<ListedFormat, { readonly headless: true }>[] =
  EXPORT_FORMATS.filter((format) => format.headless);

/** The format of an id: `exportFormat('md').label === 'Markdown'`. */
export function exportFormat(id: ExportFormatId): ListedFormat {
  const format = findExportFormat(id);
  if (!format) throw new Error(`no export format "${id}"`);
  return format;
}

/**
 * The format a name stands for, by id or alias, as typed on a command line or read from a file.
 * @example findExportFormat('markdown')?.id === 'md'
 */
export function findExportFormat(name: string): ListedFormat | undefined {
  return EXPORT_FORMATS.find(
    (format) => format.id === name || format.aliases.some((alias) => alias === name),
  );
}
