import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { axeViolations } from './axe';

// Three analysis leftovers, each on screen at 1440x900 and 1024x640: imported draws whose every EVPPI is zero get
// the model's note and table (no empty chart, no whiskers described); the base-case plane's tooltip names the
// hovered strategy, whose point keeps its colour; a full-precision parameter value is readable in its input at 1024 px.
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

async function serious(page: Page) {
  expect(await axeViolations(page, { impacts: ['serious', 'critical'] }), 'axe').toEqual([]);
}

test.beforeAll(() => mkdirSync(dir, { recursive: true }));

for (const size of sizes) {
  test(`imported draws with every EVPPI zero: the note and the table, no chart and no whiskers (${size.width})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await page.goto('/#/models');
    await page.getByTestId('analyse-psa-results').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('choose-draws-file').click();
    await (await chooser).setFiles({ name: 'dominated.csv', mimeType: 'text/csv', buffer: Buffer.from(dominatedDraws()) });
    const evppi = page.getByTestId('draws-evppi');
    await expect(evppi).toBeVisible({ timeout: 60_000 });
    await expect(evppi.getByTestId('evppi-all-zero')).toContainText('Every EVPPI is zero at this threshold');
    await expect(evppi.locator('.chart-canvas')).toHaveCount(0);
    await expect(evppi.locator('.chart-caption p').first()).toHaveText('The data table below gives the EVPPI of each parameter.');
    await expect(evppi).not.toContainText('whiskers');
    await expect(evppi.locator('.chart-table tbody tr')).toHaveCount(2);
    await page.getByTestId('draws-evppi-card').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/leftovers-evppi-zero-${size.width}.png` });
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

  test(`base-case plane: the tooltip names the hovered strategy, whose point keeps its colour (${size.width})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await page.goto('/#/models');
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
    await expect(page.getByTestId('strip-item').first()).toBeVisible();
    await page.getByTestId('model-tab-results').click();
    const plane = page.getByTestId('chart-ce-plane');
    await expect(plane.locator('.recharts-scatter-symbol').first()).toBeVisible({ timeout: 60_000 });
    await plane.scrollIntoViewIfNeeded();
    const strategies = (await plane.locator('.chart-legend li').allTextContents()).slice(0, await plane.locator('.recharts-scatter').count());
    const symbols = plane.locator('.recharts-scatter-symbol');
    const n = await symbols.count();
    expect(n).toBeGreaterThan(1);
    const fills = await symbols.evaluateAll((els) => els.map((e) => e.querySelector('path')?.getAttribute('fill') ?? ''));
    expect(new Set(fills).size).toBe(n);
    const rows = await plane.locator('.chart-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => r[0])).toEqual(strategies);
    const tooltip = plane.locator('.recharts-tooltip-wrapper').first();
    let named = 0;
    for (let i = 0; i < n; i++) {
      const mark = symbols.nth(i).locator('path').first();
      const fill = fills[i];
      const b = (await mark.boundingBox())!;
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
      await expect(tooltip).toBeVisible();
      const text = (await tooltip.textContent()) ?? '';
      // Headed by one of the strategies (the hovered one; coinciding points may share a spot).
      // ... and its figures are that strategy's (the plane's data table: strategy, effect, cost).
      const strategy = strategies.find((s) => text.startsWith(s));
      if (strategy !== undefined) {
        named++;
        const row = rows.find((r) => r[0] === strategy)!;
        expect(text, `${strategy}: its cost`).toContain(row[2]);
      }
      expect(text, 'the effect and the cost stay').toMatch(/QALYs ?: \d\.\d{3}.*Cost \(EUR\) : €[\d,]+/);
      // No grey hover dot over the point: what shows at its centre is the strategy's own colour.
      await expect(plane.locator('.recharts-active-dot')).toHaveCount(0);
      const top = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('fill') ?? null, { x: b.x + b.width / 2, y: b.y + b.height / 2 });
      // (Two strategies of this example nearly coincide: the one drawn later may cover the other, in its own colour.)
      expect(fills, `point ${i} (${fill}) keeps a strategy's colour`).toContain(top);
    }
    expect(named).toBe(n);
    const last = symbols.nth(n - 1).locator('path').first();
    const lb = (await last.boundingBox())!;
    await page.mouse.move(lb.x + lb.width / 2, lb.y + lb.height / 2);
    await page.screenshot({ path: `${dir}/leftovers-plane-tooltip-${size.width}.png` });
    await serious(page);
  });
}
