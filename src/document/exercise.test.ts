import { expect, test } from 'vitest';
import {
  type ExerciseParseError,
  type ExerciseParseErrorKind,
  MAX_EXERCISE_BYTES,
  parseExercise,
} from './exercise';
import { validFile } from './testing/files';

// A valid exercise as a plain JSON object that each test bends in one place.
type JsonRecord = Record<string, unknown>;

function validExercise(): JsonRecord & { goals: JsonRecord[]; start: ReturnType<typeof validFile> } {
  return {
    format: 'wfm-exercise',
    version: 1,
    id: 'builder-pool',
    title: 'Add a Builder pool',
    summary: 'Give the WFM Server three WFM Builders.',
    instructions: ['Add two more WFM Builders.', 'Connect each one both ways with the WFM Server.'],
    start: validFile(),
    goals: [
      {
        id: 'three',
        text: 'At least three WFM Builders',
        check: { type: 'min-components', kind: 'builder', count: 3 },
      },
      { id: 'valid', text: 'No errors', check: { type: 'valid' } },
      {
        id: 'both-ways',
        text: 'Each Builder connects to the Server',
        check: { type: 'every-component-connects', kinds: ['builder'], to: 'server' },
      },
    ],
    hints: ['Click WFM Builder in the palette.'],
    learned: ['A WFM Server may use a pool of WFM Builders.'],
  };
}

function exerciseText(edit: (file: ReturnType<typeof validExercise>) => void = () => {}): string {
  const file = validExercise();
  edit(file);
  return JSON.stringify(file);
}

function expectRefused(text: string, kind: ExerciseParseErrorKind): ExerciseParseError {
  const result = parseExercise(text);
  if (result.ok) throw new Error(`expected a '${kind}' refusal, but the exercise was accepted`);
  expect(result.error.kind).toBe(kind);
  return result.error;
}

function expectIssue(text: string, path: string, message = ''): void {
  const error = expectRefused(text, 'invalid');
  expect(error.issues).toContainEqual({ path, message: expect.stringContaining(message) });
}

test('a valid exercise file is read with its start document, goals and hints', () => {
  const result = parseExercise(exerciseText());
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const { exercise } = result;
  expect(exercise.id).toBe('builder-pool');
  expect(exercise.title).toBe('Add a Builder pool');
  expect(exercise.instructions).toHaveLength(2);
  expect(exercise.start.components.map((c) => c.id)).toEqual(['srv-1', 'bld-1', 'srv-2']);
  expect(exercise.goals.map((g) => g.check.type)).toEqual([
    'min-components',
    'valid',
    'every-component-connects',
  ]);
  expect(exercise.hints).toEqual(['Click WFM Builder in the palette.']);
  expect(exercise.learned).toEqual(['A WFM Server may use a pool of WFM Builders.']);
});

test('hints and learned may be left out', () => {
  const result = parseExercise(
    exerciseText((file) => {
      delete file.hints;
      delete file.learned;
    }),
  );
  expect(result.ok).toBe(true);
});

test('a start document may carry the validation block an export writes', () => {
  const result = parseExercise(
    exerciseText((file) => {
      file.start = { ...file.start, validation: { valid: true } };
    }),
  );
  expect(result.ok).toBe(true);
});

test('an unknown key is refused with its path, at every level', () => {
  expectIssue(
    exerciseText((file) => Object.assign(file, { titel: 'x' })),
    'titel',
    'unknown key',
  );
  expectIssue(
    exerciseText((file) => Object.assign(file.goals[0] ?? {}, { hint: 'x' })),
    'goals[0].hint',
    'unknown key',
  );
  expectIssue(
    exerciseText((file) => {
      file.goals[0] = {
        ...file.goals[0],
        check: { type: 'min-components', kind: 'builder', count: 3, cout: 3 },
      };
    }),
    'goals[0].check.cout',
    'unknown key',
  );
  expectIssue(
    exerciseText((file) => Object.assign(file.start, { colour: 'red' })),
    'start.colour',
    'unknown key',
  );
});

test('an unknown goal type is refused with the types there are', () => {
  const text = exerciseText((file) => {
    file.goals[1] = { id: 'valid', text: 'No errors', check: { type: 'is-valid' } };
  });
  expectIssue(text, 'goals[1].check.type', '"is-valid"');
  expectIssue(text, 'goals[1].check.type', '"every-component-connects"');
});

test('a goal with a wrong field is refused at that field', () => {
  expectIssue(
    exerciseText((file) => {
      file.goals[0] = { id: 'three', text: 'x', check: { type: 'min-components', kind: 'bilder', count: 3 } };
    }),
    'goals[0].check.kind',
    'must be one of',
  );
  expectIssue(
    exerciseText((file) => {
      file.goals[0] = {
        id: 'three',
        text: 'x',
        check: { type: 'min-components', kind: 'builder', count: 2.5 },
      };
    }),
    'goals[0].check.count',
  );
  expectIssue(
    exerciseText((file) => {
      file.goals[0] = { id: 'layer', text: 'x', check: { type: 'no-problem', code: 'management-off' } };
    }),
    'goals[0].check.code',
  );
});

