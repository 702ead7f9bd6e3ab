import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parseExercise, serializeExercise } from '../document';
import { classExercise } from './class-actions';

// Which exercise a class is of (decision 035): a trainer's own file when the class carries one,
// read like any hostile exercise file, else the built-in exercise of the class's id.

const FILE = readFileSync(
  fileURLToPath(new URL('../exercises/04-add-a-builder-pool.wfm-exercise.json', import.meta.url)),
  'utf8',
);

function trainersOwn() {
  const parsed = parseExercise(FILE);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { ...parsed.exercise, id: 'my-pool', title: 'My own Builder pool' };
}

test('a built-in exercise is found by its id', () => {
  expect(classExercise('add-a-builder-pool')).toMatchObject({
    source: 'built-in',
    exercise: { id: 'add-a-builder-pool' },
  });
  expect(classExercise('no-such-exercise')).toBeUndefined();
  expect(classExercise(undefined)).toBeUndefined();
});

test("a trainer's own exercise travels as its file's text and reads back the same", () => {
  const own = trainersOwn();
  const text = serializeExercise(own);
  const found = classExercise('my-pool', text);
  expect(found?.source).toBe('file');
  expect(found?.exercise).toEqual(own);
});

test('a file that is not a valid exercise, or whose id is not the class’s, gives no exercise', () => {
  const text = serializeExercise(trainersOwn());
  expect(classExercise('add-a-builder-pool', text)).toBeUndefined();
  expect(classExercise('my-pool', text.replace('"goals"', '"gaols"'))).toBeUndefined();
  expect(classExercise('my-pool', '{"__proto__": {"id": "my-pool"}}')).toBeUndefined();
  expect(classExercise('my-pool', 'x'.repeat(2 * 1024 * 1024))).toBeUndefined();
});
