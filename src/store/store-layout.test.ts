import { expect, test } from 'vitest';
import type { DocumentComponent, TopologyDocument } from '../document';
import { createDesignerStore, type DesignerStore } from './store';

// Hosts, zones, notes, labels, the rule set and backups, as store operations (decision 023).

function component(
  id: string,
  kind: DocumentComponent['kind'],
  name: string,
  x: number,
  y = 100,
): DocumentComponent {
  return { id, kind, name, position: { x, y } };
}

function deployment(): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    components: [
      component('srv-1', 'server', 'WFM_Server_1', 0),
      component('da-1', 'data-aggregator', 'WFM_DA_1', 300),
      component('ss-1', 'stat-server', 'Stat_1', 600),
      component('bld-1', 'builder', 'WFM_Builder_1', 900),
    ],
    connections: [
      { id: 'c-1', from: 'da-1', to: 'srv-1', security: 'tls' },
      { id: 'c-2', from: 'da-1', to: 'ss-1' },
      { id: 'c-3', from: 'bld-1', to: 'srv-1' },
    ],
  };
}

function fresh(): DesignerStore {
  return createDesignerStore(deployment());
}

const doc = (store: DesignerStore) => store.getState().document;
const host = (store: DesignerStore, id: string) => doc(store).hosts?.find((h) => h.id === id);
const comp = (store: DesignerStore, id: string) => doc(store).components.find((c) => c.id === id);

test('a new host is placed where asked, named Host_1, selected, and one undo step', () => {
  const store = fresh();
  const id = store.getState().addHost({ x: 40, y: -300 });
  expect(host(store, id)).toMatchObject({ name: 'Host_1', position: { x: 40, y: -300 } });
  expect([...(store.getState().selection.layout ?? [])]).toEqual([id]);
  store.getState().addHost({ x: 600, y: -300 });
  expect(doc(store).hosts?.map((h) => h.name)).toEqual(['Host_1', 'Host_2']);
  store.getState().undo();
  store.getState().undo();
  expect(doc(store).hosts ?? []).toEqual([]);
});

test('new ids are unique across components, connections, hosts, zones and notes', () => {
  const store = createDesignerStore({
    ...deployment(),
    hosts: [{ id: 'host-6', name: 'h' }],
    annotations: [{ id: 'zone-7', text: 'a', position: { x: 0, y: 0 } }],
  });
  const ids = [
    store.getState().addHost({ x: 0, y: 0 }),
    store.getState().addZone({ x: 0, y: 0 }),
    store.getState().addNote({ x: 0, y: 0 }),
    store.getState().addComponent('web', { x: 0, y: 0 }),
  ];
  const all = [
    ...doc(store).components.map((c) => c.id),
    ...doc(store).connections.map((c) => c.id),
    ...(doc(store).hosts ?? []).map((h) => h.id),
    ...(doc(store).zones ?? []).map((z) => z.id),
    ...(doc(store).annotations ?? []).map((a) => a.id),
  ];
  expect(new Set(all).size).toBe(all.length);
  expect(new Set(ids).size).toBe(4);
});

test('a host is edited field by field, each one undo step; clearing a field removes it', () => {
  const store = fresh();
  const id = store.getState().addHost({ x: 0, y: 0 });
  store.getState().updateHost(id, { name: 'wfm-app01', address: 'wfm-app01.example.com' });
  store.getState().updateHost(id, { lca: true, lcaPort: 4998, certificate: true, notes: 'rack 4' });
  expect(host(store, id)).toMatchObject({
    name: 'wfm-app01',
    address: 'wfm-app01.example.com',
    lca: true,
    lcaPort: 4998,
    certificate: true,
    notes: 'rack 4',
  });
  store.getState().updateHost(id, { lca: false, address: undefined });
  expect(host(store, id)?.lca).toBeUndefined();
  expect(host(store, id)?.address).toBeUndefined();
  store.getState().undo();
  expect(host(store, id)?.lca).toBe(true);
});

test('a zone, a note and a connection label are edited as one undo step each', () => {
  const store = fresh();
  const zone = store.getState().addZone({ x: 0, y: 0 });
  const note = store.getState().addNote({ x: 10, y: 10 });
  store.getState().updateZone(zone, { name: 'London DC', notes: 'primary site' });
  store.getState().updateNote(note, 'Agents in London and Leeds');
  store.getState().setConnectionLabel('c-1', ' stats ');
  expect(doc(store).zones?.[0]).toMatchObject({ name: 'London DC', notes: 'primary site' });
  expect(doc(store).annotations?.[0]?.text).toBe('Agents in London and Leeds');
  expect(doc(store).connections[0]?.label).toBe('stats');
  store.getState().setConnectionLabel('c-1', '');
  expect(doc(store).connections[0]).not.toHaveProperty('label');
  store.getState().undo();
  expect(doc(store).connections[0]?.label).toBe('stats');
});

