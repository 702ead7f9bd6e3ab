import { describe, expect, it } from 'vitest';
import { createRandom, generateDocument, SIZES } from '../bench/generate';
import type { TopologyDocument } from '../src/document';
import {
  createIncrementalValidator,
  type Problem,
  problemComponentId,
  problemConnectionId,
  problemHostId,
  validate,
} from '../src/domain';
import { createDesignerStore } from '../src/store/store';
import type { DesignerState } from '../src/store/store-types';

// The editor's common edits of a 1,000-component document with hosts and zones (the bench's
// `revalidate-m-hosts` document, with a backup, a context kind, a host without LCA, an LCA port
// clash and the Management Layer on), made by the store's own actions: after each, the
// incremental validator says what `validate` says and follows the edit, never validating in full.

function start(): TopologyDocument {
  const { document } = generateDocument(SIZES.M, undefined, { hostsAndZones: true });
  const near = (id: string, dx: number) => {
    const at = document.components.find((c) => c.id === id)?.position ?? { x: 0, y: 0 };
    return { x: at.x + dx, y: at.y };
  };
  return {
    ...document,
    options: { ...document.options, managementLayer: true },
    hosts: (document.hosts ?? []).map((h) => (h.id === 'host-app-2' ? { ...h, lca: false } : h)),
    components: [
      // On the port its host's LCA listens on.
      ...document.components.map((c) => (c.id === 'util-4' ? { ...c, port: 4999 } : c)),
      {
        id: 'srv-3-b',
        kind: 'server',
        name: 'WFM_srv_3_backup',
        backupOf: 'srv-3',
        standby: 'warm',
        host: 'host-app-3',
        port: 7100,
        position: near('srv-3', 40),
      },
      {
        id: 'cfg',
        kind: 'config-server',
        name: 'ConfigServer',
        host: 'host-app-0',
        port: 2020,
        position: near('srv-0', 40),
      },
    ],
    connections: [
      ...document.connections,
      { id: 'to-backup', from: 'web1-3', to: 'srv-3-b', security: 'tls' },
      { id: 'from-backup', from: 'srv-3-b', to: 'bld1-3' },
      { id: 'context', from: 'srv-0', to: 'cfg' },
    ],
  };
}

interface Edited {
  readonly before: TopologyDocument;
  readonly after: TopologyDocument;
  readonly first: readonly Problem[];
  readonly second: readonly Problem[];
}

/** Makes one edit with the store's actions and checks that it was followed, not validated in full. */
function edited(edit: (state: DesignerState) => void): Edited {
  const store = createDesignerStore(start());
  const validator = createIncrementalValidator();
  const before = store.getState().document;
  const first = validator.validate(before);
  expect(first).toEqual(validate(before));
  edit(store.getState());
  const after = store.getState().document;
  expect(after).not.toBe(before);
  const second = validator.validate(after);
  expect(second).toEqual(validate(after));
  expect(validator.counts).toEqual({ followed: 1, full: 1 });
  return { before, after, first, second };
}

const codesOn = (problems: readonly Problem[], subject: string) =>
  problems
    .filter((p) => (problemComponentId(p) ?? problemHostId(p) ?? problemConnectionId(p)) === subject)
    .map((p) => p.code);

/** Nothing was re-judged: the very same problem objects, in the same order. */
function expectSameObjects(after: readonly Problem[], before: readonly Problem[]): void {
  expect(after).toHaveLength(before.length);
  for (let i = 0; i < after.length; i += 1) expect(after[i]).toBe(before[i]);
}

const messagesWith = (problems: readonly Problem[], words: string) =>
  problems.filter((p) => p.message.includes(words)).map((p) => p.code);

