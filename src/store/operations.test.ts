import { expect, test } from 'vitest';
import {
  type DocumentComponent,
  type DocumentConnection,
  type TopologyDocument,
  topologyDocumentSchema,
} from '../document';
import type { ComponentKind, Security } from '../domain';
import {
  addComponent,
  addConnection,
  deleteElements,
  extractFragment,
  moveComponents,
  pasteFragment,
  updateComponent,
  updateConnection,
} from './operations';

// Small builders: a component at a position, a connection, a document around them.

function component(
  id: string,
  kind: ComponentKind,
  name: string,
  extra: Partial<Omit<DocumentComponent, 'id' | 'kind' | 'name'>> = {},
): DocumentComponent {
  return { id, kind, name, position: { x: 0, y: 0 }, ...extra };
}

function connection(id: string, from: string, to: string, security?: Security): DocumentConnection {
  return security === undefined ? { id, from, to } : { id, from, to, security };
}

function documentOf(
  components: DocumentComponent[],
  connections: DocumentConnection[] = [],
): TopologyDocument {
  return { format: 'wfm-topology', version: 2, name: 'Lab', components, connections };
}

/** A Server and a Builder with one Builder → Server connection. */
function serverAndBuilder(): TopologyDocument {
  return documentOf(
    [
      component('srv-1', 'server', 'WFM_Server_1', { position: { x: 100, y: 50 }, etl: true }),
      component('bld-1', 'builder', 'WFM_Builder_1', { position: { x: 300, y: 50 } }),
    ],
    [connection('c-1', 'bld-1', 'srv-1')],
  );
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function ids(document: TopologyDocument): string[] {
  return [...document.components.map((c) => c.id), ...document.connections.map((c) => c.id)];
}

function componentOf(document: TopologyDocument, id: string): DocumentComponent | undefined {
  return document.components.find((c) => c.id === id);
}

// addComponent

test('addComponent to an empty document gives srv-1 named WFM_Server_1 at the drop position', () => {
  const result = addComponent(documentOf([]), 'server', { x: 40, y: 80 });
  expect(result.id).toBe('srv-1');
  expect(result.document.components).toEqual([
    { id: 'srv-1', kind: 'server', name: 'WFM_Server_1', position: { x: 40, y: 80 } },
  ]);
});

test('addComponent names a second WFM Server WFM_Server_2', () => {
  const first = addComponent(documentOf([]), 'server', { x: 0, y: 0 });
  const second = addComponent(first.document, 'server', { x: 10, y: 10 });
  expect(componentOf(second.document, second.id)?.name).toBe('WFM_Server_2');
  expect(second.id).not.toBe(first.id);
});

test('addComponent picks an id used by no component and no connection', () => {
  const document = documentOf(
    [component('srv-3', 'server', 'A'), component('bld-1', 'builder', 'B')],
    [connection('srv-4', 'bld-1', 'srv-3')],
  );
  const { id } = addComponent(document, 'server', { x: 0, y: 0 });
  expect(ids(document)).not.toContain(id);
  expect(id).toMatch(/^srv-/);
});

test('addComponent keeps the existing components and connections as they are', () => {
  const document = serverAndBuilder();
  const result = addComponent(document, 'daemon', { x: 0, y: 0 });
  expect(result.document.components.slice(0, 2)).toEqual(document.components);
  expect(result.document.components[0]).toBe(document.components[0]);
  expect(result.document.connections).toBe(document.connections);
});

test('a document after addComponent still satisfies the file schema', () => {
  const result = addComponent(serverAndBuilder(), 'web', { x: 1.5, y: -2 });
  expect(topologyDocumentSchema.safeParse(result.document).success).toBe(true);
});

// updateComponent

test('updateComponent sets host, port and notes', () => {
  const next = updateComponent(serverAndBuilder(), 'bld-1', {
    host: 'wfm02.example.com',
    port: 7010,
    notes: 'Site B',
  });
  expect(componentOf(next, 'bld-1')).toEqual({
    id: 'bld-1',
    kind: 'builder',
    name: 'WFM_Builder_1',
    position: { x: 300, y: 50 },
    host: 'wfm02.example.com',
    port: 7010,
    notes: 'Site B',
  });
});

test('updateComponent removes an optional field patched to undefined', () => {
  const document = documentOf([component('srv-1', 'server', 'S', { host: 'h', port: 7000, notes: 'n' })]);
  const next = updateComponent(document, 'srv-1', { host: undefined, port: undefined });
  expect(componentOf(next, 'srv-1')).toEqual({
    id: 'srv-1',
    kind: 'server',
    name: 'S',
    position: { x: 0, y: 0 },
    notes: 'n',
  });
  expect(componentOf(next, 'srv-1')).not.toHaveProperty('host');
});

test('updateComponent removes an optional text field patched to the empty string', () => {
  const document = documentOf([component('srv-1', 'server', 'S', { notes: 'n' })]);
  expect(componentOf(updateComponent(document, 'srv-1', { notes: '' }), 'srv-1')).not.toHaveProperty('notes');
});

test('updateComponent renames a component', () => {
  const next = updateComponent(serverAndBuilder(), 'srv-1', { name: 'Site_A_Server' });
  expect(componentOf(next, 'srv-1')?.name).toBe('Site_A_Server');
});

test('updateComponent keeps the old name when the patch empties it', () => {
  const document = serverAndBuilder();
  expect(updateComponent(document, 'srv-1', { name: '' })).toBe(document);
});

test('updateComponent sets and clears ETL on a WFM Server', () => {
  const document = serverAndBuilder();
  expect(componentOf(updateComponent(document, 'srv-1', { etl: false }), 'srv-1')?.etl).toBe(false);
  expect(componentOf(updateComponent(document, 'srv-1', { etl: undefined }), 'srv-1')).not.toHaveProperty(
    'etl',
  );
});

test('updateComponent drops ETL on a component that is not a WFM Server', () => {
  const document = serverAndBuilder();
  const next = updateComponent(document, 'bld-1', { etl: true, host: 'h' });
  expect(componentOf(next, 'bld-1')).not.toHaveProperty('etl');
  expect(componentOf(next, 'bld-1')?.host).toBe('h');
});

test('updateComponent that only sets ETL on a non-server returns the same document object', () => {
  const document = serverAndBuilder();
  expect(updateComponent(document, 'bld-1', { etl: true })).toBe(document);
});

test('updateComponent that changes nothing returns the same document object', () => {
  const document = serverAndBuilder();
  expect(updateComponent(document, 'srv-1', { name: 'WFM_Server_1', etl: true })).toBe(document);
  expect(updateComponent(document, 'srv-1', {})).toBe(document);
  expect(updateComponent(document, 'bld-1', { host: undefined })).toBe(document);
});

test('updateComponent of an unknown id returns the same document object', () => {
  const document = serverAndBuilder();
  expect(updateComponent(document, 'nope', { name: 'X' })).toBe(document);
});

test('updateComponent keeps the other components and the connections by identity', () => {
  const document = serverAndBuilder();
  const next = updateComponent(document, 'bld-1', { notes: 'x' });
  expect(next.components[0]).toBe(document.components[0]);
  expect(next.connections).toBe(document.connections);
});

// moveComponents

test('moveComponents moves the named components to their new positions', () => {
  const next = moveComponents(serverAndBuilder(), new Map([['bld-1', { x: 320, y: 90 }]]));
  expect(componentOf(next, 'bld-1')?.position).toEqual({ x: 320, y: 90 });
});

test('moveComponents keeps untouched components and the connections by identity', () => {
  const document = serverAndBuilder();
  const next = moveComponents(document, new Map([['bld-1', { x: 320, y: 90 }]]));
  expect(next.components[0]).toBe(document.components[0]);
  expect(next.components[1]).not.toBe(document.components[1]);
  expect(next.connections).toBe(document.connections);
});

test('moveComponents gives a position to a component that had none', () => {
  const document = documentOf([{ id: 'srv-1', kind: 'server', name: 'S' }]);
  const next = moveComponents(document, new Map([['srv-1', { x: 5, y: 6 }]]));
  expect(componentOf(next, 'srv-1')?.position).toEqual({ x: 5, y: 6 });
});

test('moveComponents to the same positions, of unknown ids or of nothing returns the same document', () => {
  const document = serverAndBuilder();
  expect(moveComponents(document, new Map([['srv-1', { x: 100, y: 50 }]]))).toBe(document);
  expect(moveComponents(document, new Map([['nope', { x: 1, y: 1 }]]))).toBe(document);
  expect(moveComponents(document, new Map())).toBe(document);
});

// addConnection

test('addConnection adds an allowed WFM Server → WFM Builder connection with security none', () => {
  const document = serverAndBuilder();
  const result = addConnection(document, 'srv-1', 'bld-1');
  if (!result.ok) throw new Error(result.verdict.message);
  expect(ids(document)).not.toContain(result.id);
  expect(result.document.connections).toEqual([
    ...document.connections,
    { id: result.id, from: 'srv-1', to: 'bld-1', security: 'none' },
  ]);
  expect(result.document.components).toBe(document.components);
});

test('addConnection refuses a forbidden connection with the reason and leaves the document alone', () => {
  const document = deepFreeze(
    documentOf([component('bld-1', 'builder', 'B'), component('stat-1', 'stat-server', 'S')]),
  );
  const before = structuredClone(document);
  const result = addConnection(document, 'bld-1', 'stat-1');
  expect(result).toEqual({
    ok: false,
    verdict: { ok: false, reason: 'forbidden-connection', message: expect.stringContaining('Stat Server') },
  });
  expect(result).not.toHaveProperty('document');
  expect(document).toEqual(before);
});

test('addConnection refuses a connection that is already there', () => {
  const result = addConnection(serverAndBuilder(), 'bld-1', 'srv-1');
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.verdict.reason).toBe('duplicate-connection');
});

