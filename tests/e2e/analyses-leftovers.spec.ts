import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { axeViolations } from './axe';

// Analysis leftovers, each on screen at 1440x900 and 1024x640: imported draws whose every EVPPI is zero get the
// model's note and table (no empty chart, no whiskers described), and so does their EVPI, zero at every threshold;
// the base-case plane's tooltip shows the strategy under the pointer (nearest in both axes) with the figures of its
// data-table row, its point keeping its colour; a full-precision parameter value reads in full in its input at 1024 px.
const dir = 'test-results/screenshots';
const sizes = [{ width: 1440, height: 900 }, { width: 1024, height: 640 }];

/** Draws where the second strategy is cheaper and better in every draw: EVPI and every EVPPI are zero. */
function dominatedDraws(): string {
  const lines = ['sim,e_SQ,e_Vac,c_SQ,c_Vac,p_a,p_b'];
  for (let i = 1; i <= 500; i++) {
    const a = ((i * 37) % 101) / 101;
    const b = ((i * 53) % 97) / 97;
    lines.push([i, 1 + 0.1 * a, 2 + 0.1 * b, 1000 + 100 * b, 500 + 50 * a, a, b].join(','));
  }
  return lines.join('\n');
}

/** Draws where three strategies' means nearly coincide, a little above the middle of the plane; a fourth lies lower. */
function coincidingMeansDraws(): string {
  const lines = ['sim,e_SQ,e_A,e_B,e_C,e_D,c_SQ,c_A,c_B,c_C,c_D,p_a,p_b'];
  for (let i = 1; i <= 500; i++) {
    const a = ((i * 37) % 101) / 101;
    const b = ((i * 53) % 97) / 97;
    const e = (k: number) => 1.05 + 0.0001 * k + 0.04 * (a - 0.5);
    const c = (k: number) => 1560 + k + 800 * (b - 0.5);
    lines.push([i, 1, e(0), e(1), e(2), 1 + 0.04 * (b - 0.5), 1000, c(0), c(1), c(2), 1300 + 500 * (a - 0.5), a, b].join(','));
  }
  return lines.join('\n');
}

/** The tooltip inside the plane's plot area (its grid), clear of every axis tick label. */
async function tooltipInPlotArea(plane: Locator, what: string) {
  const grid = (await plane.locator('.recharts-cartesian-grid').boundingBox())!;
  const tip = (await plane.getByTestId('plane-tooltip').boundingBox())!;
  expect(tip.y, `${what}: below the plot area's top`).toBeGreaterThanOrEqual(grid.y - 1);
  expect(tip.y + tip.height, `${what}: above the plot area's bottom`).toBeLessThanOrEqual(grid.y + grid.height + 1);
  expect(tip.x, `${what}: right of the plot area's left`).toBeGreaterThanOrEqual(grid.x - 1);
  expect(tip.x + tip.width, `${what}: left of the plot area's right`).toBeLessThanOrEqual(grid.x + grid.width + 1);
  for (const tick of await plane.locator('.recharts-cartesian-axis-tick-value').all()) {
    const b = await tick.boundingBox();
    if (!b) continue;
    const covers = tip.x < b.x + b.width && b.x < tip.x + tip.width && tip.y < b.y + b.height && b.y < tip.y + tip.height;
    expect(covers, `${what}: over the tick label ${await tick.textContent()}`).toBe(false);
  }
}

async function serious(page: Page) {
  expect(await axeViolations(page, { impacts: ['serious', 'critical'] }), 'axe').toEqual([]);
}

test.beforeAll(() => mkdirSync(dir, { recursive: true }));

