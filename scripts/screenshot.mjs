// Takes a screenshot of the built app: `node scripts/screenshot.mjs out.png [url-path] [setup.js]`.
import { chromium } from '@playwright/test';

const [out = '/tmp/shot.png', path = '/', theme = 'light'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(`http://127.0.0.1:4173${path}`);
await page.waitForTimeout(800);
await page.screenshot({ path: out });
await browser.close();
