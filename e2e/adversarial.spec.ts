import { deflateRawSync } from 'node:zlib';
import { test as bare, type Page } from '@playwright/test';
import { encodeShareFragment } from '../src/app/share-link';
import { caseBytes } from '../tests/adversarial/corpus';
import { ADVERSARIAL_CASES, type AdversarialCase } from '../tests/adversarial/manifest';
import { DesignerPage } from './designer-page';
import { goal, loadExerciseFile, openExercises, twoWebExercise } from './exercise-steps';
import { expect, test } from './fixtures';

// Issue 7, item 4, in the browser: every corpus file with script or markup in its strings is opened
// by the Import button, by a drop on the canvas and by a share link, and a canary in the page stays
// untouched; no alert, no Content-Security-Policy violation, no element with an event handler. A
// refused file shows a dialog that names the reason and the path, and the open document stays.

declare global {
  interface Window {
    __canary?: string;
    __violations?: string[];
  }
}

const TITLES = {
  'not-json': 'This file cannot be opened',
  'not-topology': 'This is not a WFM topology file',
  'newer-version': 'This file was made by a newer version',
  invalid: 'This file has errors',
  'too-large': 'This file is too large',
} as const;

const MIME: Record<string, string> = { json: 'application/json', svg: 'image/svg+xml', png: 'image/png' };

function mimeType(file: string): string {
  return MIME[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/** Sets the canary and the watchers before any script of the page runs, then opens the designer. */
async function openGuarded(page: Page): Promise<DesignerPage> {
  page.on('dialog', (dialog) => {
    throw new Error(`a script opened a ${dialog.type()}: ${dialog.message()}`);
  });
  await page.addInitScript(() => {
    window.__canary = 'untouched';
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations?.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const designer = new DesignerPage(page);
  await designer.open();
  return designer;
}

/** Nothing ran: the canary is as it was, no policy was violated, no element carries a handler. */
async function expectNothingRan(page: Page): Promise<void> {
  // Give an injected handler (an image error, a frame load) the time to fire.
  await page.waitForTimeout(150);
  const state = await page.evaluate(() => ({
    canary: window.__canary,
    violations: window.__violations,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick], iframe, object, embed').length,
    scripts: [...document.querySelectorAll('script')].filter((script) => !script.src).length,
  }));
  expect(state).toEqual({ canary: 'untouched', violations: [], handlers: 0, scripts: 0 });
}

async function importByButton(page: Page, file: string, bytes: Uint8Array): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await (await chooser).setFiles({ name: file, mimeType: mimeType(file), buffer: Buffer.from(bytes) });
}

/** Drops the file on the canvas the way a browser does: a DataTransfer holding a File. */
async function importByDrop(page: Page, file: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ name, base64, type }) => {
      const data = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      const canvas = document.querySelector('.canvas');
      if (!canvas) throw new Error('no canvas');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        canvas.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    { name: file, base64: Buffer.from(bytes).toString('base64'), type: mimeType(file) },
  );
}

/**
 * Opens a `#doc=` link made by the app's own encoder the way a user does: a fresh load of the page.
 * The designer reads a link only at page load (issue 11), and a navigation that changes only the
 * fragment stays in the same document, so the page is left for a blank one first.
 */