test('addConnection refuses a second WFM Server for a WFM Builder, whose cell allows exactly one', () => {
  const document = documentOf(
    [...serverAndBuilder().components, component('srv-2', 'server', 'WFM_Server_2')],
    serverAndBuilder().connections,
  );
  const result = addConnection(document, 'bld-1', 'srv-2');
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.verdict).toMatchObject({ reason: 'cell-full', existing: { id: 'c-1' } });
});

test('addConnection refuses a self-connection and an unknown component', () => {
  const document = serverAndBuilder();
  const self = addConnection(document, 'srv-1', 'srv-1');
  const unknown = addConnection(document, 'srv-1', 'nope');
  expect(self.ok ? 'ok' : self.verdict.reason).toBe('self-connection');
  expect(unknown.ok ? 'ok' : unknown.verdict.reason).toBe('unknown-component');
});

// updateConnection

test('updateConnection sets the security of one connection', () => {
  const document = serverAndBuilder();
  const next = updateConnection(document, 'c-1', 'mutual-tls');
  expect(next.connections).toEqual([{ id: 'c-1', from: 'bld-1', to: 'srv-1', security: 'mutual-tls' }]);
  expect(next.components).toBe(document.components);
});

test('updateConnection to the same security returns the same document object', () => {
  const document = documentOf(serverAndBuilder().components, [connection('c-1', 'bld-1', 'srv-1', 'tls')]);
  expect(updateConnection(document, 'c-1', 'tls')).toBe(document);
});

