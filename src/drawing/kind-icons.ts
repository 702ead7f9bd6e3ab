import { COMPONENT_KINDS, type ComponentKind, kindInfo, recordOf } from '../domain';

// One stroke icon per kind, as SVG path data on a 24×24 grid (stroke, no fill), held by the kinds'
// registry. The canvas, the palette and the SVG exporter draw the same paths, so a diagram looks
// alike everywhere.

/** How every kind icon is stroked, as SVG attributes: white, rounded, 1.8 on the 24×24 grid. */
export const ICON_STROKE =
  'fill="none" stroke="#ffffff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"';

/** A kind's icon as SVG `<path>` markup, for the writers that build SVG as text. */
export function kindIconMarkup(kind: ComponentKind): string {
  return kindInfo(kind)
    .icon.map((d) => `<path d="${d}"/>`)
    .join('');
}

/** Each kind's icon paths, by kind: the registry's `icon`, as the canvas and the UI kit index them. */
export const KIND_ICON_PATHS: { readonly [K in ComponentKind]: readonly string[] } = recordOf(
  COMPONENT_KINDS,
  (kind) => kindInfo(kind).icon,
);