describe('the incremental validator on a 1,000-component document with hosts and zones', () => {
  it('starts from a document with host, HA and context problems to follow', () => {
    const problems = validate(start());
    expect(start().components).toHaveLength(SIZES.M + 2);
    for (const code of ['missing-lca', 'port-conflict', 'ha-mismatch', 'ha-backup-target'] as const) {
      expect(problems.map((p) => p.code)).toContain(code);
    }
  });

  it('follows renaming a component', () => {
    const { second } = edited((s) => s.updateComponent('srv-7', { name: 'WFM_srv_3' }));
    expect(codesOn(second, 'srv-7')).toContain('duplicate-name');
  });

  it('follows renaming a primary: the connections to its backup name it', () => {
    const { second } = edited((s) => s.updateComponent('srv-3', { name: 'Primary_3' }));
    expect(messagesWith(second, "'Primary_3'")).toEqual(
      expect.arrayContaining(['ha-mismatch', 'ha-backup-target']),
    );
  });

  it('follows renaming a component a backup connects to', () => {
    const { second } = edited((s) => s.updateComponent('bld2-3', { name: 'Renamed_builder' }));
    expect(messagesWith(second, "'Renamed_builder'")).toContain('ha-mismatch');
  });

  it('follows moving a component, positions only, and re-judges nothing', () => {
    const { first, second, after } = edited((s) =>
      s.moveNodes(new Map([['bld1-9', { x: 12, y: 34 }]]), 'step'),
    );
    expect(after.components.find((c) => c.id === 'bld1-9')?.position).toEqual({ x: 12, y: 34 });
    expectSameObjects(second, first);
  });

  it('follows dropping a component onto another host', () => {
    const { after } = edited((s) => {
      const to = s.document.components.find((c) => c.id === 'dap-6')?.position ?? { x: 0, y: 0 };
      s.moveNodes(new Map([['dap-5', { x: to.x + 20, y: to.y }]]), 'step', true);
    });
    expect(after.components.find((c) => c.id === 'dap-5')?.host).toBe('host-fw-6');
  });

  it("follows changing a connection's security", () => {
    const { second, after } = edited((s) => s.setSecurity('c8-4', 'mutual-tls'));
    expect(after.connections.find((c) => c.id === 'c8-4')?.security).toBe('mutual-tls');
    expect(codesOn(second, 'c8-4')).toContain('tls-mutual-auth');
  });

  it('follows adding a connection, and one from a backup', () => {
    edited((s) => expect(s.connect('srv-9', 'bld1-8').ok).toBe(true));
    const { first, second } = edited((s) => expect(s.connect('srv-3-b', 'bld2-3').ok).toBe(true));
    expect(second.find((p) => p.code === 'ha-mismatch')?.message).not.toBe(
      first.find((p) => p.code === 'ha-mismatch')?.message,
    );
  });

  it('follows removing a connection', () => {
    const { second } = edited((s) => s.deleteElements([], ['c5-12']));
    expect(codesOn(second, 'util-5')).toContain('missing-connection');
  });

  it('follows adding a component, on the host under it', () => {
    const { after, second } = edited((s) => {
      const at = s.document.components.find((c) => c.id === 'web1-5')?.position ?? { x: 0, y: 0 };
      s.addComponent('dap', { x: at.x + 10, y: at.y });
    });
    const added = after.components.at(-1);
    expect(added?.host).toBe('host-app-5');
    expect(codesOn(second, added?.id ?? '')).toContain('unused-component');
  });

  it('follows renaming a host', () => {
    const { second } = edited((s) => s.updateHost('host-app-8', { name: 'WFM-APP-7' }));
    expect(codesOn(second, 'host-app-8')).toEqual(['duplicate-name']);
  });

  it("follows toggling a host's LCA", () => {
    const off = edited((s) => s.updateHost('host-app-8', { lca: false }));
    expect(codesOn(off.second, 'host-app-8')).toEqual(['missing-lca']);
    const on = edited((s) => s.updateHost('host-app-4', { lca: false }));
    expect(codesOn(on.first, 'util-4')).toContain('port-conflict');
    expect(codesOn(on.second, 'util-4')).not.toContain('port-conflict');
  });

  it("follows toggling a host's certificate", () => {
    const { first, second } = edited((s) => s.updateHost('host-app-3', { certificate: false }));
    expect(first.filter((p) => p.code === 'tls-no-certificate')).toEqual([]);
    expect(codesOn(second, 'to-backup')).toContain('tls-no-certificate');
  });

  it('follows moving a host with its cards, and re-judges nothing', () => {
    const { first, second, before, after } = edited((s) => {
      const at = s.document.hosts?.find((h) => h.id === 'host-app-7')?.position ?? { x: 0, y: 0 };
      s.moveNodes(new Map([['host-app-7', { x: at.x + 30, y: at.y + 5 }]]), 'step');
    });
    const moved = (d: TopologyDocument) => d.components.find((c) => c.id === 'srv-7')?.position;
    expect(moved(after)).not.toEqual(moved(before));
    expectSameObjects(second, first);
  });

  it('follows a long run of mixed edits, as the bench makes them', () => {
    const store = createDesignerStore(start());
    const validator = createIncrementalValidator();
    validator.validate(store.getState().document);
    const random = createRandom(13);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    for (let edit = 0; edit < 200; edit += 1) {
      const s = store.getState();
      const { components, connections } = s.document;
      const hosts = s.document.hosts ?? [];
      switch (edit % 10) {
        case 0:
          s.updateComponent(pick(components).id, { name: `Renamed_${edit}` });
          break;
        case 1:
          s.setSecurity(pick(connections).id, pick(['none', 'tls', 'mutual-tls'] as const));
          break;
        case 2:
          s.deleteElements([], [pick(connections).id]);
          break;
        case 3:
          s.connect(pick(components).id, pick(components).id);
          break;
        case 4:
          s.addComponent(pick(['builder', 'web', 'dap', 'scs'] as const), { x: edit * 8, y: -200 });
          break;
        case 5:
          s.updateHost(pick(hosts).id, { name: pick(['wfm-app-1', 'Renamed host', `host ${edit}`]) });
          break;
        case 6:
          s.updateHost(pick(hosts).id, { lca: random() < 0.5, certificate: random() < 0.5 });
          break;
        case 7: {
          const host = pick(hosts);
          const at = host.position ?? { x: 0, y: 0 };
          s.moveNodes(new Map([[host.id, { x: at.x + 7, y: at.y }]]), 'step');
          break;
        }
        case 8: {
          const component = pick(components);
          const at = component.position ?? { x: 0, y: 0 };
          s.moveNodes(new Map([[component.id, { x: at.x + 3, y: at.y + 1 }]]), 'step');
          break;
        }
        default:
          s.setComponentHost(pick(components).id, pick(hosts).id);
      }
      const document = store.getState().document;
      expect(validator.validate(document), `edit ${edit}`).toEqual(validate(document));
    }
    expect(validator.counts.full).toBe(1);
  });
});
