import type { TopologyDocument } from '../document';
import { serializeSvg } from '../export/svg';
import { type CorpusEntry, type Layout, tidyUp } from './corpus';
import { type Measured, measure } from './metrics';
import { readScene } from './scene';

// The drawing check of one document: lay it out (when the corpus says so), export it as SVG the
// way the designer does, read the SVG's geometry back and count what is wrong with it.

export interface CheckedDocument extends Measured {
  readonly name: string;
  /** How long the layout took, when the document was laid out. */
  readonly layoutMs: number | undefined;
  /** How long the export, the reading and the counting took. */
  readonly measureMs: number;
  /** The SVG measured, when `keepSvg` asked for it. */
  readonly svg?: string;
}

/** Measures an SVG the designer exported. */
export function measureSvg(svg: string): Measured {
  return measure(readScene(svg));
}

/** Draws a document as the SVG export does and measures the drawing. */
export function measureDocument(document: TopologyDocument): Measured {
  return measureSvg(serializeSvg(document));
}

export interface CheckOptions {
  /** The layout that "Tidy up" runs; today's `tidyLayout` unless given. */
  readonly layout?: Layout;
  /** Keep each SVG in the result (to look at what was measured). */
  readonly keepSvg?: boolean;
}

export async function checkEntry(entry: CorpusEntry, options: CheckOptions = {}): Promise<CheckedDocument> {
  const layout = options.layout ?? tidyUp;
  let document = entry.document;
  let layoutMs: number | undefined;
  if (entry.tidy) {
    const started = performance.now();
    document = await layout(document);
    layoutMs = performance.now() - started;
  }
  const started = performance.now();
  const svg = serializeSvg(document);
  const measured = measureSvg(svg);
  const measureMs = performance.now() - started;
  return { name: entry.name, ...measured, layoutMs, measureMs, ...(options.keepSvg ? { svg } : {}) };
}

/** Checks every entry in turn (one at a time, so the layout times are not measured against each other). */
export async function checkCorpus(
  entries: readonly CorpusEntry[],
  options: CheckOptions = {},
): Promise<CheckedDocument[]> {
  const results: CheckedDocument[] = [];
  for (const entry of entries) results.push(await checkEntry(entry, options));
  return results;
}
