import type { ComponentKind } from '../domain';

/**
 * One stroke icon per kind, as SVG path data on a 24×24 grid (stroke, no fill). The canvas, the
 * palette and the SVG exporter draw the same paths, so a diagram looks alike everywhere.
 */
/** How every kind icon is stroked, as SVG attributes: white, rounded, 1.8 on the 24×24 grid. */
export const ICON_STROKE =
  'fill="none" stroke="#ffffff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"';

/** A kind's icon as SVG `<path>` markup, for the writers that build SVG as text. */
export function kindIconMarkup(kind: ComponentKind): string {
  return KIND_ICON_PATHS[kind].map((d) => `<path d="${d}"/>`).join('');
}

export const KIND_ICON_PATHS: { readonly [K in ComponentKind]: readonly string[] } = {
  // A hub with four spokes: every WFM component talks to the Server.
  server: ['M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6', 'M12 3v6M12 15v6M3 12h6M15 12h6'],
  // A calendar: schedules.
  builder: ['M4 6h16v14H4z', 'M4 10h16', 'M8 3v5M16 3v5', 'M8 14h3M13 14h3M8 17h3'],
  // An envelope: notifications.
  daemon: ['M3 6h18v12H3z', 'M3 7l9 6l9-6'],
  // Bars: statistics gathered.
  'data-aggregator': ['M4 20h16', 'M6 20v-6M10 20v-10M14 20v-8M18 20v-13'],
  // A globe: the web application.
  web: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M3 12h18', 'M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18'],
  // A database with a circular arrow: backup and restore.
  'db-utility': [
    'M4 6c0-3 10-3 10 0v9c0 3-10 3-10 0z',
    'M4 6c0 3 10 3 10 0',
    'M17 10a4 4 0 1 1-1 7',
    'M16 14v3h3',
  ],
  // A cylinder: the database.
  dap: ['M5 6c0-4 14-4 14 0v12c0 4-14 4-14 0z', 'M5 6c0 4 14 4 14 0', 'M5 12c0 4 14 4 14 0'],
  // A gauge: statistics.
  'stat-server': ['M3 16a9 9 0 0 1 18 0', 'M12 16l4-6', 'M3 20h18'],
  // A speech bubble: log and alarm messages.
  'message-server': ['M4 5h16v11H9l-5 4z', 'M8 9h8M8 12h5'],
};
