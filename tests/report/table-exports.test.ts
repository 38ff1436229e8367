import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runBaseCase } from '../../src/engine/analysis/base-case';
import { parseModel } from '../../src/engine/compile-model';
import { textColumn, numberColumn, moneyColumn } from '../../src/report/data-table';
import type { DataTable } from '../../src/report/data-table';
import { exportFileName } from '../../src/report/export-names';
import { baseCaseTable, costCategoryTable, incrementalTable, outcomeCountsTable } from '../../src/report/results-tables';
import { tableToCsv } from '../../src/report/table-csv';
import { excelNumberFormat, sheetName, tablesToXlsx } from '../../src/report/table-xlsx';

const model = parseModel(JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')));
const outcome = runBaseCase(model);
if (!outcome.ok) throw new Error('base case failed');
const source = { provenance: ['Model: Liquid biopsy', 'SHA-256: abc'], creator: 'HTA Workbench test', created: new Date('2026-05-01T10:00:00Z') };

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The rows under the header row (found by its first cell), as raw cell values. */
function rowsAfterHeader(sheet: ExcelJS.Worksheet, firstHeader: string): { header: unknown[]; rows: unknown[][] } {
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (headerRow === 0 && row.getCell(1).value === firstHeader) headerRow = n;
  });
  const width = sheet.getRow(headerRow).cellCount;
  const values = (n: number) => Array.from({ length: width }, (_, i) => sheet.getRow(n).getCell(i + 1).value);
  const rows: unknown[][] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) rows.push(values(n));
  return { header: values(headerRow), rows };
}

describe('results tables as data', () => {
  it('incremental table: one row per strategy in cost order, raw numbers, null where there is no increment', () => {
    const t = incrementalTable(outcome, 'EUR');
    expect(t.columns.map((c) => c.header)).toEqual(['Strategy', 'Status', 'Cost (EUR)', 'QALYs', 'Incremental cost (EUR)', 'Incremental QALYs', 'ICER per QALY (EUR)']);
    expect(t.rows).toHaveLength(outcome.incremental.length);
    expect(t.rows.length).toBeGreaterThan(1);
    outcome.incremental.forEach((r, i) => {
      expect(t.rows[i]![2]).toBe(r.cost);
      expect(t.rows[i]![6]).toBe(r.icer ?? null);
    });
    expect(t.rows[0]![4]).toBeNull();
  });
  it('categories add up to the total; outcome counts are per 1,000', () => {
    const t = costCategoryTable(outcome, 'EUR');
    for (const row of t.rows) {
      const parts = row.slice(1, -1) as number[];
      expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(row[row.length - 1] as number, 6);
    }
    const counts = outcomeCountsTable(outcome)!;
    const tp = counts.rows.find((r) => r[0] === 'True positives')!;
    expect(tp[1]).toBeCloseTo(outcome.strategies[0]!.details!.outcomeCounts!.truePositive! * 1000, 9);
    expect(baseCaseTable(outcome, 'EUR').rows[1]![1]).toBe(outcome.strategies[1]!.cost);
  });
  it('CSV has the header and full-precision numbers', () => {
    const csv = tableToCsv(incrementalTable(outcome, 'EUR'));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Strategy,Status,Cost (EUR),QALYs,Incremental cost (EUR),Incremental QALYs,ICER per QALY (EUR)');
    expect(lines[1]!.split(',')[2]).toBe(String(outcome.incremental[0]!.cost));
  });
});

describe('XLSX workbook (exceljs), read back', () => {
  it('numbers are numeric cells equal to the engine results, with display formats', async () => {
    const bytes = await tablesToXlsx([incrementalTable(outcome, 'EUR'), baseCaseTable(outcome, 'EUR')], source);
    const wb = await readBack(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Incremental analysis', 'Base case']);
    const sheet = wb.getWorksheet('Incremental analysis')!;
    expect(sheet.getCell('A1').value).toBe('Incremental analysis');
    expect(sheet.getCell('A2').value).toBe('Model: Liquid biopsy');
    const { header, rows } = rowsAfterHeader(sheet, 'Strategy');
    expect(header[6]).toBe('ICER per QALY (EUR)');
    outcome.incremental.forEach((r, i) => {
      expect(rows[i]![0]).toBe(r.label);
      expect(rows[i]![2]).toBe(r.cost);
      expect(rows[i]![3]).toBe(r.effect);
      expect(rows[i]![6]).toBe(r.icer ?? null);
    });
    const costCell = sheet.getRow(sheet.rowCount).getCell(3);
    expect(costCell.numFmt).toBe('#,##0 "EUR";-#,##0 "EUR"');
    expect(wb.creator).toBe('HTA Workbench test');
  });
  it('text that a spreadsheet would run is neutralised; numbers stay numbers', async () => {
    const hostile: DataTable = {
      title: '=cmd|x',
      columns: [textColumn('=HYPERLINK("http://x","y")'), numberColumn('Value'), moneyColumn('Money')],
      rows: [['=HYPERLINK("http://x","y")', -5, 12], ['+1+2', 1e-9, null], ['\tTab', Number.NaN, Number.POSITIVE_INFINITY]],
    };
    const wb = await readBack(await tablesToXlsx([hostile], { ...source, provenance: ['@SUM(A1)'] }));
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('=cmd|x');
    expect(sheet.getCell('A1').value).toBe("'=cmd|x");
    expect(sheet.getCell('A2').value).toBe("'@SUM(A1)");
    const { header, rows } = rowsAfterHeader(sheet, `'=HYPERLINK("http://x","y")`);
    expect(header[0]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(rows[0]).toEqual([`'=HYPERLINK("http://x","y")`, -5, 12]);
    expect(rows[1]).toEqual(["'+1+2", 1e-9, null]);
    // NaN and Infinity never reach a cell.
    expect(rows[2]).toEqual(["'\tTab", null, null]);
    // No cell anywhere holds a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
  it('sheet names respect Excel’s rules and stay unique', () => {
    expect(sheetName('A/B: [c]*?', new Set())).toBe('A B c');
    expect(sheetName('x'.repeat(40), new Set())).toHaveLength(31);
    expect(sheetName('Base case', new Set(['base case']))).toBe('Base case (2)');
    expect(excelNumberFormat(numberColumn('x', 2))).toBe('#,##0.00');
    expect(excelNumberFormat({ header: 'p', format: 'percent', digits: 1 })).toBe('0.0%');
  });
});

describe('export file names', () => {
  it('say model, analysis and date', () => {
    const at = new Date(2026, 4, 1, 12);
    expect(exportFileName('Liquid biopsy in advanced NSCLC: tissue vs plasma', 'Incremental analysis', at, 'xlsx')).toBe('liquid-biopsy-in-advanced-nsclc-tissue-vs-plasma-incremental-analysis-2026-05-01.xlsx');
    expect(exportFileName('', 'CEAC', at, 'svg')).toBe('model-ceac-2026-05-01.svg');
  });
});
