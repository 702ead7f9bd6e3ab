import type { DocumentComponent, TopologyDocument } from '../document';
import { COMPONENT_KINDS, type ComponentKind, kindInfo, pushTo, recordOf } from '../domain';
import { arrangeByHost, hasHostedComponents } from './host-layout';
import { CARD_HEIGHT, CARD_WIDTH } from './layout-grid';
import { estimateTextWidth } from './text-metrics';

export { CARD, CARD_HEIGHT, CARD_WIDTH, GRID, snapToGrid } from './layout-grid';

const MAX_CARD_WIDTH = 300;

const GAP_X = 48;
const GAP_Y = 96;

/**
 * Rows by role, top to bottom (each kind's `roleTier` in the registry): the clients of the WFM
 * Server above it, the Server (and the Database Utility, a peer that talks only to the DAP) in the
 * middle, the database and the Framework below. Most connections then point down, and Builder →
 * Server points up one row. The automatic layout, Tidy up and the quick fixes all place components by it.
 */
export const ROLE_TIER: { readonly [K in ComponentKind]: number } = recordOf(
  COMPONENT_KINDS,
  (kind) => kindInfo(kind).roleTier,
);

/**
 * A component's `host:port` as a card shows it, or '' when it has neither. In version 2 the
 * component holds its host's id; the card shows the host's name, which the caller looks up
 * (`hostNames`): an id is never shown.
 */
export function componentAddress(component: DocumentComponent, hostName?: string): string {
  if (!hostName && component.port === undefined) return '';
  return `${hostName ?? ''}${component.port === undefined ? '' : `:${component.port}`}`;
}

/** The name of each host by id, for `componentAddress` and `cardWidth`. */
export function hostNames(document: TopologyDocument): ReadonlyMap<string, string> {
  return new Map((document.hosts ?? []).map((host) => [host.id, host.name]));
}

/** How wide a card is drawn: the canvas and the SVG grow it for a long name or address, up to 300 px. */
export function cardWidth(component: DocumentComponent, hostName?: string): number {
  const text = Math.max(
    estimateTextWidth(component.name, 13, true),
    estimateTextWidth(kindInfo(component.kind).displayName, 11),
    estimateTextWidth(componentAddress(component, hostName), 10.5),
  );
  return Math.min(MAX_CARD_WIDTH, Math.max(CARD_WIDTH, Math.ceil(text + 72)));
}

export interface Positioned {
  readonly x: number;
  readonly y: number;
}

/**
 * A role's row wraps onto further rows past this width, about forty cards: documents of ordinary
 * size keep one row per role, as before (decision 014).
 */
const MIN_WRAP_WIDTH = 10_000;
/** Past MIN_WRAP_WIDTH, rows wrap so that the laid-out cards fill about a 16:9 screen. */
const WRAP_ASPECT = 16 / 9;

/**
 * Where a role's row wraps: at MIN_WRAP_WIDTH, or wider when there are so many cards that rows of
 * that width would make a tall column; then the whole layout is about WRAP_ASPECT wide for high.
 * Five thousand components without positions were once one row 500,000 pixels wide.
 */
function wrapWidth(widths: Iterable<number>): number {
  let area = 0;
  for (const width of widths) area += (width + GAP_X) * (CARD_HEIGHT + GAP_Y);
  return Math.max(MIN_WRAP_WIDTH, Math.sqrt(area * WRAP_ASPECT));
}

