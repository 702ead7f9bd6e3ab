import { type Exercise, type ExerciseParseError, parseExercise } from '../document';

// Every `*.wfm-exercise.json` beside this file is a built-in exercise, listed in file-name order:
// a trainer adds one by dropping a file here, with no code to change.
const FILES: Readonly<Record<string, string>> = import.meta.glob('./*.wfm-exercise.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface BuiltInFailure {
  readonly file: string;
  readonly error: ExerciseParseError;
}

function load(): { exercises: Exercise[]; failures: BuiltInFailure[] } {
  const exercises: Exercise[] = [];
  const failures: BuiltInFailure[] = [];
  for (const file of Object.keys(FILES).sort()) {
    const result = parseExercise(FILES[file] ?? '');
    if (result.ok) exercises.push(result.exercise);
    else failures.push({ file, error: result.error });
  }
  return { exercises, failures };
}

const loaded = load();

/** The exercises that ship with the designer, each read through `parseExercise` like a trainer's file. */
export const BUILT_IN_EXERCISES: readonly Exercise[] = loaded.exercises;

/** Built-in files that `parseExercise` refused; a test keeps this empty. */
export const BUILT_IN_FAILURES: readonly BuiltInFailure[] = loaded.failures;
