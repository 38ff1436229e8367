import { readFileSync } from 'node:fs';
import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import type { Locator } from '@playwright/test';
import { addAmlWeibullFitToLiquidBiopsy, deleteTopLibraryRow, libraryRowAction, screenshot } from './journeys';

// Screens left noticed, each measured at 1440x900 and 1024x640: the Survival screen's "Use this fit" result box
// reads as a block (its sentence, the list of changes, the download button one under another), not three columns.
test.describe.configure({ timeout: 300000 });

const sizes = [{ width: 1440, height: 900 }, { width: 1024, height: 640 }];

for (const size of sizes) {
  test(`"Use this fit": the result box's sentence, changes and button stack, each full width (${size.width})`, async ({ page }) => {
    await page.setViewportSize(size);
    const result = await addAmlWeibullFitToLiquidBiopsy(page);
    await expect(result).toContainText('replaced curve os (Weibull)');
    await page.getByTestId('toast').locator('.toast-close').click();
    await result.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const box = (await result.boundingBox())!;
    const padding = await result.evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft) + parseFloat(getComputedStyle(el).paddingRight));
    const sentence = (await result.locator('p').first().boundingBox())!;
    const changes = (await result.locator('ul').boundingBox())!;
    const button = (await result.getByRole('button').boundingBox())!;
    // The sentence and the list take the box's width (the sentence was a column one word wide at 1440).
    expect(sentence.width, 'the sentence spans the box').toBeGreaterThanOrEqual(box.width - padding - 3);
    expect(changes.width, 'the changes span the box').toBeGreaterThanOrEqual(box.width - padding - 3);
    // One under another.
    expect(changes.y, 'the changes below the sentence').toBeGreaterThanOrEqual(sentence.y + sentence.height - 1);
    expect(button.y, 'the button below the changes').toBeGreaterThanOrEqual(changes.y + changes.height - 1);
    await screenshot(page, `screens-left-use-fit-result-${size.width}`);
    expect(await seriousAxeViolations(page), 'axe').toEqual([]);
  });
}

/** Total hip replacement with a second copy of its mortality table named os_rate: an exponential "os" fit's rate clashes with it. */
function modelWithTableOsRate(): string {
  const model = JSON.parse(readFileSync('resources/examples/total-hip-replacement.json', 'utf8')) as { metadata: { title: string }; tables: { id: string }[] };
  model.metadata.title = 'Hip replacement with an os_rate table';
  model.tables.push({ ...model.tables[0]!, id: 'os_rate' });
  return JSON.stringify(model, null, 2);
}

for (const size of sizes) {
  test(`"Use this fit": a fit whose parameter id clashes with the model's table shows the problems dialog (${size.width})`, async ({ page }) => {
    await page.setViewportSize(size);
    // The route: a model opened from a file with a table named os_rate, and an exponential fit with curve id os.
    await page.goto('/#/models');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('open-model-file').click();
    await (await chooser).setFiles({ name: 'hip-os-rate.json', mimeType: 'application/json', buffer: Buffer.from(modelWithTableOsRate()) });
    await expect(page.getByTestId('model-title')).toHaveText('Hip replacement with an os_rate table');
    await page.goto('/#/survival');
    await page.getByTestId('example-ovarian').click();
    await expect(page.getByTestId('fit-row')).toHaveCount(6);
    await page.getByLabel('Use the Exponential fit').check();
    await page.getByTestId('target-model').selectOption({ label: 'Hip replacement with an os_rate table' });
    await page.getByTestId('add-to-model').click();
    const dialog = page.locator('dialog[open][data-testid="problems-dialog"]');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('The fit could not be added');
    await expect(dialog).toContainText('The model with this curve has problems:');
    await expect(dialog.getByTestId('problem')).toHaveCount(1);
    await expect(dialog.getByTestId('problem')).toContainText('os_rate');
    await expect(page.getByTestId('add-result')).toHaveCount(0);
    await screenshot(page, `screens-left-use-fit-problems-${size.width}`);
    expect(await seriousAxeViolations(page), 'axe on the problems dialog').toEqual([]);
    // Closed from the keyboard, the focus back on the button that opened it; no copy was made.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('add-to-model')).toBeFocused();
    await page.goto('/#/models');
    await expect(page.getByTestId('workspace-model-row')).toHaveCount(1);
  });
}

