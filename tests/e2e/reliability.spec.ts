import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, guardPage } from './fixtures';
import { backUpWorkspace } from './journeys';
import { expectShownInFull } from './shown-in-full';

// Nothing lost: two tabs on one dossier, a restore whose replaced workspace must survive closing, a reload inside
// the autosave window, a full disk, a database deleted while open.

const exampleTitle = 'Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC';
const exampleId = 'example-liquid-biopsy-nsclc';

async function openExample(page: Page) {
  await page.goto(`/#/dossiers/${exampleId}/overview`);
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
}

test('two pages on one dossier: the second save is refused with the prompt, and nothing is lost', async ({ page, context, guard }) => {
  const other = await context.newPage();
  guardPage(other, guard);
  await openExample(page);
  await openExample(other);

  await page.getByTestId('field-indication').fill('Indication typed in window A');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  // Window B hears about it (and offers to reload while it has nothing unsaved).
  await expect(other.getByTestId('changed-elsewhere-notice')).toBeVisible();
  await other.screenshot({ path: 'test-results/screenshots/changed-elsewhere-1440.png' });

  await other.getByTestId('field-title').fill('Title typed in window B');
  const prompt = other.getByTestId('stale-write-dialog');
  await expect(prompt.getByRole('heading')).toHaveText('This dossier was changed elsewhere');
  await expect(other.getByTestId('save-state')).toHaveText('Not saved');
  await expect(other.getByTestId('field-title')).toHaveValue('Title typed in window B');
  // Window A's save stands.
  await page.reload();
  await expect(page.getByTestId('field-indication')).toHaveValue('Indication typed in window A');
  await expect(page.getByTestId('field-title')).toHaveValue(exampleTitle);

  // Compare names both fields, with both versions.
  await prompt.getByTestId('stale-compare').click();
  await expect(prompt.getByTestId('stale-compare-row').filter({ hasText: 'title' })).toContainText('Title typed in window B');
  await expect(prompt.getByTestId('stale-compare-row').filter({ hasText: 'indication' })).toContainText('Indication typed in window A');
  await other.setViewportSize({ width: 1440, height: 900 });
  await other.screenshot({ path: 'test-results/screenshots/stale-write-1440.png' });
  await other.setViewportSize({ width: 1024, height: 640 });
  await other.screenshot({ path: 'test-results/screenshots/stale-write-1024.png' });

  await prompt.getByTestId('stale-keep-mine').click();
  await expect(prompt).toBeHidden();
  await expect(other.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByTestId('field-title')).toHaveValue('Title typed in window B');
  // Window A's text is not lost: the history holds it.
  await page.getByTestId('section-history').click();
  await expect(page.getByTestId('history-row').filter({ hasText: 'Indication typed in window A' }).first()).toBeVisible();
  await other.close();
});

test('another tab’s new dossier appears in this tab’s library without a reload', async ({ page, context, guard }) => {
  const other = await context.newPage();
  guardPage(other, guard);
  await page.goto('/');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await other.goto('/');
  await other.getByTestId('new-dossier').click();
  await other.getByTestId('new-dossier-title').fill('Made in the other tab');
  await other.getByTestId('create-dossier').click();
  await expect(other.getByTestId('dossier-editor')).toBeVisible();
  await expect(page.getByTestId('library-row')).toHaveCount(2);
  await expect(page.getByTestId('library-row').filter({ hasText: 'Made in the other tab' })).toHaveCount(1);
  await other.close();
});

