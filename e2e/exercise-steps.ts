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
