import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { fr } from '../../src/report/i18n/messages-fr';
import { nl } from '../../src/report/i18n/messages-nl';
import type { Catalogue } from '../../src/report/i18n/translate';
import { englishIn, englishLinesIn, uiText } from './language-check';

// Issue 19 (languages): the version of a model and the snapshot of a dossier that the workbench keeps before a
// restore are named in English in the workspace ("Before restoring “…”"); the Versions tab, the snapshots section and
// their messages show that name in French and in Dutch. The names the user typed stay as typed.
const dir = 'test-results/screenshots';
const exampleTitle = 'Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC';
const modelTitle = 'Liquid biopsy (plasma ctDNA NGS) for first-line genotyping of advanced non-squamous NSCLC';
const locales = [
  ['fr-BE', fr],
  ['nl-BE', nl],
] as const;

test.beforeAll(() => mkdirSync(dir, { recursive: true }));

async function chooseLanguage(page: Page, locale: string) {
  await page.goto('/');
  await page.getByTestId('display-language').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** What the bundled model typed (its title, strategy names), as the models' own language spec reads it. */
const modelData = ['[data-testid="model-title"]', '.strip-label', '.title-cell', '.save-state', '[data-testid="runs-table"] .subtle', '[data-testid="linked-dossier"] a'];

async function expectNoEnglish(page: Page, catalogue: Catalogue, within: string, data: string[], where: string) {
  const text = data.reduce((all, d) => all.split(d).join(' '), await uiText(page, modelData));
  expect(englishIn(text, catalogue), `English catalogue text on ${where}`).toEqual([]);
  expect(englishLinesIn(text, data), `English sentences on ${where}`).toEqual([]);
  // The automatic names are inside data containers: check them by their own text.
  expect(await page.getByTestId(within).innerText(), `an automatic name in English on ${where}`).not.toContain('Before restoring');
}

for (const [locale, catalogue] of locales) {
  const french = locale === 'fr-BE';
  const kept = (name: string) => (french ? `Avant la restauration de « ${name} »` : `Vóór het terugzetten van ‘${name}’`);

  test(`the version kept before restoring a model version, in ${locale}`, async ({ page }) => {
    await chooseLanguage(page, locale);
    await page.goto('/#/models');
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
    await expect(page.getByTestId('base-case-strip')).toHaveAttribute('aria-busy', 'false');
    await page.getByTestId('save-version').click();
    await page.getByTestId('version-name').fill('Cadrage');
    await page.getByTestId('save-version-ok').click();
    await expect(page.getByTestId('save-version-dialog')).toHaveCount(0);
    await page.getByTestId('param-input-c_plasma_ngs').fill('1500');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await page.getByTestId('model-tab-versions').click();
    await page.getByTestId('version-row').filter({ hasText: 'Cadrage' }).getByTestId('restore-version').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('version-row')).toHaveCount(2);
    await expect(page.getByTestId('version-row').first()).toContainText(kept('Cadrage'));
    await expect(page.getByTestId('compare-a').locator('option', { hasText: kept('Cadrage') })).toHaveCount(1);
    await expectNoEnglish(page, catalogue, 'versions-card', [modelTitle, 'Cadrage', kept('Cadrage'), 'Plasma NGS cost'], 'the Versions tab after a restore');
    await page.screenshot({ path: `${dir}/language-version-kept-1440-${locale}.png` });
  });

  test(`a version the user named like an automatic one stays as typed inside the one kept when it is restored, in ${locale}`, async ({ page }) => {
    const typed = 'Before restoring “Brouillon”';
    await chooseLanguage(page, locale);
    await page.goto('/#/models');
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
    await expect(page.getByTestId('base-case-strip')).toHaveAttribute('aria-busy', 'false');
    await page.getByTestId('save-version').click();
    await page.getByTestId('version-name').fill(typed);
    await page.getByTestId('save-version-ok').click();
    await expect(page.getByTestId('save-version-dialog')).toHaveCount(0);
    await page.getByTestId('param-input-c_plasma_ngs').fill('1500');
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await page.getByTestId('model-tab-versions').click();
    await expect(page.getByTestId('version-row').first()).toContainText(typed);
    await page.getByTestId('version-row').filter({ hasText: typed }).getByTestId('restore-version').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('version-row')).toHaveCount(2);
    // Before the fix the typed name was read as automatic: « Avant la restauration de « Brouillon » ».
    await expect(page.getByTestId('version-row').first()).toContainText(kept(typed));
    await expect(page.getByTestId('version-row').nth(1)).toContainText(typed);
    await page.screenshot({ path: `${dir}/language-version-typed-kept-1440-${locale}.png` });
  });

  test(`the snapshot kept before restoring a dossier snapshot, in ${locale}`, async ({ page }) => {
    await chooseLanguage(page, locale);
    await page.getByTestId('library-row').filter({ hasText: exampleTitle }).getByTestId('open-dossier').click();
    await expect(page.getByTestId('dossier-editor')).toBeVisible();
    await page.getByTestId('section-snapshots').click();
    await page.getByTestId('snapshot-name').fill('Cadrage');
    await page.getByTestId('snapshot-create').click();
    await expect(page.getByTestId('snapshot-row')).toHaveCount(1);
    await page.getByTestId('snapshot-row').getByTestId('snapshot-restore').click();
    await page.getByTestId('snapshot-restore-dialog').getByTestId('confirm-ok').click();
    await expect(page.getByTestId('snapshot-row')).toHaveCount(2);
    await expect(page.getByTestId('snapshot-row').filter({ hasText: kept('Cadrage') })).toHaveCount(1);
    await expectNoEnglish(page, catalogue, 'panel-snapshots', ['Cadrage', kept('Cadrage'), exampleTitle], 'the snapshots after a restore');
    await page.screenshot({ path: `${dir}/language-snapshot-kept-1440-${locale}.png` });
  });
}
