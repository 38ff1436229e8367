import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { screenshotsAtBothSizes, useExample } from './journeys';
import { parseModel } from '../../src/engine/compile-model';
import { createDsaSetup } from '../../src/engine/sensitivity/dsa-setup';
import { thresholdAnalysis } from '../../src/engine/sensitivity/threshold';
import { compareScenarios } from '../../src/engine/sensitivity/scenarios';
import { putScenario } from '../../src/engine/model/document-edits';
import { formatMoney } from '../../src/report/format';

// The analysis screens of a workspace model (issue 11 items 1–6) on the bundled liquid-biopsy example: a named
// scenario defined in the app and compared with the base case, a two-way heat map, a threshold for the plasma test
// price, EVPPI bars from a PSA, the PSA summaries and the budget impact's scenarios, tornado and test budget.
// Expected numbers come from the engine in Node on the same document, never from the page.

const file = 'resources/examples/liquid-biopsy-nsclc.json';
const example = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const PLASMA_COST = 'c_plasma_ngs';
const plasmaFirst = (example.strategies as { id: string; label?: string }[]).find((s) => s.id === 'plasma_first')!;
const bundled = ((example.scenarios ?? []) as { id: string }[]).length;

const shot = (page: Page, name: string) => screenshotsAtBothSizes(page, `analyses-${name}`);

test.describe.configure({ timeout: 300000 });

test('scenarios: define "Plasma test €1,500", run it deterministically and probabilistically, see it next to the base case in the table and charts; duplicate and delete', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await useExample(page);
  await page.getByTestId('model-tab-scenarios').click();
  await page.getByTestId('new-scenario').click();
  await page.getByTestId('scenario-label').fill('Plasma test €1,500');
  await page.getByTestId('scenario-add-parameter').click();
  await page.getByTestId('scenario-row-parameter').selectOption(PLASMA_COST);
  // Numbers follow the display language's rule like every field: in English a decimal comma is refused in words
  // (never read as 15), and "1,500" is fifteen hundred.
  await page.getByTestId('scenario-row-value').fill('1,5');
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-editor-error')).toContainText('point for decimals');
  await page.getByTestId('scenario-row-value').fill('1,500');
  await page.getByTestId('scenario-save').click();
  await expect(page.getByTestId('scenario-editor')).not.toBeVisible();
  const rows = page.getByTestId('scenario-list-row');
  const row = page.locator('[data-testid="scenario-list-row"][data-scenario-id="plasma_test_1_500"]');
  await expect(rows).toHaveCount(bundled + 1);
  await expect(row).toContainText('Plasma test €1,500');
  await expect(row).toContainText('1500');

  await page.getByTestId('run-scenarios').click();
  await expect(page.getByTestId('scenarios-run-status')).toHaveAttribute('data-current', 'true', { timeout: 60000 });
  // Expected: the engine on the same document with the same scenario.
  const doc = putScenario(example, { id: 'plasma_test_1_500', label: 'Plasma test €1,500', parameters: { [PLASMA_COST]: 1500 } });
  const expected = compareScenarios(parseModel(doc), { wtp: [30000, 50000] });
  const mine = expected.find((r) => r.id === 'plasma_test_1_500')!;
  const scenarioRows = page.locator('[data-testid="scenario-result-row"][data-scenario-id="plasma_test_1_500"]');
  await expect(page.locator('[data-testid="scenario-result-row"][data-scenario-id="base"]')).toHaveCount(expected[0]!.incremental.length);
  await expect(scenarioRows).toHaveCount(mine.incremental.length);
  const cost = mine.incremental.find((r) => r.id === plasmaFirst.id)!.cost;
  await expect(scenarioRows.filter({ hasText: plasmaFirst.label ?? plasmaFirst.id })).toContainText(formatMoney(cost, 'EUR'));
  await expect(page.getByTestId('chart-scenarios')).toBeVisible();
  await expect(page.getByTestId('chart-scenarios')).toContainText('Plasma test €1,500');
  // The budget impact under the scenario, next to the base case.
  await expect(page.getByTestId('scenario-budget-row')).toHaveCount(bundled + 2);
  await expect(page.getByTestId('scenario-budget')).toContainText('Plasma test €1,500');

  await page.getByTestId('scenario-iterations').fill('100');
  await page.getByTestId('run-scenarios-psa').click();
  await expect(page.getByTestId('scenario-progress')).toBeVisible();
  await expect(page.getByTestId('chart-scenario-ceac')).toBeVisible({ timeout: 180000 });
  await expect(page.getByTestId('scenarios-run-status')).toContainText('100 draws');
  // At the smallest window the table's caption wraps on the card, not cut off at the edge of the scrolling table.
  await page.setViewportSize({ width: 1024, height: 640 });
  const caption = page.getByTestId('scenario-table-caption');
  const fits = await caption.evaluate((el) => { const card = el.closest('.card')!.getBoundingClientRect(); const r = el.getBoundingClientRect(); return el.scrollWidth <= el.clientWidth + 1 && r.right <= card.right; });
  expect(fits).toBe(true);
  await expect(page.getByRole('table', { name: await caption.textContent() ?? '' })).toHaveAttribute('data-testid', 'scenario-table');
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'scenario-list');
  await page.getByTestId('scenario-table').scrollIntoViewIfNeeded();
  await shot(page, 'scenarios');
  await page.getByTestId('chart-scenario-ceac').scrollIntoViewIfNeeded();
  await shot(page, 'scenario-charts');
  await page.getByTestId('scenario-budget').scrollIntoViewIfNeeded();
  await shot(page, 'scenario-budget');

  // A long probabilistic run shows its progress and stops on Cancel, storing nothing.
  await page.getByTestId('scenario-iterations').fill('20000');
  await page.getByTestId('run-scenarios-psa').click();
  await expect(page.getByTestId('scenario-progress').getByRole('progressbar')).toBeVisible({ timeout: 60000 });
  await page.getByTestId('cancel-scenarios').click();
  await expect(page.getByTestId('scenarios-cancelled')).toBeVisible();
  await expect(page.getByTestId('scenarios-run-status')).toContainText('100 draws');

  // Duplicate, then delete the copy: the list follows.
  await row.getByTestId('duplicate-scenario').click();
  const copy = page.locator('[data-testid="scenario-list-row"][data-scenario-id="plasma_test_1_500_copy"]');
  await expect(rows).toHaveCount(bundled + 2);
  await expect(copy).toContainText('Plasma test €1,500 (copy)');
  await copy.getByTestId('delete-scenario').click();
  await page.getByTestId('confirm-ok').click();
  await expect(rows).toHaveCount(bundled + 1);
  await expect(copy).toHaveCount(0);
  // Editing keeps the id and changes the value.
  await row.getByTestId('edit-scenario').click();
  await expect(page.getByTestId('scenario-row-value')).toHaveValue('1500');
  await page.getByTestId('scenario-horizon').fill('10');
  await page.getByTestId('scenario-save').click();
  await expect(row).toContainText('horizon 10 years');
  // The stored run now describes another model version.
  await expect(page.getByTestId('scenarios-run-status')).toHaveAttribute('data-current', 'false');
});

