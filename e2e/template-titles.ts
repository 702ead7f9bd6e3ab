// The templates dialog's six titles, in its order (src/templates/catalog.ts; the catalog itself
// reads its files with Vite's `?raw`, which the test runner cannot load). templates.test.ts pins
// the catalog to the same list, so a new template fails there first.
export const TEMPLATE_TITLES = [
  'Minimal single site',
  'Single site with Management Layer',
  'Notifications and scheduled reports',
  'Builder pool',
  'Multi-site with several WFM Servers',
  'Highly available site',
] as const;
