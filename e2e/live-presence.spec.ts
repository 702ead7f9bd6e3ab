import type { Browser, Locator, Page } from '@playwright/test';
import { roomIdOf, viewKeyOf } from '../src/collab/capability';
import { PALETTE } from '../src/live/presence';
import { connectClient } from '../tests/live-harness';
import { expect, test } from './fixtures';
import { type ProductServer, startProductServer } from './live-server';

// Presence in a live room (issue 16 item 3): two people, each in a browser context of their own,
// on the real product server (a process). The People region lists both; a pointer, a selection and
// a view in one browser show in the other, at the same place of the diagram.

let server: ProductServer;

test.beforeAll(async () => {
  server = await startProductServer();
});

test.afterAll(async () => {
  await server?.stop();
});

/** A page of its own context on the product server that fails the test on a console or page error. */
async function personPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return page;
}

const canvasOf = (page: Page) => page.getByRole('application', { name: 'Deployment diagram' });
const people = (page: Page) => page.getByRole('region', { name: 'People' });
const card = (page: Page, name: string) => canvasOf(page).getByRole('group', { name, exact: true });

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function rename(page: Page, name: string): Promise<void> {
  const field = people(page).getByRole('textbox', { name: 'Your name' });
  await field.fill(name);
  await field.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: `The others now see you as ${name}.` }),
  ).toBeVisible();
}

/** Ana opens the "Minimal single site" template and shares it; returns her page and the edit link. */
async function anaShares(browser: Browser, errors: string[]): Promise<{ ana: Page; link: string }> {
  const ana = await personPage(browser, errors);
  await ana.goto('/');
  await expect(canvasOf(ana)).toBeVisible();
  // Not shared yet: no People region.
  await expect(people(ana)).toHaveCount(0);
  await ana
    .getByRole('toolbar', { name: 'Diagram' })
    .getByRole('button', { name: 'Templates', exact: true })
    .click();
  await ana
    .getByRole('dialog', { name: 'Templates' })
    .getByRole('button', { name: 'Minimal single site' })
    .click();
  await expect(card(ana, 'WFM Builder: WFM_Builder')).toBeVisible();
  await ana.getByRole('button', { name: 'Share live', exact: true }).click();
  const dialog = ana.getByRole('dialog', { name: 'Share live' });
  const link = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  await ana.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await rename(ana, 'Ana');
  return { ana, link };
}

/** Ana shares; Ben opens her edit link. */
async function twoInARoom(browser: Browser, errors: string[]): Promise<{ ana: Page; ben: Page }> {
  const { ana, link } = await anaShares(browser, errors);
  const ben = await personPage(browser, errors);
  await ben.goto(link);
  await expect(card(ben, 'WFM Builder: WFM_Builder')).toBeVisible();
  await rename(ben, 'Ben');
  return { ana, ben };
}

