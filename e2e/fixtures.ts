import { test as base, expect } from '@playwright/test';
import { DesignerPage } from './designer-page';

interface Fixtures {
  /**
   * Fails the test when the page logs a console error, throws an uncaught error, or breaks the
   * Content-Security-Policy of the production build.
   */
  pageErrors: undefined;
  /** The designer, opened on an empty document with nothing saved in the browser. */
  designer: DesignerPage;
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await use(undefined);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
  designer: async ({ page }, use) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await use(designer);
  },
});

export { expect };
