import type {
  DocumentComponent,
  DocumentConnection,
  DocumentHost,
  DocumentZone,
  TopologyDocument,
} from '../src/document';
import type { ComponentKind, Security } from '../src/domain';

/** The benchmark sizes of issue 6, in components. */
export const SIZES = { S: 200, M: 1_000, L: 5_000, XL: 10_000 } as const;
export type SizeName = keyof typeof SIZES;

/** mulberry32: a small seeded PRNG, so every run and every machine measures the same documents. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One site of ten applications, at column and row on the site's grid, as a designer lays it out. */
const SITE: readonly (readonly [key: string, kind: ComponentKind, column: number, row: number])[] = [
  ['web1', 'web', 0, 0],
  ['web2', 'web', 1, 0],
  ['bld1', 'builder', 0, 1],
  ['bld2', 'builder', 1, 1],
  ['bld3', 'builder', 2, 1],
  ['agg', 'data-aggregator', 0, 2],
  ['srv', 'server', 1, 2],
  ['util', 'db-utility', 2, 2],
  ['dap', 'dap', 0, 3],
  ['stat', 'stat-server', 1, 3],
];

/** The first site runs the deployment's one WFM Daemon instead of a third WFM Builder. */
const FIRST_SITE = SITE.map((entry) => (entry[0] === 'bld3' ? (['dmn', 'daemon', 2, 0] as const) : entry));

/** The Connections-tab entries of a site, all legal in the matrix: fifteen for ten components. */
const LINKS: readonly (readonly [from: string, to: string])[] = [
  ['srv', 'bld1'],
  ['srv', 'bld2'],
  ['srv', 'bld3'],
  ['srv', 'dap'],
  ['bld1', 'srv'],
  ['bld2', 'srv'],
  ['bld3', 'srv'],
  ['agg', 'srv'],
  ['agg', 'dap'],
  ['agg', 'stat'],
  ['web1', 'srv'],
  ['web2', 'srv'],
  ['util', 'dap'],
  ['web1', 'web2'],
  // The server of the previous site: WFM Servers that schedule across sites.
  ['srv', 'srv@previous'],
];

const FIRST_LINKS: readonly (readonly [from: string, to: string])[] = [
  ...LINKS.filter(([from, to]) => from !== 'bld3' && to !== 'bld3' && to !== 'srv@previous'),
  ['dmn', 'srv'],
  ['dmn', 'web1'],
  ['srv', 'agg'],
];

const SITE_WIDTH = 760;
const SITE_HEIGHT = 620;
const COLUMN = 248;
const ROW = 156;

/** A zone holds this many sites, side by side in a row of the grid. */
const SITES_PER_ZONE = 5;
/** Space between a host's edge and its cards, and between a zone's edge and its hosts. */
const PAD = 24;
const CARD_WIDTH = 200;
const CARD_HEIGHT = 60;

export interface GenerateOptions {
  /**
   * Version 2's layout objects (issue 13): each site runs on two hosts (the WFM applications on
   * one, the Framework's DAP and Stat Server on another, both with an LCA and a certificate), and
   * every five sites of a grid row are one zone. Without it components name no host.
   */
  readonly hostsAndZones?: boolean;
}

export interface GeneratedDocument {
  readonly document: TopologyDocument;
  /** Sites whose server has no problem: the badge scenario deletes such a site's DAP. */
  readonly cleanSites: readonly number[];
}

/**
 * A deployment of `size` components (rounded up to a multiple of ten) and 1.5 connections per component: sites
 * of ten applications laid out on a grid, linked to the previous site's server, with a fault in
 * about one site in twenty-five (a forbidden or duplicated connection, a missing one) so the
 * problems panel has something to show. The same seed gives the same document.
 */