test('a start document with a connection to a missing component is refused at start.connections[0].to', () => {
  expectIssue(
    exerciseText((file) => {
      file.start.connections[0] = { id: 'c-1', from: 'bld-1', to: 'srv-9' };
    }),
    'start.connections[0].to',
    'no component with id "srv-9"',
  );
});

test('a start document is checked like any topology file', () => {
  expectIssue(
    exerciseText((file) => {
      file.start.components[1] = { id: 'srv-1', kind: 'builder', name: 'B' };
    }),
    'start.components[1].id',
    'duplicate id',
  );
  expectIssue(
    exerciseText((file) => {
      file.start.format = 'wfm-exercise';
    }),
    'start.format',
  );
  expectIssue(
    exerciseText((file) => {
      delete (file as JsonRecord).start;
    }),
    'start',
    'missing',
  );
  expectIssue(
    exerciseText((file) => {
      file.start.version = 3;
    }),
    'start',
    'newer version',
  );
});

test('issues in the start document are listed with the other issues, so all show at once', () => {
  const error = expectRefused(
    exerciseText((file) => {
      file.title = '';
      file.start.connections[0] = { id: 'c-1', from: 'bld-1', to: 'srv-9' };
    }),
    'invalid',
  );
  expect(error.issues.map((issue) => issue.path)).toEqual(['title', 'start.connections[0].to']);
});

test('a newer exercise format version is refused in words', () => {
  const error = expectRefused(
    exerciseText((file) => {
      file.version = 3;
    }),
    'newer-version',
  );
  expect(error.message).toContain('made by a newer version');
});

test('a version that is not a whole number is refused at version', () => {
  expectIssue(
    exerciseText((file) => {
      file.version = '1';
    }),
    'version',
  );
});

test('repeated goal ids are refused', () => {
  expectIssue(
    exerciseText((file) => {
      file.goals[1] = { ...file.goals[1], id: 'three' };
    }),
    'goals[1].id',
    'duplicate id "three"',
  );
});

test('a goal the matrix makes impossible is refused', () => {
  expectIssue(
    exerciseText((file) => {
      file.goals[0] = {
        id: 'x',
        text: 'x',
        check: { type: 'connection', from: 'builder', to: 'stat-server' },
      };
    }),
    'goals[0].check.to',
    'could never be met',
  );
  expectIssue(
    exerciseText((file) => {
      file.goals[0] = {
        id: 'x',
        text: 'x',
        check: { type: 'every-component-connects', kinds: ['builder', 'dap'], to: 'message-server' },
      };
    }),
    'goals[0].check.kinds[1]',
    'DAP → Message Server',
  );
  expectIssue(
    exerciseText((file) => {
      file.goals[0] = {
        id: 'x',
        text: 'x',
        check: { type: 'connection', from: 'server', to: 'builder', min: 3, max: 2 },
      };
    }),
    'goals[0].check.max',
  );
});

test('an exercise needs instructions and at least one goal', () => {
  expectIssue(
    exerciseText((file) => {
      file.goals = [];
    }),
    'goals',
    'at least one goal',
  );
  expectIssue(
    exerciseText((file) => {
      file.instructions = [];
    }),
    'instructions',
  );
  expectIssue(
    exerciseText((file) => {
      file.title = '   ';
    }),
    'title',
    'must not be empty',
  );
});

test('sizes are capped', () => {
  expectIssue(
    exerciseText((file) => {
      file.hints = Array.from({ length: 21 }, () => 'Try again.');
    }),
    'hints',
    'at most 20',
  );
  expectIssue(
    exerciseText((file) => {
      file.title = 'x'.repeat(101);
    }),
    'title',
    'at most 100',
  );
  expectRefused(' '.repeat(MAX_EXERCISE_BYTES + 1), 'too-large');
});

test('text that is not JSON, or JSON that is not an exercise, is refused', () => {
  expectRefused('{"format":', 'not-json');
  expectRefused('[]', 'not-exercise');
  expectRefused('{"format":"wfm-lesson","version":1}', 'not-exercise');
});

test('a topology document opened as an exercise says what to do instead', () => {
  const error = expectRefused(JSON.stringify(validFile()), 'not-exercise');
  expect(error.message).toContain('topology document');
  expect(error.message).toContain('Import');
});

test('a file that starts with a byte-order mark is read', () => {
  expect(parseExercise(`\uFEFF${exerciseText()}`).ok).toBe(true);
});
