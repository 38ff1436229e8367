import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { screenshot } from './journeys';
import { fr } from '../../src/report/i18n/messages-fr';
import { nl } from '../../src/report/i18n/messages-nl';
import type { Catalogue } from '../../src/report/i18n/translate';
import { englishIn, englishLinesIn, uiText } from './language-check';

// Issue 19 (languages): problems with files the user opens — a broken dossier file (schema problems, a syntax
// error, a truncated file, a backup opened as a dossier, a newer version), a dossier file given as a backup, and a
// broken model file (JSON and schema problems with a porting hint) — are worded in French and in Dutch. The paths
// into the file (dossier.title, parameters[0].value) are data and stay as they are.

/**
 * The open problems dialog's text, one line per block, without the paths into the file (data); with the library
 * screen behind it (the models screen behind its dialog lists bundled examples' titles, data checked elsewhere).
 */
async function shownText(page: Page, withScreen: boolean): Promise<string> {
  const dialog = page.locator('dialog[open][data-testid="problems-dialog"]');
  const lines = await dialog.locator('h2, p, [data-testid="problem"] > span:not(.problem-path), button').allInnerTexts();
  return [withScreen ? await uiText(page, ['dialog']) : '', ...lines].join('\n');
}

async function expectNoEnglish(page: Page, catalogue: Catalogue, where: string, withScreen = true) {
  const text = await shownText(page, withScreen);
  if (process.env.DEBUG_TEXT) console.log(`==== ${where}\n${text}`);
  expect(englishIn(text, catalogue), `untranslated catalogue text on ${where}`).toEqual([]);
  expect(englishLinesIn(text), `English lines on ${where}`).toEqual([]);
}

const shot = (page: Page, name: string, locale: string) => screenshot(page, `language-file-problems-${name}-${locale}`);

async function exportExample(page: Page): Promise<string> {
  const row = page.getByTestId('library-row').first();
  const downloadPromise = page.waitForEvent('download');
  await row.getByTestId('export-dossier').click();
  return readFile(await (await downloadPromise).path(), 'utf8');
}

async function chooseFile(page: Page, button: string, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(button).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
}

async function closeDialog(page: Page, catalogue: Catalogue) {
  await page.getByTestId('problems-dialog').getByRole('button', { name: catalogue['shell.close'], exact: true }).click();
  await expect(page.locator('dialog[open][data-testid="problems-dialog"]')).toHaveCount(0);
}

const brokenModel = {
  format: 'hta-workbench-model',
  version: 1,
  metadata: { title: 'Broken' },
  settings: { cycles: 'ten', effect: 'life-years', colour: 'red' },
  parameters: [{ id: 'p', value: [0.1, 0.2, 0.3] }, { id: 'q', value: true }],
  model: { type: 'markov', states: [{ id: 'A' }, { id: 'D', dead: true }], initial: { A: 1 }, transitions: [{ from: 'A', to: 'A', probability: 'C' }, { from: 'A', to: 'D', probability: 'p' }] },
  strategies: [{ id: 's', transitionValues: [] }],
};

test.describe.configure({ timeout: 90000 });

