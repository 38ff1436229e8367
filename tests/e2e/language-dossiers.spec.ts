import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { fr } from '../../src/report/i18n/messages-fr';
import { nl } from '../../src/report/i18n/messages-nl';
import type { Catalogue } from '../../src/report/i18n/translate';
import { englishIn, englishLinesIn, uiText } from './language-check';

// Issue 19 (languages): the dossier library, the new-dossier dialog, every section of the dossier editor and the
// Survival screen with a fit show no English in French and in Dutch. What the bundled example typed (its title,
// model names, snapshot names) is data and stays as typed.
const dir = 'test-results/screenshots';
const exampleTitle = 'Plasma ctDNA NGS (liquid biopsy)';
const locales = [
  ['fr-BE', fr],
  ['nl-BE', nl],
] as const;
const sections = ['overview', 'technology', 'pico', 'cur', 'tec', 'saf', 'eff', 'eco', 'eth', 'org', 'soc', 'leg', 'evidence', 'accuracy', 'assessors', 'models', 'reporting', 'history', 'snapshots'];

test.beforeAll(() => mkdirSync(dir, { recursive: true }));

/** Text typed by the bundled example or the user on this page: titles and names as they are shown. */
async function shownData(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = new Set<string>();
    document.querySelectorAll('[data-testid="header-dossier-title"], [data-testid="open-dossier"], [data-testid="model-link-row"] td:first-child, .type-label + *').forEach((n) => texts.add((n as HTMLElement).innerText.trim()));
    // Field values (what a textarea holds is part of the page's text).
    document.querySelectorAll('textarea').forEach((n) => texts.add(n.value.trim()));
    return [...texts].filter((t) => t !== '');
  });
}

/** Proper names that hold English words ("Model") and are the same in every language. */
const properNames = ['HTA Core Model', 'Core Model', 'Kaplan–Meier', 'HTA Workbench'];
const withoutProperNames = (text: string) => properNames.reduce((t, name) => t.split(name).join(' '), text);

async function expectNoEnglish(page: Page, catalogue: Catalogue, where: string) {
  // What fields hold is the dossier's own text.
  // Not checked here: the imported-PSA card of the model links (the PSA results screens' own spec checks it).
  const text = withoutProperNames(await uiText(page, ['textarea', '[data-testid="imported-psa-card"]']));
  expect(englishIn(text, catalogue), `English catalogue text on ${where}`).toEqual([]);
  expect(englishLinesIn(text, [exampleTitle, ...(await shownData(page))]), `English sentences on ${where}`).toEqual([]);
}

