import type { Browser, BrowserContext, Page, WebSocketRoute } from '@playwright/test';
import { DesignerPage } from './designer-page';
import { test as base, expect } from './fixtures';
import { type ProductServer, startProductServer } from './live-server';

// What the live-collaboration stories share (issue 16): the product server as a worker fixture
// (the page's baseURL is the server's), more people in browser contexts of their own, sharing,
// joining, and a connection that can be cut.

export const test = base.extend<object, { server: ProductServer }>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from its pattern.
    async ({}, use) => {
      const server = await startProductServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server.url),
});

/** Another person in the room: their own browser context and the designer in it. */
export interface Person {
  readonly context: BrowserContext;
  readonly designer: DesignerPage;
}

/** A second (or third) person: a fresh browser context of their own, errors failing the test. */
export async function person(browser: Browser, server: ProductServer): Promise<Person> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  context.on('close', () => expect(errors, 'the second page threw').toEqual([]));
  return { context, designer: new DesignerPage(page) };
}

/**
 * A page whose connection to `/collab` can be cut and restored. Playwright's `setOffline(true)`
 * does not close an open websocket in Chromium (tried: the session stayed connected), so the
 * sockets go through a WebSocket route to the real server: `cut` closes them from the page's side
 * and closes every new one at once, until `restore`. The page itself still loads (a reload works).
 */
export async function cuttable(page: Page): Promise<{ cut: () => Promise<void>; restore: () => void }> {
  let offline = false;
  const open = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/collab$/, (socket) => {
    if (offline) {
      void socket.close();
      return;
    }
    socket.connectToServer();
    open.add(socket);
  });
  return {
    cut: async () => {
      offline = true;
      for (const socket of open) await socket.close();
      open.clear();
    },
    restore: () => {
      offline = false;
    },
  };
}

/** Shares the open document; returns the two links the dialog shows and closes it. */
export async function shareLive(page: Page): Promise<{ edit: string; view: string }> {
  await page.getByRole('button', { name: 'Share live', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share live' });
  await expect(dialog).toBeVisible();
  const edit = await dialog.getByRole('textbox', { name: 'Edit link', exact: true }).inputValue();
  const view = await dialog.getByRole('textbox', { name: 'View link', exact: true }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return { edit, view };
}

/** Opens a live link and waits until the session is connected and its document shown. */
export async function join(
  designer: DesignerPage,
  link: string,
  access: 'can edit' | 'view only',
): Promise<void> {
  await designer.page.goto(link);
  await expect(
    designer.page.getByRole('img', { name: `Live session: connected, ${access}`, exact: true }),
  ).toBeVisible();
}

export { expect };