/** A notice's box grown by its shadow (offset and blur), as the computed box-shadow gives them. */
async function withShadow(toast: Locator) {
  const box = (await toast.boundingBox())!;
  const shadow = await toast.evaluate((el) => getComputedStyle(el).boxShadow);
  const [x = 0, y = 0, blur = 0, spread = 0] = (shadow.replace(/rgba?\([^)]*\)/g, '').match(/-?[\d.]+px/g) ?? []).map(parseFloat);
  const reach = blur + spread;
  return { left: box.x + x - reach, right: box.x + box.width + x + reach, top: box.y + y - reach, bottom: box.y + box.height + y + reach };
}

const covers = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('notifications shown in full fold back once left, off Recently deleted\'s "Empty…"; their shadows are not clipped (1024)', async ({ page }) => {
  await page.goto('/');
  const example = page.getByTestId('library-row').filter({ hasText: 'Plasma ctDNA NGS (liquid biopsy)' });
  await libraryRowAction(example, 'duplicate-dossier');
  await libraryRowAction(page.getByTestId('library-row').first(), 'duplicate-dossier');
  await expect(page.getByTestId('library-row')).toHaveCount(3);
  await page.setViewportSize({ width: 1024, height: 640 });
  for (let i = 0; i < 3; i++) await deleteTopLibraryRow(page);
  const region = page.getByTestId('toast-region');
  await expect(page.getByTestId('toast')).toHaveCount(2);
  // The pointer shows them all: every notice's shadow lies inside the scrolling stack (it was cut off under the last).
  await page.getByTestId('toast-more').click();
  await expect(page.getByTestId('toast')).toHaveCount(3);
  const stack = (await region.boundingBox())!;
  for (const toast of await page.getByTestId('toast').all()) {
    const shadow = await withShadow(toast);
    expect(shadow.left, 'shadow inside the stack, left').toBeGreaterThanOrEqual(stack.x - 0.5);
    expect(shadow.right, 'shadow inside the stack, right').toBeLessThanOrEqual(stack.x + stack.width + 0.5);
    expect(shadow.top, 'shadow inside the stack, top').toBeGreaterThanOrEqual(stack.y - 0.5);
    expect(shadow.bottom, 'shadow inside the stack, bottom').toBeLessThanOrEqual(stack.y + stack.height + 0.5);
  }
  await screenshot(page, 'screens-left-toasts-all-1024');
  // Shown in full they stay while the pointer is on them; it leaves: they fold back to two.
  await page.mouse.move(300, 300);
  await expect(page.getByTestId('toast')).toHaveCount(2);
  await expect(page.getByTestId('toast-more')).toHaveText('+1 more');

  // From the keyboard: shown in full, Tab along them and out of the stack to "Empty…": folded, and not over it.
  const empty = page.getByTestId('recently-deleted-empty');
  // All three in Recently deleted before its last row is scrolled to (its live list may still be growing).
  await expect(page.getByTestId('recently-deleted-row')).toHaveCount(3);
  await page.getByTestId('recently-deleted-restore').last().evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.getByTestId('toast-more').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('toast')).toHaveCount(3);
  await empty.focus();
  await expect(page.getByTestId('toast')).toHaveCount(2);
  await expect(empty).toBeFocused();
  await expect(async () => {
    expect(covers((await region.boundingBox())!, (await empty.boundingBox())!), 'the notifications cover "Empty…"').toBe(false);
  }).toPass({ timeout: 2000 });
  await screenshot(page, 'screens-left-toasts-folded-1024');
  // One live region throughout.
  await expect(page.locator('[role="status"][data-testid="toast-announcer"]')).toHaveCount(1);
  expect(await seriousAxeViolations(page), 'axe with the notifications').toEqual([]);
});
