import { type DocumentComponent, serializeDocument, type TopologyDocument } from '../document';
import {
  COMPONENT_KINDS,
  countBySeverity,
  describeComponent,
  kindInfo,
  matrixCell,
  problemComponentId,
  problemConnectionId,
  RULESET,
  validate,
} from '../domain';
import { connectionEnds, type Rect } from './geometry';
import { KIND_ICON_PATHS } from './kind-icons';
import { CARD_HEIGHT, CARD_WIDTH, withLayout } from './layout';
import { estimateTextWidth, fitText } from './text-metrics';
import { escapeXml } from './xml';

export interface SvgOptions {
  /** Outline components and connections that have an error or a warning. */
  readonly outlineProblems?: boolean;
}

/** The id of the `<metadata>` element that carries the document, so the SVG can be imported again. */
export const SVG_METADATA_ID = 'wfm-topology-document';

/** Arial's metrics are shared by Helvetica and Liberation Sans: the same layout in every tool. */
const FONT = 'Arial, Helvetica, &apos;Liberation Sans&apos;, sans-serif';
const PAD = 32;
const TITLE_HEIGHT = 58;
const MAX_CARD_WIDTH = 300;
const LABEL_AT = 0.42;
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

function cardWidth(component: DocumentComponent): number {
  const text = Math.max(
    estimateTextWidth(component.name, 13, true),
    estimateTextWidth(kindInfo(component.kind).displayName, 11),
    estimateTextWidth(address(component), 10.5),
  );
  return Math.min(MAX_CARD_WIDTH, Math.max(CARD_WIDTH, Math.ceil(text + 72)));
}

function address(component: DocumentComponent): string {
  if (!component.host && component.port === undefined) return '';
  return `${component.host ?? ''}${component.port === undefined ? '' : `:${component.port}`}`;
}

/**
 * JSON leaves U+FFFE and U+FFFF raw inside strings, and XML cannot hold them: `escapeXml` would
 * drop them and change the embedded document. As JSON escapes they survive the trip.
 */
function jsonForXml(json: string): string {
  return json.replace(/[\ufffe\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`);
}

function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

interface LegendEntry {
  readonly svg: string;
  readonly width: number;
}

function legendEntries(kinds: readonly (typeof COMPONENT_KINDS)[number][]): LegendEntry[] {
  const entries: LegendEntry[] = kinds.map((kind) => {
    const name = kindInfo(kind).displayName;
    return {
      svg: `<rect y="-9" width="12" height="12" rx="3" fill="${kindInfo(kind).color}"/><text x="18">${escapeXml(name)}</text>`,
      width: 18 + estimateTextWidth(name, 11),
    };
  });
  const connection = 'connection (on the source’s Connections tab)';
  entries.push({
    svg: `<line x1="0" y1="-3" x2="26" y2="-3" stroke="${COLORS.edge}" stroke-width="1.6" marker-end="url(#arrow)"/><text x="32">${escapeXml(connection)}</text>`,
    width: 32 + estimateTextWidth(connection, 11),
  });
  entries.push({
    svg: `<path d="M1 -4h8v6h-8z M2.5 -4v-2a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="${COLORS.secure}" stroke-width="1.4"/><text x="14">TLS or mutual TLS</text>`,
    width: 14 + estimateTextWidth('TLS or mutual TLS', 11),
  });
  return entries;
}

function legendRowCount(entries: readonly LegendEntry[], maxWidth: number): number {
  let x = 0;
  let rows = 1;
  for (const entry of entries) {
    if (x > 0 && x + entry.width > maxWidth) {
      x = 0;
      rows += 1;
    }
    x += entry.width + 22;
  }
  return rows;
}

/**
 * A documentation-grade SVG written from the document: real `<text>` (no `foreignObject`), kind
 * colours and icons, directed edges, a lock on secured edges, a legend and a title, and the
 * document itself in `<metadata>`. Every string is escaped.
 * @example serializeSvg(doc).startsWith('<?xml') === true
 */
