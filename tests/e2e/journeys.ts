import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

// Steps many end-to-end journeys share: screenshots a person looks at after the run, a workspace copy of a
// bundled example to work on, and a backup of the workspace to restore.

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** A screenshot of the page, or of `target` alone, with the pointer out of the way (no hover state in it). */
export async function screenshot(page: Page, name: string, target?: Locator): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.mouse.move(0, 0);
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  if (target) await target.screenshot({ path });
  else await page.screenshot({ path });
}

/**
 * Screenshots at 1440×900 and at the minimum window 1024×640 (`<name>-1440.png`, `<name>-1024.png`), `scrollTo`
 * brought into view at each size; the page is left at 1440×900.
 */
export async function screenshotsAtBothSizes(page: Page, name: string, scrollTo?: Locator): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.mouse.move(0, 0);
  for (const [width, height] of [[1440, 900], [1024, 640]] as const) {
    await page.setViewportSize({ width, height });
    if (scrollTo) await scrollTo.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/**
 * Copies a bundled example into the workspace from the Models screen and opens the copy; resolves once its base
 * case is drawn and the copy is saved (in any display language), with the copy's id.
 */
export async function useExample(page: Page, exampleId = 'liquid-biopsy-nsclc'): Promise<string> {
  await page.goto('/#/models');
  await page.locator(`[data-model-id="${exampleId}"]`).getByTestId('use-example').click();
  await expect(page.getByTestId('model-page')).toHaveAttribute('data-model-id', /.+/);
  await expect(page.getByTestId('strip-item').first()).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  return (await page.getByTestId('model-page').getAttribute('data-model-id'))!;
}

/** Backs up the workspace from the library (which must be shown) and reads the downloaded file. */
export async function backUpWorkspace(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('backup-workspace').click();
  const backup = await download;
  return { name: backup.suggestedFilename(), text: await readFile(await backup.path(), 'utf8') };
}

/**
 * Runs one of a library row's actions other than Export, from the row's "More actions" menu where it has one
 * (windows below 1680 px), else from its button.
 */
export async function libraryRowAction(row: Locator, action: 'duplicate-dossier' | 'archive-dossier' | 'delete-dossier'): Promise<void> {
  // Export is drawn either way: the row is in the page before the menu is looked for.
  await row.getByTestId('export-dossier').waitFor();
  // Pinned to its dossier: a row given by position (`.first()`) can change between the two clicks when a copy made
  // just before lands on top, and the action is then looked for in a row whose menu is closed.
  const pinned = row.page().locator(`[data-testid="library-row"][data-dossier-id="${await row.getAttribute('data-dossier-id')}"]`);
  const more = pinned.getByTestId('more-dossier-actions');
  if ((await more.count()) > 0) await more.click();
  await pinned.getByTestId(action).click();
}

/**
 * Deletes the library's top row through its menu and the confirm dialog; returns its title once it has left the list.
 * The row is pinned by its id before its title is read: the list is a live query and may still show a row deleted a
 * moment ago (a run once read one row's title and the next row's id, and deleted the wrong dossier).
 */
export async function deleteTopLibraryRow(page: Page): Promise<string> {
  const rows = page.getByTestId('library-row');
  const before = await rows.count();
  const id = await rows.first().getAttribute('data-dossier-id');
  const row = page.locator(`[data-testid="library-row"][data-dossier-id="${id}"]`);
  const title = (await row.getByTestId('open-dossier').textContent()) ?? '';
  await row.getByTestId('more-dossier-actions').click();
  await row.getByTestId('delete-dossier').click();
  await page.getByTestId('confirm-ok').click();
  await expect(row).toHaveCount(0);
  await expect(rows).toHaveCount(before - 1);
  return title;
}

/** The table is on its card whole: nothing to scroll sideways, its last column inside the card. */
export async function expectOnCard(table: Locator, where: string): Promise<void> {
  const fits = await table.evaluate((el) => {
    const wrap = el.parentElement!;
    const card = el.closest('.card')!.getBoundingClientRect();
    return wrap.scrollWidth <= wrap.clientWidth + 1 && el.getBoundingClientRect().right <= card.right + 1;
  });
  expect(fits, where).toBe(true);
  await expect(table.locator('xpath=..'), where).toHaveAttribute('data-scrolls', 'false');
}

/**
 * On the Survival screen (in any display language): the aml example's Weibull fit added to the liquid-biopsy
 * example's chemo_io sub-model ("Use this fit"); resolves with the result box once it is drawn.
 */
export async function addAmlWeibullFitToLiquidBiopsy(page: Page): Promise<Locator> {
  await page.goto('/#/survival');
  await page.getByTestId('example-aml').click();
  await expect(page.getByTestId('fit-row')).toHaveCount(6);
  await page.locator('[data-testid="fit-row"][data-distribution="weibull"] input[type="radio"]').check();
  await page.getByTestId('target-model').selectOption('ex:liquid-biopsy-nsclc');
  await page.getByTestId('target-submodel').selectOption('chemo_io');
  await page.getByTestId('add-to-model').click();
  const result = page.getByTestId('add-result');
  await expect(result).toBeVisible();
  return result;
}