/** A role's components cut into rows no wider than `maxWidth` (a card wider than it gets a row of its own). */
function wrapRow<T>(row: readonly T[], widthOf: (item: T) => number, maxWidth: number): T[][] {
  const lines: T[][] = [];
  let line: T[] = [];
  let lineWidth = 0;
  for (const item of row) {
    const width = widthOf(item);
    if (line.length > 0 && lineWidth + GAP_X + width > maxWidth) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    lineWidth += (line.length > 0 ? GAP_X : 0) + width;
    line.push(item);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Components in rows by role from (left, top), each row centred on the widest, rows wrapped. */
function roleRows(
  components: readonly DocumentComponent[],
  widthOf: (component: DocumentComponent) => number,
  left: number,
  top: number,
): Map<string, Positioned> {
  const result = new Map<string, Positioned>();
  if (components.length === 0) return result;
  const tiers = new Map<number, DocumentComponent[]>();
  for (const component of components) {
    pushTo(tiers, ROLE_TIER[component.kind], component);
  }
  const rowWidth = (row: readonly DocumentComponent[]) =>
    row.reduce((sum, component) => sum + widthOf(component) + GAP_X, -GAP_X);
  const maxWidth = wrapWidth(components.map(widthOf));
  const rows = [...tiers.keys()]
    .sort((a, b) => a - b)
    .flatMap((tier) => wrapRow(tiers.get(tier) ?? [], widthOf, maxWidth));
  const fullWidth = Math.max(...rows.map(rowWidth));
  rows.forEach((row, rowIndex) => {
    let x = left + (fullWidth - rowWidth(row)) / 2;
    for (const component of row) {
      result.set(component.id, { x: Math.round(x), y: top + rowIndex * (CARD_HEIGHT + GAP_Y) });
      x += widthOf(component) + GAP_X;
    }
  });
  return result;
}

/**
 * Positions for the components that have none, laid out in rows by role and centred; placed below
 * the components that already have a position. A role with more cards than a row holds (about
 * forty, more for thousands of cards) continues on the rows below it. Components on a host of the
 * document stay together: each host's components in rows by role inside the host's box, the hosts
 * of a zone together, and the components on no host in rows by role below them. Returns a map
 * from id to position.
 * @example layoutByRole(doc).get('srv-1') // { x: 124, y: 312 }
 */
export function layoutByRole(document: TopologyDocument): Map<string, Positioned> {
  const placed = document.components.filter((c) => c.position);
  const unplaced = document.components.filter((c) => !c.position);
  if (unplaced.length === 0) return new Map();
  const top = placed.length ? Math.max(...placed.map((c) => c.position?.y ?? 0)) + CARD_HEIGHT + GAP_Y : 0;
  const left = placed.length ? Math.min(...placed.map((c) => c.position?.x ?? 0)) : 0;
  // Each card takes its own width, so a long name does not run into its neighbour.
  const names = hostNames(document);
  const widths = new Map(
    unplaced.map((c) => [c.id, cardWidth(c, c.host === undefined ? undefined : names.get(c.host))]),
  );
  const widthOf = (component: DocumentComponent) => widths.get(component.id) ?? CARD_WIDTH;
  if (!hasHostedComponents(document, unplaced)) return roleRows(unplaced, widthOf, left, top);
  return arrangeByHost(
    document,
    unplaced,
    (members) => roleRows(members, widthOf, 0, 0),
    { x: left, y: top },
    { tierOf: (c) => ROLE_TIER[c.kind], widthOf },
  );
}

/**
 * The widest span of positions a drawing keeps, in pixels. The file format accepts any finite
 * coordinate, but past this no viewer draws the picture (and at 1e308 its size is Infinity).
 */
export const DRAWABLE_EXTENT = 10_000_000;

/** Every stored position of the drawing: components, hosts, zones and notes (with their far corner), routes. */
function* storedPoints(document: TopologyDocument): Generator<Positioned> {
  for (const { position } of document.components) if (position) yield position;
  for (const item of [
    ...(document.hosts ?? []),
    ...(document.zones ?? []),
    ...(document.annotations ?? []),
  ]) {
    if (!item.position) continue;
    yield item.position;
    if (item.size) yield { x: item.position.x + item.size.width, y: item.position.y + item.size.height };
  }
  for (const { waypoints } of document.connections) if (waypoints) yield* waypoints;
}

/** True when the stored positions (and sizes) fit a drawing of at most DRAWABLE_EXTENT a side. */
export function positionsDrawable(document: TopologyDocument): boolean {
  let minX = 0;
  let minY = 0;
  let maxX = 0;
  let maxY = 0;
  let first = true;
  for (const position of storedPoints(document)) {
    if (first) {
      minX = maxX = position.x;
      minY = maxY = position.y;
      first = false;
    }
    minX = Math.min(minX, position.x);
    maxX = Math.max(maxX, position.x);
    minY = Math.min(minY, position.y);
    maxY = Math.max(maxY, position.y);
  }
  return maxX - minX <= DRAWABLE_EXTENT && maxY - minY <= DRAWABLE_EXTENT;
}

/** Where notes go when their positions cannot be drawn: a row under the laid-out components. */
const NOTE_ROW_WIDTH = 240;

/**
 * The document as a drawing shows it: every component positioned, and when the positions span
 * more than a drawing can hold, all of them laid out by role instead (hosts and zones then drawn
 * around their members, notes in a row below).
 */
export function withDrawableLayout(document: TopologyDocument): TopologyDocument {
  if (positionsDrawable(document)) return withLayout(document);
  const laidOut = withLayout({
    ...document,
    components: document.components.map(({ position: _position, ...component }) => component),
    // Routes belong to the positions they were drawn for: these are drawn straight.
    connections: document.connections.map(({ waypoints: _w, ...connection }) => connection),
    ...(document.hosts && { hosts: document.hosts.map(({ position: _p, size: _s, ...host }) => host) }),
    ...(document.zones && { zones: document.zones.map(({ position: _p, size: _s, ...zone }) => zone) }),
  });
  if (!document.annotations?.length) return laidOut;
  const bottom = Math.max(0, ...laidOut.components.map((c) => (c.position?.y ?? 0) + CARD_HEIGHT)) + GAP_Y;
  return {
    ...laidOut,
    annotations: document.annotations.map(({ size: _size, ...note }, index) => ({
      ...note,
      position: { x: index * NOTE_ROW_WIDTH, y: bottom },
    })),
  };
}

/** The document with every component positioned (those without a position laid out by role). */
export function withLayout(document: TopologyDocument): TopologyDocument {
  const positions = layoutByRole(document);
  if (positions.size === 0) return document;
  return {
    ...document,
    components: document.components.map((c) => {
      const position = positions.get(c.id);
      return position ? { ...c, position } : c;
    }),
  };
}
