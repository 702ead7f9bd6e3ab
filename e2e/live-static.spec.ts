import { test as base, expect } from './fixtures';

// "Share live" on a designer served without its product server (here vite preview, as any static
// host): the websocket to /collab fails, the user is told why, and nothing changes (issue 16).

const test = base.extend({
  // The failed websocket is the point of this story: Chromium logs it as a console error.
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !/WebSocket connection to '.*\/collab' failed/.test(message.text()))
        errors.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await use(undefined);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});

test('Share live without the server says so clearly and changes nothing', async ({ designer, page }) => {
  await designer.addFromPalette('WFM Server');
  await page.getByRole('button', { name: 'Share live', exact: true }).click();
  await expect(designer.status()).toHaveText(/^Share live needs the designer’s own server \(npm start\)/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Live session/ })).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
  // The designer works alone as before: the store's own Undo still takes the card back.
  await expect(designer.node('WFM Server', 'WFM_Server_1')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(designer.nodes()).toHaveCount(0);
});