test('updateConnection to none on a connection without security is a no-op, as none is the default', () => {
  const document = serverAndBuilder();
  expect(updateConnection(document, 'c-1', 'none')).toBe(document);
});

test('updateConnection of an unknown id returns the same document object', () => {
  const document = serverAndBuilder();
  expect(updateConnection(document, 'nope', 'tls')).toBe(document);
});

// deleteElements

function starOfThree(): TopologyDocument {
  return documentOf(
    [
      component('srv-1', 'server', 'S'),
      component('bld-1', 'builder', 'B'),
      component('dmn-1', 'daemon', 'D'),
    ],
    [
      connection('c-1', 'bld-1', 'srv-1'),
      connection('c-2', 'srv-1', 'bld-1'),
      connection('c-3', 'dmn-1', 'srv-1'),
    ],
  );
}

test('deleting a component removes every connection from it or to it', () => {
  const next = deleteElements(starOfThree(), new Set(['bld-1']), new Set());
  expect(next.components.map((c) => c.id)).toEqual(['srv-1', 'dmn-1']);
  expect(next.connections.map((c) => c.id)).toEqual(['c-3']);
});

test('deleting a connection keeps both of its components', () => {
  const document = starOfThree();
  const next = deleteElements(document, new Set(), new Set(['c-2']));
  expect(next.components).toEqual(document.components);
  expect(next.connections.map((c) => c.id)).toEqual(['c-1', 'c-3']);
});

