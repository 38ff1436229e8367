import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { en } from '../../src/report/i18n/messages-en';
import { fr } from '../../src/report/i18n/messages-fr';
import { nl } from '../../src/report/i18n/messages-nl';
import { englishIn, uiText } from './language-check';

// Issue 19 acceptance: the liquid-biopsy model compared across Belgium, England, the Netherlands and Denmark; the
// optimal strategy differs where thresholds differ; the screen in French and Dutch shows no English catalogue text;
// the report exports in Dutch with the country comparison.
const dir = 'test-results/screenshots';

async function addTestRate(page: Page) {
  await page.getByTestId('add-rate').click();
  await page.getByTestId('rate-from-0').fill('GBP');
  await page.getByTestId('rate-to-0').fill('EUR');
  // A round test value typed by the test, not market data.
  await page.getByTestId('rate-value-0').fill('1.15');
  await page.getByTestId('rate-source-0').fill('test value');
  await page.getByTestId('save-rates').click();
}

test('compare the liquid-biopsy model across Belgium, England, the Netherlands and Denmark', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await page.goto('/#/countries');
  await expect(page.getByTestId('countries-screen')).toBeVisible();
  for (const id of ['BE-KCE', 'GB-NICE', 'NL-ZIN', 'DK-MEDICINRAADET']) await expect(page.getByTestId(`profile-${id}`)).toBeChecked();
  await expect(page.getByTestId('profiles-table').locator('thead th')).toHaveCount(5);
  await addTestRate(page);
  await page.getByTestId('run-countries').click();
  await expect(page.getByTestId('countries-results')).toBeVisible();

  // England (£20,000 at 1 GBP = 1.15 EUR) and the Netherlands (€80,000) each have an optimal strategy; they differ.
  const england = (await page.getByTestId('optimal-GB-NICE').innerText()).trim();
  const netherlands = (await page.getByTestId('optimal-NL-ZIN').innerText()).trim();
  expect(england).not.toBe('—');
  expect(netherlands).not.toBe('—');
  expect(england).not.toBe(netherlands);
  // Belgium and Denmark: no threshold in their profiles, so no optimal strategy, said in words.
  await expect(page.getByTestId('optimal-BE-KCE')).toHaveText('—');
  await expect(page.getByTestId('detail-DK-MEDICINRAADET')).toContainText(en['problem.noThresholdKnown']);
  await expect(page.getByTestId('detail-GB-NICE')).toContainText('1 EUR = 0.869565 GBP');
  // The chart names each country's optimal strategy in its description and draws one bar per strategy and country.
  const chart = page.getByTestId('countries-chart').locator('svg');
  await expect(chart.locator('desc')).toContainText(`England: ${england}`);
  await expect(chart.locator('desc')).toContainText(`Netherlands: ${netherlands}`);

  await page.mouse.move(0, 0);
  await page.getByTestId('profiles-table').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${dir}/countries-profiles-1440.png` });
  await page.getByTestId('countries-results').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${dir}/countries-results-1440.png` });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.screenshot({ path: `${dir}/countries-results-1024.png` });

  for (const [locale, catalogue, heading] of [['fr-BE', fr, fr['countries.title']], ['nl-BE', nl, nl['countries.title']]] as const) {
    await page.getByTestId('display-language').selectOption(locale);
    await expect(page.getByTestId('header-title')).toHaveText(heading);
    expect(englishIn(await uiText(page), catalogue), `English text on the ${locale} screen`).toEqual([]);
    await page.screenshot({ path: `${dir}/countries-1024-${locale}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.mouse.move(0, 0);
  await page.getByTestId('countries-results').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: `${dir}/countries-results-1440-nl.png` });
});

test('the report exports in Dutch with the country comparison', async ({ page }) => {
  await page.goto('/#/countries');
  await addTestRate(page);
  await page.getByTestId('run-countries').click();
  await expect(page.getByTestId('countries-results')).toBeVisible();
  await page.getByTestId('display-language').selectOption('nl-BE');
  await page.getByTestId('nav-library').click();
  await page.getByTestId('library-row').filter({ hasText: 'Plasma ctDNA' }).getByTestId('open-dossier').click();
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-locale')).toHaveValue('nl-BE');
  const preview = page.getByTestId('report-preview');
  await expect(preview).toContainText(nl['report.section.countries'], { timeout: 30000 });
  await expect(preview).toContainText(nl['report.countries.methodsTitle']);
  // The report screen's own text and the catalogued report parts (title page, About this report, methods) in Dutch.
  await expect(page.getByTestId('header-title-report')).toHaveText(nl['reportPage.crumb']);
  expect(englishIn(await uiText(page), nl), 'English text on the Dutch report screen').toEqual([]);
  const catalogued = await page.evaluate(() => ['.title-page', '#sec-front', '#sec-scope', '#sec-methods', '#sec-limitations'].map((s) => (document.querySelector(s) as HTMLElement).innerText).join('\n'));
  expect(catalogued).toContain(nl['report.front.provenance']);
  expect(catalogued).toContain(nl['report.methods.parameters']);
  const englishHeadings = ['Provenance', 'Funding and conflicts of interest', 'Model type and structure', 'Strategies compared', 'Horizon, cycles, discounting and currency', 'Report date', 'PICO questions', 'Engine warnings'];
  expect(englishHeadings.filter((h) => catalogued.split('\n').some((line) => line.trim() === h || line.endsWith(` ${h}`)))).toEqual([]);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${dir}/report-nl-1440.png` });
  const download = page.waitForEvent('download');
  await page.getByTestId('report-export-html').click();
  const html = readFileSync((await (await download).path())!, 'utf8');
  for (const key of ['report.section.countries', 'report.section.results', 'report.countries.summaryCaption'] as const) expect(html).toContain(nl[key]);
  expect(html).not.toContain(en['report.section.countries']);
  expect(html).toContain('<html lang="nl-BE">');
  for (const key of ['report.front.provenance', 'report.methods.settings', 'report.contents', 'report.info.assessors'] as const) expect(html).toContain(nl[key]);

  // The same screen in French.
  await page.getByTestId('display-language').selectOption('fr-BE');
  await expect(page.getByTestId('header-title-report')).toHaveText(fr['reportPage.crumb']);
  expect(englishIn(await uiText(page), fr), 'English text on the French report screen').toEqual([]);
});
