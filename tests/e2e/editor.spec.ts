import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { backUpWorkspace, libraryRowAction } from './journeys';

const exampleTitle = 'Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC';

async function openExample(page: Page) {
  await page.goto('/');
  await page.getByTestId('library-row').filter({ hasText: exampleTitle }).getByTestId('open-dossier').click();
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
}

test('status workflow: draft → under review → final, and back to draft only by reopening', async ({ page }) => {
  await openExample(page);
  const actions = page.getByTestId('status-actions');
  await expect(actions.getByRole('button')).toHaveText(['Submit for review']);
  await page.getByTestId('status-to-under-review').click();
  await expect(page.getByTestId('panel-overview').getByTestId('status-badge')).toHaveText('Under review');
  await expect(actions.getByRole('button')).toHaveText(['Return to draft', 'Approve as final']);
  // Approving asks for confirmation and a name, and lists what is unfinished or unverified.
  await page.getByTestId('status-to-final').click();
  const approve = page.getByTestId('approve-dialog');
  await expect(approve).toBeVisible();
  await expect(approve.getByTestId('approve-warnings')).toContainText('assessment elements are not complete');
  await expect(approve.getByTestId('approve-warnings')).toContainText('not verified in the primary source');
  await expect(approve.getByTestId('approve-ok')).toBeDisabled();
  await approve.getByTestId('approve-by').fill('Dr A. Peeters');
  await approve.getByTestId('approve-ok').click();
  await expect(page.getByTestId('panel-overview').getByTestId('status-badge')).toHaveText('Final');
  await expect(page.getByTestId('final-banner')).toContainText('Final — approved by Dr A. Peeters on');
  // The one way out is the banner's "Reopen as draft…" (the status card's buttons sit in the read-only form).
  await expect(actions.getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('final-note')).toBeVisible();
  await expect(page.getByTestId('reopen-dossier')).toBeEnabled();

  // A final dossier rejects typing: its fields are disabled, and keys change nothing.
  const title = page.getByTestId('field-title');
  const before = await title.inputValue();
  await expect(title).toBeDisabled();
  await title.click({ force: true });
  await page.keyboard.type('typed into a final dossier');
  await expect(title).toHaveValue(before);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('final-banner').scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test-results/screenshots/editor-final.png' });

  // Reopening needs a reason; the history tells who did what, in words.
  await page.getByTestId('reopen-dossier').click();
  const reopen = page.getByTestId('reopen-dialog');
  await expect(reopen.getByTestId('reopen-ok')).toBeDisabled();
  await reopen.getByTestId('reopen-reason').fill('New overall survival data (FLAURA final analysis)');
  await reopen.getByTestId('reopen-by').fill('B. Maes');
  await reopen.getByTestId('reopen-ok').click();
  await expect(page.getByTestId('panel-overview').getByTestId('status-badge')).toHaveText('Draft');
  await expect(page.getByTestId('final-banner')).toHaveCount(0);
  await expect(title).toBeEnabled();
  await page.getByTestId('section-history').click();
  await expect(page.getByTestId('status-event')).toHaveText([
    'Reopened as draft by B. Maes: New overall survival data (FLAURA final analysis)',
    'Approved as final by Dr A. Peeters',
    'Submitted for review',
  ]);
  await expect(page.getByTestId('history-row').filter({ hasText: 'Status' })).toHaveCount(6);
  // Back to final for the library filter below.
  await page.getByTestId('section-overview').click();
  await page.getByTestId('status-to-under-review').click();
  await page.getByTestId('status-to-final').click();
  await page.getByTestId('approve-by').fill('Dr A. Peeters');
  await page.getByTestId('approve-ok').click();
  await expect(page.getByTestId('final-banner')).toBeVisible();
  await page.getByTestId('nav-library').click();
  await page.getByTestId('filter-status').selectOption('final');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await page.getByTestId('filter-status').selectOption('draft');
  await expect(page.getByTestId('library-empty')).toBeVisible();
});

