import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures';
import { readPsaDraws } from '../../src/engine/psa/external-draws';
import { drawsEvppi } from '../../src/engine/psa/draws-analysis';
import { parseCsv } from '../../src/engine/survival-fit/csv-table';

// Issue 14 item 7, the app's journey: the BCEA vaccine draws as an Excel workbook → EVPI (BCEA's 2.41 per person at
// 25,000) and EVPPI per parameter column → stored with a dossier → reload → reopened from the dossier with the same
// figures. The published draws have no parameter columns, so the workbook adds two taken from the draws themselves
// (the incremental cost and effect of vaccination per draw): EVPPI then has something to value, and its figures are
// checked against the engine function `hta voi` uses, run here on the same numbers.
const dir = 'test-results/screenshots';
const csv = readFileSync(resolve(__dirname, '../fixtures/reference/data/bcea_vaccine_ce.csv'), 'utf8');
const header = ['sim', 'e_SQ', 'e_Vac', 'c_SQ', 'c_Vac', 'inc_cost', 'inc_effect'];
const rows = csv.trim().split(/\r?\n/).slice(1).map((line) => {
  const [sim, eSq, eVac, cSq, cVac] = line.split(',').map(Number) as [number, number, number, number, number];
  return [sim, eSq, eVac, cSq, cVac, cVac - cSq, eVac - eSq];
});
const expected = drawsEvppi(readPsaDraws(parseCsv([header.join(','), ...rows.map((r) => r.join(','))].join('\n'))), [25000], ['inc_cost', 'inc_effect'], 200);
const money2 = (v: number) => v.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function vaccineWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('vaccine');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('BCEA vaccine draws from Excel: EVPI and EVPPI, stored in a dossier, reopened after a reload with the same figures, summarised in its report', async ({ page }) => {
  test.setTimeout(300_000);
  mkdirSync(dir, { recursive: true });
  const xlsx = await vaccineWorkbook();
  await page.goto('/#/models');
  await page.getByTestId('analyse-psa-results').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-draws-file').click();
  await (await chooser).setFiles({ name: 'bcea_vaccine_ce.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  const summary = page.getByTestId('draws-summary');
  await expect(summary).toHaveText('1,000 draws of 2 strategies (wide-named layout); 2 parameter columns (inc_cost, inc_effect).');
  await expect(page.getByTestId('draws-incremental-table')).toContainText('20,098');
  await expect(page.getByTestId('draws-evpi')).toContainText('2.41');
  // EVPPI per parameter column, sorted, with standard errors and the method named.
  const evppi = page.getByTestId('draws-evppi');
  await expect(evppi).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('draws-evppi-method')).toContainText('Strong, Oakley & Brennan 2014');
  const evppiTable = evppi.locator('table');
  for (const r of expected) {
    await expect(evppiTable).toContainText(r.parameters[0]!);
    await expect(evppiTable).toContainText(money2(r.evppi));
  }
  // Both together decide the decision, so the larger one carries most of the EVPI (2.41), and neither exceeds it.
  expect(Math.max(...expected.map((r) => r.evppi))).toBeLessThanOrEqual(expected[0]!.evpi + 1e-9);
  const figures = { summary: await summary.textContent(), evpi: await page.getByTestId('draws-evpi').locator('table').textContent(), evppi: await evppiTable.textContent() };

  await page.screenshot({ path: `${dir}/psa-import-xlsx-1440.png` });
  await page.getByTestId('draws-evppi-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/psa-import-evppi-1440.png` });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByTestId('draws-evppi-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/psa-import-evppi-1024.png` });
  await page.getByTestId('store-draws-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/psa-import-store-1024.png` });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Store with the example dossier (seeded on first run).
  const select = page.getByTestId('store-draws-dossier');
  await expect(select.locator('option')).not.toHaveCount(0);
  // The selected dossier's title (the one the draws go to), not the first option read apart from the selection.
  const dossierTitle = await select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '');
  expect(dossierTitle).not.toBe('');
  await page.getByTestId('store-draws').click();
  await expect(page.getByTestId('open-stored-draws')).toBeVisible();

  // Reload: the stored copy is found from the dossier, not from memory.
  await page.reload();
  await page.goto('/#/library');
  await page.getByRole('link', { name: dossierTitle }).first().click();
  await page.goto(page.url().replace(/\/[^/]*$/, '/models'));
  const row = page.getByTestId('imported-psa-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('bcea_vaccine_ce.xlsx');
  await expect(row).toContainText('SQ, Vac');
  await expect(row).toContainText('1,000');
  await page.getByTestId('imported-psa-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/psa-import-dossier-list-1440.png` });
  await page.getByTestId('open-imported-psa').click();
  await expect(page.getByTestId('draws-stored-note')).toContainText(dossierTitle);
  await expect(page.getByTestId('draws-stored-note')).toContainText('bcea_vaccine_ce.xlsx, worksheet “vaccine”');
  await expect(summary).toHaveText(figures.summary!);
  await expect(page.getByTestId('draws-evppi')).toBeVisible({ timeout: 60_000 });
  expect(await page.getByTestId('draws-evpi').locator('table').textContent()).toBe(figures.evpi);
  expect(await page.getByTestId('draws-evppi').locator('table').textContent()).toBe(figures.evppi);
  await page.screenshot({ path: `${dir}/psa-import-reopened-1440.png` });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByTestId('draws-evppi-card').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/psa-import-reopened-evppi-1024.png` });

  // The dossier's report summarises the stored draws in its uncertainty section.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/library');
  await page.getByTestId('library-row').filter({ hasText: dossierTitle }).getByTestId('open-dossier').click();
  await page.getByTestId('open-report').click();
  const imported = page.getByTestId('report-preview').locator('#sec-uncertainty-imported');
  await expect(imported).toBeVisible({ timeout: 120_000 });
  await expect(imported).toContainText('PSA results of other models');
  await expect(imported).toContainText('worksheet “vaccine”');
  await expect(imported).toContainText('1,000 draws of 2 strategies');
  await imported.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/psa-import-report-1440.png` });
});

test('EVPPI of many parameter columns shows progress and can be cancelled, then run again', async ({ page }) => {
  test.setTimeout(120_000);
  // 12 parameter columns of 10,000 draws (the 1,000 above, ten times): EVPPI runs four at a time, so the first call
  // is still running when Cancel is pressed (with 1,000 draws a fast run could end before the click).
  const names = Array.from({ length: 12 }, (_, k) => `p${k + 1}`);
  const draws = Array.from({ length: 10 }, () => rows).flat();
  const lines = [[...header.slice(0, 5), ...names].join(','), ...draws.map((r, i) => [...r.slice(0, 5), ...names.map((_, k) => ((i * (k + 7919)) % 997) / 997)].join(','))];
  await page.goto('/#/psa-results');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-draws-file').click();
  await (await chooser).setFiles({ name: 'many-parameters.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByTestId('draws-evppi-progress')).toContainText('of 12 parameters');
  await page.getByTestId('cancel-draws-evppi').click();
  await expect(page.getByTestId('draws-evppi-cancelled')).toBeVisible();
  await expect(page.getByTestId('draws-evppi')).toHaveCount(0);
  await page.getByTestId('run-draws-evppi').click();
  await expect(page.getByTestId('draws-evppi-progress')).toBeVisible();
});
