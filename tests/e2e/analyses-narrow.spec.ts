import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { axeViolations } from './axe';

// The analysis screens at the minimum window (1024×640) as well as at 1440×900: the tornado's bars keep more than
// half of the chart beside labels wrapped on lines that do not overlap, and the scenario results (costs, effects,
// increments, ICER and the PSA summary) read without sideways scrolling.

const dir = 'test-results/screenshots';

async function shot(page: Page, name: string, target: Locator) {
  mkdirSync(dir, { recursive: true });
  await page.mouse.move(0, 0);
  for (const [w, h] of [[1440, 900], [1024, 640]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/narrow-${name}-${w}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function useExample(page: Page, id: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/models');
  await page.locator(`[data-model-id="${id}"]`).getByTestId('use-example').click();
  await expect(page.getByTestId('strip-item').first()).toBeVisible();
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