test('deleting nothing, or only unknown ids, returns the same document object', () => {
  const document = starOfThree();
  expect(deleteElements(document, new Set(), new Set())).toBe(document);
  expect(deleteElements(document, new Set(['nope']), new Set(['nada']))).toBe(document);
});

// extractFragment and pasteFragment

test('extractFragment keeps the chosen components and only the connections among them', () => {
  const fragment = extractFragment(starOfThree(), new Set(['srv-1', 'bld-1']));
  expect(fragment.components.map((c) => c.id)).toEqual(['srv-1', 'bld-1']);
  expect(fragment.connections.map((c) => c.id)).toEqual(['c-1', 'c-2']);
});

test('pasteFragment gives the pasted components and connections ids the document does not use', () => {
  const document = serverAndBuilder();
  const result = pasteFragment(document, extractFragment(document, new Set(['srv-1', 'bld-1'])), {
    x: 0,
    y: 0,
  });
  const pastedIds = ids(result.document).filter((id) => !ids(document).includes(id));
  expect(pastedIds).toHaveLength(3);
  expect(ids(result.document)).toHaveLength(6);
  expect(new Set(ids(result.document)).size).toBe(ids(result.document).length);
  expect(result.componentIds).toEqual(result.document.components.slice(2).map((c) => c.id));
});

test('pasteFragment gives generated names the next free name and hand-written names a _copy suffix', () => {
  const document = documentOf([
    component('srv-1', 'server', 'WFM_Server_1'),
    component('bld-1', 'builder', 'Site_A_Builder'),
  ]);
  const fragment = extractFragment(document, new Set(['srv-1', 'bld-1']));
  const once = pasteFragment(document, fragment, { x: 0, y: 0 });
  const twice = pasteFragment(once.document, fragment, { x: 0, y: 0 });
  expect(twice.document.components.map((c) => c.name)).toEqual([
    'WFM_Server_1',
    'Site_A_Builder',
    'WFM_Server_2',
    'Site_A_Builder_copy',
    'WFM_Server_3',
    'Site_A_Builder_copy2',
  ]);
});

test('pasteFragment keeps a hand-written name that ends in a number, with a _copy suffix', () => {
  const document = documentOf([
    component('srv-1', 'server', 'London_1'),
    component('bld-1', 'builder', 'wfm_builder_7'),
  ]);
  const result = pasteFragment(document, extractFragment(document, new Set(['srv-1', 'bld-1'])), {
    x: 0,
    y: 0,
  });
  expect(result.document.components.slice(2).map((c) => c.name)).toEqual(['London_1_copy', 'WFM_Builder_1']);
});

test('pasteFragment compares copy names case-insensitively with the names in the document', () => {
  const document = documentOf([
    component('srv-1', 'server', 'Main'),
    component('srv-2', 'server', 'MAIN_COPY'),
  ]);
  const result = pasteFragment(document, extractFragment(document, new Set(['srv-1'])), { x: 0, y: 0 });
  expect(result.document.components[2]?.name).toBe('Main_copy2');
});

