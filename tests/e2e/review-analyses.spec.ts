import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { screenshotsAtBothSizes } from './journeys';

// An assessor's reading of the PSA results of the bundled liquid-biopsy example: every number of the PSA table on
// the card at 1440×900 (the probabilities used to run off its edge and read "100." and "0."), a strategy in the same
// colour on the CE plane as on the CEAC (the plane leaves the comparator out), the PSA and the EVPPI sections
// counting the same sampled inputs, an EVPPI axis of cents with distinct ticks, and the outcome table on the card.

const shot = (page: Page, name: string, target: Locator) => screenshotsAtBothSizes(page, `review-${name}`, target);

/** True when nothing of the element's contents is cut off by its scrolling box. */
async function fitsWithoutScrolling(wrap: Locator): Promise<boolean> {
  return wrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
}

/** Legend colours of a chart by label. */
async function legendColours(chart: Locator): Promise<Record<string, string>> {
  return chart.locator('.chart-legend li').evaluateAll((items) =>
    Object.fromEntries(items.map((li) => {
      const mark = li.querySelector('.legend-mark > *')!;
      return [li.textContent!.trim(), mark.getAttribute('fill') ?? mark.getAttribute('stroke') ?? ''];
    })));
}

test.describe.configure({ timeout: 300000 });

test('PSA results of the liquid-biopsy example: the table fits, colours match, counts agree, EVPPI ticks are distinct', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/models');
  await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
  await expect(page.getByTestId('strip-item').first()).toBeVisible();

  // The outcome table of four strategies: every column on the card.
  await page.getByTestId('model-tab-results').click();
  const outcomes = page.getByTestId('outcome-table');
  await expect(outcomes).toBeVisible();
  expect(await fitsWithoutScrolling(outcomes.locator('xpath=..'))).toBe(true);

  await page.getByTestId('model-tab-uncertainty').click();
  await page.getByTestId('psa-iterations').fill('200');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 180000 });
  const table = page.getByTestId('psa-threshold-table');
  await expect(table.getByTestId('psa-prob-ce').first()).toBeVisible();
  // Two thresholds as rows, the strategies as columns: all on the card, the probabilities readable in full.
  expect(await fitsWithoutScrolling(page.getByTestId('psa-incremental-table').locator('xpath=..'))).toBe(true);
  expect(await fitsWithoutScrolling(table.locator('xpath=..'))).toBe(true);
  await expect(table.getByTestId('psa-prob-ce').first()).toHaveText(/^\d+\.\d%$/);
  // At the smallest window too: an interval breaks after "to" instead.
  await page.setViewportSize({ width: 1024, height: 640 });
  expect(await fitsWithoutScrolling(table.locator('xpath=..'))).toBe(true);
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'psa-table', table);
  // Eight thresholds: eight row groups, still without sideways scrolling at 1440×900 and 1024×640.
  await page.getByTestId('psa-thresholds').fill('10000; 20000; 30000; 40000; 50000; 60000; 80000; 100000');
  await expect(table.getByTestId('psa-threshold-rows')).toHaveCount(8);
  await expect(table.getByTestId('psa-prob-ce')).toHaveCount(8 * 4);
  await expect(table.getByTestId('psa-inc-nmb')).toHaveCount(8 * 3);
  expect(await fitsWithoutScrolling(table.locator('xpath=..'))).toBe(true);
  await shot(page, 'psa-table-8', table);
  await page.setViewportSize({ width: 1024, height: 640 });
  expect(await fitsWithoutScrolling(table.locator('xpath=..'))).toBe(true);
  await page.setViewportSize({ width: 1440, height: 900 });

  // The plane's first series is the first strategy after the comparator; it has the CEAC's colour for it.
  const plane = await legendColours(page.getByTestId('chart-psa-plane'));
  const ceac = await legendColours(page.getByTestId('chart-ceac'));
  const shared = Object.keys(plane).filter((label) => label in ceac);
  expect(shared.length).toBeGreaterThanOrEqual(3);
  for (const label of shared) expect(plane[label], label).toBe(ceac[label]);

  // The PSA's header and the EVPPI section count the same sampled inputs (joint distributions' members included).
  const psaCount = (await page.getByTestId('psa-section').locator('.card-header').textContent())!.match(/(\d+) parameters sampled/)![1];
  const voi = page.getByTestId('voi-section');
  await expect(voi).toContainText(`Each of the ${psaCount} sampled parameters`);

  // At €30,000 the same strategy is optimal in every draw (EVPI €0.00): no chart of empty rows, the sentence saying
  // why instead; the data table keeps a row per input.
  await voi.getByTestId('voi-se-draws').fill('20');
  await voi.getByTestId('run-evppi').click();
  await expect(voi.getByTestId('evppi-all-zero')).toContainText('Every EVPPI is zero at this threshold', { timeout: 180000 });
  await expect(voi.getByTestId('chart-evppi').locator('.chart-canvas')).toHaveCount(0);
  await expect(voi.getByTestId('chart-evppi').locator('.chart-table tbody tr')).toHaveCount(Number(psaCount));
  await shot(page, 'evppi-all-zero', voi.getByTestId('chart-evppi'));
  // At €50,000 some inputs are worth something (cents per patient): no such sentence, and the axis ticks read apart.
  await voi.getByTestId('voi-wtp').fill('50000');
  await voi.getByTestId('run-evppi').click();
  await expect(voi.getByTestId('chart-evppi')).toContainText('€50,000', { timeout: 180000 });
  await voi.getByTestId('chart-evppi').scrollIntoViewIfNeeded();
  const tickText = voi.getByTestId('chart-evppi').locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label');
  await expect(tickText.first()).toBeVisible();
  const ticks = await tickText.allTextContents();
  expect(ticks.length).toBeGreaterThan(2);
  expect(new Set(ticks).size, ticks.join(' | ')).toBe(ticks.length);
  await expect(voi.getByTestId('evppi-all-zero')).toHaveCount(0);
});

test('PSA table of the HIV example (five thresholds): every probability of being cost-effective is on the card at 1440×900', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/models');
  await page.locator('[data-model-id="hiv-chancellor-1997"]').getByTestId('use-example').click();
  await expect(page.getByTestId('strip-item').first()).toBeVisible();
  await page.getByTestId('model-tab-uncertainty').click();
  await page.getByTestId('psa-iterations').fill('200');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 180000 });
  const table = page.getByTestId('psa-threshold-table');
  const cells = table.getByTestId('psa-prob-ce');
  await expect(cells).toHaveCount(2 * 5);
  // Five thresholds are five row groups: every probability and net benefit is on the card, nothing scrolls sideways.
  expect(await fitsWithoutScrolling(table.locator('xpath=..'))).toBe(true);
  await page.setViewportSize({ width: 1024, height: 640 });
  expect(await fitsWithoutScrolling(table.locator('xpath=..'))).toBe(true);
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'psa-table-hiv', table);

  // The five threshold lines on the CEAC: their labels do not print over each other.
  const ceac = page.getByTestId('chart-ceac');
  await ceac.scrollIntoViewIfNeeded();
  // Threshold labels read "£10,000"; the axis ticks read "£10k".
  const labels = ceac.locator('svg text').filter({ hasText: /^£\d{1,3}(,\d{3})+$/ });
  await expect(labels.first()).toBeVisible();
  const boxes = (await labels.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, text: e.textContent }; }))).sort((a, b) => a.left - b.left);
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left, `${boxes[i - 1]!.text} / ${boxes[i]!.text}`).toBeGreaterThanOrEqual(boxes[i - 1]!.right);
  await shot(page, 'ceac-hiv', ceac);
});