test('snapshots: create, change, restore after confirming, and undo the restore', async ({ page }) => {
  await openExample(page);
  await page.getByTestId('section-snapshots').click();
  await page.getByTestId('snapshot-name').fill('Before scoping meeting');
  await page.getByTestId('snapshot-create').click();
  await expect(page.getByTestId('snapshot-row')).toHaveCount(1);

  await page.getByTestId('section-overview').click();
  await page.getByTestId('field-title').fill('Changed title after the snapshot');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  await page.getByTestId('section-snapshots').click();
  await page.getByTestId('snapshot-row').filter({ hasText: 'Before scoping meeting' }).getByTestId('snapshot-restore').click();
  const dialog = page.getByTestId('snapshot-restore-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('header-dossier-title')).toHaveText('Changed title after the snapshot');

  await page.getByTestId('snapshot-row').filter({ hasText: 'Before scoping meeting' }).getByTestId('snapshot-restore').click();
  await dialog.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('header-dossier-title')).toHaveText(exampleTitle);
  // The version it replaced was kept as an automatic snapshot.
  await expect(page.getByTestId('snapshot-row')).toHaveCount(2);
  await expect(page.getByTestId('snapshot-row').filter({ hasText: 'Automatic' })).toHaveCount(1);
  await page.getByTestId('toast-action').click();
  await expect(page.getByTestId('header-dossier-title')).toHaveText('Changed title after the snapshot');
  await page.reload();
  await expect(page.getByTestId('header-dossier-title')).toHaveText('Changed title after the snapshot');
});