test('two-way heat map, threshold of the plasma test price at €30,000, PSA summaries and EVPPI bars, budget impact scenarios', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await useExample(page);
  await page.getByTestId('model-tab-uncertainty').click();

  // Threshold: the plasma NGS test price at €30,000 per QALY; the value matches the engine's.
  const section = page.getByTestId('threshold-section');
  await section.getByTestId('threshold-parameter').selectOption(PLASMA_COST);
  await section.getByTestId('threshold-low').fill('0');
  await section.getByTestId('threshold-high').fill('6000');
  await section.getByTestId('threshold-wtp').fill('30000');
  await section.getByTestId('run-threshold').click();
  await expect(section.getByTestId('threshold-answer')).toBeVisible({ timeout: 60000 });
  const engine = thresholdAnalysis(createDsaSetup(parseModel(example)), { parameter: PLASMA_COST, wtp: 30000, low: 0, high: 6000 });
  if (engine.status === 'found') {
    const shown = Number(await section.getByTestId('threshold-value').first().getAttribute('data-value'));
    expect(shown).toBeCloseTo(engine.thresholds[0]!.value, 3);
  } else {
    await expect(section.getByTestId('threshold-none')).toContainText('No threshold in range');
  }
  await expect(section.getByTestId('chart-threshold')).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'threshold');
  // A narrow range far from any change says so plainly.
  await section.getByTestId('threshold-low').fill('0');
  await section.getByTestId('threshold-high').fill('1');
  await section.getByTestId('run-threshold').click();
  const far = thresholdAnalysis(createDsaSetup(parseModel(example)), { parameter: PLASMA_COST, wtp: 30000, low: 0, high: 1 });
  await expect(section.getByTestId('threshold-answer')).toHaveAttribute('data-status', far.status, { timeout: 60000 });

  // Two-way: the first two ranged parameters; the heat map with its base-case ring and legend.
  const twoWay = page.getByTestId('two-way-section');
  await twoWay.getByTestId('two-way-steps').fill('6');
  await twoWay.getByTestId('run-two-way').click();
  await expect(twoWay.getByTestId('chart-two-way')).toBeVisible({ timeout: 120000 });
  await expect(twoWay.locator('[data-testid="chart-two-way-svg"] rect[data-category]')).toHaveCount(36);
  await expect(twoWay.getByTestId('chart-two-way-base')).toHaveCount(1);
  await twoWay.getByTestId('two-way-display').selectOption({ index: 1 });
  await expect(twoWay.getByTestId('chart-two-way')).toContainText('Incremental NMB');
  await twoWay.getByTestId('chart-two-way').scrollIntoViewIfNeeded();
  await shot(page, 'two-way');

  // PSA, then its summaries and EVPPI.
  await page.getByTestId('psa-iterations').fill('300');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 180000 });
  await expect(page.getByTestId('psa-incremental-row')).toHaveCount((example.strategies as unknown[]).length);
  await expect(page.getByTestId('chart-psa-convergence')).toBeVisible();
  // Thresholds of the table chosen by the user: one probability column each.
  await page.getByTestId('psa-thresholds').fill('20000; 40000; 60000');
  await expect(page.getByTestId('psa-threshold-table').getByTestId('psa-threshold-rows')).toHaveCount(3);
  await expect(page.getByTestId('psa-threshold-table').locator('tbody').first().getByTestId('psa-prob-ce')).toHaveCount((example.strategies as unknown[]).length);
  await expect(page.getByTestId('psa-threshold-table').locator('tbody').first().locator('th').first()).toHaveText('€20,000');
  await page.getByTestId('psa-threshold-table').scrollIntoViewIfNeeded();
  await shot(page, 'psa-summaries');
  const voi = page.getByTestId('voi-section');
  await expect(voi.getByTestId('voi-evpi-person')).not.toHaveText('—');
  await expect(voi.getByTestId('voi-evpi-population')).not.toHaveText('—');
  await voi.getByTestId('voi-se-draws').fill('20');
  // A user group of two parameters is valued together, next to each parameter alone.
  await voi.getByTestId('voi-groups').locator('summary').click();
  const ticks = voi.locator('[data-testid^="voi-tick-"]');
  await ticks.nth(0).check();
  await ticks.nth(1).check();
  await voi.getByTestId('voi-add-group').click();
  await expect(voi.getByTestId('voi-groups')).toContainText('Parameter groups (1)');
  await voi.getByTestId('run-evppi').click();
  await expect(voi.getByTestId('chart-evppi')).toBeVisible({ timeout: 180000 });
  await expect(voi.getByTestId('chart-evppi')).toContainText(' + ');
  // The per-patient EVPI and the population figure agree: population = per patient × discounted people.
  const perPatient = Number((await voi.getByTestId('voi-evpi-person').textContent())!.replace(/[^\d.]/g, ''));
  const people = Number((await voi.getByTestId('voi-people-effective').textContent())!.replace(/[^\d.]/g, ''));
  const population = Number((await voi.getByTestId('voi-evpi-population').textContent())!.replace(/[^\d.]/g, ''));
  expect(Math.abs(population - perPatient * people)).toBeLessThan(0.01 * population + people);
  await expect(voi.getByTestId('evppi-method')).toContainText('Strong, Oakley & Brennan 2014');
  await voi.scrollIntoViewIfNeeded();
  await shot(page, 'voi');
  await page.getByTestId('chart-psa-convergence').scrollIntoViewIfNeeded();
  await shot(page, 'psa-convergence');

  // Budget impact: both bundled scenarios, the tornado and the test budget apart from downstream costs.
  await page.getByTestId('model-tab-budget').click();
  const biaScenarios = (example.budgetImpact as { scenarios: { id: string; label: string }[] }).scenarios;
  await expect(page.getByTestId('budget-scenarios-row')).toHaveCount(biaScenarios.length + 1);
  for (const s of biaScenarios) await expect(page.getByTestId('budget-scenarios')).toContainText(s.label);
  await expect(page.getByTestId('chart-budget-tornado')).toBeVisible();
  await expect(page.getByTestId('budget-test-table')).toBeVisible();
  await page.getByTestId('budget-test-split').scrollIntoViewIfNeeded();
  await shot(page, 'budget-test');
  await page.getByTestId('budget-scenarios').scrollIntoViewIfNeeded();
  await shot(page, 'budget');
  await page.getByTestId('chart-budget-tornado').scrollIntoViewIfNeeded();
  await shot(page, 'budget-tornado');
});
