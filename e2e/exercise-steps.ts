import type { Locator } from '@playwright/test';
import type { DesignerPage } from './designer-page';
import { expect } from './fixtures';

// Steps the exercise stories share: the panel, opening it, and one goal's row.

export function exercisesPanel(designer: DesignerPage): Locator {
  return designer.page.getByRole('complementary', { name: 'Exercises' });
}

export async function openExercises(designer: DesignerPage): Promise<Locator> {
  await designer.page
    .getByRole('toolbar', { name: 'Diagram' })
    .getByRole('button', { name: 'Exercises' })
    .click();
  const panel = exercisesPanel(designer);
  await expect(panel).toBeVisible();
  return panel;
}

export function goal(panel: Locator, text: string): Locator {
  return panel.getByRole('list', { name: 'Goals' }).getByRole('listitem').filter({ hasText: text });
}

/**
 * A trainer's exercise file: a second WFM Web in front of the WFM Server. Version 1 by default;
 * the version-2 stories pass `version: 2` with the options they test.
 */
export function twoWebExercise(options: Record<string, unknown> = {}) {
  return {
    format: 'wfm-exercise',
    version: 1,
    id: 'two-web',
    title: 'Add a second WFM Web',
    summary: 'Put a second WFM Web in front of the WFM Server.',
    instructions: ['Add a WFM Web and connect it to the WFM Server.'],
    start: {
      format: 'wfm-topology',
      version: 2,
      components: [
        { id: 'srv-1', kind: 'server', name: 'WFM_Server_1' },
        { id: 'web-1', kind: 'web', name: 'WFM_Web_1' },
      ],
      connections: [{ id: 'c-1', from: 'web-1', to: 'srv-1' }],
    },
    goals: [
      { id: 'two', text: 'Two WFM Web', check: { type: 'min-components', kind: 'web', count: 2 } },
      {
        id: 'all',
        text: 'Every WFM Web connects to the Server',
        check: { type: 'every-component-connects', kinds: ['web'], to: 'server' },
      },
    ],
    ...options,
  };
}

/** Loads an exercise file through the panel's file input (what a trainer hands out). */
export async function loadExerciseFile(
  panel: Locator,
  content: unknown,
  name = 'two-web.wfm-exercise.json',
): Promise<void> {
  await panel.getByLabel('Exercise file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(content)),
  });
}
