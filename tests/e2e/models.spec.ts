import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { screenshot } from './journeys';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { calculateIcers } from '../../src/engine/economics/incremental';
import { runBudgetImpact } from '../../src/engine/budget/run-budget-impact';
import { formatIcer, formatMoney, formatMoneyChange, formatNumber } from '../../src/report/format';

// The Models and Results screens on the liquid-biopsy example (the bundled, read-only template and workspace copies
// of it). Expected numbers are computed here, in Node, by the engine on the same file (never copied from the UI),
// then compared with what the page shows.

const file = 'resources/examples/liquid-biopsy-nsclc.json';
const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
/** Strategies and parameters of the example, read from the file (the example is rebuilt by its source script). */
const exampleStrategies = (json as { strategies: unknown[] }).strategies.length;
const exampleParameters = (json as { parameters: unknown[] }).parameters.length;

function withValue(id: string, value: number): unknown {
  const copy = JSON.parse(JSON.stringify(json)) as { parameters: { id: string; value?: number }[] };
  copy.parameters.find((p) => p.id === id)!.value = value;
  return copy;
}

function engineBaseCase(source: unknown) {
  const compiled = compileModel(parseModel(source));
  const result = compiled.evaluate(compiled.baseParameters());
  const strategies = result.strategies.map((s) => ({ id: s.id, label: s.label, cost: s.totals.cost, effect: s.totals.effect, qalys: s.totals.qalys, lifeYears: s.totals.lifeYears }));
  return { strategies, incremental: calculateIcers(strategies) };
}

/** Opens the bundled example (a read-only template). */
async function openExample(page: Page, tab?: string) {
  await page.goto('/');
  await page.getByTestId('nav-models').click();
  await expect(page.getByTestId('models-page')).toBeVisible();
  await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('open-model').click();
  await expect(page.getByTestId('model-title')).toHaveText(/Liquid biopsy/);
  await expect(page.getByTestId('strip-item').first()).toBeVisible();
  if (tab) await page.getByTestId(`model-tab-${tab}`).click();
}

/** Copies the bundled example into the workspace ("Use this model") and opens the copy. */
async function useExample(page: Page, tab?: string) {
  await openExample(page);
  await page.getByTestId('use-model').click();
  await expect(page.getByTestId('model-page')).not.toHaveAttribute('data-example-id', /.*/);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('strip-item').first()).toBeVisible();
  if (tab) await page.getByTestId(`model-tab-${tab}`).click();
}

const shot = (page: Page, name: string) => screenshot(page, `models-${name}`);

test.describe.configure({ timeout: 120000 });

test('base-case and incremental tables show what the engine computes for the file', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByTestId('nav-models').click();
  await expect(page.getByTestId('model-row')).toHaveCount(8);
  await shot(page, 'list');

  await openExample(page);
  await expect(page.getByTestId('setting-currency-and-price-year')).toHaveText('EUR, 2024');
  await expect(page.getByTestId('setting-cycle-length')).toHaveText('1 month');
  await expect(page.getByTestId('parameter-row')).toHaveCount(exampleParameters);
  await shot(page, 'parameters');

  await page.getByTestId('model-tab-results').click();
  const expected = engineBaseCase(json);
  const rows = page.getByTestId('base-case-row');
  await expect(rows).toHaveCount(expected.strategies.length);
  for (const s of expected.strategies) {
    const row = page.locator(`[data-testid="base-case-row"][data-strategy="${s.id}"]`);
    await expect(row.getByTestId('cell-cost')).toHaveText(formatMoney(s.cost, 'EUR'));
    await expect(row.getByTestId('cell-qalys')).toHaveText(formatNumber(s.qalys, 3));
    await expect(row.getByTestId('cell-life-years')).toHaveText(formatNumber(s.lifeYears, 3));
    expect(Number(await row.getByTestId('cell-cost').getAttribute('data-value'))).toBeCloseTo(s.cost, 6);
    expect(Number(await row.getByTestId('cell-qalys').getAttribute('data-value'))).toBeCloseTo(s.qalys, 9);
  }
  const incRows = page.getByTestId('incremental-row');
  await expect(incRows).toHaveCount(expected.incremental.length);
  for (const [i, r] of expected.incremental.entries()) {
    const row = incRows.nth(i);
    await expect(row).toHaveAttribute('data-strategy', r.id);
    await expect(row).toHaveAttribute('data-status', r.status);
    if (r.status === 'nondominated') {
      await expect(row.getByTestId('cell-icer')).toHaveText(formatIcer(r.icer, 'EUR', 'qalys'));
      expect(Number(await row.getByTestId('cell-icer').getAttribute('data-value'))).toBeCloseTo(r.icer!, 6);
    }
  }
  // Charts draw in Chromium: the CE plane has one marker per strategy.
  await expect(page.getByTestId('chart-ce-plane').locator('.recharts-scatter-symbol')).toHaveCount(expected.strategies.length);
  // Overall and progression-free survival: two lines per strategy.
  await expect(page.getByTestId('chart-survival').locator('.recharts-line-curve')).toHaveCount(2 * expected.strategies.length);
  await expect(page.getByTestId('chart-trace').locator('.recharts-line-curve')).not.toHaveCount(0);
  await expect(page.getByTestId('category-table').locator('tbody tr')).toHaveCount(expected.strategies.length);
  await expect(page.getByTestId('outcome-table')).toContainText('True positives');
  await expect(page.getByTestId('outcome-table')).toContainText('Mean time to treatment (days)');
  await shot(page, 'results');
  await page.getByTestId('chart-trace').scrollIntoViewIfNeeded();
  await shot(page, 'results-charts');
});