for (const size of sizes) {
  test(`imported draws with every EVPPI and EVPI zero: notes and tables, no chart and no whiskers (${size.width})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await page.goto('/#/models');
    await page.getByTestId('analyse-psa-results').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('choose-draws-file').click();
    await (await chooser).setFiles({ name: 'dominated.csv', mimeType: 'text/csv', buffer: Buffer.from(dominatedDraws()) });
    const evppi = page.getByTestId('draws-evppi');
    await expect(evppi).toBeVisible({ timeout: 60_000 });
    await expect(evppi.getByTestId('evppi-all-zero')).toContainText('Every EVPPI is zero at this threshold: removing the uncertainty about any one parameter alone would not change the decision');
    await expect(evppi.locator('.chart-canvas')).toHaveCount(0);
    await expect(evppi.locator('.chart-caption p').first()).toHaveText('The data table below gives the EVPPI of each parameter.');
    await expect(evppi).not.toContainText('whiskers');
    await expect(evppi.locator('.chart-table tbody tr')).toHaveCount(2);
    await page.getByTestId('draws-evppi-card').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/leftovers-evppi-zero-${size.width}.png` });
    await serious(page);

    // EVPI is zero at every threshold too: a note instead of a flat line on the axis; the table keeps the thresholds.
    const evpi = page.getByTestId('draws-evpi');
    await expect(evpi.getByTestId('evpi-all-zero')).toContainText(/^EVPI is zero at every threshold from 0 to [\d,]+: at each one, the same strategy is best in every draw/);
    await expect(evpi.locator('.chart-canvas')).toHaveCount(0);
    await expect(evpi.locator('.chart-legend')).toHaveCount(0);
    expect(await evpi.locator('.chart-table tbody tr').count()).toBeGreaterThan(2);
    await evpi.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/leftovers-evpi-zero-${size.width}.png` });
    await serious(page);
  });

  test(`a full-precision parameter value reads in full in its input (${size.width})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await page.goto('/#/models');
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
    await expect(page.getByTestId('strip-item').first()).toBeVisible();

    // A full-precision value: every digit is in the field and fits it, the title repeats it.
    await page.getByTestId('model-tab-model').click();
    const input = page.locator('[data-testid^="param-input-"]').first();
    await input.fill('0.584059234381');
    await expect(input).toHaveValue('0.584059234381');
    await expect(input).toHaveAttribute('title', '0.584059234381');
    const fits = await input.evaluate((e) => e.scrollWidth <= e.clientWidth);
    expect(fits, 'the whole value is visible in its input').toBe(true);
    await input.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/leftovers-param-value-${size.width}.png` });
    await serious(page);
  });

  test(`base-case plane: the tooltip shows the strategy under the pointer, its figures as in the data table (${size.width})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await page.goto('/#/models');
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
    await expect(page.getByTestId('strip-item').first()).toBeVisible();
    await page.getByTestId('model-tab-results').click();
    const plane = page.getByTestId('chart-ce-plane');
    await expect(plane.locator('.recharts-scatter-symbol').first()).toBeVisible({ timeout: 60_000 });
    await plane.scrollIntoViewIfNeeded();
    // One scatter per strategy, in the legend's order; the data table: strategy, effect, cost.
    const strategies = (await plane.locator('.chart-legend li').allTextContents()).slice(0, await plane.locator('.recharts-scatter').count());
    const symbols = plane.locator('.recharts-scatter-symbol');
    const n = await symbols.count();
    expect(n).toBe(strategies.length);
    const fills = await symbols.evaluateAll((els) => els.map((e) => e.querySelector('path')?.getAttribute('fill') ?? ''));
    expect(new Set(fills).size).toBe(n);
    const rows = await plane.locator('.chart-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => r[0])).toEqual(strategies);
    // Plasma-first and concurrent have the same QALYs (costs €114 apart): the old tooltip, going by the effect
    // alone, showed plasma-first's cost over concurrent's point.
    expect(new Set(rows.map((r) => r[1])).size).toBeLessThan(n);
    const tooltip = plane.getByTestId('plane-tooltip');
    for (let i = 0; i < n; i++) {
      const mark = symbols.nth(i).locator('path').first();
      const b = (await mark.boundingBox())!;
      const centre = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      await page.mouse.move(centre.x, centre.y);
      await expect(tooltip).toBeVisible();
      // Headed by this strategy, with its own effect and cost exactly as its row of the data table gives them.
      await expect(tooltip.locator('.chart-tooltip-title').first()).toHaveText(strategies[i]!);
      const first = tooltip.locator('.plane-tooltip-entry').first();
      await expect(first).toContainText(`QALYs: ${rows[i]![1]}`);
      await expect(first).toContainText(`Cost (EUR): ${rows[i]![2]}`);
      // A strategy drawn over it (plasma-first under concurrent, a few pixels apart) is named with its own figures.
      for (const entry of await tooltip.locator('.plane-tooltip-entry').all()) {
        const text = (await entry.textContent()) ?? '';
        const named = rows.filter((r) => text.startsWith(r[0]!) || text.includes(`, ${r[0]!}`));
        expect(named.length, text).toBeGreaterThan(0);
        for (const r of named) expect(text, r[0]).toContain(`QALYs: ${r[1]}Cost (EUR): ${r[2]}`);
      }
      // A ring marks the point the tooltip is about; its colour stays the strategy's (nothing drawn over its centre).
      await expect(plane.locator('.plane-hover-ring')).toHaveCount(1);
      const top = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('fill') ?? null, centre);
      expect(fills, `point ${i} keeps a strategy's colour`).toContain(top);
      // The tooltip stays inside the drawing.
      const box = (await plane.locator('.chart-canvas').boundingBox())!;
      const tip = (await tooltip.boundingBox())!;
      expect(tip.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(tip.x + tip.width).toBeLessThanOrEqual(box.x + box.width + 1);
    }
    // Away from every point: no tooltip (it used to show whichever strategy was nearest along the effect axis).
    const grid = (await plane.locator('.recharts-cartesian-grid').boundingBox())!;
    await page.mouse.move(grid.x + 6, grid.y + 6); // top left: dearer and less effective than every strategy
    await expect(tooltip).toHaveCount(0);
    const last = symbols.nth(n - 1).locator('path').first();
    const lb = (await last.boundingBox())!;
    await page.mouse.move(lb.x + lb.width / 2, lb.y + lb.height / 2);
    await expect(tooltip).toBeVisible();
    await page.screenshot({ path: `${dir}/leftovers-plane-tooltip-${size.width}.png` });
    await serious(page);
    await page.mouse.move(0, 0);
    await expect(tooltip).toHaveCount(0);

    // Keyboard: the same figures in the plane's data table, opened from the keyboard.
    const disclosure = plane.locator('.chart-data > summary');
    await disclosure.focus();
    await expect(disclosure).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(plane.locator('.chart-table')).toBeVisible();
    await expect(plane.locator('.chart-table tbody tr')).toHaveCount(n);
    await serious(page);
  });

  test(`PSA plane: over a mean's diamond the tooltip shows that mean (and means drawn over it), not the draws beneath (${size.width})`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize(size);
    await page.goto('/#/models');
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
    await expect(page.getByTestId('strip-item').first()).toBeVisible();
    await page.getByTestId('model-tab-uncertainty').click();
    await page.getByTestId('run-psa').click();
    const plane = page.getByTestId('chart-psa-plane');
    await expect(plane.locator('.recharts-scatter-symbol').first()).toBeVisible({ timeout: 200_000 });
    await plane.scrollIntoViewIfNeeded();
    // The data table: strategy, mean incremental cost, …; the diamonds are the last scatters, one per strategy.
    const rows = await plane.locator('.chart-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
    const scatters = plane.locator('.recharts-scatter');
    const count = await scatters.count();
    const tooltip = plane.getByTestId('plane-tooltip');
    for (const [i, row] of rows.entries()) {
      const diamond = scatters.nth(count - rows.length + i).locator('.recharts-scatter-symbol path').first();
      const b = (await diamond.boundingBox())!;
      // Off its centre, inside the diamond, where draws lie nearer than the mean's centre.
      await page.mouse.move(b.x + b.width / 2 + 2, b.y + b.height / 2 + 1);
      // Named with its own mean cost (first, or after a mean drawn over it nearer the pointer); no draw named.
      await expect(tooltip.locator('.plane-tooltip-entry', { hasText: `Mean: ${row[0]}` })).toContainText(`Incremental cost (EUR): ${row[1]}`);
      for (const title of await tooltip.locator('.chart-tooltip-title').allTextContents()) expect(title).toMatch(/^Mean: /);
      // Inside the drawing.
      const box = (await plane.locator('.chart-canvas').boundingBox())!;
      const tip = (await tooltip.boundingBox())!;
      expect(tip.y, `tooltip of ${row[0]} below the drawing's top`).toBeGreaterThanOrEqual(box.y - 1);
      expect(tip.y + tip.height, `tooltip of ${row[0]} above the drawing's bottom`).toBeLessThanOrEqual(box.y + box.height + 1);
      expect(tip.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(tip.x + tip.width).toBeLessThanOrEqual(box.x + box.width + 1);
      await tooltipInPlotArea(plane, `tooltip of ${row[0]}`);
    }
    await page.screenshot({ path: `${dir}/leftovers-psa-plane-mean-${size.width}.png` });
    await serious(page);
  });
}

