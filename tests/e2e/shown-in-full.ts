import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

/** Every character of the element is on screen: inside the window, nothing clipped or cut with an ellipsis. */
export async function expectShownInFull(locator: Locator) {
  await expect(locator).toBeVisible();
  const fit = await locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1, inside: box.left >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight };
  });
  expect(fit).toEqual({ clipped: false, inside: true });
}
