import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { test, expect } from './fixtures';
import { backUpWorkspace, libraryRowAction } from './journeys';
import { expectShownInFull } from './shown-in-full';
import { fr } from '../../src/report/i18n/messages-fr';
import { nl } from '../../src/report/i18n/messages-nl';
import { englishIn, englishLinesIn, uiText } from './language-check';

// What an assessor relies on with confidential dossiers: nothing typed is lost, and every problem is said at its field.

const shots = 'test-results/screenshots';
test.beforeAll(() => mkdirSync(shots, { recursive: true }));

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
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

async function importFile(page: Page, name: string, text: string) {
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByTestId('import-dossier').click();
  const chooser = await chooserPromise;
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

test('an empty title is a located field problem: everything else is saved and the typing survives a reload', async ({ page }) => {
  await openLibrary(page);
  await createDossier(page, 'Tumour-agnostic NTRK testing');
  const title = page.getByTestId('field-title');
  await title.fill('');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await title.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('A dossier needs a title');
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('Tumour-agnostic NTRK testing');
  // Another field edited meanwhile is saved; the header says the title alone is not, never "Not saved … Retry".
  await page.getByTestId('field-indication').fill('Solid tumours with NTRK fusion');
  await expect(page.getByTestId('save-state')).toHaveText('Title not saved');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'title-problem');
  await expect(page.getByTestId('save-error')).toHaveCount(0);
  expect(await axeViolations(page, { impacts: ['serious', 'critical'] }), 'axe on the editor with a title problem').toEqual([]);
  // Why, in full at the minimum window (under the header, not only in a tooltip), and the header's description.
  await page.setViewportSize({ width: 1024, height: 640 });
  await expectShownInFull(page.getByTestId('save-title-problem'));
  await expect(page.getByTestId('save-state')).toHaveAccessibleDescription('Other changes are saved. The title is empty or too long.');
  await page.setViewportSize({ width: 1440, height: 900 });

  // The library holds the new indication under the last saved title.
  await page.getByTestId('nav-library').click();
  const row = page.getByTestId('library-row').filter({ hasText: 'Tumour-agnostic NTRK testing' });
  await expect(row).toContainText('Solid tumours with NTRK fusion');

  // Back in the editor: the emptied title is still what the field shows (nothing typed was dropped).
  await row.getByTestId('open-dossier').click();
  await expect(page.getByTestId('field-title')).toHaveValue('');
  await page.reload();
  await expect(page.getByTestId('field-title')).toHaveValue('');
  await expect(page.getByTestId('field-indication')).toHaveValue('Solid tumours with NTRK fusion');

  // From another section, the header's button takes the keyboard to the title.
  await page.getByTestId('section-pico').click();
  await page.getByTestId('go-to-title').click();
  await expect(page.getByTestId('field-title')).toBeFocused();
  await page.keyboard.type('NTRK fusion testing');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('field-title')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('header-dossier-title')).toHaveText('NTRK fusion testing');
});

test('an emptied title blocks export with a reason instead of exporting the old title silently', async ({ page }) => {
  await openLibrary(page);
  await createDossier(page, 'BRCA testing in ovarian cancer');
  await page.getByTestId('field-title').fill('   ');
  await expect(page.getByTestId('save-state')).toHaveText('Title not saved');
  await page.getByTestId('editor-export').click();
  await expect(page.getByTestId('toast')).toContainText('the title is empty or too long');
});