test('the bundled example is a read-only template; editing a workspace copy re-runs the base case; invalid input shows an inline error; undo restores', async ({ page }) => {
  await openExample(page);
  await expect(page.getByTestId('param-input-c_plasma_ngs')).toHaveAttribute('readonly', '');
  await expect(page.getByTestId('template-note')).toBeVisible();
  await expect(page.getByTestId('model-tab-versions')).toHaveCount(0);
  await page.getByTestId('use-model').click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const input = page.getByTestId('param-input-c_plasma_ngs');
  await input.fill('abc');
  await expect(page.getByTestId('param-error-c_plasma_ngs')).toContainText('“abc” is not a number. The model keeps the last valid value.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('param-input-sens_plasma').fill('1.4');
  await expect(page.getByTestId('param-error-sens_plasma')).toContainText('between 0 and 1');
  await page.getByTestId('param-input-sens_plasma').fill('0.69');

  await input.fill('2500');
  const edited = engineBaseCase(withValue('c_plasma_ngs', 2500));
  await page.getByTestId('model-tab-results').click();
  const plasma = edited.strategies.find((s) => s.id === 'plasma_first')!;
  const row = page.locator('[data-testid="base-case-row"][data-strategy="plasma_first"]');
  await expect(row.getByTestId('cell-cost')).toHaveText(formatMoney(plasma.cost, 'EUR'));
  const original = engineBaseCase(json).strategies.find((s) => s.id === 'plasma_first')!;
  expect(formatMoney(plasma.cost, 'EUR')).not.toBe(formatMoney(original.cost, 'EUR'));
  await expect(page.locator('body')).not.toContainText('NaN');

  // Undo (the button, as Ctrl+Z) brings back the stored value and its results.
  await page.getByTestId('model-undo').click();
  await expect(row.getByTestId('cell-cost')).toHaveText(formatMoney(original.cost, 'EUR'));
  await page.getByTestId('model-tab-model').click();
  await expect(input).toHaveValue('1000');
});

test('tornado and a 500-draw PSA run off the UI thread and draw their charts', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await useExample(page, 'uncertainty');
  await page.getByTestId('run-dsa').click();
  const tornado = page.getByTestId('chart-tornado');
  await expect(tornado).toBeVisible({ timeout: 30000 });
  await expect(tornado.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(tornado.locator('.recharts-bar-rectangle')).not.toHaveCount(0);
  await shot(page, 'tornado');

  await page.getByTestId('psa-iterations').fill('500');
  await page.getByTestId('psa-seed').fill('7');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 90000 });
  await expect(page.getByTestId('psa-draws')).toHaveText('500 draws, seed 7');
  const ceac = page.getByTestId('chart-ceac');
  // One line per strategy plus the CEAF.
  await expect(ceac.locator('.recharts-line-curve')).toHaveCount(exampleStrategies + 1);
  await expect(page.getByTestId('chart-psa-plane').locator('.recharts-scatter-symbol')).not.toHaveCount(0);
  await expect(page.getByTestId('chart-evpi').locator('.recharts-line-curve')).toHaveCount(1);
  await expect(page.getByTestId('psa-means-table').locator('tbody tr')).toHaveCount(exampleStrategies);
  await page.getByTestId('psa-section').scrollIntoViewIfNeeded();
  await page.getByTestId('chart-ceac').scrollIntoViewIfNeeded();
  await shot(page, 'psa');
  await page.getByTestId('chart-evpi').scrollIntoViewIfNeeded();
  await shot(page, 'psa-evpi');
});

