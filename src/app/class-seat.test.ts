import { expect, test } from 'vitest';
import { readSeat, seatKey, writeSeat } from './class-seat';
import { MemoryStorage } from './library/testing/memory-storage';

/** One browser's storage, in memory. */
function memoryStorage(initial: Record<string, string> = {}): MemoryStorage {
  return new MemoryStorage(new Map(Object.entries(initial)));
}

const ENTRY = `learner:${'A'.repeat(22)}`;

test('a seat written is read back under its class', async () => {
  const storage = memoryStorage();
  const key = await seatKey({ classKey: 'k'.repeat(43) });
  expect(key).toMatch(/^wfm-topology:class-seat:[A-Za-z0-9_-]{43}$/);
  expect(key).not.toContain('k'.repeat(43));
  expect(await seatKey({ classKey: 'j'.repeat(43) })).not.toBe(key);
  expect(readSeat(storage, key)).toBeNull();
  writeSeat(storage, key, { entry: ENTRY, name: 'Ada' });
  expect(readSeat(storage, key)).toEqual({ entry: ENTRY, name: 'Ada' });
});

test('a seat that is not one is no seat: storage is hostile input', () => {
  const read = (value: string) => readSeat(memoryStorage({ seat: value }), 'seat');
  expect(read('not json')).toBeNull();
  expect(read('null')).toBeNull();
  expect(read(JSON.stringify({ entry: 'learner:short', name: 'Ada' }))).toBeNull();
  expect(read(JSON.stringify({ entry: `${ENTRY}\n`, name: 'Ada' }))).toBeNull();
  expect(read(JSON.stringify({ entry: ENTRY, name: '' }))).toBeNull();
  expect(read(JSON.stringify({ entry: ENTRY, name: 'Ada\u0007' }))).toBeNull();
  expect(read(JSON.stringify({ entry: ENTRY, name: 'x'.repeat(61) }))).toBeNull();
  expect(read(JSON.stringify({ entry: ENTRY, name: 'Ada', key: 'k'.repeat(43) }))).toBeNull();
  expect(read(JSON.stringify({ entry: ENTRY, name: 'Ada', pad: 'x'.repeat(2000) }))).toBeNull();
  expect(read(JSON.stringify({ __proto__: { entry: ENTRY }, name: 'Ada' }))).toBeNull();
  expect(
    readSeat(
      {
        getItem() {
          throw new Error('storage is off');
        },
        setItem() {},
      },
      'seat',
    ),
  ).toBeNull();
  expect(readSeat(null, 'seat')).toBeNull();
});

test('a storage that refuses to write keeps nothing and throws nothing', () => {
  expect(() =>
    writeSeat(
      {
        getItem: () => null,
        setItem() {
          throw new Error('quota');
        },
      },
      'seat',
      { entry: ENTRY, name: 'Ada' },
    ),
  ).not.toThrow();
});
