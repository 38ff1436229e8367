import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { axeViolations } from './axe';

// Every chart tooltip of the analysis screens shows its numbers as the screen does, never recharts' raw values (the
// base-case plane's tooltip read "7.991206645840884"). Each chart is hovered across its plot and on its marks; a
// number with more decimals than any display uses (4: incremental effects) is refused.

const MAX_DECIMALS = 4;
const RAW = new RegExp(`\\d[.,]\\d{${MAX_DECIMALS + 1},}|\\d[eE][-+]?\\d|NaN|Infinity`);

/** The texts of the tooltips shown while hovering a chart across its plot and on its points and bars. */
async function tooltipTexts(page: Page, chart: Locator): Promise<string[]> {
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.locator('.recharts-surface').first().boundingBox())!;
  const targets: { x: number; y: number }[] = [];
  for (const fx of [0.2, 0.4, 0.6, 0.8]) for (const fy of [0.3, 0.6]) targets.push({ x: box.x + fx * box.width, y: box.y + fy * box.height });
  for (const marks of [chart.locator('.recharts-scatter-symbol'), chart.locator('.recharts-bar-rectangle')]) {
    const n = Math.min(await marks.count(), 4);
    for (let i = 0; i < n; i++) {
      const b = await marks.nth(i).boundingBox();
      if (b && b.width > 0) targets.push({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
    }
  }
  const texts = new Set<string>();
  // recharts' tooltip, or the CE plane's own (there only while a point is under the pointer).
  const tooltip = chart.locator('.recharts-tooltip-wrapper, [data-testid="plane-tooltip"]').first();
  for (const p of targets) {
    await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(30);
    const text = (await tooltip.count()) === 0 ? '' : await tooltip.evaluate((e) => (getComputedStyle(e).visibility === 'visible' ? e.textContent ?? '' : ''));
    if (text) texts.add(text);
  }
  await page.mouse.move(0, 0);
  return [...texts];
}

/** Hovers every drawn chart on the screen; each must show a tooltip, none a raw number. */
async function checkCharts(page: Page, expected: string[]): Promise<Record<string, string[]>> {
  for (const id of expected) await expect(page.getByTestId(id).locator('.recharts-surface').first()).toBeAttached({ timeout: 60000 });
  const charts = page.locator('figure.chart:has(.recharts-surface)');
  const ids = (await charts.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))).filter(Boolean);
  for (const id of expected) expect(ids, `${id} drawn`).toContain(id);
  const seen: Record<string, string[]> = {};
  for (const id of ids) {
    const texts = await tooltipTexts(page, page.getByTestId(id));
    expect(texts.length, `${id}: a tooltip`).toBeGreaterThan(0);
    for (const text of texts) expect(text, id).not.toMatch(RAW);
    seen[id] = texts;
  }
  expect(await axeViolations(page, { impacts: ['serious', 'critical'] }), 'axe').toEqual([]);
  return seen;
}

test.describe.configure({ timeout: 600000 });

test('tooltips of the base-case, uncertainty, budget and scenario charts show formatted numbers only', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/models');
  await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
  await expect(page.getByTestId('strip-item').first()).toBeVisible();

  await page.getByTestId('model-tab-results').click();
  await expect(page.getByTestId('chart-ce-plane')).toBeVisible({ timeout: 60000 });
  const results = await checkCharts(page, ['chart-ce-plane', 'chart-survival', 'chart-trace']);
  // The plane's hovered effect reads like its axis: three decimals.
  expect(results['chart-ce-plane']!.some((text) => /QALYs: \d\.\d{3}(?!\d)/.test(text))).toBe(true);

  await page.getByTestId('model-tab-uncertainty').click();
  await page.getByTestId('run-dsa').click();
  await expect(page.getByTestId('chart-tornado')).toBeVisible({ timeout: 120000 });
  const threshold = page.getByTestId('threshold-section');
  await threshold.getByTestId('threshold-parameter').selectOption('c_plasma_ngs');
  await threshold.getByTestId('threshold-low').fill('0');
  await threshold.getByTestId('threshold-high').fill('6000');
  await threshold.getByTestId('run-threshold').click();
  await expect(threshold.getByTestId('chart-threshold')).toBeVisible({ timeout: 60000 });
  const twoWay = page.getByTestId('two-way-section');
  await twoWay.getByTestId('two-way-steps').fill('4');
  await twoWay.getByTestId('run-two-way').click();
  await expect(twoWay.getByTestId('chart-two-way')).toBeVisible({ timeout: 120000 });
  await page.getByTestId('psa-iterations').fill('200');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 180000 });
  const voi = page.getByTestId('voi-section');
  // At €50,000 the EVPPI bars are drawn (at €30,000 every EVPPI of this example is zero).
  await voi.getByTestId('voi-wtp').fill('50000');
  await voi.getByTestId('voi-se-draws').fill('20');
  await voi.getByTestId('run-evppi').click();
  await expect(voi.getByTestId('chart-evppi').locator('.recharts-surface')).toBeVisible({ timeout: 180000 });
  const uncertainty = await checkCharts(page, ['chart-tornado', 'chart-threshold', 'chart-psa-plane', 'chart-ceac', 'chart-evpi', 'chart-psa-convergence', 'chart-evppi']);
  // A hovered draw's incremental cost is the exact amount, not the axis's compact "€1.6k".
  expect(uncertainty['chart-psa-plane']!.some((text) => /Incremental cost \(EUR\) ?: [−+]?€\d{1,3}(,\d{3})*(?![\d.k])/.test(text))).toBe(true);
  for (const text of uncertainty['chart-psa-plane']!) expect(text).not.toMatch(/€[\d.]+k/);
  // The two-way heat map's tooltips are its cells' titles: grid values of the parameters in their display format
  // (six significant digits, as in the parameter tables and the chart's data table), never a raw double.
  const titles = await twoWay.locator('[data-testid="chart-two-way-svg"] rect[data-category] title').allTextContents();
  expect(titles.length).toBe(16);
  for (const title of titles) {
    for (const n of title.match(/\d[\d,]*\.\d+/g) ?? []) expect(n.replace(/[,.]/g, '').replace(/^0+/, '').length, `${n} in ${title}`).toBeLessThanOrEqual(6);
    expect(title).not.toMatch(/\d[eE][-+]?\d|NaN|Infinity/);
  }

  await page.getByTestId('model-tab-budget').click();
  await expect(page.getByTestId('chart-budget-tornado')).toBeVisible({ timeout: 60000 });
  await checkCharts(page, ['chart-budget-tornado', 'chart-budget', 'chart-budget-impact', 'chart-budget-scenarios']);

  await page.getByTestId('model-tab-scenarios').click();
  await page.getByTestId('scenario-iterations').fill('20');
  await page.getByTestId('run-scenarios-psa').click();
  await expect(page.getByTestId('chart-scenario-ceac')).toBeVisible({ timeout: 300000 });
  await checkCharts(page, ['chart-scenarios', 'chart-scenario-ceac', 'chart-scenario-budget']);
});

test('tooltips of the survival screen\'s charts show formatted numbers only', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/survival');
  await page.getByTestId('example-ovarian').click();
  await expect(page.getByTestId('survival-page').locator('.recharts-line').first()).toBeVisible({ timeout: 60000 });
  await checkCharts(page, []);
  expect(await page.locator('figure.chart:has(.recharts-surface)').count()).toBeGreaterThanOrEqual(2);
});