export function serializeSvg(input: TopologyDocument, options: SvgOptions = {}): string {
  const document = withLayout(input);
  const problems = validate(document);
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

  const rects = new Map<string, Rect>();
  for (const c of document.components) {
    rects.set(c.id, {
      x: c.position?.x ?? 0,
      y: c.position?.y ?? 0,
      width: cardWidth(c),
      height: CARD_HEIGHT,
    });
  }
  const all = [...rects.values()];
  const minX = all.length ? Math.min(...all.map((r) => r.x)) : 0;
  const minY = all.length ? Math.min(...all.map((r) => r.y)) : 0;
  const maxX = all.length ? Math.max(...all.map((r) => r.x + r.width)) : 360;
  const maxY = all.length ? Math.max(...all.map((r) => r.y + r.height)) : 80;
  const kindsUsed = COMPONENT_KINDS.filter((kind) => document.components.some((c) => c.kind === kind));
  const width = Math.max(maxX - minX + PAD * 2, 520);
  const legendHeight = 28 + legendRowCount(legendEntries(kindsUsed), width - PAD * 2) * 22;
  const height = maxY - minY + PAD * 2 + TITLE_HEIGHT + legendHeight;
  const dx = PAD - minX;
  const dy = PAD + TITLE_HEIGHT - minY;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${FONT}" role="img" aria-labelledby="wfm-title">`,
  );
  const title = document.name?.trim() || 'Untitled deployment';
  out.push(`<title id="wfm-title">${escapeXml(title)}</title>`);
  out.push(`<metadata id="${SVG_METADATA_ID}">${escapeXml(jsonForXml(serializeDocument(input)))}</metadata>`);
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
  out.push('</defs>');
  out.push(`<rect width="100%" height="100%" fill="${COLORS.page}"/>`);
  out.push(
    `<text x="${PAD}" y="${PAD + 6}" font-size="20" font-weight="bold" fill="${COLORS.text}">${escapeXml(title)}</text>`,
  );
  const verdict =
    counts.error === 0
      ? 'follows the component connections matrix'
      : `${counts.error} error${counts.error === 1 ? '' : 's'}`;
  const subtitle = `${document.components.length} components · ${document.connections.length} connections · rule-set ${RULESET} · ${verdict}${counts.warning ? ` · ${counts.warning} warning${counts.warning === 1 ? '' : 's'}` : ''}`;
  out.push(
    `<text x="${PAD}" y="${PAD + 28}" font-size="12" fill="${COLORS.muted}">${escapeXml(subtitle)}</text>`,
  );

  // Connections first, so cards sit on top of line ends.
  const pairs = new Set(document.connections.map((c) => `${c.from}\u0000${c.to}`));
  const byId = new Map(document.components.map((c) => [c.id, c]));
  out.push(`<g id="connections" transform="translate(${num(dx)} ${num(dy)})">`);
  for (const connection of document.connections) {
    const from = rects.get(connection.from);
    const to = rects.get(connection.to);
    const source = byId.get(connection.from);
    const target = byId.get(connection.to);
    if (!from || !to || !source || !target || connection.from === connection.to) continue;
    const reverse = pairs.has(`${connection.to}\u0000${connection.from}`);
    const { start, end } = connectionEnds(from, to, reverse ? 7 : 0, 2);
    const state = badConnections.get(connection.id);
    const color = state === 'error' ? COLORS.error : state === 'warning' ? COLORS.warning : COLORS.edge;
    const marker = state ? `arrow-${state}` : 'arrow';
    const label = `${describeComponent(source)} to ${describeComponent(target)}`;
    out.push(
      `<g><title>${escapeXml(label)}</title><line x1="${num(start.x)}" y1="${num(start.y)}" x2="${num(end.x)}" y2="${num(end.y)}" stroke="${color}" stroke-width="${state === 'error' ? 2.2 : 1.6}"${state === 'warning' ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#${marker})"/>`,
    );
    const security = connection.security ?? 'none';
    const cellLabel = matrixCell(source.kind, target.kind)?.label;
    const tag = [security === 'tls' ? 'TLS' : security === 'mutual-tls' ? 'mTLS' : '', cellLabel ?? '']
      .filter(Boolean)
      .join(' · ');
    if (tag) {
      // Short of the middle, so the labels of a two-way pair do not cover each other.
      const mx = start.x + (end.x - start.x) * LABEL_AT;
      const my = start.y + (end.y - start.y) * LABEL_AT;
      const locked = security !== 'none';
      const w = estimateTextWidth(tag, 10) + (locked ? 24 : 12);
      out.push(
        `<rect x="${num(mx - w / 2)}" y="${num(my - 9)}" width="${num(w)}" height="18" rx="9" fill="${COLORS.card}" stroke="${COLORS.border}"/>`,
      );
      if (locked) {
        out.push(
          `<path d="M${num(mx - w / 2 + 7)} ${num(my - 1)}h8v6h-8z M${num(mx - w / 2 + 8.5)} ${num(my - 1)}v-2a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="${COLORS.secure}" stroke-width="1.4"/>`,
        );
      }
      out.push(
        `<text x="${num(mx - w / 2 + (locked ? 19 : 6))}" y="${num(my + 3.5)}" font-size="10" fill="${locked ? COLORS.secure : COLORS.muted}" font-weight="${locked ? 'bold' : 'normal'}">${escapeXml(tag)}</text>`,
      );
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
    const stroke = state === 'error' ? COLORS.error : state === 'warning' ? COLORS.warning : COLORS.border;
    const textWidth = rect.width - 62;
    const addr = address(component);
    out.push(`<g transform="translate(${num(rect.x)} ${num(rect.y)})">`);
    out.push(`<title>${escapeXml(`${info.displayName}: ${component.name}`)}</title>`);
    out.push(
      `<rect width="${num(rect.width)}" height="${rect.height}" rx="9" fill="${COLORS.card}" stroke="${stroke}" stroke-width="${state ? 2.5 : 1.2}"/>`,
    );
    out.push(`<rect width="5" height="${rect.height}" rx="2" fill="${info.color}"/>`);
    out.push(
      `<rect x="14" y="${(rect.height - 32) / 2}" width="32" height="32" rx="8" fill="${info.color}"/>`,
    );
    out.push(
      `<g transform="translate(18 ${(rect.height - 32) / 2 + 4})" fill="none" stroke="#ffffff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${KIND_ICON_PATHS[
        component.kind
      ]
        .map((d) => `<path d="${d}"/>`)
        .join('')}</g>`,
    );
    const textY = addr ? 19 : 24;
    out.push(
      `<text x="56" y="${textY}" font-size="11" fill="${COLORS.muted}">${escapeXml(fitText(info.displayName, 11, textWidth))}</text>`,
    );
    out.push(
      `<text x="56" y="${textY + 16}" font-size="13" font-weight="bold" fill="${COLORS.text}">${escapeXml(fitText(component.name, 13, textWidth, true))}</text>`,
    );
    if (addr) {
      out.push(
        `<text x="56" y="${textY + 31}" font-size="10.5" fill="${COLORS.muted}">${escapeXml(fitText(addr, 10.5, textWidth))}</text>`,
      );
    }
    if (component.etl) {
      out.push(
        `<rect x="${num(rect.width - 34)}" y="${rect.height - 9}" width="26" height="14" rx="4" fill="${info.color}"/><text x="${num(rect.width - 30)}" y="${rect.height + 1.5}" font-size="9" font-weight="bold" fill="#ffffff">ETL</text>`,
      );
    }
    out.push('</g>');
  }
  out.push('</g>');

  // Legend: the kinds in the diagram, then the edge styles, flowed into rows.
  const legendTop = height - legendHeight + 6;
  out.push(
    `<g id="legend" transform="translate(${PAD} ${num(legendTop)})" font-size="11" fill="${COLORS.text}">`,
  );
  out.push(`<text y="0" font-size="11" font-weight="bold" fill="${COLORS.muted}">Legend</text>`);
  let x = 0;
  let row = 0;
  for (const entry of legendEntries(kindsUsed)) {
    if (x > 0 && x + entry.width > width - PAD * 2) {
      x = 0;
      row += 1;
    }
    out.push(`<g transform="translate(${num(x)} ${20 + row * 22})">${entry.svg}</g>`);
    x += entry.width + 22;
  }
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
