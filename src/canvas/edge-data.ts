/** What the canvas tells each connection edge about its connection. */
export type ConnectionEdgeData = {
  /** `error`, `warning` or `info` when the connection has a problem of that severity. */
  severity: 'error' | 'warning' | 'info' | null;
  secured: 'tls' | 'mutual-tls' | null;
  label: string | null;
  /** True when `label` is the connection's own label, not the matrix's. */
  userLabel: boolean;
  /** A context link: a Framework context kind at either end (dashed, never judged by the matrix). */
  context: boolean;
  /** True when the opposite connection also exists: both are drawn apart. */
  hasReverse: boolean;
  /** The stored route (Tidy up's, or the re-route after a move): drawn along it, else straight. */
  waypoints: readonly { readonly x: number; readonly y: number }[] | null;
};
