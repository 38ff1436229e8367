import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { screenshot, useExample } from './journeys';

// Screens left noticed (twelfth session), each measured at 1440x900 and 1024x640.
test.describe.configure({ timeout: 300000 });

const sizes = [{ width: 1440, height: 900 }, { width: 1024, height: 640 }];

// Eight patients: too few for the generalised gamma (its fit does not converge).
const ridgeCsv = 'time,event\n1,1\n2,0\n3,1\n5,1\n7,0\n4,1\n6,1\n9,1\n';

for (const language of ['en', 'fr-BE'] as const) {
  for (const size of sizes) {
    test(`Survival: an unusable fit's message is shown whole, inside the visible table (${language}, ${size.width})`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/');
      await page.getByTestId('display-language').selectOption(language);
      await page.goto('/#/survival');
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('open-csv').click();
      await (await chooser).setFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(ridgeCsv) });
      await expect(page.getByTestId('fit-row')).toHaveCount(6);
      const message = page.locator('[data-distribution="generalised-gamma"]').getByTestId('fit-unusable');
      await expect(message).toBeVisible();
      // A sentence of its own: it starts with a capital (the engine's words start lower-case, to follow a name).
      expect(await message.innerText()).toMatch(/^\p{Lu}/u);
      await message.scrollIntoViewIfNeeded();
      // Whole: its text box inside the part of the table one sees (the table may scroll sideways at 1024), nothing
      // clipped inside the message itself.
      const seen = await message.evaluate((el) => {
        const wrap = el.closest('.table-wrap')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        return { left: text.left - wrap.left, right: wrap.right - text.right, clipped: el.scrollWidth > el.clientWidth + 1 };
      });
      expect(seen.left, 'the message starts inside the table').toBeGreaterThanOrEqual(-1);
      expect(seen.right, 'the message ends inside the table').toBeGreaterThanOrEqual(-1);
      expect(seen.clipped, 'nothing cut inside the message').toBe(false);
      await screenshot(page, `s12-survival-unusable-${language}-${size.width}`);
      expect(await seriousAxeViolations(page), 'axe on the Survival screen with an unusable fit').toEqual([]);
    });
  }
}

/** How many lines the header's save state takes, from its text's line boxes. */
async function saveStateLines(page: Page): Promise<number> {
  return page.getByTestId('save-state').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });
}

for (const language of ['en', 'fr-BE', 'nl-BE'] as const) {
  test(`The header's save state takes one or two lines at 1024, the title keeps its room (${language})`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.goto('/');
    await page.getByTestId('display-language').selectOption(language);
    // A dossier and a workspace model, each saved.
    await page.getByTestId('library-row').filter({ hasText: 'Plasma ctDNA' }).getByTestId('open-dossier').click();
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    for (const where of ['dossier', 'model'] as const) {
      if (where === 'model') await useExample(page);
      await screenshot(page, `s12-header-save-state-${where}-${language}-1024`);
      const lines = await saveStateLines(page);
      expect(lines, `${where}: lines of the save state`).toBeGreaterThanOrEqual(1);
      expect(lines, `${where}: lines of the save state`).toBeLessThanOrEqual(2);
      const title = (await page.locator('.app-header-title .current').boundingBox())!;
      const header = (await page.locator('header.app-header').boundingBox())!;
      const state = (await page.getByTestId('save-state').boundingBox())!;
      expect(state.y, `${where}: the save state inside the header`).toBeGreaterThanOrEqual(header.y);
      expect(state.y + state.height, `${where}: the save state inside the header`).toBeLessThanOrEqual(header.y + header.height);
      // The title keeps the room it had (nine of its ems at least).
      const titleEm = await page.locator('.app-header-title .current').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(title.width, `${where}: the title's width`).toBeGreaterThanOrEqual(9 * titleEm - 1);
    }
    expect(await seriousAxeViolations(page), 'axe').toEqual([]);
  });
}

/** Whether two boxes share any area. */
function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('Notifications never hide the focused control (tucked away where neither the top nor the bottom is clear); "Hide notifications" clears the content under them for the mouse', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto('/');
  await page.getByTestId('library-row').filter({ hasText: 'Plasma ctDNA' }).getByTestId('open-dossier').click();
  await page.getByTestId('section-snapshots').click();
  const region = page.getByTestId('toast-region');
  // Three notices; the pointer rests on the stack after each, so none times out while the test goes on.
  for (const name of ['First', 'Second', 'Third']) {
    await page.getByTestId('snapshot-name').fill(name);
    await page.getByTestId('snapshot-create').click();
    await expect(page.getByTestId('toast').first()).toContainText(name);
    await region.hover();
  }
  await expect(page.getByTestId('toast')).toHaveCount(2);
  await expect(page.getByTestId('toast-more')).toHaveText('+1 more');

  // A text area the user made tall (its resize handle), in the middle of the window: the stack in full covers it
  // at the bottom and at the top alike.
  await page.getByTestId('section-technology').click();
  const area = page.locator('textarea').first();
  await area.evaluate((el) => {
    el.style.height = '420px';
    el.scrollIntoView({ block: 'center' });
  });
  await region.hover();
  await area.focus();
  await expect(page.getByTestId('toast-show')).toHaveText('Notifications (3)');
  await expect(page.getByTestId('toast')).toHaveCount(0);
  const control = (await area.boundingBox())!;
  const tucked = (await region.boundingBox())!;
  expect(overlap(control, tucked), 'the notifications cover the focused control').toBe(false);
  await expect(page.getByTestId('toast-announcer')).toHaveCount(1);
  await screenshot(page, 's12-notices-tucked-1024');
  expect(await seriousAxeViolations(page), 'axe with the notifications tucked away').toEqual([]);

  // The focus on a control the stack does not cover: back in full, none lost.
  await page.getByTestId('section-overview').focus();
  await expect(page.getByTestId('toast')).toHaveCount(2);
  await expect(page.getByTestId('toast-more')).toHaveText('+1 more');
  await expect(page.getByTestId('toast').first()).toContainText('Third');
  await screenshot(page, 's12-notices-full-1024');

  // With the mouse: "Hide notifications" tucks them away; what was under the stack is reached by the pointer.
  const stack = (await region.boundingBox())!;
  await page.getByTestId('toast-hide').click();
  await expect(page.getByTestId('toast-show')).toHaveText('Notifications (3)');
  const underStack = await page.evaluate(({ x, y }) => {
    const hit = document.elementFromPoint(x, y);
    return hit !== null && !hit.closest('[data-testid="toast-region"]');
  }, { x: stack.x + stack.width / 2, y: stack.y + stack.height / 3 });
  expect(underStack, 'the page under the former stack is reached').toBe(true);
  const small = (await region.boundingBox())!;
  expect(small.height, 'tucked away: one small button').toBeLessThan(48);
  await screenshot(page, 's12-notices-hidden-1024');
  // And brought back, all three still there.
  await page.getByTestId('toast-show').click();
  await expect(page.getByTestId('toast')).toHaveCount(2);
  await page.getByTestId('toast-more').click();
  await expect(page.getByTestId('toast')).toHaveCount(3);
  expect(await seriousAxeViolations(page), 'axe with the notifications shown again').toEqual([]);
});
