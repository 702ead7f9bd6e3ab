import { expect, test } from './fixtures';

// Opening as fast as React Flow alone (decision 020). How long it takes is the bench's business
// (`npm run bench -- --only open-10,open-100`); these check the order of things.

const CANVAS_CHUNK = /\/assets\/designer-canvas-[^/]*\.js$/;

test('the canvas’s script is requested before the designer first paints, not after', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('/');
  await expect(page.getByRole('application', { name: 'Deployment diagram' })).toBeVisible();
  expect(requested.filter((url) => CANVAS_CHUNK.test(url))).toHaveLength(1);
  const { chunk, paint } = await page.evaluate((source) => {
    const pattern = new RegExp(source);
    const entry = performance.getEntriesByType('resource').find((e) => pattern.test(e.name));
    const firstPaint = performance.getEntriesByName('first-contentful-paint')[0];
    return { chunk: entry?.startTime ?? null, paint: firstPaint?.startTime ?? null };
  }, CANVAS_CHUNK.source);
  if (chunk === null || paint === null)
    throw new Error(`no timing for the chunk (${chunk}) or the paint (${paint})`);
  expect(chunk).toBeLessThan(paint);
});

test('a canvas whose script arrives after the first paint shows as soon as it is there', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(CANVAS_CHUNK, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  // The shell is up, with the placeholder and its hint where the canvas goes.
  await expect(page.getByRole('region', { name: 'Components' })).toBeVisible();
  await expect(page.getByText('Drag components here from the palette')).toBeVisible();
  await expect(page.getByRole('application', { name: 'Deployment diagram' })).toHaveCount(0);
  release();
  await expect(page.getByRole('application', { name: 'Deployment diagram' })).toBeVisible();
  await expect(page.getByText('Drag components here from the palette')).toBeVisible();
});