test('evidence needs a citation; an older item without one still opens, marked', async ({ page }) => {
  await openLibrary(page);
  // A dossier file whose first evidence item has no citation (allowed by the file format).
  const exported = await exportFromLibrary(page, exampleTitle);
  const file = JSON.parse(exported.text) as { dossier: { evidence: { citation: string }[] } };
  const itemCount = file.dossier.evidence.length;
  file.dossier.evidence[0]!.citation = '';
  await importFile(page, exported.name, JSON.stringify(file));
  await page.getByTestId('conflict-copy').click();
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
  await page.getByTestId('section-evidence').click();
  await expect(page.getByTestId('evidence-row')).toHaveCount(itemCount);
  const marked = page.getByTestId('evidence-row').first();
  await expect(marked).toHaveAttribute('data-problem', 'citation-missing');
  await expect(marked.getByTestId('citation-missing-badge')).toHaveText('Citation missing');
  await expect(page.getByTestId('citation-missing-badge')).toHaveCount(1);
  await expect(marked.getByRole('button', { name: 'Edit No citation' })).toBeVisible();

  // A new item without a citation is refused at the citation field; what was typed stays in the dialog.
  await page.getByTestId('add-evidence').click();
  await page.getByTestId('evidence-n').fill('120');
  await page.getByTestId('evidence-save').click();
  const citation = page.getByTestId('evidence-citation');
  await expect(citation).toHaveAttribute('aria-invalid', 'true');
  await expect(citation).toBeFocused();
  const describedBy = await citation.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('Enter the citation');
  await expect(page.getByTestId('evidence-n')).toHaveValue('120');
  await expect(page.getByTestId('evidence-row')).toHaveCount(itemCount);
  await citation.fill('Smith J, et al. ctDNA NGS in NSCLC. J Thorac Oncol. 2024.');
  await page.getByTestId('evidence-save').click();
  await expect(page.getByTestId('evidence-dialog')).toHaveCount(0);
  await expect(page.getByTestId('evidence-row')).toHaveCount(itemCount + 1);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
});

test('a deleted dossier waits in Recently deleted across restarts, and comes back by keyboard', async ({ page }) => {
  await openLibrary(page);
  const row = page.getByTestId('library-row').filter({ hasText: exampleTitle });
  await libraryRowAction(row, 'delete-dossier');
  await expect(page.getByTestId('delete-dialog')).toContainText('Recently deleted');
  await expect(page.getByTestId('delete-dialog')).toContainText('30 days');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('toast')).toContainText('Recently deleted');
  await expect(page.getByTestId('library-empty')).toBeVisible();
  const bin = page.getByTestId('recently-deleted');
  await expect(bin.getByRole('heading', { name: 'Recently deleted' })).toBeVisible();
  await expect(bin.getByTestId('recently-deleted-row')).toHaveCount(1);
  await expect(bin.getByTestId('recently-deleted-row')).toContainText(exampleTitle);

  // A restart no longer purges it.
  await page.reload();
  await expect(page.getByTestId('recently-deleted-row')).toHaveCount(1);
  expect(await axeViolations(page, { impacts: ['serious', 'critical'], alsoRules: ['aria-allowed-role'] }), 'axe on the library with Recently deleted').toEqual([]);

  // Restore, by keyboard: the button is reachable and named after the dossier.
  const restore = page.getByRole('button', { name: `Restore ${exampleTitle}` });
  await restore.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('recently-deleted')).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText('Restored');
  // Its contents came back whole: the evidence register is there.
  await page.getByTestId('library-row').getByTestId('open-dossier').click();
  await page.getByTestId('section-evidence').click();
  await expect(page.getByTestId('evidence-row').first()).toBeVisible();
});

