import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedSeed } from '../document/testing/property';
import { createIncrementalValidator } from './incremental-validate';
import { COMPONENT_KINDS, type ComponentKind } from './kinds';
import {
  RULESET_IDS,
  type RulesetId,
  type Security,
  type Standby,
  type Topology,
  type TopologyComponent,
  type TopologyConnection,
  type TopologyHost,
  type TopologyZone,
} from './model';
import { type Problem, problemConnectionId } from './problems';
import { comp, conn, doc, healthyComponents, healthyConnections } from './test-builders';
import { validate } from './validate';

// The incremental validator must say exactly what `validate` says, in the same order, after any
// sequence of the edits the editor makes, and after any other change (which it validates in full).

type Edit =
  | { readonly type: 'rename'; readonly pick: number; readonly name: string }
  | { readonly type: 'move'; readonly pick: number; readonly x: number }
  | { readonly type: 'security'; readonly pick: number; readonly security: Security }
  | { readonly type: 'connect'; readonly from: number; readonly to: number }
  | { readonly type: 'disconnect'; readonly picks: readonly number[] }
  | {
      readonly type: 'add';
      readonly kind: ComponentKind;
      readonly name: string;
      readonly etl: boolean;
      readonly host: string | undefined;
      readonly port: number | undefined;
    }
  | { readonly type: 'delete-component'; readonly pick: number }
  | { readonly type: 'options'; readonly scheduledReporting: boolean; readonly managementLayer: boolean }
  | { readonly type: 'repeat-id'; readonly pick: number }
  // Version 2 (rules.md Part II): the validator must still say what validate says.
  | { readonly type: 'ruleset'; readonly ruleset: RulesetId }
  | { readonly type: 'hosts'; readonly hosts: readonly TopologyHost[] }
  | {
      readonly type: 'place';
      readonly pick: number;
      readonly host: string | undefined;
      readonly port: number | undefined;
      readonly mutualAuth: boolean | undefined;
    }
  | { readonly type: 'set-host'; readonly pick: number; readonly host: string | undefined }
  | { readonly type: 'mutual-auth'; readonly pick: number; readonly mutualAuth: boolean | undefined }
  | { readonly type: 'backup'; readonly pick: number; readonly of: number; readonly standby: Standby }
  | { readonly type: 'add-backup'; readonly of: number; readonly name: string }
  | { readonly type: 'host-edit'; readonly pick: number; readonly patch: Partial<TopologyHost> }
  | { readonly type: 'move-host'; readonly pick: number; readonly x: number }
  | { readonly type: 'add-host'; readonly id: string; readonly name: string; readonly lca: boolean }
  | { readonly type: 'remove-host'; readonly pick: number; readonly unassign: boolean }
  | { readonly type: 'zones'; readonly zones: readonly TopologyZone[] };

/** The edits the editor makes all the time: each must be followed, never validated in full. */
const COMMON: ReadonlySet<Edit['type']> = new Set([
  'rename',
  'move',
  'security',
  'connect',
  'disconnect',
  'add',
  'place',
  'set-host',
  'mutual-auth',
  'host-edit',
  'move-host',
  'add-host',
  'remove-host',
  'zones',
]);