test('pasteFragment remaps the connections among the pasted components to their new ids', () => {
  const document = serverAndBuilder();
  const result = pasteFragment(document, extractFragment(document, new Set(['srv-1', 'bld-1'])), {
    x: 0,
    y: 0,
  });
  const [newServer, newBuilder] = result.componentIds;
  expect(result.document.connections.at(-1)).toMatchObject({ from: newBuilder, to: newServer });
});

test('pasteFragment drops a connection whose end is not in the fragment', () => {
  const document = serverAndBuilder();
  const result = pasteFragment(
    document,
    { components: [document.components[1] as DocumentComponent], connections: document.connections },
    { x: 0, y: 0 },
  );
  expect(result.document.connections).toEqual(document.connections);
});

test('pasteFragment puts the top-left corner of the fragment at the paste point, keeping the layout', () => {
  const document = serverAndBuilder();
  const result = pasteFragment(document, extractFragment(document, new Set(['srv-1', 'bld-1'])), {
    x: 1000,
    y: 500,
  });
  expect(result.document.components.slice(2).map((c) => c.position)).toEqual([
    { x: 1000, y: 500 },
    { x: 1200, y: 500 },
  ]);
});

test('pasteFragment drops ETL from a pasted WFM Server, as only one Server may run ETL', () => {
  const document = serverAndBuilder();
  const result = pasteFragment(document, extractFragment(document, new Set(['srv-1'])), { x: 0, y: 0 });
  expect(result.document.components[2]).not.toHaveProperty('etl');
  expect(result.document.components[0]?.etl).toBe(true);
});

test('pasteFragment keeps host, port, notes and security of what it pastes', () => {
  const document = documentOf(
    [
      component('srv-1', 'server', 'S', { host: 'wfm01', port: 7000, notes: 'n' }),
      component('bld-1', 'builder', 'B'),
    ],
    [connection('c-1', 'bld-1', 'srv-1', 'tls')],
  );
  const result = pasteFragment(document, extractFragment(document, new Set(['srv-1', 'bld-1'])), {
    x: 0,
    y: 0,
  });
  expect(result.document.components[2]).toMatchObject({ host: 'wfm01', port: 7000, notes: 'n' });
  expect(result.document.connections[1]?.security).toBe('tls');
});

test('pasting an empty fragment returns the same document and no ids', () => {
  const document = serverAndBuilder();
  expect(pasteFragment(document, { components: [], connections: [] }, { x: 0, y: 0 })).toEqual({
    document,
    componentIds: [],
  });
  expect(pasteFragment(document, { components: [], connections: [] }, { x: 0, y: 0 }).document).toBe(
    document,
  );
});

test('a document after pasteFragment still satisfies the file schema', () => {
  const document = serverAndBuilder();
  const result = pasteFragment(document, extractFragment(document, new Set(['srv-1', 'bld-1'])), {
    x: 3,
    y: 4,
  });
  expect(topologyDocumentSchema.safeParse(result.document).success).toBe(true);
});

// No input is mutated

test('no operation mutates its input document, fragment or position', () => {
  const document = deepFreeze(starOfThree());
  const fragment = deepFreeze(extractFragment(document, new Set(['srv-1', 'bld-1'])));
  const at = deepFreeze({ x: 10, y: 20 });
  expect(() => {
    addComponent(document, 'server', at);
    updateComponent(document, 'srv-1', { name: 'Renamed', host: 'h', etl: true, notes: undefined });
    updateComponent(document, 'bld-1', { etl: true });
    moveComponents(document, deepFreeze(new Map([['srv-1', at]])));
    addConnection(document, 'bld-1', 'dmn-1');
    addConnection(document, 'srv-1', 'dmn-1');
    updateConnection(document, 'c-1', 'tls');
    deleteElements(document, new Set(['srv-1']), new Set(['c-3']));
    extractFragment(document, new Set(['srv-1']));
    pasteFragment(document, fragment, at);
  }).not.toThrow();
  expect(document).toEqual(starOfThree());
});