test('Delete permanently and Empty ask first, and backups leave deleted dossiers out', async ({ page }) => {
  await openLibrary(page);
  await createDossier(page, 'Kept dossier');
  await page.getByTestId('nav-library').click();
  await createDossier(page, 'Second deleted dossier');
  await page.getByTestId('nav-library').click();
  for (const title of [exampleTitle, 'Second deleted dossier']) {
    await libraryRowAction(page.getByTestId('library-row').filter({ hasText: title }), 'delete-dossier');
    await page.getByTestId('confirm-ok').click();
  }
  await expect(page.getByTestId('recently-deleted-row')).toHaveCount(2);

  // A backup holds the live dossier only (as before Recently deleted existed).
  const backup = JSON.parse((await backUpWorkspace(page)).text) as { dossiers: { title: string }[] };
  expect(backup.dossiers.map((d) => d.title)).toEqual(['Kept dossier']);

  // Delete permanently: Cancel keeps it; confirming removes it.
  const exampleRow = page.getByTestId('recently-deleted-row').filter({ hasText: exampleTitle });
  await exampleRow.getByRole('button', { name: `Delete permanently: ${exampleTitle}` }).click();
  const dialog = page.getByTestId('recently-deleted-remove-dialog');
  await expect(dialog).toContainText('cannot be undone');
  await dialog.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('recently-deleted-row')).toHaveCount(2);
  await exampleRow.getByTestId('recently-deleted-remove').click();
  await page.getByTestId('recently-deleted-remove-dialog').getByTestId('confirm-ok').click();
  await expect(page.getByTestId('recently-deleted-row')).toHaveCount(1);
  // The keyboard stays in the card.
  await expect(page.getByRole('heading', { name: 'Recently deleted' })).toBeFocused();

  // Empty: asks, then removes the rest.
  await page.getByTestId('recently-deleted-empty').click();
  await expect(page.getByTestId('recently-deleted-empty-dialog')).toContainText('1 dossier');
  await page.getByTestId('recently-deleted-empty-dialog').getByTestId('confirm-ok').click();
  await expect(page.getByTestId('recently-deleted')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('recently-deleted')).toHaveCount(0);
});