test('the rule set changes as one undo step, and choosing the default on a document without one changes nothing', () => {
  const store = fresh();
  store.getState().setRuleset('wfm-8.5.2');
  expect(store.getState().history.past).toHaveLength(0);
  store.getState().setRuleset('wfm-8.5.0');
  expect(doc(store).ruleset).toBe('wfm-8.5.0');
  store.getState().undo();
  expect(doc(store).ruleset).toBeUndefined();
});

test('putting a component on a host moves its card inside the host; "No host" takes it out below', () => {
  const store = fresh();
  const id = store.getState().addHost({ x: 0, y: -400 });
  store.getState().setComponentHost('srv-1', id);
  const server = comp(store, 'srv-1');
  expect(server?.host).toBe(id);
  const h = host(store, id);
  expect(server?.position?.y).toBeGreaterThan(h?.position?.y ?? 0);
  expect(server?.position?.y).toBeLessThan((h?.position?.y ?? 0) + (h?.size?.height ?? 0));
  store.getState().setComponentHost('srv-1', undefined);
  expect(comp(store, 'srv-1')?.host).toBeUndefined();
  expect(comp(store, 'srv-1')?.position?.y).toBeGreaterThan((h?.position?.y ?? 0) + (h?.size?.height ?? 0));
});

test('moving a host moves its components, and moving a zone its hosts and their components, as one undo step', () => {
  const store = fresh();
  const zone = store.getState().addZone({ x: -100, y: -700 });
  const id = store.getState().addHost({ x: 0, y: -600 });
  expect(host(store, id)?.zone).toBe(zone);
  store.getState().setComponentHost('srv-1', id);
  const before = comp(store, 'srv-1')?.position;
  const steps = store.getState().history.past.length;
  store.getState().moveNodes(new Map([[id, { x: 100, y: -550 }]]), 'step');
  expect(comp(store, 'srv-1')?.position).toEqual({ x: (before?.x ?? 0) + 100, y: (before?.y ?? 0) + 50 });
  store.getState().moveNodes(new Map([[zone, { x: -90, y: -700 }]]), 'step');
  expect(host(store, id)?.position).toEqual({ x: 110, y: -550 });
  expect(comp(store, 'srv-1')?.position?.x).toBe((before?.x ?? 0) + 110);
  expect(store.getState().history.past.length).toBe(steps + 2);
  store.getState().undo();
  store.getState().undo();
  expect(comp(store, 'srv-1')?.position).toEqual(before);
});

test('a gesture that moves a host records one step when it ends', () => {
  const store = fresh();
  const id = store.getState().addHost({ x: 0, y: -600 });
  store.getState().setComponentHost('srv-1', id);
  const steps = store.getState().history.past.length;
  store.getState().beginGesture();
  store.getState().moveNodes(new Map([[id, { x: 10, y: -600 }]]), 'gesture');
  store.getState().moveNodes(new Map([[id, { x: 20, y: -600 }]]), 'gesture', true);
  store.getState().endGesture();
  expect(store.getState().history.past.length).toBe(steps + 1);
});

test('a card dropped with its centre inside a host joins it, and dropped outside leaves it', () => {
  const store = fresh();
  const id = store.getState().addHost({ x: 0, y: -600 });
  store.getState().moveNodes(new Map([['da-1', { x: 40, y: -560 }]]), 'step', true);
  expect(comp(store, 'da-1')?.host).toBe(id);
  // The card's corner is inside, its centre is not.
  store.getState().moveNodes(new Map([['da-1', { x: 400, y: -560 }]]), 'step', true);
  expect(comp(store, 'da-1')?.host).toBeUndefined();
});

test('a host dropped with its centre inside a zone joins it, and leaves it when dropped outside', () => {
  const store = fresh();
  const zone = store.getState().addZone({ x: 0, y: -1000 });
  const id = store.getState().addHost({ x: 2000, y: 0 });
  expect(host(store, id)?.zone).toBeUndefined();
  store.getState().moveNodes(new Map([[id, { x: 40, y: -960 }]]), 'step', true);
  expect(host(store, id)?.zone).toBe(zone);
  store.getState().moveNodes(new Map([[id, { x: 2000, y: 0 }]]), 'step', true);
  expect(host(store, id)?.zone).toBeUndefined();
});