export function generateDocument(size: number, seed = 6, options: GenerateOptions = {}): GeneratedDocument {
  const random = createRandom(seed + size);
  const sites = Math.ceil(size / SITE.length);
  // Wider than high, like the canvas: at the canvas's smallest zoom (0.1) the whole M document
  // fits the bench's 1920×1080 window.
  const columns = Math.ceil(Math.sqrt(sites * 2));
  const components: DocumentComponent[] = [];
  const connections: DocumentConnection[] = [];
  const cleanSites: number[] = [];
  const hosts: DocumentHost[] = [];
  const zones: DocumentZone[] = [];
  const security = (): Security | undefined => {
    const roll = random();
    return roll < 0.25 ? 'tls' : roll < 0.3 ? 'mutual-tls' : undefined;
  };
  for (let site = 0; site < sites; site += 1) {
    const left = (site % columns) * SITE_WIDTH;
    const top = Math.floor(site / columns) * SITE_HEIGHT;
    const members = site === 0 ? FIRST_SITE : SITE;
    if (options.hostsAndZones) {
      if ((site % columns) % SITES_PER_ZONE === 0) {
        const inRow = Math.min(SITES_PER_ZONE, columns - (site % columns), sites - site);
        zones.push({
          id: `zone-${zones.length}`,
          name: `Zone ${zones.length + 1}`,
          position: { x: left - 2 * PAD, y: top - 3 * PAD },
          size: { width: inRow * SITE_WIDTH - PAD, height: SITE_HEIGHT - PAD },
        });
      }
      const zone = zones.at(-1)?.id;
      for (const [part, rows] of [
        ['app', [0, 2]],
        ['fw', [3, 3]],
      ] as const) {
        const [first, last] = rows;
        hosts.push({
          id: `host-${part}-${site}`,
          name: `wfm-${part}-${site}`,
          address: `wfm-${part}-${site}.example.com`,
          ...(zone === undefined ? {} : { zone }),
          lca: true,
          lcaPort: 4999,
          certificate: true,
          position: { x: left - PAD, y: top + first * ROW - PAD },
          size: {
            width: 2 * COLUMN + CARD_WIDTH + 2 * PAD,
            height: (last - first) * ROW + CARD_HEIGHT + 2 * PAD,
          },
        });
      }
    }
    members.forEach(([key, kind, column, row], index) => {
      components.push({
        id: `${key}-${site}`,
        kind,
        name: `WFM_${key}_${site}`,
        position: { x: left + column * COLUMN, y: top + row * ROW },
        ...(options.hostsAndZones ? { host: `host-${row === 3 ? 'fw' : 'app'}-${site}` } : {}),
        // One port per application of a site: two on one host never share one.
        port: 7000 + index,
        ...(kind === 'server' && site === 0 ? { etl: true } : {}),
      });
    });
    const links = [...(site === 0 ? FIRST_LINKS : LINKS)];
    const fault = site === 0 ? 1 : random();
    if (fault < 0.01) {
      links[12] = ['util', 'stat']; // forbidden by the matrix
    } else if (fault < 0.02) {
      links[13] = ['web2', 'srv']; // listed twice
    } else if (fault < 0.04) {
      links[6] = ['web2', 'web1']; // the third WFM Builder lost its WFM Server
    } else {
      cleanSites.push(site);
    }
    links.forEach(([from, to], index) => {
      const target = to === 'srv@previous' ? `srv-${site - 1}` : `${to}-${site}`;
      const tls = security();
      connections.push({
        id: `c${site}-${index}`,
        from: `${from}-${site}`,
        to: target,
        ...(tls ? { security: tls } : {}),
      });
    });
  }
  const document: TopologyDocument = {
    format: 'wfm-topology',
    version: 2,
    name: `Benchmark ${size.toLocaleString('en')} components`,
    ruleset: 'wfm-8.5.2',
    options: { managementLayer: false, scheduledReporting: true },
    zones: options.hostsAndZones ? zones : [],
    hosts: options.hostsAndZones ? hosts : [],
    components,
    connections,
    annotations: [],
  };
  return { document, cleanSites };
}
