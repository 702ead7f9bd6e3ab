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
} from './model';
import { type Problem, problemConnectionId } from './problems';
import { comp, conn, doc, healthyComponents, healthyConnections } from './test-builders';
import { validate } from './validate';

// The incremental validator must say exactly what `validate` says, in the same order, after any
// sequence of the edits the editor makes, and after any other change (which it validates in full).

type Edit =
  | { readonly type: 'rename'; readonly pick: number; readonly name: string }
  | { readonly type: 'move'; readonly pick: number }
  | { readonly type: 'security'; readonly pick: number; readonly security: Security }
  | { readonly type: 'connect'; readonly from: number; readonly to: number }
  | { readonly type: 'disconnect'; readonly picks: readonly number[] }
  | { readonly type: 'add'; readonly kind: ComponentKind; readonly name: string; readonly etl: boolean }
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
  | { readonly type: 'backup'; readonly pick: number; readonly of: number; readonly standby: Standby };

const names = fc.constantFrom('A', 'a', ' A ', 'B', 'WFM_Server', 'wfm_server', 'Srv 2', 'C');
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('rename' as const), pick: fc.nat(), name: names }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('move' as const), pick: fc.nat() }) },
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
      hosts: fc.array(
        fc.record({
          id: fc.constantFrom('h1', 'h2', 'h3'),
          name: fc.constantFrom('app01', 'APP01', 'db01'),
          lca: fc.boolean(),
          lcaPort: fc.constantFrom(4999, 7000),
          certificate: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('place' as const),
      pick: fc.nat(),
      host: fc.constantFrom(undefined, 'h1', 'h2', 'nowhere'),
      port: fc.constantFrom(undefined, 4999, 7000),
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
);

let serial = 0;
function nextId(prefix: string): string {
  serial += 1;
  return `${prefix}-${serial}`;
}

/** Applies an edit the way the store does: new arrays, untouched elements kept as they were. */
function apply(topology: Topology, edit: Edit): Topology {
  const { components, connections } = topology;
  const at = <T>(list: readonly T[], pick: number): [T, number] | null =>
    list.length === 0 ? null : [list[pick % list.length] as T, pick % list.length];
  switch (edit.type) {
    case 'rename':
    case 'move': {
      const hit = at(components, edit.pick);
      if (!hit) return topology;
      const [component, index] = hit;
      const changed = edit.type === 'rename' ? { ...component, name: edit.name } : { ...component };
      return { ...topology, components: components.map((c, i) => (i === index ? changed : c)) };
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
    case 'add':
      return {
        ...topology,
        components: [
          ...components,
          comp(nextId('k'), edit.kind, edit.name, edit.kind === 'server' ? { etl: edit.etl } : {}),
        ],
      };
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
      return { ...topology, components: components.map((c, i) => (i === index ? changed : c)) };
    }
    case 'backup': {
      const hit = at(components, edit.pick);
      const primary = at(components, edit.of);
      if (!hit || !primary) return topology;
      const [component, index] = hit;
      const changed = { ...component, backupOf: primary[0].id, standby: edit.standby };
      return { ...topology, components: components.map((c, i) => (i === index ? changed : c)) };
    }
  }
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