async function chooseLanguage(page: Page, locale: string) {
  await page.goto('/');
  await page.getByTestId('display-language').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

test('a restored safety backup’s time is written in the display language’s format (fr-BE)', async ({ page }) => {
  await chooseLanguage(page, 'fr-BE');
  const backupText = (await backUpWorkspace(page)).text;
  await page.getByTestId('restore-workspace').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-confirm-dialog').getByTestId('confirm-ok').click();
  await (await chooser).setFiles({ name: 'equipe.htabackup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
  await page.getByTestId('restored-dialog').getByRole('button', { name: 'Fermer', exact: true }).click();
  const safety = page.getByTestId('safety-backup-row');
  await expect(safety).toHaveCount(1);
  const made = (await safety.locator('td').first().innerText()).trim();
  await safety.getByTestId('safety-backup-restore').click();
  await page.getByTestId('safety-restore-dialog').getByTestId('confirm-ok').click();
  await page.getByTestId('restored-dialog').getByRole('button', { name: 'Fermer', exact: true }).click();
  await expect(safety).toHaveCount(2);
  // The newest reason names the restored backup by its time, as the "Made" column writes it in French.
  const reason = safety.first().locator('td').nth(1);
  await expect(reason).toContainText(`Avant la restauration de la sauvegarde de sécurité du ${made}`);
  expect(await reason.innerText()).not.toMatch(/AM|PM|\dT\d/);
});

test('the ignored columns of imported PSA draws are worded in the display language (nl-BE)', async ({ page }) => {
  await chooseLanguage(page, 'nl-BE');
  await page.goto('/#/psa-results');
  const csv = ['"",sim,age,c_A,e_A,c_B,e_B,p_resp', '"1",1,60,100,1.1,150,1.3,0.4', '"2",2,60,110,1.0,160,1.2,0.5', '"3",3,60,90,1.2,140,1.4,0.45', '"4",4,60,95,1.15,155,1.25,0.42'].join('\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-draws-file').click();
  await (await chooser).setFiles({ name: 'trekkingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const ignored = page.getByTestId('draws-ignored-columns');
  await expect(ignored).toHaveText('Kolommen die niet als parameter worden gebruikt: kolom 1 (rijnamen); sim (trekkingsnummer); age (gelijk in elke trekking).');
});

/** Closes every toast, so a screenshot shows the screen under them. */
async function dismissToasts(page: Page) {
  const close = page.locator('.toast-close');
  while ((await close.count()) > 0) await close.first().click();
}

test('screenshots of the changed screens at 1440×900 and 1024×640', async ({ page }) => {
  const sizes = [
    [1440, 900],
    [1024, 640],
  ] as const;
  await openLibrary(page);
  await createDossier(page, 'Tumour-agnostic NTRK testing');
  await page.getByTestId('field-title').fill('');
  await expect(page.getByTestId('save-state')).toHaveText('Title not saved');
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${shots}/dossier-title-problem-${w}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('field-title').fill('Tumour-agnostic NTRK testing');
  await page.getByTestId('section-evidence').click();
  await page.getByTestId('add-evidence').click();
  await page.getByTestId('evidence-save').click();
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${shots}/evidence-citation-required-${w}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('evidence-dialog').getByRole('button', { name: 'Cancel' }).click();

  const exported = await (async () => {
    await page.getByTestId('nav-library').click();
    return exportFromLibrary(page, exampleTitle);
  })();
  const file = JSON.parse(exported.text) as { dossier: { evidence: { citation: string }[] } };
  file.dossier.evidence[1]!.citation = '';
  await importFile(page, exported.name, JSON.stringify(file));
  await page.getByTestId('conflict-copy').click();
  await page.getByTestId('section-evidence').click();
  await dismissToasts(page);
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${shots}/evidence-citation-missing-${w}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByTestId('nav-library').click();
  await libraryRowAction(page.getByTestId('library-row').filter({ hasText: 'Tumour-agnostic' }), 'delete-dossier');
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${shots}/library-delete-dialog-${w}.png` });
  }
  // Back to the wide window, where a row's Delete is a button of its own (below 1280 px it is in a menu).
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('confirm-ok').click();
  await libraryRowAction(page.getByTestId('library-row').filter({ hasText: '(imported copy)' }), 'delete-dossier');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('recently-deleted-row')).toHaveCount(2);
  await dismissToasts(page);
  await page.mouse.move(0, 0);
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByTestId('recently-deleted').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/library-recently-deleted-${w}.png` });
  }
  await page.getByTestId('recently-deleted-row').first().getByTestId('recently-deleted-remove').click();
  await page.screenshot({ path: `${shots}/library-delete-permanently-1024.png` });
});

for (const [locale, catalogue] of [
  ['fr-BE', fr],
  ['nl-BE', nl],
] as const) {
  test(`Recently deleted, the title problem and the citation marker show no English in ${locale}`, async ({ page }) => {
    await chooseLanguage(page, locale);
    // A dossier whose first evidence item has no citation, as an older file may hold.
    const exported = await exportFromLibrary(page, exampleTitle);
    const file = JSON.parse(exported.text) as { dossier: { evidence: { citation: string }[] } };
    file.dossier.evidence[0]!.citation = '';
    await importFile(page, exported.name, JSON.stringify(file));
    await page.getByTestId('conflict-copy').click();
    await page.getByTestId('field-title').fill('');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'title-problem');
    const data = [exampleTitle, `${exampleTitle} ${catalogue['common.importedCopySuffix']}`, await page.getByTestId('field-indication').inputValue()];
    const noEnglish = async (where: string) => {
      const text = (await uiText(page, ['textarea', '[data-testid="header-dossier-title"]'])).split('HTA Workbench').join(' ');
      expect(englishIn(text, catalogue), `English catalogue text on ${where}`).toEqual([]);
      expect(englishLinesIn(text, data), `English sentences on ${where}`).toEqual([]);
    };
    await noEnglish('the overview with an empty title');
    await page.getByTestId('section-evidence').click();
    await expect(page.getByTestId('citation-missing-badge')).toHaveText(catalogue['dossier.evidence.citationMissing']);
    await page.getByTestId('section-overview').click();
    await page.getByTestId('field-title').fill('Dossier');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

    await page.getByTestId('nav-library').click();
    await libraryRowAction(page.getByTestId('library-row').filter({ hasText: exampleTitle }), 'delete-dossier');
    await expect(page.getByTestId('delete-dialog')).toContainText(catalogue['library.bin.title']);
    await page.getByTestId('confirm-ok').click();
    await dismissToasts(page);
    await expect(page.getByTestId('recently-deleted-row')).toHaveCount(1);
    await noEnglish('the library with Recently deleted');
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByTestId('recently-deleted').scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${shots}/library-recently-deleted-1024-${locale}.png` });
  });
}
