import * as Y from 'yjs';
import { ENTRY_KEY, entry, VALID_EXERCISE_ID, VALID_EXERCISE_TEXT } from './class-manifest';

// The live corpus (live-manifest.ts), continued: other clients' Yjs updates as the server's guard
// reads them (decisions 031, 034, 035), with the outcome each must come to.

/** Another client's Yjs update (decision 031): what the server's guard says of it. */
export interface UpdateCase {
  readonly about: string;
  /** Writes the hostile change into a peer's document (the update sent is its whole state). */
  readonly write: (doc: Y.Doc) => void;
  /** `accepted`, or a part of the reason its sender is closed with. */
  readonly expected: 'accepted' | { readonly refused: string };
}

const componentMap = (fields: Record<string, unknown>) =>
  new Y.Map<unknown>(Object.entries({ kind: 'server', name: 'WFM_Server', '@order': 1, ...fields }));
const addComponent = (doc: Y.Doc, id: string, fields: Record<string, unknown> = {}) =>
  doc.getMap('components').set(id, componentMap(fields));

/** `count` well-formed roster entries, in one transaction. */
function writeRoster(doc: Y.Doc, count: number): void {
  const root = doc.getMap('classroom');
  doc.transact(() => {
    for (let i = 0; i < count; i += 1)
      root.set(`learner:${String(i).padStart(22, '0')}`, JSON.parse(entry({ name: `Learner ${i}` })));
  });
}

export const UPDATE_CASES: readonly UpdateCase[] = [
  { about: 'an honest component', write: (doc) => addComponent(doc, 'srv-1'), expected: 'accepted' },
  {
    about: 'markup in a component’s name: text',
    write: (doc) => addComponent(doc, 'srv-1', { name: '<script>alert(1)</script>' }),
    expected: 'accepted',
  },
  {
    about: 'an unknown root',
    write: (doc) => doc.getMap('junk').set('x', 1),
    expected: { refused: 'unknown root' },
  },
  {
    about: 'a root called __proto__',
    write: (doc) => doc.getMap('__proto__').set('x', 1),
    expected: { refused: 'unknown root' },
  },
  {
    about: 'an unknown field on a component',
    write: (doc) => addComponent(doc, 'srv-1', { script: '<x>' }),
    expected: { refused: 'components/srv-1' },
  },
  {
    about: 'a __proto__ field on a component',
    write: (doc) => addComponent(doc, 'srv-1', { ['__proto__']: { polluted: true } }),
    expected: { refused: 'components/srv-1' },
  },
  {
    about: 'a component id of 65 characters',
    write: (doc) => addComponent(doc, 'c'.repeat(65)),
    expected: { refused: 'id too long' },
  },
  {
    about: 'a component that is a plain object, not a map',
    write: (doc) => doc.getMap('components').set('srv-1', { kind: 'server', name: 'x', '@order': 1 }),
    expected: { refused: 'not a map' },
  },
  {
    about: 'a component with no order',
    write: (doc) =>
      doc.getMap('components').set(
        'srv-1',
        new Y.Map<unknown>([
          ['kind', 'server'],
          ['name', 'x'],
        ]),
      ),
    expected: { refused: 'no order' },
  },
  {
    about: 'a component name of 300 characters',
    write: (doc) => addComponent(doc, 'srv-1', { name: 'N'.repeat(300) }),
    expected: { refused: 'components/srv-1' },
  },
  {
    about: 'a component name that is a number',
    write: (doc) => addComponent(doc, 'srv-1', { name: 42 }),
    expected: { refused: 'components/srv-1' },
  },
  {
    about: 'a position nested 1,000 objects deep',
    write: (doc) => {
      let deep: unknown = 1;
      for (let i = 0; i < 1000; i += 1) deep = { x: deep };
      addComponent(doc, 'srv-1', { position: deep });
    },
    expected: { refused: 'components/srv-1' },
  },
  {
    about: 'a shared type nested in a component',
    write: (doc) => addComponent(doc, 'srv-1', { notes: new Y.Text('x') }),
    expected: { refused: 'nested shared type' },
  },
  {
    about: 'a document name of 201 characters',
    write: (doc) => doc.getMap('meta').set('name', 'N'.repeat(201)),
    expected: { refused: 'invalid document field name' },
  },
  {
    about: 'an unknown document field',
    write: (doc) => doc.getMap('meta').set('__proto__', { polluted: true }),
    expected: { refused: 'unknown document field __proto__' },
  },
  {
    about: 'a zone list past its cap (501)',
    write: (doc) => {
      const zones = doc.getMap('zones');
      doc.transact(() => {
        for (let i = 0; i < 501; i += 1)
          zones.set(
            `z-${i}`,
            new Y.Map<unknown>([
              ['name', `Zone ${i}`],
              ['@order', i],
            ]),
          );
      });
    },
    expected: { refused: 'more than 500 zones' },
  },
  {
    about: 'a roster of 101 learners',
    write: (doc) => writeRoster(doc, 101),
    expected: { refused: 'more than 100 learners' },
  },
  {
    about: 'a class of a trainer’s file with 100 learners',
    write: (doc) => {
      doc.getMap('classroom').set('exercise', VALID_EXERCISE_ID);
      doc.getMap('classroom').set('exerciseFile', VALID_EXERCISE_TEXT);
      writeRoster(doc, 100);
    },
    expected: 'accepted',
  },
  {
    about: 'a roster entry that is a shared type',
    write: (doc) => doc.getMap('classroom').set(ENTRY_KEY, new Y.Map()),
    expected: { refused: 'nested shared type' },
  },
];

/** Bytes that are no Yjs update at all (decision 031: `malformed update` closes the sender). */
export const GARBAGE_UPDATES: readonly { readonly about: string; readonly bytes: Uint8Array }[] = [
  { about: 'one byte of 255', bytes: new Uint8Array([255]) },
  { about: 'a claimed length of 2^53', bytes: new Uint8Array([1, 255, 255, 255, 255, 255, 255, 255, 15]) },
  { about: 'text', bytes: new TextEncoder().encode('<script>alert(1)</script>') },
];
