import ELK from 'elkjs/lib/elk.bundled.js';
import type { TopologyDocument } from '../document';
import { parseDocument } from '../document';
import { applyLayout } from '../drawing/apply-layout';
import { elkLayout } from '../drawing/elk-layout';
import { tidyLayout } from '../drawing/tidy-layout';

// The documents the drawing check measures (docs/diagrams.md): every template as stored and after
// Tidy up, and generated deployments of 10, 50 and 200 components after Tidy up, with hosts and
// zones and without. The templates' text and the generator are handed in (the script reads the
// files, the bench owns the generator), so this layer reads no file and imports nothing above it.

/** Lays a document out as "Tidy up" does; may be asynchronous (a layout engine in a worker). */
export type Layout = (document: TopologyDocument) => TopologyDocument | Promise<TopologyDocument>;

/** A template's file: its id (the file name without `.wfm.json`) and its text. */
export interface TemplateSource {
  readonly id: string;
  readonly text: string;
}

/** The sizes of the generated documents, in components. */
export const GENERATED_SIZES = [10, 50, 200] as const;

/** A generated deployment of `size` components, with or without hosts and zones (bench/generate.ts). */
export type Generate = (size: number, hostsAndZones: boolean) => TopologyDocument;

export interface CorpusEntry {
  /** The row's name, the key of the baseline and of the enforced set. */
  readonly name: string;
  readonly document: TopologyDocument;
  /** Whether the entry is laid out by `layout` before it is drawn (else drawn as stored). */
  readonly tidy: boolean;
}

let elk: InstanceType<typeof ELK> | undefined;

/**
 * Tidy up as the designer runs it (src/app/tidy-up.ts): the ELK layout (src/drawing/elk-layout.ts)
 * applied as the store's `applyLayout` does, on this thread instead of a worker.
 */
export async function tidyUp(document: TopologyDocument): Promise<TopologyDocument> {
  elk ??= new ELK({ algorithms: ['layered'] });
  return applyLayout(document, await elkLayout(elk, document));
}

/**
 * The Tidy up before issue 14, which the baseline was measured with: `tidyLayout`'s positions
 * given to the components; hosts, zones and notes keep what the file says; lines are straight.
 */
export function straightTidyUp(document: TopologyDocument): TopologyDocument {
  const positions = tidyLayout(document);
  return {
    ...document,
    components: document.components.map((c) => {
      const to = positions.get(c.id);
      return to ? { ...c, position: { x: to.x, y: to.y } } : c;
    }),
  };
}

/** The corpus, in a fixed order: templates (stored, then tidied), then the generated documents by size. */
export function corpus(templates: readonly TemplateSource[], generate: Generate): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  for (const { id, text } of templates) {
    const parsed = parseDocument(text);
    if (!parsed.ok) throw new Error(`template ${id}: ${parsed.error.message}`);
    entries.push({ name: `template:${id}`, document: parsed.document, tidy: false });
    entries.push({ name: `template:${id}:tidied`, document: parsed.document, tidy: true });
  }
  for (const size of GENERATED_SIZES) {
    entries.push({ name: `generated:${size}`, document: generate(size, true), tidy: true });
    entries.push({ name: `generated:${size}:flat`, document: generate(size, false), tidy: true });
  }
  return entries;
}