test('a host without a drawn rectangle (migrated from version 1) follows its cards, and gets one when it is moved', () => {
  const store = createDesignerStore({
    ...deployment(),
    hosts: [{ id: 'host-1', name: 'wfm01' }],
    components: deployment().components.map((c) => (c.id === 'srv-1' ? { ...c, host: 'host-1' } : c)),
  });
  // Dragged far away, the card keeps its host: a host drawn around its cards follows them.
  store.getState().moveNodes(new Map([['srv-1', { x: 3000, y: 400 }]]), 'step', true);
  expect(comp(store, 'srv-1')?.host).toBe('host-1');
  expect(host(store, 'host-1')?.position).toBeUndefined();
  store.getState().moveNodes(new Map([['host-1', { x: 2900, y: 300 }]]), 'step', true);
  expect(host(store, 'host-1')?.position).toEqual({ x: 2900, y: 300 });
  expect(host(store, 'host-1')?.size).toBeDefined();
  // Now drawn, the host keeps its box: a card dropped outside it leaves it.
  store.getState().moveNodes(new Map([['srv-1', { x: 0, y: 0 }]]), 'step', true);
  expect(comp(store, 'srv-1')?.host).toBeUndefined();
});

test('resizing a container sets its rectangle, never below the smallest size', () => {
  const store = fresh();
  const id = store.getState().addHost({ x: 0, y: 0 });
  store.getState().resizeContainer(id, { x: -20, y: 0, width: 700, height: 50 }, 'step');
  expect(host(store, id)).toMatchObject({ position: { x: -20, y: 0 }, size: { width: 700, height: 90 } });
});

test('deleting a host leaves its components without a host; deleting a zone leaves its hosts', () => {
  const store = fresh();
  const zone = store.getState().addZone({ x: -100, y: -700 });
  const id = store.getState().addHost({ x: 0, y: -600 });
  store.getState().setComponentHost('srv-1', id);
  store.getState().select({ layout: [zone] });
  store.getState().deleteSelection();
  expect(doc(store).zones).toEqual([]);
  expect(host(store, id)?.zone).toBeUndefined();
  store.getState().deleteElements([], [], [id]);
  expect(doc(store).hosts).toEqual([]);
  expect(comp(store, 'srv-1')?.host).toBeUndefined();
  expect(comp(store, 'srv-1')).toBeDefined();
  store.getState().undo();
  expect(comp(store, 'srv-1')?.host).toBe(id);
});

test('deleting a note removes it and the selection lets go of it', () => {
  const store = fresh();
  store.getState().addNote({ x: 0, y: 0 });
  store.getState().deleteSelection();
  expect(doc(store).annotations).toEqual([]);
  expect(store.getState().selection.layout?.size ?? 0).toBe(0);
});

test('Add backup on a Data Aggregator makes a hot standby copy beside it with its outgoing connections', () => {
  const store = fresh();
  const id = store.getState().addBackup('da-1');
  expect(id).not.toBeNull();
  const backup = comp(store, id ?? '');
  expect(backup).toMatchObject({
    kind: 'data-aggregator',
    name: 'WFM_DA_1_backup',
    backupOf: 'da-1',
    standby: 'hot',
  });
  expect(backup?.position?.x).toBeGreaterThan(300);
  const copies = doc(store).connections.filter((c) => c.from === id);
  expect(copies.map((c) => [c.to, c.security ?? 'none'])).toEqual([
    ['srv-1', 'tls'],
    ['ss-1', 'none'],
  ]);
  expect([...store.getState().selection.components]).toEqual([id]);
  store.getState().undo();
  expect(doc(store)).toEqual(deployment());
});

test('Add backup on a WFM Server makes a warm standby, on the host the user picks', () => {
  const store = fresh();
  const first = store.getState().addHost({ x: 0, y: -600 });
  const second = store.getState().addHost({ x: 700, y: -600 });
  store.getState().setComponentHost('srv-1', first);
  store.getState().updateComponent('srv-1', { port: 7000 });
  const id = store.getState().addBackup('srv-1', { hostId: second }) ?? '';
  expect(comp(store, id)).toMatchObject({
    standby: 'warm',
    host: second,
    port: 7000,
    name: 'WFM_Server_1_backup',
  });
  const h = host(store, second);
  expect(comp(store, id)?.position?.x).toBeGreaterThanOrEqual(h?.position?.x ?? 0);
});

test('a Stat Server backup takes the chosen standby mode; a Builder and a backup get none', () => {
  const store = fresh();
  const id = store.getState().addBackup('ss-1', { standby: 'warm' }) ?? '';
  expect(comp(store, id)?.standby).toBe('warm');
  expect(store.getState().addBackup('bld-1')).toBeNull();
  expect(store.getState().addBackup(id)).toBeNull();
});