test('a PSA can be cancelled', async ({ page }) => {
  await useExample(page, 'uncertainty');
  await page.getByTestId('psa-iterations').fill('20000');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-progress')).toBeVisible();
  await page.getByTestId('cancel-psa').click();
  await expect(page.getByTestId('psa-cancelled')).toContainText(/PSA cancelled after [\d,]+ of 20,000 draws\./);
  await expect(page.getByTestId('run-psa')).toBeEnabled();
});

test('the uncertainty tab of a bundled example offers to use it: analyses are stored with workspace models', async ({ page }) => {
  await openExample(page, 'uncertainty');
  await expect(page.getByTestId('template-uncertainty')).toBeVisible();
  await page.getByTestId('use-model-uncertainty').click();
  await expect(page.getByTestId('dsa-section')).toBeVisible();
  await expect(page.getByTestId('model-tab-uncertainty')).toHaveAttribute('aria-selected', 'true');
});

test('budget impact tab shows the per-year table the engine computes', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openExample(page, 'budget');
  const { report } = runBudgetImpact(parseModel(json));
  expect(report).not.toBeNull();
  const rows = page.getByTestId('budget-row');
  await expect(rows).toHaveCount(report!.years.length);
  for (const [i, y] of report!.years.entries()) {
    await expect(rows.nth(i).getByTestId('budget-impact')).toHaveText(formatMoneyChange(y.impact, 'EUR'));
  }
  await expect(page.getByTestId('budget-total')).toHaveText(formatMoneyChange(report!.cumulative.impact, 'EUR'));
  await expect(page.getByTestId('chart-budget').locator('.recharts-bar-rectangle')).not.toHaveCount(0);
  await expect(page.getByTestId('budget-patients-table')).toBeVisible();
  await shot(page, 'budget');
  await page.getByTestId('chart-budget').scrollIntoViewIfNeeded();
  await shot(page, 'budget-chart');
  await expect(page.getByTestId('chart-budget-impact').locator('.recharts-bar-rectangle')).not.toHaveCount(0);
  await page.getByTestId('budget-patients-table').scrollIntoViewIfNeeded();
  await shot(page, 'budget-impact-chart');
});

test('an invalid model file lists every located problem and is not added', async ({ page }) => {
  await page.goto('/#/models');
  // Schema-valid but with three located problems: an unknown name, an unknown state and a probability above 1.
  const bad = {
    format: 'hta-workbench-model', version: 1, metadata: { title: 'Broken' }, settings: { cycles: 10, effect: 'life-years' },
    parameters: [{ id: 'p_a', value: 1.4, kind: 'probability' }, { id: 'c', expression: 'p_zz * 2' }],
    model: { type: 'markov', states: [{ id: 'A' }, { id: 'D', dead: true }], initial: { A: 1 }, transitions: [{ from: 'A', to: 'B', probability: 'p_x' }, { from: 'A', to: 'A', probability: 'C' }] },
    strategies: [{ id: 's' }],
  };
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-model-file').click();
  await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const dialog = page.getByTestId('models-page').getByTestId('problems-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('This model cannot be opened');
  await expect(dialog.getByTestId('problem')).toHaveCount(3);
  await expect(dialog).toContainText('parameters[1].expression');
  await expect(dialog).toContainText("unknown name 'p_zz'");
  await expect(dialog).toContainText('model.transitions[0].to');
  await expect(dialog).toContainText('parameters[0].value');
  await expect(dialog).toContainText('3 problems found');
  await shot(page, 'invalid-file');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('no-workspace-models')).toBeVisible();
});

test('a valid model file opens into the workspace, runs, and is still there after a reload', async ({ page }) => {
  await page.goto('/#/models');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-model-file').click();
  await (await chooser).setFiles({ name: 'hiv.json', mimeType: 'application/json', buffer: readFileSync('resources/examples/hiv-chancellor-1997.json') });
  await expect(page.getByTestId('model-title')).toHaveText(/HIV/);
  await expect(page.getByTestId('model-page')).toContainText('opened from a file (hiv.json)');
  await page.getByTestId('model-tab-results').click();
  const expected = engineBaseCase(JSON.parse(readFileSync('resources/examples/hiv-chancellor-1997.json', 'utf8')));
  const comb = expected.incremental.find((r) => r.id === 'comb')!;
  await expect(page.locator('[data-testid="incremental-row"][data-strategy="comb"]').getByTestId('cell-icer')).toHaveText(formatIcer(comb.icer, 'GBP', 'life-years'));
  await expect(page.getByTestId('chart-trace').locator('.recharts-line-curve')).toHaveCount(4);
  await page.reload();
  await expect(page.locator('[data-testid="incremental-row"][data-strategy="comb"]').getByTestId('cell-icer')).toHaveText(formatIcer(comb.icer, 'GBP', 'life-years'));
  await page.getByTestId('nav-models').click();
  await expect(page.getByTestId('workspace-model-row')).toHaveCount(1);
  await expect(page.getByTestId('workspace-model-row')).toContainText('HIV');
});