const names = fc.constantFrom('A', 'a', ' A ', 'B', 'WFM_Server', 'wfm_server', 'Srv 2', 'C');
const hostIds = fc.constantFrom('h1', 'h2', 'h3');
const hostNames = fc.constantFrom('app01', 'APP01', 'db01', ' db01 ', 'web01');
/** Host ids components name: mostly hosts that may exist, sometimes none, once in a while one that never does. */
const placeHostIds = fc.constantFrom(undefined, 'h1', 'h2', 'h3', 'nowhere');
const ports = fc.constantFrom(undefined, 4999, 7000, 7001);
const hostArbitrary: fc.Arbitrary<TopologyHost> = fc.record(
  {
    id: hostIds,
    name: hostNames,
    lca: fc.constantFrom(undefined, true, false),
    lcaPort: fc.constantFrom(undefined, 4999, 7000),
    certificate: fc.constantFrom(undefined, true, false),
    zone: fc.constantFrom(undefined, 'z1', 'z2'),
  },
  { requiredKeys: ['id', 'name'] },
);
const zonesArbitrary = fc.constantFrom<readonly TopologyZone[]>(
  [],
  [{ id: 'z1', name: 'DMZ' }],
  [
    { id: 'z1', name: 'DMZ' },
    { id: 'z2', name: 'Core' },
  ],
);

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('rename' as const), pick: fc.nat(), name: names }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('move' as const), pick: fc.nat(), x: fc.integer({ max: 500 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('security' as const),
      pick: fc.nat(),
      security: fc.constantFrom<Security>('none', 'tls', 'mutual-tls'),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ type: fc.constant('connect' as const), from: fc.nat(), to: fc.nat() }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('disconnect' as const),
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('add' as const),
      kind: fc.constantFrom(...COMPONENT_KINDS),
      name: names,
      etl: fc.boolean(),
      host: placeHostIds,
      port: ports,
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('delete-component' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('options' as const),
      scheduledReporting: fc.boolean(),
      managementLayer: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('repeat-id' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('ruleset' as const), ruleset: fc.constantFrom(...RULESET_IDS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('hosts' as const),
      hosts: fc.array(hostArbitrary, { maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('place' as const),
      pick: fc.nat(),
      host: placeHostIds,
      port: ports,
      mutualAuth: fc.constantFrom(undefined, true, false),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('set-host' as const), pick: fc.nat(), host: placeHostIds }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('mutual-auth' as const),
      pick: fc.nat(),
      mutualAuth: fc.constantFrom(undefined, true, false),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('backup' as const),
      pick: fc.nat(),
      of: fc.nat(),
      standby: fc.constantFrom<Standby>('warm', 'hot'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('add-backup' as const), of: fc.nat(), name: names }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('host-edit' as const),
      pick: fc.nat(),
      patch: fc.oneof(
        fc.record({ name: hostNames }),
        fc.record({ lca: fc.constantFrom(undefined, true, false) }),
        fc.record({ certificate: fc.constantFrom(undefined, true, false) }),
        fc.record({ lcaPort: fc.constantFrom(undefined, 4999, 7000) }),
        fc.record({ zone: fc.constantFrom(undefined, 'z1', 'z2') }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('move-host' as const),
      pick: fc.nat(),
      x: fc.integer({ max: 500 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('add-host' as const),
      id: fc.constantFrom('h1', 'h2', 'h3', 'h4'),
      name: hostNames,
      lca: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('remove-host' as const),
      pick: fc.nat(),
      unassign: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('zones' as const), zones: zonesArbitrary }) },
);

/** What a random component of a start document is. */
const componentSpec = fc.record({
  kind: fc.constantFrom(...COMPONENT_KINDS),
  name: names,
  etl: fc.boolean(),
  host: placeHostIds,
  port: ports,
  mutualAuth: fc.constantFrom(undefined, true, false),
  // Most components are no backup; some are the backup of a component of their kind, of any, of themselves or of a missing one.
  backup: fc.constantFrom('none', 'none', 'none', 'same', 'same', 'any', 'self', 'missing'),
  of: fc.nat(),
  standby: fc.constantFrom<Standby | undefined>(undefined, 'warm', 'hot'),
});

/**
 * A random version 2 document: hosts (some sharing an id or a name), zones, components on hosts
 * and ports (some clashing), backups valid and not, context kinds, and connections among them.
 */
const v2Document: fc.Arbitrary<Topology> = fc
  .record({
    specs: fc.array(componentSpec, { maxLength: 14 }),
    links: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        security: fc.constantFrom<Security | undefined>(undefined, 'tls', 'mutual-tls'),
      }),
      { maxLength: 24 },
    ),
    hosts: fc.array(hostArbitrary, { maxLength: 4 }),
    zones: zonesArbitrary,
    scheduledReporting: fc.boolean(),
    managementLayer: fc.boolean(),
    ruleset: fc.constantFrom<RulesetId | undefined>(undefined, ...RULESET_IDS),
  })
  .map(({ specs, links, hosts, zones, scheduledReporting, managementLayer, ruleset }) => {
    const ids = specs.map((_, i) => `k${i}`);
    const components = specs.map((spec, i): TopologyComponent => {
      const sameKind = ids.filter((_, j) => j !== i && specs[j]?.kind === spec.kind);
      const others = ids.filter((_, j) => j !== i);
      const backupOf =
        spec.backup === 'same'
          ? sameKind[spec.of % Math.max(sameKind.length, 1)]
          : spec.backup === 'any'
            ? others[spec.of % Math.max(others.length, 1)]
            : spec.backup === 'self'
              ? ids[i]
              : spec.backup === 'missing'
                ? 'gone'
                : undefined;
      return {
        id: ids[i] as string,
        kind: spec.kind,
        name: spec.name,
        ...(spec.kind === 'server' ? { etl: spec.etl } : {}),
        ...(spec.host === undefined ? {} : { host: spec.host }),
        ...(spec.port === undefined ? {} : { port: spec.port }),
        ...(spec.mutualAuth === undefined ? {} : { mutualAuth: spec.mutualAuth }),
        ...(backupOf === undefined ? {} : { backupOf, ...(spec.standby ? { standby: spec.standby } : {}) }),
      };
    });
    const connections =
      ids.length === 0
        ? []
        : links.map((link, c) =>
            conn(
              `c${c}`,
              ids[link.from % ids.length] as string,
              ids[link.to % ids.length] as string,
              link.security,
            ),
          );
    return {
      ...(ruleset === undefined ? {} : { ruleset }),
      options: { scheduledReporting, managementLayer },
      zones,
      hosts,
      components,
      connections,
    };
  });

let serial = 0;
function nextId(prefix: string): string {
  serial += 1;
  return `${prefix}-${serial}`;
}

/** A copy with a new position: what a drag makes (position is not part of the rules' model). */
function moved<T extends object>(item: T, x: number): T {
  return { ...item, position: { x, y: x * 2 } };
}

/** Applies an edit the way the store does: new arrays, untouched elements kept as they were. */
function apply(topology: Topology, edit: Edit): Topology {
  const { components, connections } = topology;
  const hosts = topology.hosts ?? [];
  const at = <T>(list: readonly T[], pick: number): [T, number] | null =>
    list.length === 0 ? null : [list[pick % list.length] as T, pick % list.length];
  const replace = (index: number, changed: TopologyComponent) =>
    components.map((c, i) => (i === index ? changed : c));
  switch (edit.type) {
    case 'rename':
    case 'move': {
      const hit = at(components, edit.pick);
      if (!hit) return topology;
      const [component, index] = hit;
      const changed = edit.type === 'rename' ? { ...component, name: edit.name } : moved(component, edit.x);
      return { ...topology, components: replace(index, changed) };
    }
    case 'security': {
      const hit = at(connections, edit.pick);
      if (!hit) return topology;
      const [connection, index] = hit;
      const changed = { ...connection, security: edit.security };
      return { ...topology, connections: connections.map((c, i) => (i === index ? changed : c)) };
    }
    case 'connect': {
      const from = at(components, edit.from);
      const to = at(components, edit.to);
      if (!from || !to) return topology;
      return { ...topology, connections: [...connections, conn(nextId('c'), from[0].id, to[0].id)] };
    }
    case 'disconnect': {
      const gone = new Set(edit.picks.map((pick) => at(connections, pick)?.[0].id));
      return { ...topology, connections: connections.filter((c) => !gone.has(c.id)) };
    }
    case 'add': {
      const added: TopologyComponent = {
        ...comp(nextId('k'), edit.kind, edit.name, edit.kind === 'server' ? { etl: edit.etl } : {}),
        ...(edit.host === undefined ? {} : { host: edit.host }),
        ...(edit.port === undefined ? {} : { port: edit.port }),
      };
      return { ...topology, components: [...components, added] };
    }
    case 'delete-component': {
      const hit = at(components, edit.pick);
      if (!hit) return topology;
      const id = hit[0].id;
      return {
        ...topology,
        components: components.filter((c) => c.id !== id),
        connections: connections.filter((c) => c.from !== id && c.to !== id),
      };
    }
    case 'options':
      return {
        ...topology,
        options: { scheduledReporting: edit.scheduledReporting, managementLayer: edit.managementLayer },
      };
    case 'repeat-id': {
      const hit = at(components, edit.pick);
      if (!hit) return topology;
      return { ...topology, components: [...components, comp(hit[0].id, 'dap', 'Repeat')] };
    }
    case 'ruleset':
      return { ...topology, ruleset: edit.ruleset };
    case 'hosts':
      return { ...topology, hosts: edit.hosts };
    case 'place': {
      const hit = at(components, edit.pick);
      if (!hit) return topology;
      const [component, index] = hit;
      const changed = { ...component, host: edit.host, port: edit.port, mutualAuth: edit.mutualAuth };
      return { ...topology, components: replace(index, changed) };
    }
    case 'set-host': {
      const hit = at(components, edit.pick);
      if (!hit) return topology;
      const [component, index] = hit;
      const { host: _host, ...rest } = component;
      return {
        ...topology,
        components: replace(index, edit.host === undefined ? rest : { ...rest, host: edit.host }),
      };
    }
    case 'mutual-auth': {
      const hit = at(components, edit.pick);
      if (!hit) return topology;
      const [component, index] = hit;
      return { ...topology, components: replace(index, { ...component, mutualAuth: edit.mutualAuth }) };
    }
    case 'backup': {
      const hit = at(components, edit.pick);
      const primary = at(components, edit.of);
      if (!hit || !primary) return topology;
      const [component, index] = hit;
      const changed = { ...component, backupOf: primary[0].id, standby: edit.standby };
      return { ...topology, components: replace(index, changed) };
    }
    case 'add-backup': {
      const primary = at(components, edit.of);
      if (!primary) return topology;
      const backup: TopologyComponent = {
        ...comp(nextId('k'), primary[0].kind, edit.name),
        backupOf: primary[0].id,
      };
      return { ...topology, components: [...components, backup] };
    }
    case 'host-edit': {
      const hit = at(hosts, edit.pick);
      if (!hit) return topology;
      const [host, index] = hit;
      const changed = { ...host, ...edit.patch };
      return { ...topology, hosts: hosts.map((h, i) => (i === index ? changed : h)) };
    }
    case 'move-host': {
      // As the canvas moves a host: the host and the cards on it, positions only.
      const hit = at(hosts, edit.pick);
      if (!hit) return topology;
      const [host, index] = hit;
      return {
        ...topology,
        hosts: hosts.map((h, i) => (i === index ? moved(h, edit.x) : h)),
        components: components.map((c) => (c.host === host.id ? moved(c, edit.x + 10) : c)),
      };
    }
    case 'add-host':
      return { ...topology, hosts: [...hosts, { id: edit.id, name: edit.name, lca: edit.lca }] };
    case 'remove-host': {
      const hit = at(hosts, edit.pick);
      if (!hit) return topology;
      const [host, index] = hit;
      const left = { ...topology, hosts: hosts.filter((_, i) => i !== index) };
      if (!edit.unassign) return left;
      // As the store deletes a host: its cards stay, on no host.
      return {
        ...left,
        components: components.map((c) => {
          if (c.host !== host.id) return c;
          const { host: _host, ...rest } = c;
          return rest;
        }),
      };
    }
    case 'zones':
      return { ...topology, zones: edit.zones };
  }
}

/** True when the state can hold the topology: unique component and connection ids, every end known. */
function holdable(topology: Topology): boolean {
  const ids = new Set(topology.components.map((c) => c.id));
  const links = new Set(topology.connections.map((c) => c.id));
  return (
    ids.size === topology.components.length &&
    links.size === topology.connections.length &&
    topology.connections.every((c) => ids.has(c.from) && ids.has(c.to))
  );
}

const starts: readonly Topology[] = [
  doc([]),
  doc(healthyComponents(), healthyConnections()),
  doc(healthyComponents(), healthyConnections(), { scheduledReporting: true, managementLayer: true }),
  { ...doc(healthyComponents(), healthyConnections()), ruleset: 'wfm-8.5.1' },
  // Mutual TLS with no hosts: the incremental path judges tls-no-certificate and tls-mutual-auth.
  doc(
    healthyComponents(),
    healthyConnections().map((c) => ({ ...c, security: 'mutual-tls' as const })),
  ),
  {
    ...doc(
      healthyComponents().map((c, i) => ({ ...c, host: i % 2 === 0 ? 'h1' : 'h2', port: 7000 })),
      healthyConnections().map((c) => ({ ...c, security: 'mutual-tls' as const })),
      { managementLayer: true },
    ),
    hosts: [
      { id: 'h1', name: 'app01', lca: true, certificate: true },
      { id: 'h2', name: 'app02' },
    ],
  },
  doc(
    [
      ...healthyComponents(),
      { id: 'agg-b', kind: 'data-aggregator', name: 'DA_backup', backupOf: 'agg', standby: 'hot' },
      comp('lb', 'load-balancer', 'LB'),
    ],
    [...healthyConnections(), conn('lb-web', 'lb', 'web'), conn('srv-agg-b', 'srv', 'agg-b', 'tls')],
  ),
];

describe('createIncrementalValidator', () => {
  it('says what validate says after every edit of any sequence', () => {
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.array(editArbitrary, { maxLength: 40 }), (start, edits) => {
        const validator = createIncrementalValidator();
        let topology = start;
        expect(validator.validate(topology)).toEqual(validate(topology));
        for (const edit of edits) {
          topology = apply(topology, edit);
          expect(validator.validate(topology), JSON.stringify(edit)).toEqual(validate(topology));
        }
      }),
      fixedSeed(400),
    );
  });

  it('says what validate says, and follows every common edit, on version 2 documents', () => {
    let checked = 0;
    fc.assert(
      fc.property(v2Document, fc.array(editArbitrary, { maxLength: 40 }), (start, edits) => {
        const validator = createIncrementalValidator();
        let topology = start;
        expect(validator.validate(topology)).toEqual(validate(topology));
        for (const edit of edits) {
          const before = topology;
          const full = validator.counts.full;
          topology = apply(topology, edit);
          const why = `${JSON.stringify(edit)} on ${JSON.stringify(before)}`;
          expect(validator.validate(topology), why).toEqual(validate(topology));
          if (COMMON.has(edit.type) && holdable(before) && holdable(topology)) {
            expect(validator.counts.full, `validated in full: ${why}`).toBe(full);
            checked += 1;
          }
        }
      }),
      fixedSeed(1500),
    );
    // Not a vacuous pass: thousands of common edits were checked to be followed.
    expect(checked).toBeGreaterThan(4_000);
  });

  it('keeps duplicate connections in order when the first of a pair is removed', () => {
    const validator = createIncrementalValidator();
    const components: TopologyComponent[] = [comp('b', 'builder', 'B'), comp('s', 'server', 'S')];
    const three: TopologyConnection[] = [conn('c1', 'b', 's'), conn('c2', 'b', 's'), conn('c3', 'b', 's')];
    const before = doc(components, three);
    const duplicates = (problems: readonly Problem[]) =>
      problems.filter((p) => p.code === 'duplicate-connection').map((p) => problemConnectionId(p));
    expect(duplicates(validator.validate(before))).toHaveLength(2);
    const after = { ...before, connections: three.slice(1) };
    const problems = validator.validate(after);
    expect(problems).toEqual(validate(after));
    expect(duplicates(problems)).toEqual(['c3']);
  });

  it('re-judges only what an edit touched: the untouched problems are the same objects', () => {
    const validator = createIncrementalValidator();
    const components = [...healthyComponents(), comp('lone-dap', 'dap', 'Lone')];
    const before = doc(components, healthyConnections());
    const first = validator.validate(before);
    const unused = first.find((p) => p.code === 'unused-component');
    expect(unused).toBeDefined();
    const renamed = {
      ...before,
      components: components.map((c) => (c.id === 'srv' ? { ...c, name: 'Srv' } : c)),
    };
    const second = validator.validate(renamed);
    expect(second).toEqual(validate(renamed));
    expect(second.find((p) => p.code === 'unused-component')).toBe(unused);
  });
});