test('evidence register: add a test-accuracy study, catch a bad interval, link it from an element', async ({ page }) => {
  await openExample(page);
  await page.getByTestId('section-evidence').click();
  // count() does not wait: let the register render its rows first.
  await expect(page.getByTestId('evidence-row').first()).toBeVisible();
  const before = await page.getByTestId('evidence-row').count();
  await page.getByTestId('add-evidence').click();
  const dialog = page.getByTestId('evidence-dialog');
  await dialog.getByTestId('evidence-citation').fill('Doe J, et al. Hypothetical validation study. 2026.');
  await dialog.getByTestId('evidence-n').fill('250');
  await dialog.getByTestId('evidence-sensitivity-estimate').fill('0.85');
  await dialog.getByTestId('evidence-sensitivity-lower').fill('0.9');
  await dialog.getByTestId('evidence-sensitivity-upper').fill('0.95');
  await dialog.getByTestId('evidence-unverified').check();
  await dialog.getByTestId('evidence-save').click();
  await expect(dialog.getByText('the lower 95% bound is above the estimate')).toBeVisible();
  await dialog.getByTestId('evidence-sensitivity-lower').fill('0.78');
  await dialog.getByTestId('evidence-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('evidence-row')).toHaveCount(before + 1);
  const row = page.getByTestId('evidence-row').filter({ hasText: 'Hypothetical validation study' });
  await expect(row).toContainText('0.85 (0.78–0.95)');
  await expect(row.getByTestId('unverified-badge')).toBeVisible();

  await page.getByTestId('section-eff').click();
  const element = page.getByTestId('element-D1001');
  await element.getByLabel('Link evidence').selectOption({ label: 'Doe J, et al. Hypothetical validation study. 2026.' });
  await expect(page.getByTestId('evidence-chips-D1001')).toContainText('Hypothetical validation study');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  // Removing the study unlinks it; undo brings both back.
  await page.getByTestId('section-evidence').click();
  await row.getByTestId('remove-evidence').click();
  await expect(page.getByTestId('evidence-row')).toHaveCount(before);
  await page.getByTestId('toast-action').click();
  await expect(page.getByTestId('evidence-row')).toHaveCount(before + 1);
  await page.getByTestId('section-eff').click();
  await expect(page.getByTestId('evidence-chips-D1001')).toContainText('Hypothetical validation study');
});

test('archive hides a dossier until archived ones are shown; duplicate makes a draft copy', async ({ page }) => {
  await page.goto('/');
  const row = page.getByTestId('library-row').filter({ hasText: exampleTitle });
  await libraryRowAction(row, 'duplicate-dossier');
  await expect(page.getByTestId('library-row')).toHaveCount(2);
  await expect(page.getByTestId('library-row').filter({ hasText: `${exampleTitle} (copy)` })).toHaveCount(1);
  await libraryRowAction(page.getByTestId('library-row').filter({ hasText: '(copy)' }), 'archive-dossier');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await page.getByTestId('filter-archived').selectOption('only');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row')).toContainText('Archived');
  await libraryRowAction(page.getByTestId('library-row'), 'archive-dossier');
  await page.getByTestId('filter-archived').selectOption('exclude');
  await expect(page.getByTestId('library-row')).toHaveCount(2);
  // Sorting by title puts the original before its copy; reversing flips them.
  await page.getByTestId('sort-title').click();
  await expect(page.getByTestId('library-row').first()).not.toContainText('(copy)');
  await page.getByTestId('sort-title').click();
  await expect(page.getByTestId('library-row').first()).toContainText('(copy)');
  // Technology filter.
  await page.getByTestId('filter-technology').selectOption('medicine');
  await expect(page.getByTestId('library-empty')).toBeVisible();
});

test('backup and restore: restore replaces the workspace and offers the automatic backup of what it replaced', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  const backup = await backUpWorkspace(page);
  expect(backup.name).toMatch(/\.htabackup\.json$/);

  // Change the workspace after the backup.
  await page.getByTestId('new-dossier').click();
  await page.getByTestId('new-dossier-title').fill('Made after the backup');
  await page.getByTestId('create-dossier').click();
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('library-row')).toHaveCount(2);

  await page.getByTestId('restore-workspace').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-confirm-dialog').getByTestId('confirm-ok').click();
  await (await chooser).setFiles({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  await expect(page.getByTestId('restored-dialog')).toBeVisible();
  await expect(page.getByTestId('restored-counts')).toContainText('Restored 1 dossier');
  const previousDownload = page.waitForEvent('download');
  await page.getByTestId('download-previous').click();
  const previous = JSON.parse(await readFile(await (await previousDownload).path(), 'utf8'));
  expect(previous.format).toBe('hta-workbench-backup');
  expect(previous.dossiers.map((d: { title: string }) => d.title).sort()).toEqual(['Made after the backup', exampleTitle].sort());
  await page.getByTestId('restored-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row')).toContainText(exampleTitle);
});

test('keyboard: the section tabs follow arrow keys and dialogs close with Escape', async ({ page }) => {
  await openExample(page);
  await page.getByTestId('section-overview').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('section-technology')).toBeFocused();
  await expect(page.getByTestId('panel-technology')).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByTestId('section-snapshots')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('panel-overview')).toBeVisible();
  await page.getByTestId('nav-library').click();
  await page.getByTestId('new-dossier').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('new-dossier-title')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('new-dossier-title')).toBeHidden();
  await expect(page.getByTestId('new-dossier')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('new-dossier-title')).toBeFocused();
  await page.keyboard.type('Typed by keyboard');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('header-dossier-title')).toHaveText('Typed by keyboard');
});

test('the app sends its strict Content-Security-Policy and stays offline', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  await expect(page.getByTestId('library-table')).toBeVisible();
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("object-src 'none'");
});

test('the editor prints no form: Report… saves pending edits and opens the dossier’s report', async ({ page }) => {
  await openExample(page);
  await page.getByTestId('field-indication').fill('Advanced NSCLC, first line (edited)');
  await page.getByTestId('open-report').click();
  await expect(page).toHaveURL(/#\/dossiers\/[^/]+\/report$/);
  await expect(page.getByTestId('report-screen')).toBeVisible();
  // Pending edits are saved before leaving the editor.
  await expect(page.getByTestId('report-preview')).toContainText('Advanced NSCLC, first line (edited)', { timeout: 120_000 });
});
