import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectOnCard, screenshotsAtBothSizes, useExample as useWorkspaceCopy } from './journeys';
import { axeViolations } from './axe';

// The analysis screens at the minimum window (1024×640) as well as at 1440×900: the tornado's bars keep more than
// half of the chart beside labels wrapped on lines that do not overlap, and the scenario results (costs, effects,
// increments, ICER and the PSA summary) read without sideways scrolling.

const dir = 'test-results/screenshots';

const shot = (page: Page, name: string, target: Locator) => screenshotsAtBothSizes(page, `narrow-${name}`, target);

async function useExample(page: Page, id: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await useWorkspaceCopy(page, id);
}

async function expectNoAxeViolations(page: Page, where: string) {
  expect(await axeViolations(page, { impacts: ['serious', 'critical'] }), where).toEqual([]);
}

/** The tornado's drawing: chart and bar widths, and each label's box. */
async function tornadoLayout(chart: Locator) {
  return chart.evaluate((el) => {
    const svg = el.querySelector('.recharts-surface')!.getBoundingClientRect();
    const grid = el.querySelector('.recharts-cartesian-grid')!.getBoundingClientRect();
    const labels = [...el.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => {
      const r = t.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, text: [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') };
    });
    return { chart: svg.width, chartLeft: svg.left, bars: grid.width, barsLeft: grid.left, labels };
  });
}

test.describe.configure({ timeout: 300000 });

test('tornado: bars take more than half of the chart at 1024 px, labels wrapped without overlapping, 1440 px as wide', async ({ page }) => {
  await useExample(page, 'liquid-biopsy-nsclc');
  await page.getByTestId('model-tab-uncertainty').click();
  await page.getByTestId('run-dsa').click();
  const chart = page.getByTestId('chart-tornado');
  await expect(chart.locator('.recharts-surface')).toBeVisible({ timeout: 120000 });
  const names = await chart.locator('.chart-table tbody th').allTextContents();
  for (const [w, h, bars] of [[1440, 900, 672], [1024, 640, 0]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await expect.poll(async () => (await tornadoLayout(chart)).chart, { timeout: 10000 }).toBeLessThan(w - 200);
    const layout = await tornadoLayout(chart);
    // At 1440 the bars are as wide as before (672 px); at 1024 they have more than half of the chart.
    expect(layout.bars, `${w}`).toBeGreaterThanOrEqual(Math.max(bars, layout.chart / 2));
    expect(layout.labels).toHaveLength(names.length);
    const sorted = [...layout.labels].sort((a, b) => a.top - b.top);
    for (let i = 0; i < sorted.length; i++) {
      // Every label whole: its parameter's name, inside the chart, left of the bars, clear of the next label.
      expect(sorted[i]!.text).toContain(names[i]!);
      expect(sorted[i]!.left, sorted[i]!.text).toBeGreaterThanOrEqual(layout.chartLeft);
      expect(sorted[i]!.right).toBeLessThanOrEqual(layout.barsLeft);
      if (i > 0) expect(sorted[i]!.top, `${sorted[i - 1]!.text} / ${sorted[i]!.text}`).toBeGreaterThanOrEqual(sorted[i - 1]!.bottom);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'tornado', chart);
  await expectNoAxeViolations(page, 'uncertainty screen with the tornado');
});

/** Each row of a table as [scenario id, strategy, its cells' texts]. */
async function rowTexts(table: Locator, rowTestId: string): Promise<string[][]> {
  return table.getByTestId(rowTestId).evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-scenario-id') ?? '', ...[...r.querySelectorAll('th[scope="row"], td')].map((c) => c.textContent ?? '')]));
}

for (const example of [{ id: 'liquid-biopsy-nsclc', thresholds: 2, splitAt: [1024] }, { id: 'hiv-chancellor-1997', thresholds: 5, splitAt: [1280, 1024] }]) {
  test(`scenario results of ${example.id} (${example.thresholds} thresholds) read without sideways scrolling at 1440, 1280 and 1024 px, nothing lost`, async ({ page }) => {
    await useExample(page, example.id);
    await page.getByTestId('model-tab-scenarios').click();
    await page.getByTestId('scenario-iterations').fill('20');
    await page.getByTestId('run-scenarios-psa').click();
    await expect(page.getByTestId('chart-scenario-ceac')).toBeVisible({ timeout: 300000 });
    const table = page.getByTestId('scenario-table');
    const psaTable = page.getByTestId('scenario-psa-table');

    // 1440: one table, a scenario column and a probability column per threshold, as before.
    await expectOnCard(table, '1440');
    await expect(psaTable).toHaveCount(0);
    await expect(table.locator('thead th')).toHaveCount(7 + example.thresholds);
    const wide = await rowTexts(table, 'scenario-result-row');
    expect(wide.length).toBeGreaterThan(1);
    for (const row of wide) expect(row).toHaveLength(1 + 6 + example.thresholds);

    for (const [w, h] of [[1280, 800], [1024, 640]] as const) {
      await page.setViewportSize({ width: w, height: h });
      const split = example.splitAt.includes(w);
      await expect(psaTable).toHaveCount(split ? 1 : 0);
      await expectOnCard(table, `${w}`);
      if (!split) {
        expect(await rowTexts(table, 'scenario-result-row'), `${w}`).toEqual(wide);
        continue;
      }
      await expectOnCard(psaTable, `${w} PSA`);
      // Every ICER within the card, unclipped.
      for (const icer of await table.getByTestId('scenario-icer').all()) {
        expect(await icer.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= el.closest('.card')!.getBoundingClientRect().right), `${w}`).toBe(true);
      }
      // The same figures as at 1440, each row's probabilities in the second table, row for row.
      const results = await rowTexts(table, 'scenario-result-row');
      const psa = await rowTexts(psaTable, 'scenario-psa-row');
      expect(psa.map((r) => r.slice(0, 2)), `${w}`).toEqual(results.map((r) => r.slice(0, 2)));
      expect(results.map((r, i) => [...r, ...psa[i]!.slice(2)]), `${w}`).toEqual(wide);
      await expect(page.getByTestId('scenario-psa-caption')).toContainText('20 PSA draws per scenario');
      await expect(page.getByRole('table', { name: await page.getByTestId('scenario-psa-caption').textContent() ?? '' })).toHaveAttribute('data-testid', 'scenario-psa-table');
      if (w === 1024) {
        // Below 1280 each scenario's name heads its rows across the table.
        await expect(table.getByTestId('scenario-group')).toHaveCount(new Set(wide.map((r) => r[0])).size);
        await expectNoAxeViolations(page, `${example.id} scenarios at ${w}`);
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(psaTable).toHaveCount(0);
    expect(await rowTexts(table, 'scenario-result-row')).toEqual(wide);
    await expectNoAxeViolations(page, `${example.id} scenarios at 1440`);
    await shot(page, `scenarios-${example.id}`, table);
    await page.setViewportSize({ width: 1024, height: 640 });
    await psaTable.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/narrow-scenarios-psa-${example.id}-1024.png` });
    // French and Dutch headings are longer: still on the card.
    for (const locale of ['fr-BE', 'nl-BE']) {
      await page.getByTestId('display-language').selectOption(locale);
      await expect(page.getByTestId('scenario-psa-caption')).not.toContainText('PSA draws per scenario');
      await expectOnCard(table, `${locale} 1024`);
      await expectOnCard(psaTable, `${locale} 1024 PSA`);
    }
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/narrow-scenarios-nl-${example.id}-1024.png` });
  });
}
