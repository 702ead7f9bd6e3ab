import { expect, test } from 'vitest';
import type { DocumentComponent, TopologyDocument } from '../document';
import { describeEdit } from './describe-edit';
import { createDesignerStore } from './store';

function component(id: string, kind: DocumentComponent['kind'], name: string, x = 0): DocumentComponent {
  return { id, kind, name, position: { x, y: 100 } };
}

function site(): TopologyDocument {
  return {
    format: 'wfm-topology',
    version: 2,
    hosts: [{ id: 'h-1', name: 'app01' }],
    components: [component('srv-1', 'server', 'WFM_Server_1'), component('web-1', 'web', 'WFM_Web_1', 240)],
    connections: [{ id: 'c-1', from: 'web-1', to: 'srv-1' }],
  };
}

function withComponents(document: TopologyDocument, components: DocumentComponent[]): TopologyDocument {
  return { ...document, components };
}

test('an added component is named with its kind', () => {
  const before = site();
  const after = withComponents(before, [...before.components, component('dap-1', 'dap', 'WFM_DAP_1')]);
  expect(describeEdit(before, after)).toBe("Added DAP 'WFM_DAP_1'.");
});

test('a deleted component takes its connections with it, and the sentence says so', () => {
  const before = site();
  const after = { ...withComponents(before, before.components.slice(0, 1)), connections: [] };
  expect(describeEdit(before, after)).toBe("Deleted WFM Web 'WFM_Web_1' and 1 connection.");
});

test('a rename, a port and a host are said with the old and the new value', () => {
  const before = site();
  const rename = (patch: Partial<DocumentComponent>) =>
    withComponents(before, [
      { ...(before.components[0] as DocumentComponent), ...patch },
      ...before.components.slice(1),
    ]);
  expect(describeEdit(before, rename({ name: 'London' }))).toBe(
    "Renamed WFM Server 'WFM_Server_1' to 'London'.",
  );
  expect(describeEdit(before, rename({ port: 7000 }))).toBe(
    "Set the port of WFM Server 'WFM_Server_1' to 7000.",
  );
  expect(describeEdit(before, rename({ host: 'h-1' }))).toBe(
    "Put WFM Server 'WFM_Server_1' onto host 'app01'.",
  );
  expect(describeEdit(before, rename({ position: { x: 40, y: 100 } }))).toBe(
    "Moved WFM Server 'WFM_Server_1'.",
  );
});

test('a connection added or removed names its two ends', () => {
  const before = { ...site(), connections: [] };
  expect(describeEdit(before, site())).toBe("Connected WFM Web 'WFM_Web_1' to WFM Server 'WFM_Server_1'.");
  expect(describeEdit(site(), before)).toBe('Deleted the connection WFM_Web_1 → WFM_Server_1.');
});

test('options, the rule set and the name of the deployment are said too', () => {
  const before = site();
  expect(
    describeEdit(before, { ...before, options: { managementLayer: true, scheduledReporting: false } }),
  ).toBe('Turned Management Layer on.');
  expect(describeEdit(before, { ...before, ruleset: 'wfm-8.5.1' })).toBe('Set the rule set to wfm-8.5.1.');
  expect(describeEdit(before, { ...before, name: 'Lab' })).toBe('Renamed the deployment to “Lab”.');
});

test('several changes at once are listed, the first three by name', () => {
  const before = site();
  const after: TopologyDocument = {
    ...before,
    name: 'Lab',
    ruleset: 'wfm-8.5.0',
    options: { managementLayer: true, scheduledReporting: true },
  };
  expect(describeEdit(before, after)).toBe(
    'Renamed the deployment to “Lab”; turned Management Layer on; turned Scheduled reporting on and 1 other change.',
  );
});

// The store says what every step did, so a refusal never outlives the next edit (issue 15, item 1).

test('a refusal in the status line is replaced by the next edit’s sentence', () => {
  const store = createDesignerStore(site());
  store.getState().notify('WFM Web cannot connect to DAP.', 'refusal');
  store.getState().updateComponent('srv-1', { name: 'London' });
  expect(store.getState().notice).toMatchObject({
    text: "Renamed WFM Server 'WFM_Server_1' to 'London'.",
    tone: 'success',
  });
  store.getState().updateComponent('srv-1', { name: 'Paris' });
  expect(store.getState().notice?.text).toBe("Renamed WFM Server 'London' to 'Paris'.");
});

test('every store action that changes the document leaves a new sentence in the status line', () => {
  const store = createDesignerStore({ ...site(), connections: [] });
  const connection = () => store.getState().document.connections[0]?.id ?? '';
  const actions: [string, () => void][] = [
    ['addComponent', () => store.getState().addComponent('dap', { x: 0, y: 400 })],
    ['connect', () => store.getState().connect('web-1', 'srv-1')],
    ['setSecurity', () => store.getState().setSecurity(connection(), 'tls')],
    ['addHost', () => store.getState().addHost({ x: 0, y: -400 })],
    ['setComponentHost', () => store.getState().setComponentHost('srv-1', 'h-1')],
    ['addNote', () => store.getState().addNote({ x: 600, y: 0 })],
    ['setOption', () => store.getState().setOption('managementLayer', true)],
    ['setRuleset', () => store.getState().setRuleset('wfm-8.5.1')],
    ['setName', () => store.getState().setName('Lab')],
    [
      'moveComponents',
      () => store.getState().moveComponents(new Map([['web-1', { x: 480, y: 96 }]]), 'step'),
    ],
    [
      'duplicateSelection',
      () => {
        store.getState().select({ components: ['web-1'] });
        store.getState().duplicateSelection();
      },
    ],
    ['deleteSelection', () => store.getState().deleteSelection()],
    ['undo', () => store.getState().undo()],
    ['redo', () => store.getState().redo()],
  ];
  for (const [name, run] of actions) {
    const before = store.getState().notice?.seq ?? 0;
    const document = store.getState().document;
    run();
    expect(store.getState().document, name).not.toBe(document);
    expect(store.getState().notice?.seq ?? 0, name).toBeGreaterThan(before);
    expect(store.getState().notice?.text, name).toMatch(/^[A-Z].+\.$/);
  }
});

test('a drag says where it took the card once it ends, not on every frame', () => {
  const store = createDesignerStore(site());
  store.getState().beginGesture();
  store.getState().moveComponents(new Map([['srv-1', { x: 16, y: 100 }]]), 'gesture');
  expect(store.getState().notice).toBeNull();
  store.getState().endGesture();
  expect(store.getState().notice?.text).toBe("Moved WFM Server 'WFM_Server_1'.");
});

test('undo says which step it took back', () => {
  const store = createDesignerStore(site());
  store.getState().addComponent('dap', { x: 0, y: 400 });
  store.getState().undo();
  expect(store.getState().notice?.text).toBe("Undid a step: deleted DAP 'WFM_DAP_1'.");
});
