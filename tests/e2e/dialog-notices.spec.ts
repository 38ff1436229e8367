import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { backUpWorkspace } from './journeys';
import { seriousAxeViolations } from './axe';

// A notice shown while a modal dialog is open: the page around the dialog is inert (under the backdrop, out of the
// Tab order, unseen by screen readers), so the notice is drawn inside the dialog. Here the "Save the previous
// workspace" button of the restored dialog downloads a file and says so while the dialog stays open.
// Screenshots at 1440×900 and 1024×640 go to test-results/screenshots/ for review.

/** Restores the workspace from its own backup, which leaves the restored dialog open. */
async function openRestoredDialog(page: Page): Promise<Locator> {
  await page.goto('/');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  const backup = await backUpWorkspace(page);
  // Its own "Downloaded" notice goes first, so the only notice left is the one the dialog shows.
  await page.getByTestId('toast').getByRole('button', { name: 'Dismiss notification' }).click();
  await expect(page.getByTestId('toast')).toHaveCount(0);
  await page.getByTestId('restore-workspace').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-confirm-dialog').getByTestId('confirm-ok').click();
  await (await chooser).setFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  const dialog = page.getByTestId('restored-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The element the user sees at the notice's centre is the notice itself (not the backdrop over it). */
async function drawnOnTop(notice: Locator): Promise<boolean> {
  return notice.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && element.contains(hit);
  });
}

test('a notice shown from a modal dialog is seen above it, announced, reached by Tab and dismissed by Escape', async ({ page }) => {
  const dialog = await openRestoredDialog(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('download-previous').click();
  const fileName = (await download).suggestedFilename();

  const notice = dialog.getByTestId('toast');
  await expect(notice).toHaveText(new RegExp(`Downloaded ${fileName.replace(/\./g, '\\.')}`));
  expect(await drawnOnTop(notice)).toBe(true);
  // Announced by the one live region, inside the dialog (none is left on the page, inert while it is open).
  await expect(dialog.getByTestId('toast-announcer')).toHaveText(`Downloaded ${fileName}.`);
  await expect(page.getByTestId('toast-announcer')).toHaveCount(1);

  // Tab from the dialog's last button reaches the notice's close button (focus on it holds the notice).
  await expect(page.getByTestId('download-previous')).toBeFocused();
  await page.keyboard.press('Tab');
  const close = notice.getByRole('button', { name: 'Dismiss notification' });
  await expect(close).toBeFocused();

  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/dialog-notice-1440.png' });
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect(close).toBeFocused();
  expect(await drawnOnTop(notice)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/dialog-notice-1024.png' });

  // Escape on the notice dismisses the notice only; the dialog stays open and the focus goes back into it.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('toast')).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('download-previous')).toBeFocused();
  // Escape anywhere else in the dialog still closes it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a notice still showing when its dialog closes comes back to the page', async ({ page }) => {
  const dialog = await openRestoredDialog(page);
  const download = page.waitForEvent('download');
  await page.getByTestId('download-previous').click();
  await download;
  await expect(dialog.getByTestId('toast')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  const notice = page.getByTestId('toast');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('Downloaded');
  expect(await notice.evaluate((element) => element.closest('dialog') === null)).toBe(true);
  await expect(page.getByTestId('toast-announcer')).toHaveCount(1);
  expect(await drawnOnTop(notice)).toBe(true);
  // Escape on it there dismisses it too.
  await notice.getByRole('button', { name: 'Dismiss notification' }).focus();
  await page.keyboard.press('Escape');
  await expect(notice).toHaveCount(0);
});
