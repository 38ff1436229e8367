import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectOnCard, useExample } from './journeys';
import { axeViolations } from './axe';

// Ten willingness-to-pay thresholds: the scenario results' probabilities cost-effective read without sideways
// scrolling at 1440, 1280 and 1024 px (they scrolled 180 px at 1024 and the one wide table 470 px at 1440): beside
// the results at most five, more in row groups of at most five, each a table of its own under the results.

const THRESHOLDS = [0, 10000, 20000, 30000, 40000, 50000, 60000, 80000, 100000, 150000];
const dir = 'test-results/screenshots';

test.describe.configure({ timeout: 400000 });

/** Each row of a table as [scenario id, strategy, its cells' texts]. */
async function rowTexts(table: Locator, rowTestId: string): Promise<string[][]> {
  return table.getByTestId(rowTestId).evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-scenario-id') ?? '', ...[...r.querySelectorAll('th[scope="row"], td')].map((c) => c.textContent ?? '')]));
}

/** Every probability of the split tables, row for row: [scenario id, strategy, the probabilities of every group]. */
async function probabilities(page: Page): Promise<{ thresholds: string[]; rows: string[][] }> {
  const tables = await page.getByTestId('scenario-psa-table').all();
  const thresholds: string[] = [];
  let rows: string[][] = [];
  for (const [g, table] of tables.entries()) {
    thresholds.push(...await table.locator('thead tr:nth-child(2) th').allTextContents());
    const part = await rowTexts(table, 'scenario-psa-row');
    rows = g === 0 ? part : rows.map((r, i) => {
      expect(part[i]!.slice(0, 2), 'the same rows in every group').toEqual(r.slice(0, 2));
      return [...r, ...part[i]!.slice(2)];
    });
  }
  return { thresholds, rows };
}

test('ten thresholds: the scenario PSA probabilities in two tables of five, on the card at 1440, 1280 and 1024 px, nothing lost', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await useExample(page, 'liquid-biopsy-nsclc');
  await page.getByTestId('model-tab-structure').click();
  const wtp = page.getByTestId('edit-setting-wtp');
  await wtp.fill(THRESHOLDS.join(', '));
  await wtp.press('Enter');
  await expect(wtp).toHaveValue(THRESHOLDS.join(', '));
  await page.getByTestId('model-tab-scenarios').click();
  await page.getByTestId('scenario-iterations').fill('20');
  await page.getByTestId('run-scenarios-psa').click();
  await expect(page.getByTestId('chart-scenario-ceac')).toBeVisible({ timeout: 300000 });
  const table = page.getByTestId('scenario-table');
  const psaTables = page.getByTestId('scenario-psa-table');

  let first: { thresholds: string[]; rows: string[][] } | undefined;
  for (const [w, h] of [[1440, 900], [1280, 800], [1024, 640]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await expect(psaTables).toHaveCount(2);
    await expectOnCard(table, `${w}`);
    for (const [g, psa] of (await psaTables.all()).entries()) await expectOnCard(psa, `${w} PSA ${g + 1}`);
    const seen = await probabilities(page);
    expect(seen.thresholds, `${w}`).toEqual(THRESHOLDS.map((v) => `€${v.toLocaleString('en')}`));
    // Row for row with the results above; each probability a percentage.
    const results = await rowTexts(table, 'scenario-result-row');
    expect(seen.rows.map((r) => r.slice(0, 2)), `${w}`).toEqual(results.map((r) => r.slice(0, 2)));
    for (const row of seen.rows) {
      expect(row).toHaveLength(2 + THRESHOLDS.length);
      for (const p of row.slice(2)) expect(p).toMatch(/^\d{1,3}\.\d%$/);
    }
    if (first) expect(seen, `${w}: the same figures as at 1440`).toEqual(first);
    first ??= seen;
    // Each table named by the caption and its thresholds.
    await expect(page.getByRole('table', { name: /thresholds €0 to €40,000$/ })).toHaveAttribute('data-testid', 'scenario-psa-table');
    await expect(page.getByRole('table', { name: /thresholds €50,000 to €150,000$/ })).toHaveAttribute('data-testid', 'scenario-psa-table');
    expect(await axeViolations(page, { impacts: ['serious', 'critical'] }), `axe ${w}`).toEqual([]);
    await page.mouse.move(0, 0);
    // The caption over the first group, and where the second group starts.
    await page.getByTestId('scenario-psa-caption').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/scenarios-ten-thresholds-${w}.png` });
    await psaTables.nth(1).locator('thead').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/scenarios-ten-thresholds-second-${w}.png` });
  }
  // French and Dutch at 1024: still on the card.
  for (const locale of ['fr-BE', 'nl-BE']) {
    await page.getByTestId('display-language').selectOption(locale);
    await expect(page.getByTestId('scenario-psa-caption')).not.toContainText('PSA draws per scenario');
    await expectOnCard(table, `${locale} 1024`);
    for (const [g, psa] of (await psaTables.all()).entries()) await expectOnCard(psa, `${locale} 1024 PSA ${g + 1}`);
  }
  await page.getByTestId('display-language').selectOption('en');
});
