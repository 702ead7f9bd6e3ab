import { expect, test } from 'vitest';
import { z } from 'zod';
import { describeIssue } from './zod-issues';

/** The message of the first issue `schema` finds in `value`, worded as files' errors are. */
function messageOf(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value, { error: describeIssue });
  return result.success ? undefined : result.error.issues[0]?.message;
}

test('a list too short or too long is counted in the right number', () => {
  expect(messageOf(z.array(z.string()).min(1), [])).toBe('must have at least 1 item');
  expect(messageOf(z.array(z.string()).min(2), [])).toBe('must have at least 2 items');
  expect(messageOf(z.array(z.string()).max(1), ['a', 'b'])).toBe('must have at most 1 item');
  expect(messageOf(z.array(z.string()).max(3), ['a', 'b', 'c', 'd'])).toBe('must have at most 3 items');
});
