import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures';

// "Analyse PSA results…" (issue 14 item 7): the BCEA vaccine draws read in the app give the same CEAC and EVPI as
// `hta voi` and BCEA's published figures; a bad file gets a located message. Screenshots for review.
const dir = 'test-results/screenshots';
const vaccineCsv = readFileSync(resolve(__dirname, '../fixtures/reference/data/bcea_vaccine_ce.csv'));

test('analyses the BCEA vaccine draws: means, incremental analysis, CE plane, CEAC and EVPI', async ({ page }) => {
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/models');
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.screenshot({ path: `${dir}/models-analyse-psa-1024.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('analyse-psa-results').click();
  await expect(page.getByTestId('no-draws')).toBeVisible();
  await page.getByTestId('draws-max-wtp').fill('50000');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-draws-file').click();
  await (await chooser).setFiles({ name: 'bcea_vaccine_ce.csv', mimeType: 'text/csv', buffer: vaccineCsv });
  await expect(page.getByTestId('draws-summary')).toContainText('1,000 draws of 2 strategies (wide-named layout)');
  await expect(page.getByTestId('draws-means-table')).toContainText('SQ');
  await expect(page.getByTestId('draws-incremental-table')).toContainText('20,098');
  await expect(page.getByTestId('draws-ceac')).toBeVisible();
  await expect(page.getByTestId('draws-evpi')).toBeVisible();
  // The EVPI chart's data table holds the grid 0…50,000 by 500: BCEA's 2.41 per person at 25,000.
  await expect(page.getByTestId('draws-evpi')).toContainText('2.41');
  await page.screenshot({ path: `${dir}/psa-results-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.screenshot({ path: `${dir}/psa-results-1024.png`, fullPage: true });

  const bad = page.waitForEvent('filechooser');
  await page.getByTestId('choose-draws-file').click();
  await (await bad).setFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('c_A,e_A,c_B,e_B\n1,2,3,4\n1,2,abc,4\n') });
  await expect(page.getByTestId('draws-error')).toContainText('bad.csv: line 3, column "c_B": "abc" is not a number');
});

test('a workbook whose first worksheet holds no draws: the message names the worksheet, and choosing the right one reads it', async ({ page }) => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('About').addRow(['Exported by a company model']);
  const sheet = wb.addWorksheet('PSA draws');
  const lines = vaccineCsv.toString('utf8').trim().split(/\r?\n/);
  sheet.addRow(lines[0]!.split(',').map((h) => h.replace(/"/g, '')));
  for (const line of lines.slice(1)) sheet.addRow(line.split(',').map(Number));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/models');
  await page.getByTestId('analyse-psa-results').click();
  await page.getByTestId('draws-max-wtp').fill('50000');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('choose-draws-file').click();
  await (await chooser).setFiles({ name: 'company.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await expect(page.getByTestId('draws-error')).toContainText('company.xlsx, worksheet "About":');
  await expect(page.getByTestId('draws-sheet')).toHaveValue('About');
  await page.getByTestId('draws-sheet').selectOption('PSA draws');
  await expect(page.getByTestId('draws-summary')).toContainText('1,000 draws of 2 strategies (wide-named layout)');
  await expect(page.getByTestId('draws-error')).toHaveCount(0);
  await expect(page.getByTestId('draws-evpi')).toContainText('2.41');
  await page.getByTestId('draws-sheet').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/psa-results-worksheet-1440.png` });
});
