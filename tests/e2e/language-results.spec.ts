import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { screenshotsAtBothSizes } from './journeys';
import { fr } from '../../src/report/i18n/messages-fr';
import { nl } from '../../src/report/i18n/messages-nl';
import type { Catalogue } from '../../src/report/i18n/translate';
import { englishIn, englishLinesIn, uiText } from './language-check';

// Issue 19 item 5: the analyses on screen in French and Dutch show no English. The liquid-biopsy example is run
// once (small runs: few PSA draws, a 3 × 3 two-way grid) with the screen in French: base case, diagnostic outcomes,
// tornado, threshold, two-way, PSA with CE plane, CEAC and EVPI, EVPPI, a scenario run and the budget impact; then
// every tab is checked again in Dutch, with the imported-PSA screen and the report page. Names typed in the model
// (strategies, parameters, scenarios) are data and stay as written.

const example = JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')) as {
  strategies: { id: string; label?: string }[];
  parameters: { id: string; label?: string }[];
  costCategories?: { id: string; label?: string }[];
  scenarios?: { label?: string; description?: string }[];
  budgetImpact?: { label?: string; country?: string; perspective?: string; scenarios?: { label?: string }[] };
};
const vaccineCsv = readFileSync(resolve(__dirname, '../fixtures/reference/data/bcea_vaccine_ce.csv'));
const PLASMA_COST = 'c_plasma_ngs';

/** Names and labels the example typed: they stay in the model's language. */
const data: string[] = [
  ...example.strategies.map((s) => s.label ?? s.id),
  ...example.parameters.map((p) => p.label ?? p.id),
  ...(example.scenarios ?? []).flatMap((s) => [s.label ?? '', s.description ?? '']),
  // Cost categories, by label and by their id written as words ("Adverse events").
  ...(example.costCategories ?? []).flatMap((c) => [c.label ?? '', c.id.charAt(0).toUpperCase() + c.id.slice(1).replace(/_/g, ' ')]),
  example.budgetImpact?.label ?? '',
  example.budgetImpact?.country ?? '',
  example.budgetImpact?.perspective ?? '',
  ...(example.budgetImpact?.scenarios ?? []).map((s) => s.label ?? ''),
].filter((d) => d !== '');

/** The screen's own words with the model's names cut out, so a strategy called "… first" is not taken for UI text. */
async function screenText(page: Page): Promise<string> {
  // The model page's own frame (header, base-case strip, tab names) belongs to the model screens' check; hidden tab
  // panels are not on screen (uiText reads a detached copy, which would otherwise keep them).
  const text = await uiText(page, ['.app-header', '.page-header', '[data-testid="base-case-strip"]', '.model-tabs', '[hidden]']);
  return [...data].sort((a, b) => b.length - a.length).reduce((t, d) => t.split(d).join(' '), text);
}

async function noEnglish(page: Page, catalogue: Catalogue, where: string): Promise<void> {
  const text = await screenText(page);
  expect(englishIn(text, catalogue), `English catalogue text on ${where}`).toEqual([]);
  expect(englishLinesIn(text, data), `English sentences on ${where}`).toEqual([]);
}

const shot = (page: Page, name: string, target?: string) => screenshotsAtBothSizes(page, `language-results-${name}`, target ? page.getByTestId(target).first() : undefined);

test.describe.configure({ timeout: 600_000 });

