import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { fr } from '../../src/report/i18n/messages-fr';
import { nl } from '../../src/report/i18n/messages-nl';
import type { Catalogue } from '../../src/report/i18n/translate';
import { englishIn, englishLinesIn, uiText } from './language-check';

// Issue 19 (languages): rebuilding patient data from a digitised Kaplan–Meier curve on the Survival screen shows its
// problems (in the curve, in the numbers at risk, in the reconstruction) and its notes in French and Dutch, numbers in
// the reader's format, and no English.
const dir = 'test-results/screenshots';
const locales = [
  ['fr-BE', fr],
  ['nl-BE', nl],
] as const;

test.beforeAll(() => mkdirSync(dir, { recursive: true }));

async function expectNoEnglish(page: Page, catalogue: Catalogue, where: string) {
  // What the text areas hold is the user's input; Kaplan–Meier is a proper name.
  const text = (await uiText(page, ['textarea'])).split('Kaplan–Meier').join(' ');
  expect(englishIn(text, catalogue), `English catalogue text on ${where}`).toEqual([]);
  expect(englishLinesIn(text, []), `English sentences on ${where}`).toEqual([]);
}

async function rebuildWith(page: Page, curve: string, atRisk: string, events = '') {
  await page.getByTestId('digitised-curve').fill(curve);
  await page.getByTestId('digitised-at-risk').fill(atRisk);
  await page.getByTestId('digitised-events').fill(events);
  await page.getByTestId('rebuild').click();
}

for (const [locale, catalogue] of locales) {
  const french = locale === 'fr-BE';
  test(`digitised-curve problems and notes in ${locale}`, async ({ page }) => {
    await page.goto('/#/survival');
    await page.getByTestId('display-language').selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await page.getByTestId('source-digitised').click();
    const error = page.getByTestId('rebuild-error');

    // A risk table that does not start at time 0 (the number in the reader's format).
    await rebuildWith(page, '0,1\n1,0.9\n2,0.8\n', '1.5,30\n');
    await expect(error).toHaveText(
      french
        ? 'reconstruction : le tableau des sujets à risque doit commencer au temps 0 avec le nombre de patients (il commence à 1,5)'
        : 'reconstructie: de tabel met aantallen at risk moet op tijd 0 beginnen met het aantal patiënten (ze begint op 1,5)',
    );
    await expectNoEnglish(page, catalogue, 'a risk table not starting at 0');
    await page.screenshot({ path: `${dir}/language-rebuild-error-1440-${locale}.png` });

    // Numbers at risk that rise.
    await rebuildWith(page, '0,1\n1,0.9\n2,0.8\n', '0,30\n1,40\n');
    await expect(error).toContainText(french ? '40 sujets à risque au temps 1' : '40 at risk op tijd 1');
    await expectNoEnglish(page, catalogue, 'numbers at risk that rise');

    // A headerless risk table with a third column the reader numbered, and a short line.
    await rebuildWith(page, '0,1\n1,0.9\n2,0.8\n', '0,30,1\n1,28\n');
    await expect(error).toContainText(french ? '(time, n_risk, colonne 3)' : '(time, n_risk, kolom 3)');
    await expectNoEnglish(page, catalogue, 'a headerless risk table with a short line');

    // A bad cell in the curve; more events than patients.
    await rebuildWith(page, '0,1\n1,x\n', '0,30\n');
    await expect(error).toContainText(french ? 'courbe numérisée : ligne 2' : 'gedigitaliseerde curve: regel 2');
    await rebuildWith(page, '0,1\n1,0.9\n2,0.8\n', '0,30\n', '31');
    await expect(error).toContainText(french ? 'de 0 à 30 (trouvé : 31)' : 'van 0 tot 30 zijn (gevonden: 31)');
    await expectNoEnglish(page, catalogue, 'more events than patients');

    // A curve in percent that rises once: rebuilt, with notes.
    await rebuildWith(page, '0,100\n1,90\n2,95\n3,80\n4,70\n5,62\n6,55\n8,45\n10,38\n12,30\n', '0,40\n4,26\n8,15\n');
    await expect(error).toHaveCount(0);
    const card = page.getByTestId('reconstruction-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText(french ? 'lues comme des pourcentages' : 'als percentages gelezen');
    await expect(card).toContainText(french ? 'la survie ne peut pas augmenter' : 'de overleving kan niet stijgen');
    await expect(page.getByTestId('fit-row')).toHaveCount(6, { timeout: 30_000 });
    await expectNoEnglish(page, catalogue, 'rebuilt data with notes');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/language-rebuild-notes-1440-${locale}.png` });
    await page.setViewportSize({ width: 1024, height: 640 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/language-rebuild-notes-1024-${locale}.png` });
  });
}