test('a second backup is named _backup2', () => {
  const store = fresh();
  store.getState().addBackup('da-1');
  const id = store.getState().addBackup('da-1') ?? '';
  expect(comp(store, id)?.name).toBe('WFM_DA_1_backup2');
});

test('deleting a primary leaves its backup a component of its own', () => {
  const store = fresh();
  const id = store.getState().addBackup('da-1') ?? '';
  store.getState().deleteElements(['da-1'], []);
  const backup = comp(store, id);
  expect(backup).toBeDefined();
  expect(backup).not.toHaveProperty('backupOf');
  expect(backup).not.toHaveProperty('standby');
});

test('a component added over a host (palette click or drop) runs on that host', () => {
  const store = fresh();
  const id = store.getState().addHost({ x: 0, y: -600 });
  const added = store.getState().addComponent('web', { x: 40, y: -560 });
  expect(comp(store, added)?.host).toBe(id);
  const outside = store.getState().addComponent('web', { x: 2000, y: 2000 });
  expect(comp(store, outside)?.host).toBeUndefined();
});

test('a host put in a zone from the Inspector moves into it with its cards, and the zone grows to hold it', () => {
  const store = fresh();
  const zone = store.getState().addZone({ x: 0, y: -1000 });
  const id = store.getState().addHost({ x: 2000, y: 0 });
  store.getState().setComponentHost('srv-1', id);
  const offset = (comp(store, 'srv-1')?.position?.x ?? 0) - (host(store, id)?.position?.x ?? 0);
  store.getState().updateHost(id, { zone });
  const h = host(store, id);
  const z = doc(store).zones?.[0];
  expect(h?.zone).toBe(zone);
  expect(h?.position).toEqual({ x: 24, y: -956 });
  expect((comp(store, 'srv-1')?.position?.x ?? 0) - (h?.position?.x ?? 0)).toBe(offset);
  const second = store.getState().addHost({ x: 3000, y: 0 });
  store.getState().updateHost(second, { zone });
  expect(host(store, second)?.position?.y).toBe(-956 + 140 + 24);
  expect((z?.position?.y ?? 0) + (doc(store).zones?.[0]?.size?.height ?? 0)).toBeGreaterThanOrEqual(
    -956 + 2 * 140 + 24,
  );
});

test('a host that grows to hold a card pushes the hosts below it in its zone down, and the zone grows', () => {
  const store = fresh();
  const zone = store.getState().addZone({ x: 0, y: -1000 });
  const first = store.getState().addHost({ x: 2000, y: 0 });
  const second = store.getState().addHost({ x: 3000, y: 0 });
  store.getState().updateHost(first, { zone });
  store.getState().updateHost(second, { zone });
  const before = host(store, second)?.position?.y ?? 0;
  for (const id of ['srv-1', 'da-1', 'ss-1', 'bld-1']) store.getState().setComponentHost(id, first);
  const a = host(store, first);
  const b = host(store, second);
  expect((a?.position?.y ?? 0) + (a?.size?.height ?? 0)).toBeLessThanOrEqual(b?.position?.y ?? 0);
  expect(b?.position?.y).toBeGreaterThan(before);
  const z = doc(store).zones?.[0];
  expect((z?.position?.y ?? 0) + (z?.size?.height ?? 0)).toBeGreaterThanOrEqual(
    (b?.position?.y ?? 0) + (b?.size?.height ?? 0),
  );
});

test('pasted cards run on the host under their centre, and a backup pasted without its primary is no backup', () => {
  const store = fresh();
  const id = store.getState().addHost({ x: 0, y: -600 });
  const backup = store.getState().addBackup('da-1') ?? '';
  store.getState().moveComponents(new Map([[backup, { x: 40, y: -560 }]]), 'step');
  store.getState().select({ components: [backup] });
  store.getState().copySelection();
  // One grid step from the original, whose centre is on the host.
  store.getState().paste({ x: 3000, y: 3000 });
  const [pasted] = [...store.getState().selection.components];
  expect(comp(store, pasted ?? '')?.host).toBe(id);
  expect(comp(store, pasted ?? '')).not.toHaveProperty('backupOf');
  store.getState().select({ components: ['da-1', backup] });
  store.getState().copySelection();
  // The originals are gone: the paste lands at the view's centre, far from the host.
  store.getState().deleteElements(['da-1', backup], []);
  store.getState().paste({ x: 3000, y: 3000 });
  const copies = [...store.getState().selection.components].map((c) => comp(store, c));
  const primary = copies.find((c) => c?.backupOf === undefined);
  expect(copies.find((c) => c?.backupOf !== undefined)?.backupOf).toBe(primary?.id);
  expect(copies.every((c) => c?.host === undefined)).toBe(true);
});
