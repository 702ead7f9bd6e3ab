import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createRandom as random } from '../bench/generate';
import type { DesignerPage } from './designer-page';
import { cuttable, expect, join, type Person, person, shareLive, test } from './live-session';

// Issue 16's numbers: two browsers apply 200 random operations each, at the same time, through the
// designer's UI (palette, Inspector, keyboard, the document name: the store's actions, as users
// call them); both end with identical documents and 0 lost operations. Then the same with one of
// them offline for half of its run. Each operation leaves a mark that can be checked at the end:
// a card added or renamed carries a unique name, a deleted card's last name is gone.

const OPERATIONS = 200;
const KINDS = ['WFM Builder', 'WFM Web', 'Stat Server', 'DAP'] as const;

interface Card {
  name: string;
  alive: boolean;
}

interface Run {
  readonly cards: Card[];
  readonly titles: string[];
  operations: number;
}

async function blur(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/**
 * One person's 200 operations on the card they last added: add (palette + name), rename, nudge,
 * delete, or rename the deployment. `between` runs after each (to go offline and back).
 */
async function play(
  designer: DesignerPage,
  who: string,
  seed: number,
  between: (index: number) => Promise<void> = async () => {},
): Promise<Run> {
  const next = random(seed);
  const run: Run = { cards: [], titles: [], operations: 0 };
  let selected: Card | null = null;
  const page = designer.page;
  for (let index = 0; index < OPERATIONS; index += 1) {
    await between(index);
    const roll = next();
    const tag = `${who}_${index}`;
    if (!selected || roll < 0.35) {
      const kind = KINDS[Math.floor(next() * KINDS.length)] ?? 'WFM Builder';
      await designer.paletteItem(kind).click();
      await designer.commitField('Name', tag);
      await blur(page);
      selected = { name: tag, alive: true };
      run.cards.push(selected);
    } else if (roll < 0.6) {
      await expect(designer.field('Name')).toHaveValue(selected.name);
      await designer.commitField('Name', tag);
      await blur(page);
      selected.name = tag;
    } else if (roll < 0.75) {
      await page.keyboard.press(next() < 0.5 ? 'ArrowRight' : 'ArrowDown');
    } else if (roll < 0.9) {
      await expect(designer.field('Name')).toHaveValue(selected.name);
      await page.keyboard.press('Delete');
      selected.alive = false;
      selected = null;
    } else {
      const name = page.getByRole('textbox', { name: 'Document name' });
      await name.fill(tag);
      await name.press('Enter');
      run.titles.push(tag);
    }
    run.operations += 1;
  }
  return run;
}

/** The document as the designer exports it (Export JSON), parsed. */
async function exported(page: Page): Promise<{ name?: string; components: { name: string }[] }> {
  await page.getByRole('button', { name: 'Export' }).click();
  const pending = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export JSON' }).click();
  const download = await pending;
  const path = test.info().outputPath(`${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** JSON with every object's keys sorted: two exports compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field) =>
    field && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}

/** Operations whose mark is missing from `document`: a live card not there once, a deleted one still there. */
function lost(document: { components: { name: string }[] }, runs: readonly Run[]): string[] {
  const count = new Map<string, number>();
  for (const component of document.components)
    count.set(component.name, (count.get(component.name) ?? 0) + 1);
  const missing: string[] = [];
  for (const run of runs) {
    for (const card of run.cards) {
      const seen = count.get(card.name) ?? 0;
      if (card.alive && seen !== 1) missing.push(`${card.name} seen ${seen} times`);
      if (!card.alive && seen !== 0) missing.push(`${card.name} deleted but still there`);
    }
  }
  const alive = runs.reduce((sum, run) => sum + run.cards.filter((card) => card.alive).length, 0);
  if (document.components.length !== alive)
    missing.push(`${document.components.length} cards, ${alive} expected`);
  return missing;
}

async function converged(a: Page, b: Page, runs: readonly Run[]) {
  let last: { name?: string; components: { name: string }[] } = { components: [] };
  await expect
    .poll(
      async () => {
        const [docA, docB] = [await exported(a), await exported(b)];
        last = docA;
        return canonical(docA) === canonical(docB) && lost(docA, runs).length === 0;
      },
      { timeout: 60_000, intervals: [500, 1000, 2000] },
    )
    .toBe(true);
  return last;
}

/**
 * The end of both runs: the two browsers export the same document, with every operation's mark
 * and, when either renamed the deployment, one of their last names; then the second person leaves.
 */
async function expectSameDocuments(page: Page, other: Person, runs: readonly Run[]): Promise<void> {
  const document = await converged(page, other.designer.page, runs);
  expect(lost(document, runs)).toEqual([]);
  const titles = runs.flatMap((run) => run.titles.slice(-1));
  if (titles.length > 0) expect(titles).toContain(document.name);
  await other.context.close();
}

test.describe.configure({ timeout: 480_000 });
// A step that cannot happen fails in seconds, not at the end of the test's time.
test.use({ actionTimeout: 15_000 });

test('two browsers apply 200 random operations each at once: identical documents, 0 lost', async ({
  designer,
  page,
  browser,
  server,
}) => {
  const links = await shareLive(page);
  const other = await person(browser, server);
  await join(other.designer, links.edit, 'can edit');

  const runs = await Promise.all([play(designer, 'A', 1), play(other.designer, 'B', 2)]);
  expect(runs.map((run) => run.operations)).toEqual([OPERATIONS, OPERATIONS]);
  await expectSameDocuments(page, other, runs);
});

test('the same with one browser offline for half of its run: identical documents, 0 lost', async ({
  designer,
  page,
  browser,
  server,
}) => {
  const links = await shareLive(page);
  const other = await person(browser, server);
  const link = await cuttable(other.designer.page);
  await join(other.designer, links.edit, 'can edit');
  const status = (name: string) => other.designer.page.getByRole('img', { name, exact: true });

  const offlineHalf = async (index: number) => {
    if (index === OPERATIONS / 4) {
      await link.cut();
      await expect(status('Live session: offline, can edit')).toBeVisible();
    }
    if (index === (OPERATIONS * 3) / 4) link.restore();
  };
  const runs = await Promise.all([play(designer, 'A', 3), play(other.designer, 'B', 4, offlineHalf)]);
  await expect(status('Live session: connected, can edit')).toBeVisible();
  await expectSameDocuments(page, other, runs);
});
