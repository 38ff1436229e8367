import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { screenshot } from './journeys';

// The budget impact of the bundled liquid-biopsy example as an assessor reads it, in English and French at
// 1440×900 and at the smallest window (1024×640): the model's own cost-category names, every table on its card
// without sideways scrolling (and so no "scrolls sideways" tab stop), readable scenario names, and screenshots of each part.

const example = JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')) as { costCategories: { id: string; label: string }[] };
const sizes = [[1440, 900], [1024, 640]] as const;

async function fitsWithoutScrolling(wrap: Locator): Promise<boolean> {
  return wrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
}

async function shot(page: Page, name: string, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  await screenshot(page, `budget-review-${name}`);
}

for (const locale of ['en', 'fr-BE'] as const) {
  test(`budget impact of the liquid-biopsy example in ${locale}: category names, tables on the card, screenshots`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await page.getByTestId('display-language').selectOption(locale);
    await page.goto('/#/models');
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('open-model').click();
    await expect(page.getByTestId('strip-item').first()).toBeVisible();
    await page.getByTestId('model-tab-budget').click();
    await expect(page.getByTestId('budget-table')).toBeVisible({ timeout: 60_000 });

    // The test budget and its downstream costs are named as the model names its cost categories.
    const split = page.getByTestId('budget-test-split');
    for (const c of example.costCategories) await expect(split.locator('.card-header')).toContainText(c.label);
    // The charts' legends too.
    for (const c of example.costCategories) await expect(page.getByTestId('chart-budget').locator('.chart-legend')).toContainText(c.label);

    for (const [width, height] of sizes) {
      await page.setViewportSize({ width, height });
      for (const id of ['budget-table', 'budget-test-table', 'budget-patients-table', 'budget-scenarios-table']) {
        const wrap = page.getByTestId(id).locator('xpath=..');
        expect(await fitsWithoutScrolling(wrap), `${id} at ${width}`).toBe(true);
        // A table that fits is no tab stop and no region announcing "scrolls sideways".
        await expect(wrap, `${id} at ${width}`).not.toHaveAttribute('tabindex');
        await expect(wrap, `${id} at ${width}`).not.toHaveAttribute('role');
      }
      // Each scenario's name reads on one or two lines, never a word a line.
      for (const name of await page.getByTestId('budget-scenarios-row').locator('th').all()) {
        const lines = await name.evaluate((el) => { const range = document.createRange(); range.selectNodeContents(el); return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size; });
        expect(lines, `${await name.textContent()} at ${width}`).toBeLessThanOrEqual(2);
      }
      // The ten bars' labels ("2027 current", "2027 new", …) do not run into each other.
      const ticks = page.getByTestId('chart-budget').locator('.recharts-xAxis-tick-labels text');
      await expect(ticks).toHaveCount(10);
      const boxes = await ticks.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, text: e.textContent }; }));
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left, `${boxes[i - 1]!.text} / ${boxes[i]!.text} at ${width}`).toBeGreaterThanOrEqual(boxes[i - 1]!.right);
      await shot(page, `${locale}-${width}-table`, page.getByTestId('budget-table'));
      await shot(page, `${locale}-${width}-test`, split);
      await shot(page, `${locale}-${width}-scenarios`, page.getByTestId('budget-scenarios'));
      // The signed base impact in the tornado's description stays on one line; its text is just what is shown.
      const amount = page.getByTestId('chart-budget-tornado').locator('p .nowrap');
      await expect(amount).toHaveCount(1);
      await expect(amount).toHaveText(/^[+−][^\n]*\d/u);
      expect(await amount.evaluate((el) => { const range = document.createRange(); range.selectNodeContents(el); return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size; }), `amount at ${width}`).toBe(1);
      expect(await amount.evaluate((el) => /[\u200b-\u200d\u2060\ufeff]/u.test(el.textContent ?? ''))).toBe(false);
      await shot(page, `${locale}-${width}-tornado`, page.getByTestId('chart-budget-tornado'));
      await shot(page, `${locale}-${width}-chart`, page.getByTestId('chart-budget'));
      await shot(page, `${locale}-${width}-impact`, page.getByTestId('chart-budget-impact'));
      await shot(page, `${locale}-${width}-patients`, page.getByTestId('budget-patients-table'));
    }
  });
}
