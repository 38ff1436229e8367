import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures';

// Issue 19 (languages): the provenance lines written above an exported table (the model, its SHA-256, the app and
// engine) follow the display language, as the table's own headers do.

const expected = {
  'fr-BE': [/^Modèle : Liquid biopsy/, /^SHA-256 du modèle : [0-9a-f]{64}$/, /^HTA Workbench \S+, moteur \S+$/],
  'nl-BE': [/^Model: Liquid biopsy/, /^SHA-256 van het model: [0-9a-f]{64}$/, /^HTA Workbench \S+, rekenkern \S+$/],
} as const;

for (const locale of ['fr-BE', 'nl-BE'] as const) {
  test(`an exported table's provenance lines in ${locale}`, async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('display-language').selectOption(locale);
    await page.getByTestId('nav-models').click();
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
    await expect(page.getByTestId('model-page')).toHaveAttribute('data-model-id', /.+/);
    await expect(page.getByTestId('strip-item').first()).toBeVisible();
    await page.getByTestId('model-tab-results').click();
    await expect(page.getByTestId('incremental-row').first()).toBeVisible();
    const pending = page.waitForEvent('download');
    await page.getByTestId('export-incremental').click();
    await page.getByTestId('export-incremental-xlsx').click();
    const download = await pending;
    const path = join(tmpdir(), `hta-e2e-${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const lines = [2, 3, 4].map((row) => String(sheet.getCell(row, 1).value));
    expected[locale].forEach((pattern, i) => expect(lines[i]).toMatch(pattern));
  });
}
