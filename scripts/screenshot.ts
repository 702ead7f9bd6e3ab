// Takes a screenshot of the built app served by `npm run preview`:
// `npx tsx scripts/screenshot.ts out.png [url-path] [light|dark]`.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/chromium';

const [out = '/tmp/shot.png', path = '/', theme = 'light'] = process.argv.slice(2);
const executablePath = systemChromium();
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: [...CHROMIUM_ARGS],
});
const page = await browser.newPage({
  viewport: { width: 1440, height: 900 },
  colorScheme: theme === 'dark' ? 'dark' : 'light',
});
page.on('console', (message) => console.log('console:', message.type(), message.text()));
page.on('pageerror', (error) => console.log('pageerror:', error.message));
await page.goto(`http://127.0.0.1:4173${path}`);
await page.waitForTimeout(800);
await page.screenshot({ path: out });
await browser.close();