async function importByLink(page: Page, fragment: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/${fragment}`);
}

async function expectOpened(designer: DesignerPage, entry: AdversarialCase): Promise<void> {
  if (entry.expected.outcome !== 'accepted') throw new Error('not an accepted case');
  await expect(designer.status()).toContainText('Opened');
  await expect(designer.nodes()).toHaveCount(entry.expected.components);
}

const MARKUP_ACCEPTED = ADVERSARIAL_CASES.filter(
  (entry) =>
    entry.markup && entry.expected.outcome === 'accepted' && (entry.source === 'committed' || entry.browser),
);

for (const entry of MARKUP_ACCEPTED) {
  test(`script in every string of ${entry.file} runs nowhere: import, drop and share link`, async ({
    page,
  }) => {
    const designer = await openGuarded(page);
    const bytes = caseBytes(entry);

    await importByButton(page, entry.file, bytes);
    await expectOpened(designer, entry);
    await expectNothingRan(page);

    // Look at everything that shows the strings: a card in the inspector, the problems, an export.
    await designer.nodes().first().click();
    await expect(designer.field('Name')).toBeVisible();
    await designer.problems().scrollIntoViewIfNeeded();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Export SVG' }).click();
    await download;
    await expectNothingRan(page);

    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect(designer.nodes()).toHaveCount(0);
    await importByDrop(page, entry.file, bytes);
    await expectOpened(designer, entry);
    await expectNothingRan(page);

    if (entry.file.endsWith('.json')) {
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await expect(designer.nodes()).toHaveCount(0);
      await importByLink(page, await encodeShareFragment(new TextDecoder().decode(bytes)));
      await expectOpened(designer, entry);
      await expectNothingRan(page);
    }
  });
}

test('the markup names show as text on the cards and in the problems', async ({ page }) => {
  const designer = await openGuarded(page);
  const entry = ADVERSARIAL_CASES.find((c) => c.file === 'markup-in-problems.json');
  if (!entry) throw new Error('markup-in-problems.json is not in the manifest');
  await importByButton(page, entry.file, caseBytes(entry));
  await expectOpened(designer, entry);
  await expect(designer.canvas.getByText("<script>window.__canary='pwned'</script>").first()).toBeVisible();
  await expect(designer.problems()).toContainText('<img src=x onerror=');
  await expectNothingRan(page);
});

const REFUSED = ADVERSARIAL_CASES.filter(
  (entry) => entry.expected.outcome === 'refused' && (entry.source === 'committed' || entry.browser),
);

test(`each of the ${REFUSED.length} refused files shows why and where, and the open document stays`, async ({
  page,
}) => {
  test.setTimeout(180_000);
  const designer = await openGuarded(page);
  await designer.addFromPalette('WFM Server');
  const server = designer.node('WFM Server', 'WFM_Server_1');

  for (const entry of REFUSED) {
    if (entry.expected.outcome !== 'refused') continue;
    await importByButton(page, entry.file, caseBytes(entry));
    const dialog = page.getByRole('dialog', { name: TITLES[entry.expected.kind] });
    await expect(dialog, entry.file).toBeVisible({ timeout: 20_000 });
    await expect(dialog).toContainText(`${entry.file} was not opened`);
    await expect(dialog).toContainText('Your open document is unchanged.');
    for (const issue of entry.expected.issues) {
      await expect(dialog.getByRole('list', { name: 'Problems in the file' })).toContainText(
        `${issue.path}: `,
      );
    }
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(designer.nodes()).toHaveCount(1);
    await expect(server).toBeVisible();
    await expect(designer.status()).toContainText('Your document is unchanged.');
  }
  await expectNothingRan(page);
});

test('a refused file with markup is refused the same by drop and by link, quoting the markup as text', async ({
  page,
}) => {
  const designer = await openGuarded(page);
  await designer.addFromPalette('WFM Builder');
  const entry = ADVERSARIAL_CASES.find((c) => c.file === 'markup-in-enums-and-keys.json');
  if (!entry) throw new Error('markup-in-enums-and-keys.json is not in the manifest');
  const bytes = caseBytes(entry);
  const dialog = page.getByRole('dialog', { name: TITLES.invalid });

  await importByDrop(page, entry.file, bytes);
  await expect(dialog).toContainText('got "<script>window.__canary=\'pwned\'</script>"');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await importByLink(page, await encodeShareFragment(new TextDecoder().decode(bytes)));
  await expect(dialog).toContainText('the link was not opened');
  await expect(dialog).toContainText('components[0].kind: ');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(designer.nodes()).toHaveCount(1);
  await expectNothingRan(page);
});

test('a share link that inflates past 10 MB is refused without hanging', async ({ page }) => {
  const designer = await openGuarded(page);
  await designer.addFromPalette('DAP');
  // 11 MB of spaces deflate to about 11 KB: a decompression bomb the size of an ordinary link.
  const bomb = `#doc=${deflateRawSync(Buffer.alloc(11 * 1024 * 1024, 0x20)).toString('base64url')}`;
  expect(bomb.length).toBeLessThan(20_000);

  await importByLink(page, bomb);

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('larger than 10 MB');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(designer.nodes()).toHaveCount(1);
  await expectNothingRan(page);
});

test('an exercise file with markup in its title, instructions, goals and hints shows it as text', async ({
  page,
}) => {
  const designer = await openGuarded(page);
  const markup = "<img src=x onerror=\"window.__canary='pwned'\"><script>window.__canary='pwned'</script>";
  const exercise = twoWebExercise({
    title: `Pool ${markup}`.slice(0, 100),
    summary: markup,
    instructions: [markup],
    hints: [markup],
    goals: [{ id: 'two', text: markup, check: { type: 'min-components', kind: 'web', count: 2 } }],
  });
  const panel = await openExercises(designer);
  await loadExerciseFile(panel, exercise, `${markup}.wfm-exercise.json`);
  await panel.getByRole('button', { name: /^Pool </ }).click();
  await panel.getByRole('button', { name: 'Show a hint' }).click();
  await expect(panel.getByText(markup).first()).toBeVisible();
  await expect(goal(panel, '<script>')).toHaveCount(1);
  await expectNothingRan(page);
});

// The probe proves the watchers above would see a script that got in. It runs without the console
// watch of ./fixtures on purpose: the browser logs the blocked script as a console error.
bare(
  'the page runs under the Content-Security-Policy: an injected inline script is blocked and reported',
  async ({ page }) => {
    await openGuarded(page);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = "window.__canary = 'pwned'";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      script.remove();
      return { canary: window.__canary, violations: window.__violations?.splice(0) ?? [] };
    });
    expect(ran.canary).toBe('untouched');
    expect(ran.violations.length).toBeGreaterThan(0);
    for (const violation of ran.violations) expect(violation).toMatch(/^script-src(-elem)? inline$/);
  },
);