test('restore, then close: the replaced workspace is listed as a safety backup and restores', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  const backup = await backUpWorkspace(page);

  await page.getByTestId('new-dossier').click();
  await page.getByTestId('new-dossier-title').fill('Only in the replaced workspace');
  await page.getByTestId('create-dossier').click();
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('library-row')).toHaveCount(2);

  await page.getByTestId('restore-workspace').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-confirm-dialog').getByTestId('confirm-ok').click();
  await (await chooser).setFiles({ name: 'team.htabackup.json', mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  await expect(page.getByTestId('restored-counts')).toContainText('Restored 1 dossier');
  // Close without saving anything: the safety backup is in the workspace anyway, also after closing the app.
  await page.getByTestId('restored-dialog').getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  const safety = page.getByTestId('safety-backup-row');
  await expect(safety).toHaveCount(1);
  await expect(safety).toContainText('Before restoring team.htabackup.json');
  await expect(safety).toContainText('2 dossiers');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test-results/screenshots/library-safety-backups-1440.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByTestId('safety-backups').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/library-safety-backups-1024.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  const download = page.waitForEvent('download');
  await safety.getByTestId('safety-backup-download').click();
  const downloaded = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  expect(downloaded.format).toBe('hta-workbench-backup');
  expect(downloaded.dossiers.map((d: { title: string }) => d.title).sort()).toEqual(['Only in the replaced workspace', exampleTitle].sort());

  await safety.getByTestId('safety-backup-restore').click();
  await page.getByTestId('safety-restore-dialog').getByTestId('confirm-ok').click();
  await expect(page.getByTestId('restored-counts')).toContainText('Restored 2 dossiers');
  await page.getByTestId('restored-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('library-row')).toHaveCount(2);
  await expect(page.getByTestId('library-row').filter({ hasText: 'Only in the replaced workspace' })).toHaveCount(1);
  // Restoring made a safety backup of what it replaced too; discarding asks first.
  await expect(safety).toHaveCount(2);
  await safety.first().getByTestId('safety-backup-discard').click();
  await page.getByTestId('safety-discard-dialog').getByTestId('confirm-cancel').click();
  await expect(safety).toHaveCount(2);
  await safety.first().getByTestId('safety-backup-discard').click();
  await page.getByTestId('safety-discard-dialog').getByTestId('confirm-ok').click();
  await expect(safety).toHaveCount(1);
});

test('reload 100 ms after typing: the text is there', async ({ page }) => {
  await openExample(page);
  page.on('dialog', (dialog) => void dialog.accept()); // "Leave" on the unsaved-changes prompt
  await page.getByTestId('field-indication').fill('Typed 100 ms before the reload');
  await page.waitForTimeout(100);
  await page.reload();
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
  await expect(page.getByTestId('field-indication')).toHaveValue('Typed 100 ms before the reload');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByTestId('field-indication')).toHaveValue('Typed 100 ms before the reload');
});

test('a full disk: plain words, the text stays, Retry saves once space is freed', async ({ page }) => {
  await openExample(page);
  // Every write fails as on a full disk until "space is freed".
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    (window as unknown as { freeSpace: () => void }).freeSpace = () => {
      IDBObjectStore.prototype.put = put;
    };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByTestId('field-indication').fill('Typed while the disk was full');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await expect(page.getByTestId('save-error')).toHaveText('The disk is full: free some space, then Retry. Nothing you typed is lost.');
  await expect(page.getByTestId('field-indication')).toHaveValue('Typed while the disk was full');
  // The reason in full at the minimum window (it wraps under the header; the header keeps the title).
  await page.setViewportSize({ width: 1024, height: 640 });
  await expectShownInFull(page.getByTestId('save-error'));
  await expect(page.getByTestId('header-title')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/dossier-not-saved-1024.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/dossier-not-saved-1440.png' });
  await page.evaluate(() => (window as unknown as { freeSpace: () => void }).freeSpace());
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByTestId('field-indication')).toHaveValue('Typed while the disk was full');
});

test('a database deleted while open is reported as deleted, and the next start says so instead of re-seeding', async ({ page, guard }) => {
  // Dexie warns when the test deletes the database under the open connection: that is what this test does.
  guard.expectedWarnings = [/Another connection wants to delete database/];
  await page.goto('/');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('hta-workbench');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(new Error('delete failed'));
      }),
  );
  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toContainText('The workspace database was deleted while HTA Workbench had it open');
  await expect(banner).not.toContainText('another window');
  await expect(page.getByTestId('new-dossier')).toBeDisabled();
  await page.reload();
  await expect(page.getByTestId('workspace-notice')).toContainText('was not found');
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await expect(page.getByTestId('library-row')).toHaveCount(0);
});