test('the example dossier opens its linked model', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('library-row').filter({ hasText: 'Plasma ctDNA' }).getByTestId('open-dossier').click();
  await page.getByTestId('section-models').click();
  await page.getByTestId('open-linked-model').click();
  await expect(page.getByTestId('model-title')).toHaveText(/Liquid biopsy/);
  await expect(page.getByTestId('model-tab-results')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('base-case-row')).toHaveCount(exampleStrategies);
  // From the dossier, "Use this model" links the dossier to a workspace copy instead of the read-only example.
  await page.goBack();
  await page.getByTestId('use-linked-example').click();
  await expect(page.getByTestId('model-link-row')).toContainText('Workspace model');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.getByTestId('open-linked-model').click();
  await expect(page.getByTestId('model-page')).not.toHaveAttribute('data-example-id', /.*/);
  await expect(page.getByTestId('model-page')).toContainText('linked to 1 dossier');
  await page.getByTestId('model-tab-model').click();
  await expect(page.getByTestId('linked-dossier')).toContainText('Plasma ctDNA');
});

test('every bundled example opens, runs its base case and draws its charts without errors', async ({ page }) => {
  const files = ['heemod-counting-methods', 'heemod-intro-two-state', 'heemod-time-varying-two-state', 'hiv-chancellor-heemod', 'liquid-biopsy-nsclc-bia-belgium', 'total-hip-replacement'];
  for (const id of files) {
    const strategies = (JSON.parse(readFileSync(`resources/examples/${id}.json`, 'utf8')) as { strategies: unknown[] }).strategies.length;
    await page.goto(`/#/examples/${id}/results`);
    await expect(page.getByTestId('base-case-row')).toHaveCount(strategies);
    await expect(page.getByTestId('chart-ce-plane').locator('.recharts-scatter-symbol')).toHaveCount(strategies);
    await expect(page.locator('body')).not.toContainText('NaN');
    await page.getByTestId('use-model').click();
    await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
    await page.getByTestId('model-tab-uncertainty').click();
    await expect(page.getByTestId('dsa-section')).toBeVisible();
    await expect(page.getByTestId('psa-section')).toBeVisible();
  }
});

test('model views are keyboard reachable and every control is labelled', async ({ page }) => {
  await page.goto('/#/examples/liquid-biopsy-nsclc/model');
  await expect(page.getByTestId('parameter-row').first()).toBeVisible();
  // Tabs follow the WAI-ARIA pattern: arrow keys move between them.
  await page.getByTestId('model-tab-model').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('model-tab-structure')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('model-tab-results')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('model-tab-results')).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByTestId('model-tab-budget')).toBeFocused();
  await expect(page.getByTestId('budget-row').first()).toBeVisible();
  const unlabelledControls = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea, button'))
        .filter((el) => !el.closest('[hidden], dialog:not([open])'))
        .filter((el) => !((el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent?.trim())))
        .map((el) => el.outerHTML.slice(0, 120)),
    );
  for (const tab of ['model', 'results', 'uncertainty', 'budget']) {
    await page.getByTestId(`model-tab-${tab}`).click();
    expect(await unlabelledControls(), `unlabelled controls on ${tab}`).toEqual([]);
  }
  // A workspace copy adds editing, versions and runs: the same holds there, and in the distribution editor.
  await page.getByTestId('use-model').click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  for (const tab of ['model', 'results', 'uncertainty', 'budget', 'versions']) {
    await page.getByTestId(`model-tab-${tab}`).click();
    expect(await unlabelledControls(), `unlabelled controls on ${tab} of a workspace model`).toEqual([]);
  }
  await page.getByTestId('model-tab-model').click();
  await page.getByTestId('edit-uncertainty-sens_plasma').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('distribution-dialog')).toBeVisible();
  expect(await unlabelledControls(), 'unlabelled controls in the distribution editor').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('edit-uncertainty-sens_plasma')).toBeFocused();
  // The export menu opens from the keyboard and closes with Escape, returning focus.
  await page.getByTestId('model-tab-results').click();
  await page.getByTestId('export-incremental').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-incremental-csv')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('export-incremental-xlsx')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-incremental')).toBeFocused();
});
