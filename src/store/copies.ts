// Where paste and duplicate put their copies, and what they say about them (issue 15, item 3;
// decision 029). Pure, so the cascade and the sentences are tested without a browser.

import type { DocumentComponent, TopologyDocument } from '../document';
import { counted, describeComponent } from '../domain';
import { GRID } from '../drawing';
import type { Fragment, XY } from './operations';

/** How far each copy lands from what it copies: one step of the canvas's snap grid, right and down. */
export const COPY_OFFSET = GRID;

/** The top-left corner of a fragment's components. */
export function fragmentCorner(fragment: Fragment): XY {
  return {
    x: Math.min(...fragment.components.map((c) => c.position?.x ?? 0)),
    y: Math.min(...fragment.components.map((c) => c.position?.y ?? 0)),
  };
}

/**
 * Where the `pastes`-th paste of `fragment` (0 for the first) puts its top-left corner: one grid
 * step further right and down each time from the copied components while they are still in the
 * document, so repeated pastes cascade; from `fallback` (the view's centre) when they are gone.
 * @example pastePlace(fragmentAt(100, 40), 1, document, centre) // { x: 116, y: 56 }
 */
export function pastePlace(fragment: Fragment, pastes: number, document: TopologyDocument, fallback: XY): XY {
  const ids = new Set(document.components.map((c) => c.id));
  const present = fragment.components.every((c) => ids.has(c.id));
  const steps = present ? pastes + 1 : pastes;
  const from = present ? fragmentCorner(fragment) : fallback;
  return { x: from.x + steps * COPY_OFFSET, y: from.y + steps * COPY_OFFSET };
}

/** A copy that listens on the host and port of another component, and that component. */
function clashOf(document: TopologyDocument, copy: DocumentComponent): DocumentComponent | undefined {
  if (copy.host === undefined || copy.port === undefined) return undefined;
  return document.components.find(
    (other) => other.id !== copy.id && other.host === copy.host && other.port === copy.port,
  );
}

/**
 * The status line's sentence for a paste or a duplicate: what was copied as what, and, when a copy
 * kept a host and port that another component uses, that the Problems panel has a fix for it.
 * @example describeCopies('Duplicated', originals, document, ['srv-2'], 0) // "Duplicated WFM Server 'WFM_Server_1' as 'WFM_Server_2'."
 */
export function describeCopies(
  verb: 'Duplicated' | 'Pasted',
  fragment: Fragment,
  document: TopologyDocument,
  copyIds: readonly string[],
  connections: number,
): string {
  const copies = copyIds.flatMap((id) => document.components.find((c) => c.id === id) ?? []);
  const [original] = fragment.components;
  const [copy] = copies;
  const what =
    copies.length === 1 && original && copy
      ? `${describeComponent(original)} as '${copy.name}'`
      : `${counted(copies.length, 'component')}${connections ? ` and ${counted(connections, 'connection')}` : ''}`;
  const clashes = copies.flatMap((c) => {
    const other = clashOf(document, c);
    return other ? [[c, other] as const] : [];
  });
  const [first] = clashes;
  if (!first) return `${verb} ${what}.`;
  const host = document.hosts?.find((h) => h.id === first[0].host)?.name ?? first[0].host;
  const clash =
    clashes.length === 1
      ? `'${first[0].name}' uses port ${first[0].port} on host '${host}', as '${first[1].name}' does`
      : `${clashes.length} copies use a port another component uses on their host`;
  return `${verb} ${what}. ${clash}: “Use the next free port” in Problems moves ${clashes.length === 1 ? 'it' : 'them'}.`;
}
