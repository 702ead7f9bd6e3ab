import type { TopologyDocument } from '../document';
import { createEmptyDocument } from '../document';

/**
 * A small deployment laid out once before the first Tidy up, so ELK's code (GWT-compiled, slow
 * until the JavaScript engine has compiled it) is warm when the user asks: the first layout of a
 * page took 1.3 s at 200 cards cold and 0.7 s warm (docs/performance.md). Two sites on hosts in a
 * zone, every tier and a cross-site link: the code paths a real diagram takes.
 */
export function warmUpDocument(): TopologyDocument {
  const empty = createEmptyDocument('Warm-up');
  const sites = [0, 1];
  const kinds = ['web', 'builder', 'data-aggregator', 'server', 'db-utility', 'dap', 'stat-server'] as const;
  const components = sites.flatMap((site) =>
    kinds.map((kind, index) => ({
      id: `${kind}-${site}`,
      kind,
      name: `${kind}_${site}`,
      host: index < 5 ? `app-${site}` : `fw-${site}`,
      port: 7000 + index,
    })),
  );
  const link = (from: string, to: string, site: number) => ({
    id: `${from}-${to}-${site}`,
    from: `${from}-${site}`,
    to: `${to}-${site}`,
  });
  const connections = sites.flatMap((site) => [
    link('web', 'server', site),
    link('builder', 'server', site),
    link('server', 'builder', site),
    link('data-aggregator', 'server', site),
    link('data-aggregator', 'stat-server', site),
    link('data-aggregator', 'dap', site),
    link('server', 'dap', site),
    link('db-utility', 'dap', site),
  ]);
  connections.push({ id: 'cross', from: 'server-1', to: 'server-0' });
  return {
    ...empty,
    zones: [{ id: 'zone', name: 'Site' }],
    hosts: sites.flatMap((site) => [
      { id: `app-${site}`, name: `app${site}`, zone: 'zone' },
      { id: `fw-${site}`, name: `fw${site}`, zone: 'zone' },
    ]),
    components,
    connections,
  };
}
