import type { Page } from '@playwright/test';
import { libraryBackupText, librarySearches } from '../../bench/large-library';
import { test, expect } from './fixtures';

// A library of 2,000 dossiers: only the rows in view are in the page, search still finds every match, and the
// keyboard reaches any dossier. (Speed is measured by bench/library-scale.bench.ts, not asserted here.)

const COUNT = 2000;

async function restoreLibrary(page: Page, text: string) {
  await page.goto('/');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await page.getByTestId('restore-workspace').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-confirm-dialog').getByTestId('confirm-ok').click();
  await (await chooser).setFiles({ name: 'large.htabackup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('restored-counts')).toContainText(`Restored ${COUNT} dossiers`, { timeout: 60_000 });
  await page.getByTestId('restored-dialog').getByRole('button', { name: 'Close' }).click();
}

test('2,000 dossiers: a virtualised list that searches and navigates by keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await restoreLibrary(page, libraryBackupText(COUNT, false));
  await expect(page.getByTestId('library-count')).toHaveText(`${COUNT} dossiers`);
  await expect(page.getByTestId('library-table')).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  const rendered = await page.getByTestId('library-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  const elements = await page.evaluate(() => document.querySelectorAll('*').length);
  expect(elements).toBeLessThan(5000);

  // Search: every expected match, whatever is rendered.
  for (const { query, matches } of librarySearches(COUNT)) {
    await page.getByTestId('library-search').fill(query);
    if (matches === 0) await expect(page.getByTestId('library-empty')).toBeVisible();
    else await expect(page.getByTestId('library-count')).toHaveText(`${matches} dossier${matches === 1 ? '' : 's'}`);
  }
  await page.getByTestId('library-search').fill(`marker-${COUNT / 2}`);
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row')).toContainText(`(${COUNT / 2 + 1})`);
  await page.getByTestId('library-search').fill('');
  await expect(page.getByTestId('library-count')).toHaveText(`${COUNT} dossiers`);

  // Keyboard: End goes to the last dossier (rendered on demand), ArrowUp to the one before, Home back to the first.
  await page.getByTestId('sort-title').click();
  // Sorted before the top row is read, and the row pinned by its place (a '.first()' read twice while the list
  // re-sorted could focus one row and read another's title).
  await expect(page.locator('th', { has: page.getByTestId('sort-title') })).toHaveAttribute('aria-sort', /ascending|descending/);
  const top = page.locator('tr[aria-rowindex="2"] [data-testid="open-dossier"]');
  await top.focus();
  const firstTitle = await top.textContent();
  await page.keyboard.press('End');
  await expect(page.locator(`tr[aria-rowindex="${COUNT + 1}"] [data-testid="open-dossier"]`)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(`tr[aria-rowindex="${COUNT}"] [data-testid="open-dossier"]`)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.locator('tr[aria-rowindex="2"] [data-testid="open-dossier"]')).toBeFocused();
  await expect(page.locator('tr[aria-rowindex="2"] [data-testid="open-dossier"]')).toHaveText(firstTitle ?? '');
  expect(await page.getByTestId('library-row').count()).toBeLessThan(100);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('tr[aria-rowindex="3"] [data-testid="open-dossier"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
});
