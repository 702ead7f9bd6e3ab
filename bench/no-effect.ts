import type { Page } from '@playwright/test';

// What every browser scenario shares: the error of a gesture that had no effect, and a box lookup
// that fails with it.

/** A scenario whose interaction did not take effect: it fails instead of reporting a perfect figure. */
export class NoEffectError extends Error {}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new NoEffectError(`${selector} is not visible`);
  return found;
}
