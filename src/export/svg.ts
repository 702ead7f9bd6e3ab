import { type DocumentComponent, serializeDocument, type TopologyDocument } from '../document';
import {
  COMPONENT_KINDS,
  type ComponentKind,
  countBySeverity,
  counted,
  describeComponent,
  isContextKind,
  kindInfo,
  type Problem,
  problemComponentId,
  problemConnectionId,
  validate,
} from '../domain';
import { containerBoxes } from '../drawing/containers';
import { isContextLink } from '../drawing/context-kinds';
import { connectionsDrawn, messageServerBadges, messageServerLinks } from '../drawing/drawn-links';
import { connectionRoute, placeTag, roundedPath, TakenSpace } from '../drawing/edge-route';
import { edgeTag, edgeTagWidth, TAG_HEIGHT } from '../drawing/edge-tag';
import type { Rect } from '../drawing/geometry';
import { ICON_STROKE, kindIconMarkup } from '../drawing/kind-icons';
import { CARD_HEIGHT, cardWidth, componentAddress, hostNames, withDrawableLayout } from '../drawing/layout';
import { estimateTextWidth } from '../drawing/text-metrics';
import { rulesetLabel } from './ruleset-label';
import { SVG_METADATA_ID } from './svg-metadata';
import {
  haMark,
  haPairs,
  hostsMarkup,
  layOutNote,
  MODEL_COLORS,
  MODEL_STYLE,
  notesMarkup,
  standbyMarkup,
  zonesMarkup,
} from './svg-model';
import { escapeText, fitted, num } from './svg-text';

export interface SvgOptions {
  /** Outline components and connections that have an error or a warning. */
  readonly outlineProblems?: boolean;
  /**
   * The document's problems when the caller has them already (the designer keeps them up to date
   * after every edit): the writer then does not validate again. They must be those of `input`.
   */
  readonly problems?: readonly Problem[];
  /**
   * The SVG is only drawn into a picture (the PNG export): it leaves out what a picture cannot show
   * (the embedded document, which the PNG carries itself, and the tooltips), so the browser has
   * less to read before it draws.
   */
  readonly forPicture?: boolean;
}

export { SVG_METADATA_ID } from './svg-metadata';

/** Arial's metrics are shared by Helvetica and Liberation Sans: the same layout in every tool. */
const FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif";
const PAD = 32;
const TITLE_HEIGHT = 58;
const ICON_Y = (CARD_HEIGHT - 32) / 2;
const COLORS = {
  text: '#111827',
  muted: '#5b6474',
  border: '#cbd2dc',
  edge: '#64748b',
  error: '#c81e1e',
  warning: '#b45309',
  secure: '#15803d',
  card: '#ffffff',
  page: '#ffffff',
};

// Size and speed (docs/performance.md): a diagram of 1,000 components must stay under 1 MB and be
// written in milliseconds. What every card and connection shares is said once: a <style> block of
// simple class selectors (browsers, Inkscape, LibreOffice and Word read them), each kind's stripe
// and icon as a <symbol> placed with <use>, and the document embedded as compact JSON. An element
// with a problem outline also carries the colour as an attribute, for tools that ignore <style>.
// Classes: c card, k kind, n name, a address, e connection.
const STYLE = [
  `.c{fill:${COLORS.card};stroke:${COLORS.border};stroke-width:1.2}`,
  `.c.error{stroke:${COLORS.error};stroke-width:2.5}`,
  `.c.warning{stroke:${COLORS.warning};stroke-width:2.5}`,
  `.k{font-size:11px;fill:${COLORS.muted}}`,
  `.n{font-size:13px;font-weight:bold;fill:${COLORS.text}}`,
  `.a{font-size:10.5px;fill:${COLORS.muted}}`,
  '.etl{font-size:9px;font-weight:bold;fill:#ffffff}',
  `.e{stroke:${COLORS.edge};stroke-width:1.6}`,
  `.e.error{stroke:${COLORS.error};stroke-width:2.2}`,
  `.e.warning{stroke:${COLORS.warning};stroke-dasharray:6 4}`,
  `.tag{fill:${COLORS.card};stroke:${COLORS.border}}`,
  `.tag-text{font-size:10px;fill:${COLORS.muted}}`,
  `.tag-text.secure{font-weight:bold;fill:${COLORS.secure}}`,
  `.lock{fill:none;stroke:${COLORS.secure};stroke-width:1.4}`,
  MODEL_STYLE,
].join('');