for (const [locale, catalogue] of [['fr-BE', fr], ['nl-BE', nl]] as const) {
  test(`problems with opened dossier, backup and model files in ${locale}`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await page.getByTestId('display-language').selectOption(locale);
    await expect(page.getByTestId('library-row')).toHaveCount(1);
    const exported = await exportExample(page);

    // Several schema problems at once: a wrong type, a proportion out of range (and above the estimate), an unknown
    // field, a missing field, a value not among the allowed ones, an id with a space.
    const file = JSON.parse(exported);
    file.dossier.title = 42;
    file.dossier.evidence[0].sensitivity = { estimate: 0.7, lower: 1.5, upper: 0.8 };
    file.dossier.evidence[1].id = 'ev 2';
    file.dossier.colour = 'red';
    delete file.dossier.createdAt;
    file.dossier.status = 'done';
    await chooseFile(page, 'import-dossier', 'invalid.htad.json', JSON.stringify(file));
    const dialog = page.getByTestId('problems-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('problem')).toHaveCount(7);
    await expect(dialog.getByTestId('problem').filter({ hasText: 'dossier.evidence[0].sensitivity.lower' }).first()).toContainText(locale === 'fr-BE' ? 'nombre entre 0 et 1 attendu' : 'getal tussen 0 en 1 verwacht');
    await expect(dialog.getByTestId('problem').filter({ hasText: 'dossier.title' })).toContainText(locale === 'fr-BE' ? 'attendu : un texte ; trouvé : le nombre 42' : 'verwacht: een tekst, gevonden: het getal 42');
    await expectNoEnglish(page, catalogue, 'a dossier file with seven problems');
    await shot(page, 'dossier-1440', locale);
    await page.setViewportSize({ width: 1024, height: 640 });
    await shot(page, 'dossier-1024', locale);
    await page.setViewportSize({ width: 1440, height: 900 });
    await closeDialog(page, catalogue);

    // Files that are not dossier files of this version, or not JSON at all.
    const broken: [string, string][] = [
      ['a syntax error', exported.replace('"format": "hta-workbench-dossier",', '"format": "hta-workbench-dossier"')],
      ['a truncated file', exported.slice(0, 200)],
      ['a backup', '{"format": "hta-workbench-backup", "version": 3}'],
      ['a newer version', exported.replace(/"version": \d+/, '"version": 99')],
      ['a duplicate key', exported.replace('"dossier": {', '"dossier": {\n "title": "x",')],
    ];
    for (const [what, text] of broken) {
      await chooseFile(page, 'import-dossier', 'broken.htad.json', text);
      await expect(dialog).toBeVisible();
      await expectNoEnglish(page, catalogue, what);
      await closeDialog(page, catalogue);
    }

    // A dossier file given as a backup to restore.
    await page.getByTestId('restore-workspace').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('restore-confirm-dialog').getByTestId('confirm-ok').click();
    await (await chooser).setFiles({ name: 'dossier.htad.json', mimeType: 'application/json', buffer: Buffer.from(exported, 'utf8') });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('problem')).toContainText(locale === 'fr-BE' ? '« Importer un dossier »' : '‘Dossier importeren’');
    await expectNoEnglish(page, catalogue, 'a dossier file given as a backup');
    await closeDialog(page, catalogue);
    await expect(page.getByTestId('library-row')).toHaveCount(1);

    // A model file: schema problems (with the porting hints) and, separately, a syntax error.
    await page.getByTestId('nav-models').click();
    await chooseFile(page, 'open-model-file', 'broken.json', JSON.stringify(brokenModel, null, 2));
    const modelDialog = page.getByTestId('models-page').getByTestId('problems-dialog');
    await expect(modelDialog).toBeVisible();
    await expect(modelDialog.getByTestId('problem')).toHaveCount(5);
    await expect(modelDialog.getByTestId('problem').filter({ hasText: 'parameters[0].value' })).toContainText(locale === 'fr-BE' ? 'table de correspondance' : 'opzoektabel');
    await expectNoEnglish(page, catalogue, 'a model file with five problems', false);
    await shot(page, 'model-1440', locale);
    await page.setViewportSize({ width: 1024, height: 640 });
    await shot(page, 'model-1024', locale);
    await page.setViewportSize({ width: 1440, height: 900 });
    await modelDialog.getByRole('button', { name: catalogue['shell.close'], exact: true }).click();

    await chooseFile(page, 'open-model-file', 'broken.json', '{\n  "format": "hta-workbench-model",\n  "version": 1,\n  "metadata": {"title": "x"}}\n}');
    await expect(modelDialog).toBeVisible();
    await expect(modelDialog.getByTestId('problem')).toContainText(locale === 'fr-BE' ? 'ligne 5, colonne 1' : 'regel 5, kolom 1');
    await expectNoEnglish(page, catalogue, 'a model file with a syntax error', false);
    await modelDialog.getByRole('button', { name: catalogue['shell.close'], exact: true }).click();
    await expect(page.getByTestId('no-workspace-models')).toBeVisible();
  });
}