test('PSA plane at 1024 px: the tooltip of three coinciding means stays inside the drawing', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto('/#/models');
  await page.getByTestId('analyse-psa-results').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-draws-file').click();
  await (await chooser).setFiles({ name: 'coinciding.csv', mimeType: 'text/csv', buffer: Buffer.from(coincidingMeansDraws()) });
  const plane = page.getByTestId('draws-plane');
  await expect(plane.locator('.recharts-scatter-symbol').first()).toBeVisible({ timeout: 60_000 });
  await plane.scrollIntoViewIfNeeded();
  const rows = await plane.locator('.chart-table tbody tr').count();
  const scatters = plane.locator('.recharts-scatter');
  const count = await scatters.count();
  const tooltip = plane.getByTestId('plane-tooltip');
  let most = 0;
  for (let i = 0; i < rows; i++) {
    const diamond = scatters.nth(count - rows + i).locator('.recharts-scatter-symbol path').first();
    const b = (await diamond.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await expect(tooltip).toBeVisible();
    const entries = await tooltip.locator('.plane-tooltip-entry').count();
    const canvas = (await plane.locator('.chart-canvas').boundingBox())!;
    const tip = (await tooltip.boundingBox())!;
    // It opened below these means (upper half) and ran past the drawing's bottom edge; now it moves up.
    expect(tip.y, `tooltip ${i} below the drawing's top`).toBeGreaterThanOrEqual(canvas.y - 1);
    expect(tip.y + tip.height, `tooltip ${i} (${entries} entries) above the drawing's bottom`).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
    expect(tip.x).toBeGreaterThanOrEqual(canvas.x - 1);
    expect(tip.x + tip.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    // Inside the plot area: moved up only to the drawing's bottom edge, it covered the x axis's tick labels.
    await tooltipInPlotArea(plane, `tooltip ${i} (${entries} entries)`);
    if (entries > most) {
      most = entries;
      await page.screenshot({ path: `${dir}/leftovers-psa-plane-three-means-1024.png` });
    }
  }
  // The means of A, B and C are told apart (different figures), each in its own entry.
  expect(most, 'a tooltip names the three coinciding means').toBeGreaterThanOrEqual(3);
  await serious(page);
});
