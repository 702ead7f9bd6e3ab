import { expect, test } from 'vitest';
import { guestName, loadName } from './identity';

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