test('two people in a room see each other, their pointers, their selections, and can follow', async ({
  browser,
}, testInfo) => {
  test.slow();
  const errors: string[] = [];
  const { ana, ben } = await twoInARoom(browser, errors);

  // People lists both by name, me first and marked.
  for (const [page, me, other] of [
    [ana, 'Ana', 'Ben'],
    [ben, 'Ben', 'Ana'],
  ] as const) {
    const list = people(page).getByRole('listitem');
    await expect(list).toHaveCount(2);
    await expect(list.nth(0)).toContainText('(you)');
    await expect(list.nth(0).getByRole('textbox', { name: 'Your name' })).toHaveValue(me);
    await expect(list.nth(1)).toHaveText(new RegExp(`^${other}`));
    await expect(people(page).getByRole('button', { name: `Follow ${other}` })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  }

  // Ben's pointer on the WFM Server card shows on Ana's screen on that card, whatever her view.
  await ana.getByRole('button', { name: 'Zoom in' }).click();
  const server = 'WFM Server: WFM_Server';
  await ben.mouse.move(0, 0);
  const target = await centreOf(card(ben, server));
  await ben.mouse.move(target.x, target.y, { steps: 8 });
  const pointer = ana.locator('.presence__pointer[data-participant="Ben"]');
  await expect(pointer).toBeVisible();
  await expect(pointer.locator('.presence__name')).toHaveText('Ben');
  await expect
    .poll(async () => {
      const [at, expected] = [await pointer.boundingBox(), await centreOf(card(ana, server))];
      return at
        ? Math.max(Math.abs(at.x + 1 - expected.x), Math.abs(at.y + 1 - expected.y))
        : Number.POSITIVE_INFINITY;
    })
    .toBeLessThan(4);
  // Off the canvas, the pointer goes.
  await ben.getByRole('region', { name: 'Components' }).hover();
  await expect(pointer).toHaveCount(0);

  // Ben selects everything: Ana sees his selected connections drawn over hers, in his colour.
  await card(ben, 'DAP: WFM_DAP').click();
  await ben.keyboard.press('Control+a');
  const edgeName = "Connection WFM Server 'WFM_Server' to WFM Builder 'WFM_Builder'";
  const edgeId = await canvasOf(ana).getByRole('group', { name: edgeName }).getAttribute('data-id');
  await expect(
    ana.locator(`.presence__selection[data-participant="Ben"] path[data-id="${edgeId}"]`),
  ).toHaveCount(1);

  // Ben selects the WFM Builder alone: Ana sees it outlined in Ben's colour.
  await canvasOf(ben)
    .locator('.react-flow__pane')
    .click({ position: { x: 5, y: 5 } });
  await expect(ana.locator('.presence__selection[data-participant="Ben"] > *')).toHaveCount(0);
  const builder = 'WFM Builder: WFM_Builder';
  await card(ben, builder).click();
  const id = await card(ana, builder).getAttribute('data-id');
  const outline = ana.locator(`.presence__selection[data-participant="Ben"] rect[data-id="${id}"]`);
  await expect(outline).toHaveCount(1);
  await expect(ana.locator('.presence__selection[data-participant="Ben"] > *')).toHaveCount(1);
  const [ring, box] = [await outline.boundingBox(), await card(ana, builder).boundingBox()];
  expect(ring && box).toBeTruthy();
  if (ring && box) {
    expect(ring.x).toBeLessThanOrEqual(box.x);
    expect(ring.y).toBeLessThanOrEqual(box.y);
    expect(ring.x + ring.width).toBeGreaterThanOrEqual(box.x + box.width);
    expect(ring.y + ring.height).toBeGreaterThanOrEqual(box.y + box.height);
  }
  // With his name over it, so Ana knows whose outline it is.
  const tag = ana.locator('.presence__tag[data-participant="Ben"]');
  await expect(tag).toHaveText('Ben');
  const [label, ring2] = [await tag.boundingBox(), await outline.boundingBox()];
  expect(label && ring2 && Math.abs(label.y + label.height - ring2.y)).toBeLessThan(3);
  await testInfo.attach('ana-1440-light', { body: await ana.screenshot(), contentType: 'image/png' });

  // Ana follows Ben; Ben zooms to his selection: Ana's view shows the Builder where Ben sees it.
  await people(ana).getByRole('button', { name: 'Follow Ben' }).click();
  await expect(people(ana).getByRole('button', { name: 'Follow Ben' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(ana.getByRole('status').filter({ hasText: 'Following Ben' })).toBeVisible();
  await ben.keyboard.press('f');
  await expect
    .poll(async () => {
      const [mine, theirs] = [await card(ana, builder).boundingBox(), await card(ben, builder).boundingBox()];
      if (!mine || !theirs) return Number.POSITIVE_INFINITY;
      return Math.max(
        Math.abs(mine.x - theirs.x),
        Math.abs(mine.y - theirs.y),
        Math.abs(mine.width - theirs.width),
      );
    })
    .toBeLessThan(3);

  // Ana's own zoom stops following, and says so.
  await ana.getByRole('button', { name: 'Zoom out' }).click();
  await expect(ana.getByRole('status').filter({ hasText: 'Stopped following Ben.' })).toBeVisible();
  await expect(people(ana).getByRole('button', { name: 'Follow Ben' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  // So does Escape.
  await people(ana).getByRole('button', { name: 'Follow Ben' }).click();
  await expect(people(ana).getByRole('button', { name: 'Follow Ben' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await ana.keyboard.press('Escape');
  await expect(people(ana).getByRole('button', { name: 'Follow Ben' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(ana.getByRole('status').filter({ hasText: 'Stopped following Ben.' })).toBeVisible();

  // Ben leaves: Ana's People region lists her alone.
  await ben.context().close();
  await expect(people(ana).getByRole('listitem')).toHaveCount(1);
  await ana.context().close();
  expect(errors).toEqual([]);
});

test('a participant with the view link is listed and seen pointing like anyone', async ({ browser }) => {
  test.slow();
  const errors: string[] = [];
  const { ana } = await anaShares(browser, errors);
  await ana.getByRole('button', { name: 'Share live', exact: true }).click();
  const dialog = ana.getByRole('dialog', { name: 'Share live' });
  const viewLink = await dialog.getByRole('textbox', { name: 'View link' }).inputValue();
  await ana.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const vic = await personPage(browser, errors);
  await vic.goto(viewLink);
  await expect(card(vic, 'WFM Builder: WFM_Builder')).toBeVisible();
  await rename(vic, 'Vic');
  await expect(people(ana).getByRole('listitem')).toHaveCount(2);
  await expect(people(ana).getByRole('listitem').nth(1)).toHaveText(/^Vic/);
  await expect(people(vic).getByRole('listitem').nth(1)).toHaveText(/^Ana/);
  await card(vic, 'DAP: WFM_DAP').hover();
  await expect(ana.locator('.presence__pointer[data-participant="Vic"]')).toBeVisible();
  await vic.context().close();
  await ana.context().close();
  expect(errors).toEqual([]);
});

test('a client publishing malformed presence is shown cleaned or not at all, and the canvas keeps working', async ({
  browser,
}) => {
  test.slow();
  const errors: string[] = [];
  const { ana, link } = await anaShares(browser, errors);
  // Mallory is not a browser: a provider of her own in this process, with Ana's edit key.
  const key = new URL(link).hash.replace(/^#live=/, '');
  const mallory = connectClient(server.url, await roomIdOf(await viewKeyOf(key)), key);
  const awareness = mallory.provider.awareness;
  if (!awareness) throw new Error('no awareness');
  try {
    const list = people(ana).getByRole('listitem');
    awareness.setLocalState({
      user: { name: '\u202EMallory\u0000  <b>x</b>', colour: 'url(javascript:alert(1))' },
      pointer: { x: 'NaN', y: null },
      selection: [{}, 42, 'x'.repeat(10_000)],
      view: { x: Number.POSITIVE_INFINITY, y: 0, width: -1, height: 1 },
    });
    await expect(list).toHaveCount(2);
    await expect(list.nth(1)).toHaveText(/^Mallory <b>x<\/b>/);
    const swatch = await list
      .nth(1)
      .locator('.people__swatch')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const palette = PALETTE.map(({ colour }) => {
      const n = Number.parseInt(colour.slice(1), 16);
      return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
    });
    expect(palette).toContain(swatch);
    await expect(ana.locator('.presence__pointer')).toHaveCount(0);

    // Following her, with no usable view, moves nothing and breaks nothing.
    await people(ana).getByRole('button', { name: 'Follow Mallory <b>x</b>' }).click();
    await people(ana).getByRole('button', { name: 'Follow Mallory <b>x</b>' }).click();

    // A user that is not an object: not a participant.
    awareness.setLocalState({ user: 12, pointer: { x: 10, y: 10 } });
    await expect(list).toHaveCount(1);

    // Absurd coordinates and a huge selection: listed, no pointer, no outline.
    awareness.setLocalState({
      user: { name: 'Mallory', colour: PALETTE[1].colour },
      pointer: { x: 1e300, y: 0 },
      selection: Array.from({ length: 20_000 }, (_, i) => `ghost-${i}`),
    });
    await expect(list).toHaveCount(2);
    await expect(list.nth(1)).toHaveText(/^Mallory/);
    await expect(ana.locator('.presence__pointer')).toHaveCount(0);
    await expect(ana.locator('.presence__selection rect')).toHaveCount(0);

    // And the canvas still edits.
    const before = await canvasOf(ana).locator('.react-flow__node-component').count();
    await ana
      .getByRole('region', { name: 'Components' })
      .getByRole('button', { name: 'WFM Builder', exact: true })
      .click();
    await expect(canvasOf(ana).locator('.react-flow__node-component')).toHaveCount(before + 1);
  } finally {
    mallory.destroy();
  }
  await ana.context().close();
  expect(errors).toEqual([]);
});