test('the analyses of the liquid-biopsy example in French and Dutch show no English', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/models');
  await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
  await expect(page.getByTestId('model-page')).toHaveAttribute('data-model-id', /.+/);
  await page.getByTestId('display-language').selectOption('fr-BE');

  // Base case and diagnostic outcomes.
  await page.getByTestId('model-tab-results').click();
  await expect(page.getByTestId('base-case-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('strategy-details')).toBeVisible();
  await expect(page.getByTestId('incremental-table')).toContainText(fr['analysis.status.reference']);
  await noEnglish(page, fr, 'the base case (fr)');
  await shot(page, 'base-case-fr', 'incremental-table');

  // Every deterministic and probabilistic analysis, run small.
  await page.getByTestId('model-tab-uncertainty').click();
  await page.getByTestId('run-dsa').click();
  await expect(page.getByTestId('chart-tornado')).toBeVisible({ timeout: 120_000 });
  const threshold = page.getByTestId('threshold-section');
  await threshold.getByTestId('threshold-parameter').selectOption(PLASMA_COST);
  await threshold.getByTestId('threshold-low').fill('0');
  // So is a number of PSA draws out of range (the number reader words its own messages in English).
  await page.getByTestId('psa-iterations').fill('5');
  await expect(page.getByTestId('psa-section').getByRole('alert')).toContainText(`${fr['uncertainty.iterations']} : un nombre entier de 10 à`);
  await noEnglish(page, fr, 'the PSA form with an error (fr)');
  await page.getByTestId('psa-iterations').fill('100');
  await threshold.getByTestId('threshold-high').fill('6000');
  await threshold.getByTestId('threshold-wtp').fill('30000');
  await threshold.getByTestId('run-threshold').click();
  await expect(threshold.getByTestId('threshold-answer')).toBeVisible({ timeout: 120_000 });
  const twoWay = page.getByTestId('two-way-section');
  await twoWay.getByTestId('two-way-steps').fill('3');
  await twoWay.getByTestId('run-two-way').click();
  await expect(twoWay.getByTestId('chart-two-way')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('psa-iterations').fill('100');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('chart-ceac')).toBeVisible();
  await expect(page.getByTestId('chart-evpi')).toBeVisible();
  const voi = page.getByTestId('voi-section');
  await voi.getByTestId('voi-se-draws').fill('0');
  await voi.getByTestId('run-evppi').click();
  await expect(voi.getByTestId('chart-evppi')).toBeVisible({ timeout: 180_000 });
  await noEnglish(page, fr, 'the uncertainty tab (fr)');
  // A range the wrong way round is refused in words, in French.
  await threshold.getByTestId('threshold-low').fill('7000');
  await expect(threshold.getByRole('alert')).toHaveText(fr['uncertainty.lowBelowHigh']);
  await expect(threshold.getByTestId('run-threshold')).toBeDisabled();
  await noEnglish(page, fr, 'the threshold form with an error (fr)');
  await threshold.getByTestId('threshold-low').fill('0');
  await shot(page, 'tornado-fr', 'chart-tornado');
  await shot(page, 'threshold-fr', 'threshold-section');
  await shot(page, 'psa-fr', 'psa-threshold-table');
  await shot(page, 'evppi-fr', 'voi-section');

  // A scenario run, and the scenario editor open.
  await page.getByTestId('model-tab-scenarios').click();
  await page.getByTestId('run-scenarios').click();
  await expect(page.getByTestId('scenarios-run-status')).toHaveAttribute('data-current', 'true', { timeout: 120_000 });
  await noEnglish(page, fr, 'the scenarios tab (fr)');
  await shot(page, 'scenarios-fr', 'scenario-table');
  await page.getByTestId('new-scenario').click();
  await page.getByTestId('scenario-add-parameter').click();
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-editor-error')).toHaveText(fr['scenarios.needName']);
  await noEnglish(page, fr, 'the scenario editor (fr)');
  await shot(page, 'scenario-editor-fr');
  await page.getByTestId('scenario-cancel').click();

  await page.getByTestId('model-tab-budget').click();
  await expect(page.getByTestId('budget-table')).toBeVisible({ timeout: 60_000 });
  await noEnglish(page, fr, 'the budget tab (fr)');
  await shot(page, 'budget-fr', 'budget-test-split');

  // Dutch: the same tabs with the stored runs.
  await page.getByTestId('display-language').selectOption('nl-BE');
  for (const tab of ['results', 'uncertainty', 'scenarios', 'budget']) {
    await page.getByTestId(`model-tab-${tab}`).click();
    await expect(page.getByTestId(`model-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    if (tab === 'uncertainty') {
      await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('chart-evppi')).toBeVisible();
    }
    if (tab === 'scenarios') await expect(page.getByTestId('scenario-table')).toBeVisible();
    if (tab === 'budget') await expect(page.getByTestId('budget-table')).toBeVisible();
    await noEnglish(page, nl, `the ${tab} tab (nl)`);
  }
  await page.getByTestId('model-tab-uncertainty').click();
  await shot(page, 'two-way-nl', 'two-way-section');
  await shot(page, 'psa-nl', 'chart-ceac');
  await page.getByTestId('model-tab-budget').click();
  await shot(page, 'budget-nl', 'budget-table');
});

test('imported PSA results and the report page in French and Dutch show no English', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/psa-results');
  await page.getByTestId('display-language').selectOption('fr-BE');
  await expect(page.getByTestId('no-draws')).toHaveText(fr['psa.empty']);
  await noEnglish(page, fr, 'the empty imported-PSA screen (fr)');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-draws-file').click();
  await (await chooser).setFiles({ name: 'bcea_vaccine_ce.csv', mimeType: 'text/csv', buffer: vaccineCsv });
  for (const [locale, catalogue] of [['fr-BE', fr], ['nl-BE', nl]] as const) {
    // Changing the language draws the screen anew; the loaded draws and their analysis stay.
    await page.getByTestId('display-language').selectOption(locale);
    await expect(page.getByTestId('draws-evpi')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('draws-summary')).toContainText(locale === 'fr-BE' ? 'tirages' : 'trekkingen');
    await noEnglish(page, catalogue, `the imported-PSA screen (${locale})`);
    await shot(page, `imported-psa-${locale}`, 'draws-incremental-table');
  }
  // A broken file: the located problem in the display language (Dutch now); file and column names as typed.
  const bad = page.waitForEvent('filechooser');
  await page.getByTestId('choose-draws-file').click();
  await (await bad).setFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('c_A,e_A,c_B,e_B\n1,2,3,4\n1,2,abc,4\n') });
  await expect(page.getByTestId('draws-error')).toContainText('bad.csv: regel 3, kolom ‘c_B’: ‘abc’ is geen getal');
  await noEnglish(page, nl, 'a broken draws file (nl-BE)');

  await page.getByTestId('nav-library').click();
  await page.getByTestId('library-row').filter({ hasText: 'Plasma ctDNA' }).getByTestId('open-dossier').click();
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-preview')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('report-analyses').getByTestId('report-rerun')).toBeEnabled({ timeout: 180_000 });
  for (const [locale, catalogue] of [['nl-BE', nl], ['fr-BE', fr]] as const) {
    await page.getByTestId('display-language').selectOption(locale);
    await expect(page.getByTestId('report-analyses').locator('h2')).toHaveText(catalogue['reportPage.analyses']);
    await noEnglish(page, catalogue, `the report page (${locale})`);
    await shot(page, `report-${locale}`);
  }
});

test('engine warnings (PFS above OS) on the results in French and Dutch', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // PFS exponential(0.1) lies above OS exponential(0.3) at every cycle: the engine caps it and warns.
  const crossing = {
    format: 'hta-workbench-model', version: 1, metadata: { title: 'Crossing curves' },
    settings: { cycleLength: 1, cycles: 10, counting: 'life-table', effect: 'qalys' },
    costCategories: [{ id: 'drug' }], parameters: [],
    model: {
      type: 'psm', curves: { pfs_curve: { dist: 'exponential', rate: 0.1 }, os_curve: { dist: 'exponential', rate: 0.3 } }, pfs: 'pfs_curve', os: 'os_curve',
      stateValues: { PF: { costs: { drug: 1000 }, utility: 0.8 }, PD: { costs: { drug: 500 }, utility: 0.5 } },
    },
    strategies: [{ id: 'arm_a', label: 'Arm A' }, { id: 'arm_b', label: 'Arm B' }],
  };
  await page.goto('/#/models');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-model-file').click();
  await (await chooser).setFiles({ name: 'crossing.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(crossing)) });
  await expect(page.getByTestId('model-title')).toHaveText('Crossing curves');
  await page.getByTestId('model-tab-results').click();
  const warnings = page.getByTestId('model-warnings');
  for (const [locale, catalogue, words] of [
    ['fr-BE', fr, 'Arm A: stratégie arm_a : la SSP (pfs_curve) dépasse la SG (os_curve) aux cycles 1–10 ; la SSP y a été plafonnée à la SG'],
    ['nl-BE', nl, 'Arm A: strategie arm_a: PFS (pfs_curve) lag boven OS (os_curve) in cycli 1–10; PFS werd daar afgetopt op OS'],
  ] as const) {
    await page.getByTestId('display-language').selectOption(locale);
    await expect(warnings.locator('li').first()).toHaveText(words, { timeout: 60_000 });
    const text = (await uiText(page, ['.app-header', '.page-header', '[data-testid="base-case-strip"]', '.model-tabs', '[hidden]'])).split('Arm A').join(' ').split('Arm B').join(' ');
    expect(englishIn(text, catalogue), `English catalogue text on the PSM results (${locale})`).toEqual([]);
    expect(englishLinesIn(text, ['Crossing curves', 'arm_a', 'arm_b', 'pfs_curve', 'os_curve']), `English sentences on the PSM results (${locale})`).toEqual([]);
    await shot(page, `psm-warnings-${locale}`, 'model-warnings');
  }
});
