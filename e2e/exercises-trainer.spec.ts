import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from '@playwright/test';
import { buildCli } from '../scripts/build-cli';
import type { DesignerPage } from './designer-page';
import { goal, loadExerciseFile, openExercises, twoWebExercise } from './exercise-steps';
import { expect, test } from './fixtures';
import { expectSaved } from './library-storage';

// Issue 15, item 6: exercises a trainer can use. Quick fixes hidden, Check my work, progress that
// survives a reload, a time limit, and a result the CLI's `grade` accepts and refuses when edited.
// Helpers of this story only: the page object and the fixtures are shared and stay as they are.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ATTEMPT_PREFIX = 'wfm-topology:exercise-attempt:';

/** Connects `from` to `target` ("<Display name>: <name>") through the inspector's "Connect to…". */
async function connectThroughInspector(designer: DesignerPage, from: Locator, target: string): Promise<void> {
  await from.focus();
  await designer.page.keyboard.press('Enter');
  await designer.inspector.getByRole('button', { name: 'Connect to…' }).click();
  const dialog = designer.page.getByRole('dialog', { name: /^Connect .* to…$/ });
  await dialog.getByRole('button', { name: target, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** The trainer's exercise in format version 2, with the options a story tests. */
function trainerExercise(options: Record<string, unknown>) {
  return twoWebExercise({
    version: 2,
    hints: ['The palette has WFM Web under Web.', 'Select it and choose Connect to… in the inspector.'],
    ...options,
  });
}

/** Loads the exercise and waits for its list entry. */
async function loadExercise(panel: Locator, content: unknown): Promise<void> {
  await loadExerciseFile(panel, content);
  await expect(panel.getByRole('heading', { name: 'From files' })).toBeVisible();
}

/** The learner's moves that meet both goals of the trainer's exercise. */
async function solveTwoWeb(designer: DesignerPage): Promise<void> {
  await designer.addFromPalette('WFM Web');
  await connectThroughInspector(designer, designer.node('WFM Web', 'WFM_Web_2'), 'WFM Server: WFM_Server_1');
}

/** Clicks a download button and returns the downloaded file's text. */
async function downloadText(
  designer: DesignerPage,
  button: Locator,
): Promise<{ name: string; text: string }> {
  const download = designer.page.waitForEvent('download');
  await button.click();
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

// `grade` runs the built command, as a trainer would: built here from the sources, as the unit
// tests' global setup does, so the process never runs a bundle older than the code.
test.beforeAll(async () => {
  await buildCli();
});

/** `wfm-topology grade RESULT EXERCISE` as a real process. */
function grade(result: string, exercise: unknown): { code: number | null; stdout: string; stderr: string } {
  const folder = mkdtempSync(join(tmpdir(), 'wfm-grade-'));
  try {
    const resultPath = join(folder, 'result.json');
    const exercisePath = join(folder, 'two-web.wfm-exercise.json');
    writeFileSync(resultPath, result);
    writeFileSync(exercisePath, JSON.stringify(exercise, null, 2));
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'wfm-topology.mjs'), 'grade', resultPath, exercisePath],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    return { code: run.status, stdout: run.stdout, stderr: run.stderr.replaceAll(folder, '<tmp>') };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function attemptRecords(designer: DesignerPage): Promise<Record<string, string>> {
  return designer.page.evaluate(
    (prefix) =>
      Object.fromEntries(
        Object.keys(window.localStorage)
          .filter((key) => key.startsWith(prefix))
          .map((key) => [key, window.localStorage.getItem(key) ?? '']),
      ),
    ATTEMPT_PREFIX,
  );
}

test('“Fix a broken deployment” is solved by hand: no quick fix is offered until the learner leaves it', async ({
  designer,
}) => {
  const panel = await openExercises(designer);
  await panel.getByRole('button', { name: 'Fix a broken deployment', exact: true }).click();
  await expect(panel.getByRole('heading', { name: 'Fix a broken deployment' })).toBeVisible();
  await expect(panel).toContainText('Quick fixes are off');
  await expect(designer.problemItems('forbidden-connection').first()).toBeVisible();
  await expect(designer.problemItems('missing-connection').first()).toBeVisible();
  await expect(designer.problems().locator('.quick-fix')).toHaveCount(0);
  await designer.page.screenshot({ path: '/tmp/exercises-trainer-no-quick-fixes.png' });

  // The same problems have fixes once the exercise is left: they were hidden, not absent.
  await panel.getByRole('button', { name: 'Leave exercise' }).click();
  await expect(designer.problems().locator('.quick-fix').first()).toBeVisible();
});

test('Check my work marks the goals met or not, and says nothing of how', async ({ designer }) => {
  const panel = await openExercises(designer);
  const exercise = trainerExercise({ liveGoals: false, hintPenalty: 10 });
  await loadExercise(panel, exercise);
  await panel.getByRole('button', { name: 'Add a second WFM Web', exact: true }).click();

  // Goals that are not live start unchecked.
  await expect(panel).toContainText('Not checked yet');
  await expect(goal(panel, 'Two WFM Web')).toContainText('Not checked: Two WFM Web');
  await expect(panel).toContainText('Each hint costs 10 points of 100');

  await panel.getByRole('button', { name: 'Check my work' }).click();
  await expect(panel).toContainText('Checked: 1 of 2 goals met. Keep going.');
  await expect(goal(panel, 'Two WFM Web')).toContainText('Not yet: Two WFM Web');
  await expect(goal(panel, 'Every WFM Web connects to the Server')).toContainText('Done: Every WFM Web');
  // No hint, problem or fix leaks with the marks.
  await expect(panel).not.toContainText('The palette has WFM Web');
  await expect(panel).not.toContainText('Connect to…');
  await expect(panel).toContainText('0 of 2 shown');
  await panel.locator('.side-panel__body').evaluate((body) => body.scrollTo(0, 0));
  await designer.page.screenshot({ path: '/tmp/exercises-trainer-checked.png' });

  // The marks are the last check's: adding the second Web does not tick anything by itself.
  await solveTwoWeb(designer);
  await expect(goal(panel, 'Two WFM Web')).toContainText('Not yet: Two WFM Web');
  await expect(panel.getByRole('region', { name: 'Exercise complete' })).toHaveCount(0);

  await panel.getByRole('button', { name: 'Check my work' }).click();
  await expect(panel).toContainText('Checked: 2 of 2 goals met.');
  const summary = panel.getByRole('region', { name: 'Exercise complete' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(/Score\s*100 of 100/);
  await expect(summary.getByRole('button', { name: 'Download result' })).toBeVisible();
});

test('an exercise of one goal, one point a hint, counts them in the singular', async ({ designer }) => {
  const panel = await openExercises(designer);
  const [first] = twoWebExercise().goals;
  const exercise = trainerExercise({ liveGoals: false, hintPenalty: 1, goals: [first] });
  await loadExercise(panel, exercise);
  await expect(panel.getByText('1 goal', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Add a second WFM Web', exact: true }).click();
  await expect(panel).toContainText('Each hint costs 1 point of 100');
  await expect(panel.getByRole('button', { name: 'Show a hint (−1 point)' })).toBeVisible();

  await panel.getByRole('button', { name: 'Check my work' }).click();
  await expect(panel).toContainText('Checked: 0 of 1 goal met. Keep going.');
  await designer.addFromPalette('WFM Web');
  await panel.getByRole('button', { name: 'Check my work' }).click();
  await expect(panel).toContainText('Checked: 1 of 1 goal met.');
  await expect(panel.getByRole('region', { name: 'Exercise complete' })).toContainText(
    'Well done: you met the goal of “Add a second WFM Web”.',
  );
});

test('progress survives a reload: start time, hints, steps and checks; a hostile record is refused and kept', async ({
  designer,
  page,
}) => {
  let panel = await openExercises(designer);
  await panel.getByRole('button', { name: 'Add a Builder pool', exact: true }).click();
  await panel.getByRole('button', { name: 'Show a hint' }).click();
  await designer.addFromPalette('WFM Builder');
  await panel.getByRole('button', { name: 'Check my work' }).click();
  await expect(panel).toContainText('Checked: 0 of 4 goals met. Keep going.');
  await expectSaved(page, [
    'WFM_Builder_1',
    'WFM_Builder_2',
    'WFM_DAP_1',
    'WFM_Data_Aggregator_1',
    'WFM_Database_Utility_1',
    'WFM_Server_1',
    'WFM_Web_1',
    'Stat_Server_1',
  ]);
  const before = await attemptRecords(designer);
  expect(Object.keys(before)).toHaveLength(1);
  const [key, text] = Object.entries(before)[0] ?? ['', ''];
  expect(JSON.parse(text)).toMatchObject({
    exerciseId: 'add-a-builder-pool',
    hintsShown: 1,
    steps: 1,
    checks: 1,
  });

  await page.reload();
  await expect(designer.node('WFM Builder', 'WFM_Builder_2')).toBeVisible();
  panel = await openExercises(designer);
  await expect(panel.getByRole('heading', { name: 'Add a Builder pool' })).toBeVisible();
  await expect(panel).toContainText('1 of 3 shown');
  await expect(panel).toContainText('Click WFM Builder in the palette twice');
  expect(JSON.parse((await attemptRecords(designer))[key] ?? '{}')).toMatchObject({
    startedAt: JSON.parse(text).startedAt,
    hintsShown: 1,
    steps: 1,
    checks: 1,
  });

  // Steps after the reload add to those before it.
  await designer.addFromPalette('WFM Builder');
  await expect.poll(async () => JSON.parse((await attemptRecords(designer))[key] ?? '{}').steps).toBe(2);

  // A record someone edited by hand (more hints than the exercise has) is not resumed, and stays.
  const hostile = JSON.stringify({
    ...JSON.parse((await attemptRecords(designer))[key] ?? '{}'),
    hintsShown: 99,
  });
  await page.evaluate(([k, v]) => window.localStorage.setItem(k as string, v as string), [key, hostile]);
  await page.reload();
  panel = await openExercises(designer);
  await expect(panel).toContainText(
    'The exercise progress saved with this document was not resumed: it counts more hints than the exercise has. It was kept as it was.',
  );
  await expect(panel.getByRole('button', { name: 'Add a Builder pool', exact: true })).toBeVisible();
  expect((await attemptRecords(designer))[key]).toBe(hostile);
});

test('Download result gives a record that grade accepts, and refuses once edited by hand', async ({
  designer,
}) => {
  const panel = await openExercises(designer);
  const exercise = trainerExercise({ hintPenalty: 10, quickFixes: false });
  await loadExercise(panel, exercise);
  await panel.getByRole('button', { name: 'Add a second WFM Web', exact: true }).click();
  await panel.getByRole('button', { name: 'Show a hint (−10 points)' }).click();
  await solveTwoWeb(designer);
  const summary = panel.getByRole('region', { name: 'Exercise complete' });
  await expect(summary).toContainText(/Score\s*90 of 100/);
  await designer.page.screenshot({ path: '/tmp/exercises-trainer-summary.png' });

  const result = await downloadText(designer, summary.getByRole('button', { name: 'Download result' }));
  expect(result.name).toBe('two-web.result.json');
  const record = JSON.parse(result.text);
  expect(record).toMatchObject({
    format: 'wfm-exercise-result',
    exercise: { id: 'two-web', version: 2 },
    outcome: 'completed',
    goalsMet: 2,
    hintsUsed: 1,
    score: 90,
    quickFixes: false,
    checksum: { algorithm: 'SHA-256' },
  });
  expect(record.document.components).toHaveLength(3);

  const passed = grade(result.text, exercise);
  expect(passed.stderr).toBe('');
  expect(passed.code).toBe(0);
  expect(passed.stdout).toContain('PASSED “Add a second WFM Web” (two-web)');

  const edited = JSON.stringify({ ...record, hintsUsed: 0, score: 100 }, null, 2);
  const refused = grade(edited, exercise);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('<tmp>/result.json: The checksum does not match');

  const page = await downloadText(
    designer,
    summary.getByRole('button', { name: 'Download printable summary' }),
  );
  expect(page.name).toBe('two-web.summary.html');
  expect(page.text).toContain('<h1>Exercise result</h1>');
  expect(page.text).toContain(record.checksum.value);
  // Opened on a page of its own: the summary is a file, outside the designer's Content-Security-Policy.
  const viewer = await designer.page.context().newPage();
  await viewer.setContent(page.text);
  await expect(viewer.getByRole('heading', { name: 'Exercise result' })).toBeVisible();
  await expect(viewer.getByRole('row', { name: /Score/ })).toContainText('90 of 100');
  await viewer.screenshot({ path: '/tmp/exercises-trainer-printable.png', fullPage: true });
  await viewer.close();
});

test('the time limit counts down, ends the attempt, and its result grades as failed', async ({
  designer,
  page,
}) => {
  await page.clock.install();
  await page.reload();
  const panel = await openExercises(designer);
  const exercise = trainerExercise({ timeLimit: 120 });
  await loadExercise(panel, exercise);
  await panel.getByRole('button', { name: 'Add a second WFM Web', exact: true }).click();
  await expect(panel.getByRole('timer', { name: 'Time left' })).toHaveText(/^(2:00|1:5\d)$/);
  await expect(panel).toContainText('Time limit 2 min 00 s');

  await designer.addFromPalette('WFM Web');
  await page.clock.fastForward('02:05');
  const timeUp = panel.getByRole('region', { name: 'Time is up' });
  await expect(timeUp).toBeVisible();
  await expect(panel.getByRole('timer')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Check my work' })).toHaveCount(0);
  await expect(timeUp).toContainText(/Goals met\s*1 of 2/);
  await page.screenshot({ path: '/tmp/exercises-trainer-time-up.png' });

  const result = await downloadText(designer, timeUp.getByRole('button', { name: 'Download result' }));
  expect(JSON.parse(result.text)).toMatchObject({
    outcome: 'time-up',
    timeLimit: 120,
    seconds: 120,
    goalsMet: 1,
  });
  const failed = grade(result.text, exercise);
  expect(failed.code).toBe(1);
  expect(failed.stdout).toContain('✗ not met  Every WFM Web connects to the Server');
});

test('Hand in now asks first, ends the attempt, and its result grades as failed', async ({ designer }) => {
  const panel = await openExercises(designer);
  const exercise = trainerExercise({});
  await loadExercise(panel, exercise);
  await panel.getByRole('button', { name: 'Add a second WFM Web', exact: true }).click();
  await designer.addFromPalette('WFM Web');

  await panel.getByRole('button', { name: 'Hand in now' }).click();
  const confirm = designer.page.getByRole('dialog', { name: 'Hand in “Add a second WFM Web” now?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('region', { name: 'Handed in' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Hand in now' }).click();
  await confirm.getByRole('button', { name: 'Hand in', exact: true }).click();

  const handedIn = panel.getByRole('region', { name: 'Handed in' });
  await expect(handedIn).toContainText(/Goals met\s*1 of 2/);
  await expect(panel.getByRole('button', { name: 'Hand in now' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Check my work' })).toHaveCount(0);
  const result = await downloadText(designer, handedIn.getByRole('button', { name: 'Download result' }));
  expect(JSON.parse(result.text)).toMatchObject({ outcome: 'handed-in', goalsMet: 1, score: 50 });
  const failed = grade(result.text, exercise);
  expect(failed.code).toBe(1);
  expect(failed.stdout).toContain('FAILED “Add a second WFM Web”');
  expect(failed.stdout).toContain('handed in before the end');
});
