import type { Locator } from '@playwright/test';
import type { DesignerPage } from './designer-page';
import { goal, loadExerciseFile, openExercises, twoWebExercise } from './exercise-steps';
import { expect, test } from './fixtures';

// Helpers of this story only: the page object and the fixtures are shared and stay as they are.

async function expectGoal(panel: Locator, text: string, done: boolean): Promise<void> {
  await expect(goal(panel, text)).toContainText(done ? `Done: ${text}` : `Not yet: ${text}`);
  await expect(goal(panel, text)).toContainText(done ? '✓' : '○');
}

/**
 * Selects a component and connects it to `target` ("<Display name>: <name>") through "Connect
 * to…". A problem is selected by a click; a card on the canvas by the keyboard (focus and Enter),
 * since the open Exercises panel may cover it.
 */
async function connectThroughInspector(designer: DesignerPage, from: Locator, target: string): Promise<void> {
  if ((await from.getAttribute('aria-roledescription')) === 'node') {
    await from.focus();
    await designer.page.keyboard.press('Enter');
  } else {
    await from.click();
  }
  await designer.inspector.getByRole('button', { name: 'Connect to…' }).click();
  const dialog = designer.page.getByRole('dialog', { name: /^Connect .* to…$/ });
  await dialog.getByRole('button', { name: target, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** The missing-connection problem of a new WFM Builder: clicking it selects the Builder. */
function builderProblem(designer: DesignerPage, name: string): Locator {
  return designer
    .problemItems('missing-connection')
    .filter({ hasText: `WFM Builder '${name}'` })
    .getByRole('button', { name: `WFM Builder '${name}'` });
}

async function screenshot(designer: DesignerPage, name: string): Promise<void> {
  await designer.page.screenshot({ path: `/tmp/exercises-${name}.png` });
}

const POOL_GOALS = [
  'At least three WFM Builders',
  'Every WFM Builder connects to the WFM Server',
  'The WFM Server connects to every WFM Builder',
  'No errors',
];

test('a new admin adds a Builder pool and the goals tick as they are met', async ({ designer }) => {
  await designer.addFromPalette('Stat Server');
  const panel = await openExercises(designer);
  await expect(panel.getByRole('button', { name: 'Add a Builder pool', exact: true })).toBeVisible();
  await screenshot(designer, 'list');

  // The canvas is not empty, yet starting asks nothing: the exercise opens as a new document and
  // the user's deployment stays in Open recent.
  await panel.getByRole('button', { name: 'Add a Builder pool', exact: true }).click();
  await expect(designer.page.getByRole('dialog')).toHaveCount(0);
  await expect(designer.status()).toContainText(
    'Started the exercise “Add a Builder pool” in a new document. Your previous deployment “Untitled deployment” is in Open recent.',
  );

  await expect(panel.getByRole('heading', { name: 'Add a Builder pool' })).toBeVisible();
  await expect(designer.node('WFM Builder', 'WFM_Builder_1')).toBeVisible();
  await expect(designer.node('Stat Server', 'Stat_Server_1')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Goals' }).getByRole('listitem')).toHaveCount(4);
  await expectGoal(panel, 'At least three WFM Builders', false);
  await expectGoal(panel, 'No errors', true);
  await expect(panel).toContainText('3 of 4 met');

  await panel.getByRole('button', { name: 'Show a hint' }).click();
  await expect(panel).toContainText('Click WFM Builder in the palette twice');
  await expect(panel).toContainText('1 of 3 shown');

  await designer.addFromPalette('WFM Builder');
  await designer.addFromPalette('WFM Builder');
  await expectGoal(panel, 'At least three WFM Builders', true);
  await expectGoal(panel, 'Every WFM Builder connects to the WFM Server', false);
  await expectGoal(panel, 'No errors', false);
  await panel.locator('.side-panel__body').evaluate((body) => body.scrollTo(0, 0));
  await screenshot(designer, 'active');

  // Closing the panel loses nothing: the exercise goes on beside the designer. The panel covers
  // part of the canvas, so the new Builders are selected through their problems, which centre them.
  await panel.getByRole('button', { name: 'Close Exercises' }).click();
  await expect(panel).toBeHidden();
  await connectThroughInspector(
    designer,
    builderProblem(designer, 'WFM_Builder_2'),
    'WFM Server: WFM_Server_1',
  );
  await openExercises(designer);
  await expect(panel).toContainText('Click WFM Builder in the palette twice');

  await connectThroughInspector(
    designer,
    builderProblem(designer, 'WFM_Builder_3'),
    'WFM Server: WFM_Server_1',
  );
  await expectGoal(panel, 'Every WFM Builder connects to the WFM Server', true);
  await expectGoal(panel, 'The WFM Server connects to every WFM Builder', false);

  await designer.fitView();
  const server = designer.node('WFM Server', 'WFM_Server_1');
  await connectThroughInspector(designer, server, 'WFM Builder: WFM_Builder_2');
  await expect(panel.getByRole('region', { name: 'Exercise complete' })).toHaveCount(0);
  await connectThroughInspector(designer, server, 'WFM Builder: WFM_Builder_3');

  for (const text of POOL_GOALS) await expectGoal(panel, text, true);
  const summary = panel.getByRole('region', { name: 'Exercise complete' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('you met all 4 goals');
  await expect(summary).toContainText(/Hints used\s*1 of 3/);
  await expect(summary).toContainText(/Steps taken\s*6/);
  await expect(summary).toContainText('A WFM Server may use a pool of WFM Builders');
  await screenshot(designer, 'summary');

  // Goals are live: undoing the last connection takes the tick and the summary away again.
  await designer.undoButton.click();
  await expectGoal(panel, 'The WFM Server connects to every WFM Builder', false);
  await expect(summary).toBeHidden();

  await panel.getByRole('button', { name: 'Leave exercise' }).click();
  await expect(panel.getByRole('button', { name: 'Add a Builder pool', exact: true })).toBeVisible();
  await expect(designer.nodes()).toHaveCount(9);
});

test('starting an exercise asks nothing, opens a new document, and Open recent brings the old one back', async ({
  designer,
}) => {
  await designer.addFromPalette('WFM Server');
  const panel = await openExercises(designer);
  await panel.getByRole('button', { name: 'Add scheduled reporting', exact: true }).click();
  await expect(designer.page.getByRole('dialog')).toHaveCount(0);
  await expect(designer.nodes()).toHaveCount(7);
  await expectGoal(panel, 'Scheduled reporting is on', false);

  await designer.option('Scheduled reporting').check();
  await expectGoal(panel, 'Scheduled reporting is on', true);
  await expectGoal(panel, 'No errors', false);

  // The exercise's document has a history of its own: Undo stops at its start.
  await designer.undoButton.click();
  await expect(designer.option('Scheduled reporting')).not.toBeChecked();
  await expect(designer.undoButton).toBeDisabled();
  await expect(designer.nodes()).toHaveCount(7);

  // The exercise's start deployment keeps its own name.
  await designer.openRecent();
  await expect(designer.recentDocument('Single site')).toBeVisible();
  await designer.recentDocument('Untitled deployment').click();
  await expect(designer.nodes()).toHaveCount(1);
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
});

test('Restart puts the start deployment back after asking', async ({ designer }) => {
  const panel = await openExercises(designer);
  await panel.getByRole('button', { name: 'Add a Builder pool', exact: true }).click();
  await designer.addFromPalette('WFM Builder');
  await expect(designer.nodes()).toHaveCount(8);

  await panel.getByRole('button', { name: 'Restart' }).click();
  const confirm = designer.page.getByRole('dialog', { name: 'Restart “Add a Builder pool”?' });
  await confirm.getByRole('button', { name: 'Restart exercise' }).click();

  await expect(designer.nodes()).toHaveCount(7);
  await expectGoal(panel, 'At least three WFM Builders', false);
});

const TRAINER_EXERCISE = twoWebExercise();

test('a refused exercise file says why, with paths, and changes nothing', async ({ designer }) => {
  await designer.addFromPalette('WFM Server');
  const panel = await openExercises(designer);
  await expect(panel.getByRole('button', { name: 'Load exercise file…' })).toBeVisible();

  const broken = {
    ...TRAINER_EXERCISE,
    goals: [{ id: 'two', text: 'Two WFM Web', check: { type: 'min-web', count: 2 } }],
    start: {
      ...TRAINER_EXERCISE.start,
      connections: [{ id: 'c-1', from: 'web-1', to: 'srv-9' }],
    },
  };
  await loadExerciseFile(panel, broken, 'broken.wfm-exercise.json');

  const refusal = panel.getByRole('alert');
  await expect(refusal).toContainText('“broken.wfm-exercise.json” was refused');
  await expect(refusal).toContainText('goals[0].check.type: must be one of');
  await expect(refusal).toContainText('start.connections[0].to: no component with id "srv-9"');
  await expect(refusal).toContainText('Nothing was changed.');
  await screenshot(designer, 'refused');
  await expect(designer.nodes()).toHaveCount(1);
  await expect(panel.getByRole('heading', { name: 'From files' })).toHaveCount(0);

  await refusal.getByRole('button', { name: 'Dismiss' }).click();
  await expect(refusal).toBeHidden();
});

test('a trainer loads an exercise file and a learner completes it', async ({ designer }) => {
  const panel = await openExercises(designer);
  await loadExerciseFile(panel, TRAINER_EXERCISE);
  await expect(panel.getByRole('heading', { name: 'From files' })).toBeVisible();

  await panel.getByRole('button', { name: 'Add a second WFM Web', exact: true }).click();
  await expectGoal(panel, 'Two WFM Web', false);
  await designer.addFromPalette('WFM Web');
  await connectThroughInspector(designer, designer.node('WFM Web', 'WFM_Web_2'), 'WFM Server: WFM_Server_1');

  await expect(panel.getByRole('region', { name: 'Exercise complete' })).toBeVisible();
  // Without a "learned" list, the summary lists the goals themselves.
  await expect(panel.getByRole('region', { name: 'Exercise complete' })).toContainText(
    'Every WFM Web connects to the Server',
  );
});