const LOCK_PATH = 'h8v6h-8z m1.5 0v-2a2.5 2.5 0 0 1 5 0v2';

/**
 * The document's JSON made safe to embed as XML text without a single entity: every character
 * that XML or a naive scanner would trip on (`&`, `<`, `>`, `'`, `=`, and U+FFFE and U+FFFF, which
 * XML cannot hold) becomes a JSON `\\u` escape, and so do DEL, the C1 controls, the bidi controls
 * and the line separators, so that no text editor shows the file's source reordered. Such
 * characters only occur inside JSON strings, so the text parses to the same document; quotes, the
 * bulk of any JSON, stay as they are.
 */
function jsonForXml(json: string): string {
  return json.replace(
    /[&<>'=\ufffe\uffff\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A kind's stripe, icon tile and icon, drawn once and placed on every card of that kind. */
function kindSymbol(kind: ComponentKind): string {
  const { color } = kindInfo(kind);
  const paths = kindIconMarkup(kind);
  return `<symbol id="kind-${kind}" overflow="visible">${stripeAndTile(color)}<g transform="translate(18 ${ICON_Y + 4})" ${ICON_STROKE}>${paths}</g></symbol>`;
}

/** A card's kind-coloured stripe on its left edge and the tile behind its icon. */
function stripeAndTile(color: string): string {
  return `<rect width="5" height="${CARD_HEIGHT}" rx="2" fill="${color}"/><rect x="14" y="${ICON_Y}" width="32" height="32" rx="8" fill="${color}"/>`;
}

function use(id: string): string {
  return `<use href="#${id}" xlink:href="#${id}"/>`;
}

/**
 * For a picture (the PNG export), a kind's icon as a pattern, and a card's stripe and icon as
 * plain rectangles filled with it. Chromium builds a shadow tree for every `<use>`; for 1,000
 * cards that was a third of the time taken to read the SVG before drawing it. The file keeps the
 * smaller `<use>` form.
 */
function kindPattern(kind: ComponentKind): string {
  const paths = kindIconMarkup(kind);
  return `<pattern id="icon-${kind}" width="1" height="1" patternContentUnits="objectBoundingBox"><g transform="scale(${1 / 24})" ${ICON_STROKE}>${paths}</g></pattern>`;
}

function kindTiles(kind: ComponentKind): string {
  return `${stripeAndTile(kindInfo(kind).color)}<rect x="18" y="${ICON_Y + 4}" width="24" height="24" fill="url(#icon-${kind})"/>`;
}

interface LegendEntry {
  readonly svg: string;
  readonly width: number;
}

/** What the drawing holds beyond kinds and connections, for the legend. */
interface LegendExtras {
  readonly zones: boolean;
  readonly hosts: boolean;
  readonly contextLinks: boolean;
  readonly standby: boolean;
  /** How Message Server connections are drawn, when the document has any and not as lines. */
  readonly messageServer: 'badges' | 'hidden' | undefined;
}

function extraEntries(extras: LegendExtras): LegendEntry[] {
  const entry = (svg: string, x: number, text: string): LegendEntry => ({
    svg: `${svg}<text x="${x}">${escapeText(text)}</text>`,
    width: x + estimateTextWidth(text, 11),
  });
  const entries: LegendEntry[] = [];
  if (extras.zones)
    entries.push(entry('<rect class="z" y="-10" width="22" height="14" rx="4"/>', 28, 'zone'));
  if (extras.hosts)
    entries.push(entry('<rect class="h" y="-10" width="22" height="14" rx="4"/>', 28, 'host'));
  if (extras.contextLinks) {
    entries.push(
      entry(
        `<line class="e ctx" x1="0" y1="-3" x2="26" y2="-3" stroke="${MODEL_COLORS.context}" stroke-dasharray="6 4"/>`,
        32,
        'Framework context link (not judged by the matrix)',
      ),
    );
  }
  if (extras.standby) {
    entries.push(
      entry('<line class="sb" x1="0" y1="-3" x2="26" y2="-3"/>', 32, 'backup and its primary (standby)'),
    );
  }
  if (extras.messageServer === 'badges') {
    entries.push(entry(messageServerBadge(0, -10), 28, 'connected to the Message Server (Management Layer)'));
  } else if (extras.messageServer === 'hidden') {
    entries.push(entry('', 0, 'Message Server connections not drawn'));
  }
  return entries;
}

/** The "MS" badge of a card connected to the Message Server, its top-left corner at x, y. */
function messageServerBadge(x: number, y: number): string {
  return `<rect x="${x}" y="${y}" width="22" height="14" rx="4" fill="${kindInfo('message-server').color}"/><text x="${x + 4}" y="${y + 10.5}" font-size="9.5" font-weight="bold" fill="#fff">MS</text>`;
}

function legendEntries(kinds: readonly ComponentKind[], extras: LegendExtras): LegendEntry[] {
  const entries: LegendEntry[] = kinds.map((kind) => {
    const name = kindInfo(kind).displayName;
    return {
      svg: `<rect y="-9" width="12" height="12" rx="3" fill="${kindInfo(kind).color}"/><text x="18">${escapeText(name)}</text>`,
      width: 18 + estimateTextWidth(name, 11),
    };
  });
  const connection = 'connection (on the source’s Connections tab)';
  entries.push({
    svg: `<line x1="0" y1="-3" x2="26" y2="-3" stroke="${COLORS.edge}" stroke-width="1.6" marker-end="url(#arrow)"/><text x="32">${escapeText(connection)}</text>`,
    width: 32 + estimateTextWidth(connection, 11),
  });
  entries.push({
    svg: `<path d="M1 -4${LOCK_PATH}" fill="none" stroke="${COLORS.secure}" stroke-width="1.4"/><text x="14">TLS or mutual TLS</text>`,
    width: 14 + estimateTextWidth('TLS or mutual TLS', 11),
  });
  entries.push(...extraEntries(extras));
  return entries;
}

/** The legend's entries flowed into rows of `maxWidth`: each entry's position. */
function flowLegend(entries: readonly LegendEntry[], maxWidth: number): { x: number; row: number }[] {
  let x = 0;
  let row = 0;
  return entries.map((entry) => {
    if (x > 0 && x + entry.width > maxWidth) {
      x = 0;
      row += 1;
    }
    const at = { x, row };
    x += entry.width + 22;
    return at;
  });
}

/**
 * A documentation-grade SVG written from the document: real `<text>` (no `foreignObject`), kind
 * colours and icons, directed edges, a lock on secured edges, a legend and a title, and the
 * document itself in `<metadata>`. Every string is escaped.
 * @example serializeSvg(doc).startsWith('<?xml') === true
 */
export function serializeSvg(input: TopologyDocument, options: SvgOptions = {}): string {
  const document = withDrawableLayout(input);
  // Moving cards to a drawable place changes no problem: those of `input` are those of `document`.
  const problems = options.problems ?? validate(document);
  const counts = countBySeverity(problems);
  const badComponents = new Map<string, 'error' | 'warning'>();
  const badConnections = new Map<string, 'error' | 'warning'>();
  if (options.outlineProblems) {
    for (const problem of problems) {
      if (problem.severity === 'info') continue;
      const target = problemComponentId(problem) !== undefined ? badComponents : badConnections;
      const id = problemComponentId(problem) ?? problemConnectionId(problem);
      if (id !== undefined && target.get(id) !== 'error') target.set(id, problem.severity);
    }
  }

  const names = hostNames(document);
  const hostNameOf = (c: DocumentComponent) => (c.host === undefined ? undefined : names.get(c.host));
  const rects = new Map<string, Rect>();
  const byId = new Map<string, DocumentComponent>();
  const kindsPresent = new Set<ComponentKind>();
  for (const c of document.components) {
    rects.set(c.id, {
      x: c.position?.x ?? 0,
      y: c.position?.y ?? 0,
      width: cardWidth(c, hostNameOf(c)),
      height: CARD_HEIGHT,
    });
    byId.set(c.id, c);
    kindsPresent.add(c.kind);
  }
  const boxes = containerBoxes(document, rects);
  const notes = (document.annotations ?? []).map(layOutNote);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const rect of [
    ...rects.values(),
    ...boxes.zones.values(),
    ...boxes.hosts.values(),
    ...notes.map((n) => n.rect),
  ]) {
    minX = Math.min(minX, rect.x);
    minY = Math.min(minY, rect.y);
    maxX = Math.max(maxX, rect.x + rect.width);
    // Room for the "primary"/"backup" mark drawn over a card's top border.
    minY = Math.min(minY, rect.y - 8);
    maxY = Math.max(maxY, rect.y + rect.height);
  }
  if (minX === Number.POSITIVE_INFINITY) {
    minX = 0;
    minY = 0;
    maxX = 360;
    maxY = 80;
  }
  const pairs = haPairs(document);
  // Message Server connections drawn as badges, or hidden (issue 14 item 4): not lines.
  const drawn = connectionsDrawn(document);
  const badged = messageServerBadges(document);
  const backupMark = new Map(pairs.map((p) => [p.backupId, `backup · ${p.standby}`]));
  const primaryIds = new Set(pairs.map((p) => p.primaryId));
  const kindOf = (id: string) => byId.get(id)?.kind;
  const kindsUsed = COMPONENT_KINDS.filter((kind) => kindsPresent.has(kind));
  const width = Math.max(maxX - minX + PAD * 2, 520);
  const legend = legendEntries(kindsUsed, {
    zones: boxes.zones.size > 0,
    hosts: boxes.hosts.size > 0,
    contextLinks: document.connections.some((c) => isContextLink(kindOf(c.from), kindOf(c.to))),
    standby: pairs.length > 0,
    messageServer:
      messageServerLinks(document) !== 'lines' && drawn.length < document.connections.length
        ? (messageServerLinks(document) as 'badges' | 'hidden')
        : undefined,
  });
  const legendAt = flowLegend(legend, width - PAD * 2);
  const legendHeight = 28 + ((legendAt.at(-1)?.row ?? 0) + 1) * 22;
  const height = maxY - minY + PAD * 2 + TITLE_HEIGHT + legendHeight;
  const dx = PAD - minX;
  const dy = PAD + TITLE_HEIGHT - minY;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${escapeText(FONT, true)}" role="img" aria-labelledby="wfm-title">`,
  );
  const title = document.name?.trim() || 'Untitled deployment';
  out.push(`<title id="wfm-title">${escapeText(title)}</title>`);
  if (!options.forPicture) {
    const embedded = serializeDocument(input, { includeValidation: false, compact: true });
    out.push(`<metadata id="${SVG_METADATA_ID}">${jsonForXml(embedded)}</metadata>`);
  }
  const tooltip = (text: string) => (options.forPicture ? '' : `<title>${escapeText(text)}</title>`);
  out.push(`<style>${STYLE}</style>`);
  out.push('<defs>');
  for (const [id, color] of [
    ['arrow', COLORS.edge],
    ['arrow-error', COLORS.error],
    ['arrow-warning', COLORS.warning],
  ] as const) {
    out.push(
      `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`,
    );
  }
  for (const kind of kindsUsed) out.push(options.forPicture ? kindPattern(kind) : kindSymbol(kind));
  out.push('</defs>');
  out.push(`<rect width="100%" height="100%" fill="${COLORS.page}"/>`);
  out.push(
    `<text x="${PAD}" y="${PAD + 6}" font-size="20" font-weight="bold" fill="${COLORS.text}">${escapeText(title)}</text>`,
  );
  const verdict =
    counts.error === 0 ? 'follows the component connections matrix' : counted(counts.error, 'error');
  const subtitle = `${counted(document.components.length, 'component')} · ${counted(document.connections.length, 'connection')} · rule set ${rulesetLabel(document.ruleset)} · ${verdict}${counts.warning ? ` · ${counted(counts.warning, 'warning')}` : ''}`;
  out.push(
    `<text x="${PAD}" y="${PAD + 28}" font-size="12" fill="${COLORS.muted}">${escapeText(subtitle)}</text>`,
  );

  // Zones, then hosts, behind everything; then connections, so cards sit on top of line ends.
  out.push(`<g id="zones" transform="translate(${num(dx)} ${num(dy)})">`);
  out.push(...zonesMarkup(document.zones ?? [], boxes, tooltip));
  out.push('</g>');
  out.push(`<g id="hosts" transform="translate(${num(dx)} ${num(dy)})">`);
  out.push(...hostsMarkup(document.hosts ?? [], boxes, tooltip));
  out.push('</g>');
  const nameOf = (id: string) => {
    const c = byId.get(id);
    return c ? describeComponent(c) : '';
  };
  // Tags go where they hide no card and no other tag: the cards first, then each tag placed (the
  // standby links' texts first, as they are drawn first).
  const taken = new TakenSpace();
  for (const rect of rects.values()) taken.add(rect);
  out.push(`<g id="standby" transform="translate(${num(dx)} ${num(dy)})">`);
  out.push(...standbyMarkup(pairs, rects, tooltip, nameOf, taken));
  out.push('</g>');
  const directed = new Set<string>();
  for (const c of document.connections) directed.add(`${c.from}\u0000${c.to}`);
  out.push(`<g id="connections" transform="translate(${num(dx)} ${num(dy)})">`);
  for (const connection of drawn) {
    const from = rects.get(connection.from);
    const to = rects.get(connection.to);
    const source = byId.get(connection.from);
    const target = byId.get(connection.to);
    if (!from || !to || !source || !target || connection.from === connection.to) continue;
    const reverse = directed.has(`${connection.to}\u0000${connection.from}`);
    const route = connectionRoute(from, to, connection.waypoints, reverse ? 7 : 0);
    const state = badConnections.get(connection.id);
    const context = isContextLink(source.kind, target.kind);
    const outline =
      state === 'error'
        ? ` class="e error" stroke="${COLORS.error}" stroke-width="2.2"`
        : state === 'warning'
          ? ` class="e warning" stroke="${COLORS.warning}" stroke-dasharray="6 4"`
          : context
            ? ` class="e ctx" stroke="${MODEL_COLORS.context}" stroke-dasharray="6 4"`
            : ' class="e"';
    out.push(
      `<g>${tooltip(`${describeComponent(source)} to ${describeComponent(target)}`)}<path${outline} fill="none" d="${roundedPath(route, 8, 2)}" marker-end="url(#${state ? `arrow-${state}` : 'arrow'})"/>`,
    );
    const tag = edgeTag(connection, source, target);
    if (tag) {
      const w = edgeTagWidth(tag);
      const at = placeTag(route, w, TAG_HEIGHT, taken);
      taken.add({ x: at.x, y: at.y, width: w, height: TAG_HEIGHT });
      const left = at.x;
      const my = at.y + TAG_HEIGHT / 2;
      out.push(
        `<rect class="tag" x="${num(left)}" y="${num(at.y)}" width="${num(w)}" height="${TAG_HEIGHT}" rx="9"/>`,
      );
      if (tag.locked) {
        out.push(
          `<path class="lock" stroke="${COLORS.secure}" d="M${num(left + 7)} ${num(my - 1)}${LOCK_PATH}"/><text class="tag-text secure" fill="${COLORS.secure}" x="${num(left + 19)}" y="${num(my + 3.5)}">${escapeText(tag.text)}</text>`,
        );
      } else {
        out.push(
          `<text class="tag-text" x="${num(left + 6)}" y="${num(my + 3.5)}">${escapeText(tag.text)}</text>`,
        );
      }
    }
    out.push('</g>');
  }
  out.push('</g>');

  out.push(`<g id="components" transform="translate(${num(dx)} ${num(dy)})">`);
  for (const component of document.components) {
    const rect = rects.get(component.id);
    if (!rect) continue;
    const info = kindInfo(component.kind);
    const state = badComponents.get(component.id);
    const textWidth = rect.width - 62;
    const addr = componentAddress(component, hostNameOf(component));
    const context = isContextKind(component.kind);
    const outline = state
      ? ` class="c ${state}${context ? ' ctx' : ''}" stroke="${state === 'error' ? COLORS.error : COLORS.warning}" stroke-width="2.5"`
      : context
        ? ` class="c ctx" fill="${MODEL_COLORS.contextFill}" stroke-dasharray="6 4"`
        : ' class="c"';
    const mark = backupMark.get(component.id) ?? (primaryIds.has(component.id) ? 'primary' : undefined);
    const textY = addr ? 19 : 24;
    out.push(
      `<g transform="translate(${num(rect.x)} ${num(rect.y)})">${tooltip(`${info.displayName}: ${component.name}`)}<rect${outline} width="${num(rect.width)}" height="${rect.height}" rx="9"/>${options.forPicture ? kindTiles(component.kind) : use(`kind-${component.kind}`)}<text class="k" x="56" y="${textY}">${fitted(info.displayName, 11, textWidth)}</text><text class="n" x="56" y="${textY + 16}">${fitted(component.name, 13, textWidth, true)}</text>${
        addr ? `<text class="a" x="56" y="${textY + 31}">${fitted(addr, 10.5, textWidth)}</text>` : ''
      }${
        component.etl
          ? `<rect x="${num(rect.width - 34)}" y="${rect.height - 9}" width="26" height="14" rx="4" fill="${info.color}"/><text class="etl" x="${num(rect.width - 30)}" y="${rect.height + 1.5}">ETL</text>`
          : ''
      }${badged.has(component.id) ? messageServerBadge(14, rect.height - 7) : ''}${mark ? haMark(mark, rect.width) : ''}</g>`,
    );
  }
  out.push('</g>');

  out.push(`<g id="notes" transform="translate(${num(dx)} ${num(dy)})">`);
  out.push(
    ...notesMarkup(
      notes,
      tooltip,
      (document.annotations ?? []).map((n) => n.text),
    ),
  );
  out.push('</g>');

  // Legend: the kinds in the diagram, then the edge styles, flowed into rows.
  const legendTop = height - legendHeight + 6;
  out.push(
    `<g id="legend" transform="translate(${PAD} ${num(legendTop)})" font-size="11" fill="${COLORS.text}">`,
  );
  out.push(`<text y="0" font-size="11" font-weight="bold" fill="${COLORS.muted}">Legend</text>`);
  legend.forEach((entry, index) => {
    const at = legendAt[index] ?? { x: 0, row: 0 };
    out.push(`<g transform="translate(${num(at.x)} ${20 + at.row * 22})">${entry.svg}</g>`);
  });
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
