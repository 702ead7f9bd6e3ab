import { expect, test } from 'vitest';
import { guestName, identityStore, loadName, offerName } from './identity';

const storageWith = (value: unknown) => ({ getItem: () => value as string | null });

test('a stored name is cleaned and capped; anything unusable is no name', () => {
  expect(loadName(storageWith('  Ana \u202E'))).toBe('Ana');
  expect(loadName(storageWith('x'.repeat(60)))).toBe('x'.repeat(40));
  expect(loadName(storageWith(null))).toBeNull();
  expect(loadName(storageWith(''))).toBeNull();
  expect(loadName(storageWith('\u0000\u0001'))).toBeNull();
  expect(loadName(storageWith('y'.repeat(100_000)))).toBeNull();
  expect(loadName(storageWith(42))).toBeNull();
  expect(
    loadName({
      getItem() {
        throw new Error('storage is off');
      },
    }),
  ).toBeNull();
  expect(loadName(undefined)).toBeNull();
});

test('a guest is "Guest 10" to "Guest 99"', () => {
  expect(guestName(() => 0)).toBe('Guest 10');
  expect(guestName(() => 0.9999)).toBe('Guest 99');
});

/** A storage of one browser, in memory. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

test('a name offered (a learner joining a class) is taken only when I chose none', () => {
  const fresh = memoryStorage();
  expect(offerName('  Ada  ', fresh)).toBe('Ada');
  expect(identityStore.getState().name).toBe('Ada');
  expect(loadName(fresh)).toBe('Ada');

  // A guest name kept from an earlier room was not chosen: it gives way.
  const guest = memoryStorage({ 'wfm-topology:live-name': 'Guest 42' });
  expect(offerName('Bob', guest)).toBe('Bob');
  expect(loadName(guest)).toBe('Bob');

  // A name I chose stays; so does mine when the offered one has nothing printable.
  const chosen = memoryStorage({ 'wfm-topology:live-name': 'Carol' });
  expect(offerName('Dan', chosen)).toBeNull();
  expect(loadName(chosen)).toBe('Carol');
  expect(offerName('\u0000 ', memoryStorage())).toBeNull();
});
