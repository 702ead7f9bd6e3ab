// What version 2 adds to the drawing: zones and hosts behind the cards, the standby links of
// high-availability pairs, and notes on top. Every user string goes through `escapeText`/`fitted`.
import type { TopologyDocument } from '../document';
import { type ContainerBoxes, hostDetails } from '../drawing/containers';
import { placeTag, roundedPath, standbyRoute, TakenSpace } from '../drawing/edge-route';
import type { Rect } from '../drawing/geometry';
import { estimateTextWidth } from '../drawing/text-metrics';
import { layOutNote, NOTE_LINE, NOTE_PAD, type NoteLayout } from './svg-notes';
import { escapeText, fitted, num } from './svg-text';

export const MODEL_COLORS = {
  zone: '#475569',
  zoneFill: '#f8fafc',
  host: '#94a3b8',
  hostFill: '#f1f5f9',
  standby: '#7c3aed',
  note: '#a16207',
  noteFill: '#fef9c3',
  context: '#9ca3af',
  contextFill: '#f3f4f6',
};

/** Classes: z zone, h host, zt/ht their names, hd host details, sb standby link, nt note. */
export const MODEL_STYLE = [
  `.z{fill:${MODEL_COLORS.zoneFill};stroke:${MODEL_COLORS.zone};stroke-width:1.4;stroke-dasharray:10 5}`,
  `.zt{font-size:13px;font-weight:bold;fill:${MODEL_COLORS.zone}}`,
  `.h{fill:${MODEL_COLORS.hostFill};stroke:${MODEL_COLORS.host};stroke-width:1.2}`,
  `.ht{font-size:12px;font-weight:bold;fill:#334155}`,
  '.hd{font-size:10.5px;fill:#5b6474}',
  `.sb{stroke:${MODEL_COLORS.standby};stroke-width:1.6;stroke-dasharray:3 4;fill:none}`,
  `.sbt{font-size:10px;font-weight:bold;fill:${MODEL_COLORS.standby}}`,
  `.nt{fill:${MODEL_COLORS.noteFill};stroke:${MODEL_COLORS.note};stroke-width:1}`,
  '.ntt{font-size:12px;fill:#422006}',
  `.c.ctx{fill:${MODEL_COLORS.contextFill};stroke:${MODEL_COLORS.context};stroke-dasharray:6 4}`,
  `.e.ctx{stroke:${MODEL_COLORS.context};stroke-dasharray:6 4}`,
  `.ha{font-size:9px;font-weight:bold;fill:#ffffff}`,
].join('');

// The document module's index does not name these types (yet); they are the document's own.
type DocumentHost = NonNullable<TopologyDocument['hosts']>[number];
type DocumentZone = NonNullable<TopologyDocument['zones']>[number];

type Tooltip = (text: string) => string;

/** The zones, outermost layer: a dashed box with the zone's name in its top band. */
export function zonesMarkup(
  zones: readonly DocumentZone[],
  boxes: ContainerBoxes,
  tooltip: Tooltip,
): string[] {
  return zones.flatMap((zone) => {
    const box = boxes.zones.get(zone.id);
    if (!box) return [];
    return [
      `<g transform="translate(${num(box.x)} ${num(box.y)})">${tooltip(`Zone: ${zone.name}`)}<rect class="z" width="${num(box.width)}" height="${num(box.height)}" rx="14"/><text class="zt" x="14" y="21">${fitted(zone.name, 13, box.width - 28, true)}</text></g>`,
    ];
  });
}

/** The hosts, inside the zones: a box with the host's name and its address, LCA and certificate. */
export function hostsMarkup(
  hosts: readonly DocumentHost[],
  boxes: ContainerBoxes,
  tooltip: Tooltip,
): string[] {
  return hosts.flatMap((host) => {
    const box = boxes.hosts.get(host.id);
    if (!box) return [];
    const details = hostDetails(host);
    return [
      `<g transform="translate(${num(box.x)} ${num(box.y)})">${tooltip(`Host: ${host.name}`)}<rect class="h" width="${num(box.width)}" height="${num(box.height)}" rx="10"/><text class="ht" x="12" y="18">${fitted(host.name, 12, box.width - 24, true)}</text>${
        details ? `<text class="hd" x="12" y="33">${fitted(details, 10.5, box.width - 24)}</text>` : ''
      }</g>`,
    ];
  });
}

