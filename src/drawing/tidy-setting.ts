// What every step of the tidy-up layout shares: the grid, the card gap, the document's setting.
import type { TopologyDocument } from '../document';

export interface XY {
  readonly x: number;
  readonly y: number;
}

export { GRID, snapToGrid as snap } from './layout';
export const NODE_GAP = 56;

/** What every step needs to know about the document. */
export interface Setting {
  readonly document: TopologyDocument;
  readonly width: ReadonlyMap<string, number>;
  readonly tier: ReadonlyMap<string, number>;
  /** y of each component's row; empty tiers take no room. */
  readonly top: ReadonlyMap<string, number>;
}

/** The connected pairs of a group, each once whatever its direction. */
export function groupPairs(
  ids: readonly string[],
  document: TopologyDocument,
): (readonly [string, string])[] {
  const members = new Set(ids);
  const pairs = new Map<string, readonly [string, string]>();
  for (const { from, to } of document.connections) {
    if (from === to || !members.has(from) || !members.has(to)) continue;
    pairs.set(from < to ? `${from}\u0000${to}` : `${to}\u0000${from}`, from < to ? [from, to] : [to, from]);
  }
  return [...pairs.values()];
}
