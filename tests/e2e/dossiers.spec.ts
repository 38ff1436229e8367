import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, guardPage } from './fixtures';
import { libraryRowAction } from './journeys';
import type { PageGuard } from './fixtures';

const exampleTitle = 'Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC';

async function openLibrary(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('library-table')).toBeVisible();
}

async function createDossier(page: Page, title: string) {
  await page.getByTestId('new-dossier').click();
  await page.getByTestId('new-dossier-title').fill(title);
  await page.getByTestId('create-dossier').click();
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
  await expect(page.getByTestId('header-dossier-title')).toHaveText(title);
}

async function exportFromLibrary(page: Page, title: string): Promise<{ name: string; text: string }> {
  const row = page.getByTestId('library-row').filter({ hasText: title });
  const downloadPromise = page.waitForEvent('download');
  await row.getByTestId('export-dossier').click();
  const download = await downloadPromise;
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

async function importFile(page: Page, name: string, text: string) {
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByTestId('import-dossier').click();
  const chooser = await chooserPromise;
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

test('first run shows the bundled example', async ({ page }) => {
  await openLibrary(page);
  const rows = page.getByTestId('library-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(exampleTitle);
  await expect(rows.first()).toContainText('Liquid biopsy');
  await rows.first().getByTestId('open-dossier').click();
  await page.getByTestId('section-evidence').click();
  // Figures tagged [K] in the domain notes are flagged as unverified in the register.
  await expect(page.getByTestId('evidence-row').first()).toBeVisible();
  await expect(page.getByTestId('unverified-badge').first()).toBeVisible();
});

test('create a dossier, edit a domain answer, reload and find it kept', async ({ page }) => {
  await openLibrary(page);
  await createDossier(page, 'Tissue NGS panel for advanced NSCLC');
  await page.getByTestId('section-eff').click();
  const answer = page.getByTestId('answer-D1001');
  const text = 'Sensitivity 0.91 against the reference standard in the pivotal study.\nSecond line kept too.';
  await answer.fill(text);
  // ("Saving…" shows for the 500 ms debounce; asserting it here would race on a slow machine: see the unit test.)
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByTestId('panel-eff')).toBeVisible();
  await expect(page.getByTestId('answer-D1001')).toHaveValue(text);
  // The change is in the edit history, old → new.
  await page.getByTestId('section-history').click();
  const row = page.getByTestId('history-row').filter({ hasText: 'EFF › D1001 › answer' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Sensitivity 0.91');
  // And in the library, with its search.
  await page.getByTestId('nav-library').click();
  await page.getByTestId('library-search').fill('pivotal study');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row')).toContainText('Tissue NGS panel for advanced NSCLC');
});

test('an emptied title is said at the field, the rest is saved, and the text stays for the user to fix', async ({ page }) => {
  await openLibrary(page);
  await createDossier(page, 'Title to clear');
  await page.getByTestId('field-title').fill('');
  // (tests/e2e/dossier-safety.spec.ts covers the field's message and the reload.)
  await expect(page.getByTestId('save-state')).toHaveText('Title not saved');
  await expect(page.getByTestId('field-title')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('field-indication').fill('kept while the title is missing');
  await expect(page.getByTestId('field-indication')).toHaveValue('kept while the title is missing');
  await page.getByTestId('field-title').fill('Title restored');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByTestId('field-indication')).toHaveValue('kept while the title is missing');
  await expect(page.getByTestId('field-title')).toHaveValue('Title restored');
});

test('export a dossier and import it into a fresh browser profile with the same contents', async ({ page, browser }) => {
  await openLibrary(page);
  await createDossier(page, 'Exported dossier');
  await page.getByTestId('section-cur').click();
  await page.getByTestId('answer-A0002').fill('Advanced non-squamous NSCLC, stage IV.');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.getByTestId('nav-library').click();
  const exported = await exportFromLibrary(page, 'Exported dossier');
  expect(exported.name).toBe('exported-dossier.htad.json');
  const original = JSON.parse(exported.text);
  expect(original.format).toBe('hta-workbench-dossier');

  // A new context is a fresh profile: its own, empty IndexedDB (only the example is seeded).
  const context = await browser.newContext();
  const guard: PageGuard = { externalRequests: [], consoleErrors: [] };
  try {
    const fresh = await context.newPage();
    guardPage(fresh, guard);
    await openLibrary(fresh);
    await expect(fresh.getByTestId('library-row')).toHaveCount(1);
    await importFile(fresh, exported.name, exported.text);
    await expect(fresh.getByTestId('dossier-editor')).toBeVisible();
    await fresh.getByTestId('nav-library').click();
    await expect(fresh.getByTestId('library-row')).toHaveCount(2);
    const reexported = await exportFromLibrary(fresh, 'Exported dossier');
    expect(JSON.parse(reexported.text).dossier).toEqual(original.dossier);
  } finally {
    await context.close();
  }
  expect(guard.externalRequests).toEqual([]);
  expect(guard.consoleErrors).toEqual([]);
});

test('importing a dossier that is already there asks: copy or replace', async ({ page }) => {
  await openLibrary(page);
  const exported = await exportFromLibrary(page, exampleTitle);
  await importFile(page, exported.name, exported.text);
  await expect(page.getByTestId('conflict-dialog')).toBeVisible();
  await page.getByTestId('conflict-copy').click();
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
  await expect(page.getByTestId('header-dossier-title')).toHaveText(`${exampleTitle} (imported copy)`);
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('library-row')).toHaveCount(2);
});

test('delete asks for confirmation and can be undone', async ({ page }) => {
  await openLibrary(page);
  const row = page.getByTestId('library-row').filter({ hasText: exampleTitle });
  await libraryRowAction(row, 'delete-dossier');
  await expect(page.getByTestId('delete-dialog')).toBeVisible();
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('library-row')).toHaveCount(1);

  await libraryRowAction(row, 'delete-dossier');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await expect(page.getByTestId('toast')).toContainText('Recently deleted');
  await page.getByTestId('toast-action').click();
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row')).toContainText(exampleTitle);
  await page.reload();
  await expect(page.getByTestId('library-row')).toHaveCount(1);
});

test('a hostile or invalid file is refused with every problem located', async ({ page }) => {
  await openLibrary(page);
  const exported = await exportFromLibrary(page, exampleTitle);

  // Prototype-pollution keys: refused before any schema check.
  const hostile = exported.text.replace('"dossier": {', '"dossier": {\n "__proto__": { "polluted": true },');
  await importFile(page, 'hostile.htad.json', hostile);
  await expect(page.getByTestId('problems-dialog')).toBeVisible();
  await expect(page.getByTestId('problem').first()).toContainText('dossier.__proto__');
  await page.getByTestId('problems-dialog').getByRole('button', { name: 'Close' }).click();

  // Wrong types in two places: both listed with their paths.
  const file = JSON.parse(exported.text);
  file.dossier.title = 42;
  file.dossier.evidence[0].sensitivity = { estimate: 0.7, lower: 1.5, upper: 0.8 };
  await importFile(page, 'invalid.htad.json', JSON.stringify(file));
  const problems = page.getByTestId('problem');
  await expect(problems.filter({ hasText: 'dossier.title' })).toHaveCount(1);
  // 1.5 is both out of range and above the estimate: each rule reports at that path.
  await expect(problems.filter({ hasText: 'dossier.evidence[0].sensitivity.lower' }).filter({ hasText: 'between 0 and 1' })).toHaveCount(1);
  await page.getByTestId('problems-dialog').getByRole('button', { name: 'Close' }).click();

  // Truncated JSON is named as such.
  await importFile(page, 'truncated.htad.json', exported.text.slice(0, 200));
  await expect(page.getByTestId('problem').first()).toContainText('truncated');
  await page.getByTestId('problems-dialog').getByRole('button', { name: 'Close' }).click();

  // A syntax error is located by line and column.
  await importFile(page, 'broken.htad.json', exported.text.replace('"format": "hta-workbench-dossier",', '"format": "hta-workbench-dossier"'));
  await expect(page.getByTestId('problem').first()).toContainText(/line \d+/);
  await page.getByTestId('problems-dialog').getByRole('button', { name: 'Close' }).click();

  // Nothing was written.
  await expect(page.getByTestId('library-row')).toHaveCount(1);
});
