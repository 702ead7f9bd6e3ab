/** What the canvas tells each connection edge about its connection. */
export type ConnectionEdgeData = {
  /** `error`, `warning` or `info` when the connection has a problem of that severity. */
  severity: 'error' | 'warning' | 'info' | null;
  secured: 'tls' | 'mutual-tls' | null;
  label: string | null;
  /** True when the opposite connection also exists: both are drawn apart. */
  hasReverse: boolean;
};