/** A primary and its backup as the drawing pairs them. */
export interface HaPair {
  readonly backupId: string;
  readonly primaryId: string;
  readonly standby: string;
}

/** Every backup whose primary is another component of the document, in component order. */
export function haPairs(document: TopologyDocument): HaPair[] {
  const ids = new Set(document.components.map((c) => c.id));
  return document.components.flatMap((c) =>
    c.backupOf !== undefined && c.backupOf !== c.id && ids.has(c.backupOf)
      ? [{ backupId: c.id, primaryId: c.backupOf, standby: c.standby ?? 'warm' }]
      : [],
  );
}

const STANDBY_TEXT_HEIGHT = 14;

/** The standby link of each pair: a dotted line between the two cards, "hot standby" at its middle. */
export function standbyMarkup(
  pairs: readonly HaPair[],
  cards: ReadonlyMap<string, Rect>,
  tooltip: Tooltip,
  nameOf: (id: string) => string,
  /** Cards and tags already placed; each standby text is placed clear of them and added. */
  taken: TakenSpace = new TakenSpace(),
): string[] {
  const obstacles = [...cards.values()];
  return pairs.flatMap(({ backupId, primaryId, standby }) => {
    const backup = cards.get(backupId);
    const primary = cards.get(primaryId);
    if (!backup || !primary) return [];
    const route = standbyRoute(backup, primary, obstacles);
    const text = `${standby} standby`;
    // The text sits just above the line: the box kept free is as tall above the line as below.
    const width = estimateTextWidth(text, 10) + 8;
    const at = placeTag(route, width, 2 * STANDBY_TEXT_HEIGHT, taken);
    taken.add({ x: at.x, y: at.y, width, height: 2 * STANDBY_TEXT_HEIGHT });
    return [
      `<g>${tooltip(`${nameOf(backupId)} is the ${text} backup of ${nameOf(primaryId)}`)}<path class="sb" fill="none" d="${roundedPath(route)}"/><text class="sbt" x="${num(at.x + 4)}" y="${num(at.y + STANDBY_TEXT_HEIGHT - 3)}">${escapeText(text)}</text></g>`,
    ];
  });
}

/** The mark on a card of a pair, drawn over its top border at the right: "primary" or "backup · hot". */
export function haMark(text: string, cardWidth: number): string {
  const width = estimateTextWidth(text, 9, true) + 12;
  return `<rect x="${num(cardWidth - width - 8)}" y="-7" width="${num(width)}" height="14" rx="4" fill="${MODEL_COLORS.standby}"/><text class="ha" x="${num(cardWidth - width - 2)}" y="3.5">${escapeText(text)}</text>`;
}

/** Notes on top of everything: a yellow box with the text wrapped to its width. */
export function notesMarkup(
  notes: readonly NoteLayout[],
  tooltip: Tooltip,
  texts: readonly string[],
): string[] {
  return notes.map(({ rect, lines }, index) => {
    const body = lines
      .map(
        (line, i) =>
          `<text class="ntt" x="${NOTE_PAD}" y="${num(NOTE_PAD + 12 + i * NOTE_LINE)}">${escapeText(line)}</text>`,
      )
      .join('');
    return `<g transform="translate(${num(rect.x)} ${num(rect.y)})">${tooltip(`Note: ${[...(texts[index] ?? '')].slice(0, 40).join('')}`)}<rect class="nt" width="${num(rect.width)}" height="${num(rect.height)}" rx="4"/>${body}</g>`;
  });
}

export { layOutNote };
