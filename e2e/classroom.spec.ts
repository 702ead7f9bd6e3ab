import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { roomIdOf, viewKeyOf } from '../src/collab/capability';
import { CLASS_ROOT, parseClassHash } from '../src/collab/roster';
import { connectClient } from '../tests/live-harness';
import type { DesignerPage } from './designer-page';
import { goal, loadExerciseFile, openExercises, twoWebExercise } from './exercise-steps';
import type { ProductServer } from './live-server';
import { expect, person, test } from './live-session';

// A classroom (issue 16 item 8, decision 035) against the product server run as a real process
// (e2e/live-server.ts): a trainer starts a class from an exercise, two learners in browser contexts
// of their own (two computers) join by the class link, each works in a room of their own, and the
// trainer's dashboard shows each one's canvas and goals met. What a learner holds (the class link)
// is checked from outside the browser: the class room gives no learner's room key away.

const EXERCISE = 'Add scheduled reporting';

/** A learner: a browser context of their own (another computer), errors failing the test. */
const learner = person;

/** Opens the class link, gives a name and waits until the learner's own room is connected. */
async function join(designer: DesignerPage, classLink: string, name: string): Promise<string> {
  const page = designer.page;
  await page.goto(classLink);
  const dialog = page.getByRole('dialog', { name: 'Join the class' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
  await dialog.getByRole('button', { name: 'Join class' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('img', { name: 'Live session: connected, can edit', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('complementary', { name: 'Exercises' }).getByRole('heading', { name: EXERCISE }),
  ).toBeVisible();
  const hash = new URL(page.url()).hash;
  expect(hash).toMatch(/^#live=[A-Za-z0-9_-]{43}$/);
  return hash.slice('#live='.length);
}

/** The class room as any holder of the class link reaches it: a program with the key. */
async function classRoom(server: ProductServer, classLink: string) {
  const parsed = parseClassHash(new URL(classLink).hash);
  if (!parsed || parsed === 'damaged' || !('learner' in parsed)) throw new Error('not a class link');
  const key = parsed.learner.classKey;
  const client = connectClient(server.url, await roomIdOf(await viewKeyOf(key)), key, null);
  await expect.poll(() => client.provider.isSynced).toBe(true);
  return {
    /** How many times the server closed this connection (it does on a refused update). */
    closes: () => client.closes.length,
    root: client.doc.getMap(CLASS_ROOT),
    json: () => JSON.stringify(client.doc.getMap(CLASS_ROOT).toJSON()),
    update: () => Buffer.from(Y.encodeStateAsUpdate(client.doc)).toString('latin1'),
    close: () => {
      client.destroy();
      client.doc.destroy();
    },
  };
}

/** The trainer loads an exercise file and starts a class of it: its title and the class link. */
async function startFileClass(
  designer: DesignerPage,
  exercise: ReturnType<typeof twoWebExercise>,
): Promise<{ title: string; classLink: string }> {
  const panel = await openExercises(designer);
  await loadExerciseFile(panel, exercise);
  const title = exercise.title;
  await panel.getByRole('button', { name: `Start a class with “${title}”` }).click();
  const dashboard = designer.page.getByRole('dialog', { name: `Class: ${title}` });
  const classLinkBox = dashboard.getByRole('textbox', { name: 'Class link', exact: true });
  await expect(classLinkBox).toHaveValue(/#class=/);
  return { title, classLink: await classLinkBox.inputValue() };
}

function card(page: Page, name: string) {
  return page.getByRole('list', { name: 'Learners’ canvases' }).getByRole('listitem', { name });
}

test('a trainer starts a class; two learners join, each in a room of their own; the dashboard shows both', async ({
  designer,
  page,
  browser,
  server,
}) => {
  const panel = await openExercises(designer);
  await panel.getByRole('button', { name: `Start a class with “${EXERCISE}”` }).click();
  const dashboard = page.getByRole('dialog', { name: `Class: ${EXERCISE}` });
  const classLinkBox = dashboard.getByRole('textbox', { name: 'Class link', exact: true });
  await expect(classLinkBox).toHaveValue(/#class=/);
  const classLink = await classLinkBox.inputValue();
  expect(classLink).toMatch(new RegExp(`^${server.url}/#class=[A-Za-z0-9_-]{43}(\\.[A-Za-z0-9_-]{43}){2}$`));
  await expect(dashboard.getByText('No learner has joined yet.')).toBeVisible();

  const ada = await learner(browser, server);
  const bob = await learner(browser, server);
  const adaKey = await join(ada.designer, classLink, 'Ada');
  const bobKey = await join(bob.designer, classLink, 'Bob');
  expect(adaKey).not.toBe(bobKey);

  // Each works on their own deployment: Ada adds the WFM Daemon and connects it to the WFM Server
  // (two goals more, no error), Bob renames WFM Web (no goal).
  const daemon = await ada.designer.addFromPalette('WFM Daemon');
  // The open Exercises panel may cover cards: closed while connecting, every card in view.
  await ada.designer.page.getByRole('button', { name: 'Close Exercises' }).click();
  await ada.designer.showAllCards();
  await ada.designer.connect(daemon, ada.designer.node('WFM Server', 'WFM_Server_1'));
  await bob.designer.node('WFM Web', 'WFM_Web_1').click();
  await bob.designer.commitField('Name', 'Bobs_Web');
  await expect(bob.designer.nodes()).toHaveCount(7);
  await expect(ada.designer.nodes()).toHaveCount(8);

  // The start has 8 connections; Ada's own Exercises panel counts her goals as the trainer should.
  await expect.poll(() => ada.designer.edgeCount()).toBe(9);
  await openExercises(ada.designer);
  await expect(ada.designer.page.getByText('3 of 5 met', { exact: true })).toBeVisible();
  await expect(bob.designer.page.getByText('1 of 5 met', { exact: true })).toBeVisible();
  const adaCard = card(page, 'Ada');
  const bobCard = card(page, 'Bob');
  await expect(dashboard.getByRole('heading', { name: 'Learners (2)' })).toBeVisible();
  await expect(adaCard.getByRole('img', { name: 'Ada’s canvas' })).toHaveAttribute('src', /WFM_Daemon_1/);
  await expect(adaCard).toContainText('3 of 5 goals met');
  await expect(bobCard).toContainText('1 of 5 goals met');
  await expect(bobCard.getByRole('img', { name: 'Bob’s canvas' })).toHaveAttribute('src', /Bobs_Web/);
  await expect(adaCard.getByRole('img', { name: 'Ada’s canvas' })).not.toHaveAttribute('src', /Bobs_Web/);

  // What the class link gives: names and sealed boxes, never a learner's room key.
  const seen = await classRoom(server, classLink);
  expect(seen.json()).toContain('"name":"Ada"');
  for (const key of [adaKey, bobKey, await viewKeyOf(adaKey), await viewKeyOf(bobKey)]) {
    expect(seen.json()).not.toContain(key);
    expect(seen.update()).not.toContain(key);
  }
  // A holder of the class link forges a learner: the entry has the roster's shape but was not
  // sealed to this trainer, so the dashboard names it and offers nothing to open.
  const random = (length: number) => 'Q'.repeat(length);
  seen.root.set(`learner:${random(22)}`, {
    name: 'Mallory',
    x: random(43),
    y: random(43),
    iv: random(16),
    box: random(79),
  });
  const mallory = card(page, 'Mallory');
  await expect(mallory).toContainText('Not a learner of this class');
  await expect(mallory.getByRole('button')).toHaveCount(0);
  seen.close();
  // Garbage is refused by the server: it reaches neither the room nor the dashboard.
  const vandal = await classRoom(server, classLink);
  vandal.root.set(`learner:${random(21)}R`, { name: 7, script: '<img src=x onerror=alert(1)>' });
  await expect.poll(() => vandal.closes()).toBeGreaterThan(0);
  const check = await classRoom(server, classLink);
  expect(check.json()).not.toContain('onerror');
  expect(check.json()).toContain('Mallory');
  check.close();
  vandal.close();
  await expect(dashboard.getByRole('heading', { name: 'Learners (3)' })).toBeVisible();

  // The dashboard passes an accessibility audit (WCAG 2.1 AA) in both themes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const audit = await new AxeBuilder({ page })
      .include('dialog')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(audit.violations.map((violation) => violation.id)).toEqual([]);
  }

  // The trainer opens Ada's canvas to help: the edit reaches Ada, not Bob.
  await adaCard.getByRole('button', { name: 'Open Ada’s canvas' }).click();
  await expect(dashboard).toBeHidden();
  await expect(designer.node('WFM Daemon', 'WFM_Daemon_1')).toBeVisible();
  await designer.addFromPalette('WFM Builder');
  await expect(ada.designer.node('WFM Builder', 'WFM_Builder_2')).toBeVisible();
  await expect(bob.designer.nodes()).toHaveCount(7);

  // With a class running and a live session open, the top bar still fits the 1440-px window.
  const bar = await page
    .locator('header.top-bar')
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(bar.scroll).toBeLessThanOrEqual(bar.client);
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('heading', { level: 1, name: 'WFM Topology Designer' })).toBeAttached();

  // Back to the whole class from the top bar: the builder the trainer added, not connected yet, is
  // an error, so Ada's count went down live.
  await page.getByRole('button', { name: 'Class dashboard: 3 learners' }).click();
  await expect(card(page, 'Ada')).toContainText('2 of 5 goals met');
  await expect(card(page, 'Bob')).toContainText('1 of 5 goals met');

  // Ending the class closes the dashboard and its connections; the top bar's Class goes.
  await page
    .getByRole('dialog', { name: `Class: ${EXERCISE}` })
    .getByRole('button', { name: 'End class' })
    .click();
  await expect(page.getByRole('button', { name: /^Class dashboard/ })).toHaveCount(0);

  await ada.context.close();
  await bob.context.close();
});

test("a class of a trainer's own exercise file: the learner gets that exercise, the dashboard counts its goals", async ({
  designer,
  page,
  browser,
  server,
}) => {
  const { title, classLink } = await startFileClass(designer, twoWebExercise());

  // The learner's designer has never seen the file: it comes with the class.
  const ada = await learner(browser, server);
  await ada.designer.page.goto(classLink);
  const join = ada.designer.page.getByRole('dialog', { name: 'Join the class' });
  await join.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await join.getByRole('button', { name: 'Join class' }).click();
  const adaPanel = ada.designer.page.getByRole('complementary', { name: 'Exercises' });
  await expect(adaPanel.getByRole('heading', { name: title })).toBeVisible();
  await expect(ada.designer.nodes()).toHaveCount(2);
  await expect(goal(adaPanel, 'Two WFM Web')).toBeVisible();

  await expect(card(page, 'Ada')).toContainText('1 of 2 goals met');
  await ada.designer.addFromPalette('WFM Web');
  await expect(card(page, 'Ada')).toContainText('1 of 2 goals met');
  await expect(ada.designer.nodes()).toHaveCount(3);
  await ada.context.close();
});

test('a learner joining again from the same browser keeps one card; the name given is their name in the room', async ({
  designer,
  page,
  browser,
  server,
}) => {
  // A one-goal exercise: the dashboard counts "0 of 1 goal", not "goals".
  const [first] = twoWebExercise().goals;
  const { title, classLink } = await startFileClass(designer, twoWebExercise({ goals: [first] }));
  const dashboard = page.getByRole('dialog', { name: `Class: ${title}` });

  const ada = await learner(browser, server);
  const apage = ada.designer.page;
  const joinAs = async (name: string) => {
    const dialog = apage.getByRole('dialog', { name: 'Join the class' });
    await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
    await dialog.getByRole('button', { name: 'Join class' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      apage.getByRole('img', { name: 'Live session: connected, can edit', exact: true }),
    ).toBeVisible();
  };
  await apage.goto(classLink);
  await joinAs('Ada');
  // The name given to the class is Ada's name in her room (she had chosen none).
  const people = apage.getByRole('region', { name: 'People' });
  await expect(people.getByRole('textbox', { name: 'Your name' })).toHaveValue('Ada');
  await expect(card(page, 'Ada')).toContainText('0 of 1 goal met');
  await ada.designer.addFromPalette('WFM Web');
  await expect(card(page, 'Ada')).toContainText('1 of 1 goal met');

  // The class link opened again in the same browser: the dialog knows her, and the dashboard keeps
  // one card for her, now showing the new deployment.
  await apage.goto('about:blank');
  await apage.goto(classLink);
  const again = apage.getByRole('dialog', { name: 'Join the class' });
  await expect(again.getByRole('note')).toContainText('This browser joined this class before, as Ada.');
  await expect(again.getByRole('textbox', { name: 'Your name' })).toHaveValue('Ada');
  await apage.screenshot({ path: '/tmp/classroom-join-again.png' });
  await joinAs('Ada L.');
  await expect(card(page, 'Ada L.')).toContainText('0 of 1 goal met');
  await expect(dashboard.getByRole('heading', { name: 'Learners (1)' })).toBeVisible();
  await expect(
    page
      .getByRole('list', { name: 'Learners’ canvases' })
      .getByRole('listitem', { name: 'Ada', exact: true }),
  ).toHaveCount(0);
  await page.screenshot({ path: '/tmp/classroom-one-card.png' });
  await ada.context.close();
});