async function chooseLanguage(page: Page, locale: string) {
  await page.getByTestId('display-language').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

for (const [locale, catalogue] of locales) {
  test(`library, new-dossier dialog and every editor section in ${locale}`, async ({ page }) => {
    await page.goto('/');
    await chooseLanguage(page, locale);
    await expect(page.getByTestId('library-row').first()).toBeVisible();
    await expect(page.getByTestId('library-page').locator('h1')).toHaveText(catalogue['nav.library']);
    await expectNoEnglish(page, catalogue, 'the library');
    await page.screenshot({ path: `${dir}/language-library-1440-${locale}.png` });

    await page.getByTestId('new-dossier').click();
    await expect(page.getByTestId('new-dossier-dialog')).toBeVisible();
    await page.getByTestId('create-dossier').click();
    await expect(page.getByTestId('new-dossier-dialog')).toContainText(catalogue['library.titleRequired']);
    expect(englishIn(withoutProperNames(await page.getByTestId('new-dossier-dialog').innerText()), catalogue)).toEqual([]);
    await page.screenshot({ path: `${dir}/language-new-dossier-${locale}.png` });
    await page.keyboard.press('Escape');

    await page.getByTestId('library-row').filter({ hasText: exampleTitle }).getByTestId('open-dossier').click();
    await expect(page.getByTestId('dossier-editor')).toBeVisible();
    await expect(page.getByTestId('save-state')).toHaveText(catalogue['dossier.save.saved']);
    for (const section of sections) {
      await page.getByTestId(`section-${section}`).click();
      await expect(page.getByTestId(`panel-${section}`)).toBeVisible();
      if (section === 'accuracy') await expect(page.getByTestId('accuracy-results')).not.toContainText(catalogue['accuracy.fitting'].replace(/\{\w+\}.*/, ''), { timeout: 20_000 });
      await expectNoEnglish(page, catalogue, `the ${section} section`);
      if (['overview', 'cur', 'evidence', 'accuracy', 'reporting'].includes(section)) await page.screenshot({ path: `${dir}/language-editor-${section}-1440-${locale}.png`, fullPage: false });
    }
    // A snapshot made here shows in the list and in the history.
    await page.getByTestId('section-snapshots').click();
    await page.getByTestId('snapshot-name').fill('Scoping');
    await page.getByTestId('snapshot-create').click();
    await expect(page.getByTestId('snapshot-row')).toHaveCount(1);
    await expectNoEnglish(page, catalogue, 'the snapshots with one snapshot');

    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByTestId('section-cur').click();
    await page.screenshot({ path: `${dir}/language-editor-cur-1024-${locale}.png` });
    await page.getByTestId('section-overview').click();
    await page.screenshot({ path: `${dir}/language-editor-overview-1024-${locale}.png` });
  });

  test(`the Survival screen with a fit in ${locale}`, async ({ page }) => {
    await page.goto('/#/survival');
    await chooseLanguage(page, locale);
    await expect(page.getByTestId('survival-page')).toBeVisible();
    await expectNoEnglish(page, catalogue, 'the empty Survival screen');
    await page.getByTestId('example-ovarian').click();
    await expect(page.getByTestId('fit-row')).toHaveCount(6);
    await expect(page.getByTestId('chosen-fit')).toBeVisible();
    await expectNoEnglish(page, catalogue, 'the Survival screen with fits');
    await page.getByTestId('source-digitised').click();
    await page.getByTestId('digitised-example').click();
    await page.getByTestId('rebuild').click();
    await expect(page.getByTestId('reconstruction-card')).toBeVisible();
    await expect(page.getByTestId('fit-row')).toHaveCount(6);
    await expectNoEnglish(page, catalogue, 'the Survival screen with rebuilt data');
    await page.screenshot({ path: `${dir}/language-survival-1440-${locale}.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByTestId('fits-card').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/language-survival-1024-${locale}.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    // Problems with a chosen CSV file, worded in the display language (file and column names as typed).
    await page.getByTestId('source-patients').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('open-csv').click();
    await (await chooser).setFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('time;event\n1;x\n2;1\n') });
    await expect(page.getByTestId('fit-error')).toContainText(locale === 'fr-BE' ? 'ligne 2, colonne « event » : « x » n’est pas un nombre' : 'regel 2, kolom ‘event’: ‘x’ is geen getal');
    await expectNoEnglish(page, catalogue, 'a CSV file with a bad cell');
    const halfEvent = page.waitForEvent('filechooser');
    await page.getByTestId('open-csv').click();
    await (await halfEvent).setFiles({ name: 'half.csv', mimeType: 'text/csv', buffer: Buffer.from('time;event\n1;0.5\n2;1\n') });
    await expect(page.getByTestId('fit-error')).toContainText(locale === 'fr-BE' ? '(trouvé : 0,5)' : '(gevonden: 0,5)');
    await expectNoEnglish(page, catalogue, 'a CSV file with an event of 0.5');
    const broken = page.waitForEvent('filechooser');
    await page.getByTestId('open-csv').click();
    await (await broken).setFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('time;event\n1;1;7\n') });
    await expect(page.getByTestId('load-error')).toContainText(locale === 'fr-BE' ? 'broken.csv : ligne 2 : 3 champs, mais l’en-tête en compte 2' : 'broken.csv: regel 2: 3 velden, maar de kopregel heeft er 2');
    await expectNoEnglish(page, catalogue, 'a CSV file that cannot be read');
  });
}
