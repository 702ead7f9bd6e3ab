import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { canvasContrastFailures } from './contrast';
import type { DesignerPage } from './designer-page';
import { expect, test } from './fixtures';
import { expectSaved } from './library-storage';
import { type ProductServer, startProductServer } from './live-server';
import { TEMPLATE_TITLES } from './template-titles';

// Issue 15, item 7: every screen, dialog, menu and panel passes an automated WCAG 2.1 AA audit
// (axe-core) in the light and the dark theme, colour contrast of cards, connections and problems
// included. A new screen is one entry of SCREENS: its name and how a user reaches it.

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Screen {
  readonly name: string;
  /** The window, when the screen needs another than the suite's 1440 × 900. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Brings the designer, opened on an empty document, to the screen. */
  readonly open: (designer: DesignerPage, page: Page) => Promise<void>;
}

function diagramButton(page: Page, name: string) {
  return page.getByRole('toolbar', { name: 'Diagram' }).getByRole('button', { name, exact: true });
}

async function loadTemplate(page: Page, title: string): Promise<void> {
  await diagramButton(page, 'Templates').click();
  const dialog = page.getByRole('dialog', { name: 'Templates' });
  await dialog.getByRole('button', { name: title, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.react-flow__node-component').first()).toBeVisible();
}

/** Selects a node of the canvas by the keyboard, as a user who cannot point would. */
async function selectNode(designer: DesignerPage, name: RegExp): Promise<void> {
  const node = designer.canvas.getByRole('group', { name }).first();
  await node.focus();
  await designer.page.keyboard.press('Enter');
}

async function openPanel(page: Page, button: string, title: string): Promise<void> {
  await diagramButton(page, button).click();
  await expect(page.getByRole('complementary', { name: title })).toBeVisible();
}

/** Two tabs on one document; this one has an edit not yet saved when the other saves. */
async function reachTabConflict(designer: DesignerPage, page: Page): Promise<void> {
  await designer.addFromPalette('WFM Server');
  await expectSaved(page, ['WFM_Server_1']);
  const other = await page.context().newPage();
  await other.goto('/');
  const card = designer.node('WFM Server', 'WFM_Server_1');
  const box = await card.boundingBox();
  if (!box) throw new Error('the card is not visible');
  await page.mouse.move(box.x + 24, box.y + 16);
  await page.mouse.down();
  await page.mouse.move(box.x + 84, box.y + 56, { steps: 5 });
  await other
    .getByRole('region', { name: 'Components' })
    .getByRole('button', { name: 'WFM Builder' })
    .click();
  await expect(page.getByRole('dialog', { name: 'Another tab saved this deployment' })).toBeVisible();
  await page.mouse.up();
}

/** The product server for the live screens, started by the first that needs it (vite preview has no `/collab`). */
let liveServer: ProductServer | undefined;
const guests: BrowserContext[] = [];
test.afterAll(async () => {
  for (const guest of guests) await guest.close();
  await liveServer?.stop();
});

/** The designer shared live, with a second participant, Ben, who selects a card and points at another. */
async function reachPeople(page: Page): Promise<void> {
  liveServer ??= await startProductServer();
  await page.goto(liveServer.url);
  await loadTemplate(page, 'Minimal single site');
  await page.getByRole('button', { name: 'Share live', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share live' });
  const link = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const guest = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  guests.push(guest);
  const ben = await guest.newPage();
  await ben.goto(link);
  const name = ben.getByRole('region', { name: 'People' }).getByRole('textbox', { name: 'Your name' });
  await name.fill('Ben');
  await name.press('Enter');
  const canvas = ben.getByRole('application', { name: 'Deployment diagram' });
  await canvas.getByRole('group', { name: 'WFM Builder: WFM_Builder', exact: true }).click();
  await canvas.getByRole('group', { name: 'WFM Server: WFM_Server', exact: true }).hover();
  const people = page.getByRole('region', { name: 'People' });
  await expect(people.getByRole('listitem')).toHaveCount(2);
  await expect(people.getByRole('button', { name: 'Follow Ben' })).toBeVisible();
  await expect(page.locator('.presence__pointer')).toBeVisible();
  await expect(page.locator('.presence__selection rect')).toHaveCount(1);
}

const SCREENS: readonly Screen[] = [
  { name: 'the empty canvas', open: async () => {} },
  { name: 'the empty canvas at 1280×720', viewport: { width: 1280, height: 720 }, open: async () => {} },
  ...TEMPLATE_TITLES.map(
    (title): Screen => ({ name: `the template "${title}"`, open: (_, page) => loadTemplate(page, title) }),
  ),
  {
    name: 'the Export menu',
    open: async (_, page) => {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
    },
  },
  {
    name: 'the More menu',
    viewport: { width: 1280, height: 720 },
    open: async (_, page) => {
      await page.getByRole('button', { name: 'More', exact: true }).click();
      await expect(page.getByRole('menu', { name: 'More' })).toBeVisible();
    },
  },
  {
    name: 'the Templates dialog',
    open: async (_, page) => {
      await diagramButton(page, 'Templates').click();
      await expect(page.getByRole('dialog', { name: 'Templates' })).toBeVisible();
    },
  },
  {
    name: 'the matrix explorer',
    open: async (_, page) => {
      await diagramButton(page, 'Matrix').click();
      await expect(page.getByRole('dialog', { name: 'Component connections matrix' })).toBeVisible();
    },
  },
  {
    name: 'the keyboard shortcuts dialog',
    open: async (_, page) => {
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    },
  },
  {
    name: 'Open recent',
    open: async (designer) => {
      await designer.addFromPalette('WFM Server');
      await expectSaved(designer.page, ['WFM_Server_1']);
      const dialog = await designer.openRecent();
      await expect(dialog.getByRole('button').first()).toBeVisible();
    },
  },
  {
    name: 'the import error dialog',
    open: async (_, page) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await (await chooser).setFiles({
        name: 'notes.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Notes\n\nNot a deployment.\n'),
      });
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  { name: 'the tab conflict dialog', open: reachTabConflict },
  {
    name: 'the share link dialog (no clipboard)',
    open: async (designer, page) => {
      await designer.addFromPalette('WFM Server');
      // A browser that refuses the clipboard: the link is shown for copying by hand.
      await page.evaluate(() => {
        Object.defineProperty(navigator, 'clipboard', {
          configurable: true,
          value: { writeText: () => Promise.reject(new Error('denied')) },
        });
      });
      await page.getByRole('button', { name: 'Copy share link' }).click();
      await expect(page.getByRole('dialog', { name: 'Share link' })).toBeVisible();
    },
  },
  {
    name: 'the Connect to… dialog',
    open: async (designer, page) => {
      await designer.addFromPalette('WFM Data Aggregator');
      await designer.addFromPalette('WFM Server');
      await designer.node('WFM Data Aggregator', 'WFM_Data_Aggregator_1').click();
      await designer.inspector.getByRole('button', { name: 'Connect to…' }).click();
      await expect(page.getByRole('dialog', { name: /^Connect / })).toBeVisible();
    },
  },
  {
    name: 'the Explain panel with a card selected',
    open: async (designer, page) => {
      await loadTemplate(page, 'Builder pool');
      await selectNode(designer, /^WFM Server: /);
      await openPanel(page, 'Explain', 'Explain this deployment');
    },
  },
  {
    name: 'the Exercises panel',
    open: (_, page) => openPanel(page, 'Exercises', 'Exercises'),
  },
  {
    name: 'an exercise under way',
    open: async (_, page) => {
      await openPanel(page, 'Exercises', 'Exercises');
      const panel = page.getByRole('complementary', { name: 'Exercises' });
      await panel.getByRole('button', { name: 'Add a Builder pool', exact: true }).click();
      await panel.getByRole('button', { name: 'Show a hint' }).click();
    },
  },
  {
    name: 'the Inspector of a card',
    open: async (designer, page) => {
      await loadTemplate(page, 'Highly available site');
      await selectNode(designer, /^WFM Server: /);
      await expect(designer.inspector.getByRole('textbox', { name: 'Name', exact: true })).toBeVisible();
    },
  },
  {
    name: 'the Inspector of a host',
    open: async (designer, page) => {
      await loadTemplate(page, 'Multi-site with several WFM Servers');
      await selectNode(designer, /^Host: /);
      await expect(designer.inspector.getByRole('textbox', { name: 'LCA port' })).toBeVisible();
    },
  },
  {
    name: 'the Inspector of a zone',
    open: async (designer, page) => {
      await loadTemplate(page, 'Multi-site with several WFM Servers');
      await selectNode(designer, /^Zone: /);
      await expect(designer.inspector.getByRole('heading')).not.toHaveCount(0);
    },
  },
  {
    name: 'the Inspector of a connection',
    open: async (designer, page) => {
      await loadTemplate(page, 'Builder pool');
      await designer.selectEdge(0);
      await expect(designer.inspector).toContainText('Connection');
    },
  },
  {
    name: 'Find with its matches',
    open: async (_, page) => {
      await loadTemplate(page, 'Builder pool');
      await diagramButton(page, 'Find').click();
      const dialog = page.getByRole('dialog', { name: 'Find' });
      await dialog.getByRole('searchbox', { name: 'Find' }).fill('Builder');
      await expect(dialog.getByRole('option').first()).toBeVisible();
    },
  },
  {
    name: 'the context menu of a card',
    open: async (designer, page) => {
      await loadTemplate(page, 'Builder pool');
      await designer.canvas
        .getByRole('group', { name: /^WFM Server: / })
        .first()
        .click({ button: 'right' });
      await expect(page.getByRole('menu', { name: 'Component', exact: true })).toBeVisible();
    },
  },
  {
    name: 'the Arrange menu',
    open: async (_, page) => {
      await loadTemplate(page, 'Builder pool');
      await page.keyboard.press('Control+a');
      await diagramButton(page, 'Arrange').click();
      await expect(page.getByRole('menu', { name: 'Arrange', exact: true })).toBeVisible();
    },
  },
  {
    name: 'the question before a template replaces a design',
    open: async (designer, page) => {
      await designer.addFromPalette('WFM Server');
      await diagramButton(page, 'Templates').click();
      await page
        .getByRole('dialog', { name: 'Templates' })
        .getByRole('button', { name: 'Builder pool', exact: true })
        .click();
      await expect(page.getByRole('dialog', { name: 'Open the template “Builder pool”?' })).toBeVisible();
    },
  },
  {
    name: 'an exercise with a time limit, checked',
    open: async (_, page) => {
      await openPanel(page, 'Exercises', 'Exercises');
      const panel = page.getByRole('complementary', { name: 'Exercises' });
      await panel.getByRole('button', { name: 'Sort out hosts and port conflicts', exact: true }).click();
      await panel.getByRole('button', { name: 'Check my work' }).click();
      await expect(panel.getByRole('button', { name: 'Check my work' })).toBeVisible();
    },
  },
  {
    name: 'a live session with two people: the People region, a pointer and a selection',
    open: (_, page) => reachPeople(page),
  },
  {
    name: 'the Problems panel with problems and quick fixes',
    open: async (designer, page) => {
      await designer.addFromPalette('WFM Server');
      await designer.addFromPalette('WFM Builder');
      await designer.addFromPalette('WFM Web');
      await expect(
        page.getByRole('region', { name: 'Problems' }).getByRole('listitem').first(),
      ).toBeVisible();
    },
  },
];

/** The audit of the page as it is now: axe's WCAG 2.1 AA violations and the canvas's contrast. */
async function audit(page: Page) {
  // Transitions and the view's animations have ended: colours are read as the user sees them.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return {
    violations: results.violations.map((violation) => ({
      rule: violation.id,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
    })),
    contrast: await canvasContrastFailures(page),
  };
}

for (const screen of SCREENS) {
  test(`${screen.name} has no WCAG 2.1 AA violations in the light and the dark theme`, async ({
    designer,
    page,
  }) => {
    // Two axe runs over a whole page take 10–30 s on a busy machine.
    test.slow();
    if (screen.viewport) await page.setViewportSize(screen.viewport);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    await screen.open(designer, page);
    const light = await audit(page);
    // The theme follows the system's until chosen: the same screen, dark.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
    const dark = await audit(page);
    expect({ light, dark }, screen.name).toEqual({
      light: { violations: [], contrast: [] },
      dark: { violations: [], contrast: [] },
    });
  });
}
