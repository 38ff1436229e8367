// The Excel export read back with exceljs: one sheet each for inputs, results, PSA draws, budget impact and CHEERS;
// numbers as numeric cells equal to the engine's (full precision) with a number format; text a spreadsheet would
// run as a formula (=HYPERLINK(...)) stays text.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report';
import { exportReport } from '../../src/report/export-report';
import type { ReportInput } from '../../src/report/report-input';
import { runModel } from '../../src/cli/run-report';
import { exampleInput } from './report-fixture';

const INJECTION = '=HYPERLINK("http://x","y")';

/** The example input with a formula typed into the dossier title and into a parameter's source. */
function withInjection(input: ReportInput): ReportInput {
  const m = input.models[0]!;
  return {
    ...input,
    dossier: { ...input.dossier, title: INJECTION },
    models: [{ ...m, model: { ...m.model, parameters: m.model.parameters.map((p, i) => (i === 0 ? { ...p, source: INJECTION } : p)) } }],
  };
}

async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

/** Rows of a sheet as arrays of cell values (1-based columns → 0-based). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

describe('XLSX export of the bundled example', () => {
  const input = withInjection(exampleInput());
  const doc = buildReport(input, { profile: 'full', locale: 'en' });
  let bytes: Uint8Array;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await exportReport(input, doc, 'xlsx');
    book = await readBook(bytes);
  }, 120_000);

  it('has one sheet each for the report, inputs, results, PSA draws, budget impact and CHEERS', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['About', 'Inputs', 'Results', 'PSA draws', 'Budget impact', 'Test accuracy', 'CHEERS 2022']);
  });

  it('writes results as numbers equal to the engine’s, with formats', () => {
    const engine = runModel(input.models[0]!.model).report;
    const sheet = book.getWorksheet('Results')!;
    const rows = rowsOf(sheet);
    const header = rows[1]!;
    const col = (name: string) => header.indexOf(name);
    for (const s of engine.strategies) {
      const row = rows.find((r) => r[0] === s.id)!;
      expect(row[col('Cost')]).toBe(s.cost);
      expect(row[col('QALYs')]).toBe(s.qalys);
      expect(row[col('Life-years (undiscounted)')]).toBe(s.lifeYearsUndiscounted);
    }
    const plasma = rows.find((r) => r[0] === 'plasma_first')!;
    expect(plasma[col('ICER')]).toBe(engine.incremental.find((r) => r.id === 'plasma_first')!.icer);
    const rowIndex = rows.indexOf(plasma) + 1;
    expect(sheet.getRow(rowIndex).getCell(col('Cost') + 1).numFmt).toBe('#,##0');
    expect(sheet.getRow(rowIndex).getCell(col('QALYs') + 1).type).toBe(ExcelJS.ValueType.Number);
  });

  it('holds every PSA draw at full precision', () => {
    const psa = input.models[0]!.analyses.psa!;
    const rows = rowsOf(book.getWorksheet('PSA draws')!);
    // Title row, header row, then one row per draw.
    expect(rows).toHaveLength(2 + psa.draws);
    const s = psa.strategyIds.length;
    for (const i of [0, 17, psa.draws - 1]) {
      const row = rows[2 + i]!;
      expect(row[0]).toBe(i + 1);
      expect(row[1]).toBe(psa.costs[i * s]);
      expect(row[2]).toBe(psa.effects[i * s]);
      expect(row[1 + 2 * s]).toBe(psa.parameterDraws.values[i * psa.parameterDraws.names.length]);
    }
  });

  it('has the budget impact per year as numbers', () => {
    const bia = input.models[0]!.analyses['budget-impact']!;
    const rows = rowsOf(book.getWorksheet('Budget impact')!);
    const header = rows[1]!;
    for (const y of bia.years) {
      const row = rows[1 + y.year]!;
      expect(row[0]).toBe(y.year);
      expect(row[header.indexOf('Budget impact')]).toBe(y.impact);
      expect(row[header.indexOf('Cumulative impact')]).toBe(y.cumulativeImpact);
    }
  });

  it('lists the 28 CHEERS items in order', () => {
    const rows = rowsOf(book.getWorksheet('CHEERS 2022')!).slice(1);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(rows[3]![2]).toBe('Health economic analysis plan');
  });

  it('keeps =HYPERLINK(...) typed by a user as text, never a formula', async () => {
    const about = book.getWorksheet('About')!;
    const title = about.getRow(2).getCell(2);
    expect(title.value).toBe(`'${INJECTION}`);
    expect(title.type).toBe(ExcelJS.ValueType.String);
    const inputs = rowsOf(book.getWorksheet('Inputs')!);
    expect(inputs[1]![10]).toBe(`'${INJECTION}`);
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      expect(await zip.file(name)!.async('string')).not.toContain('<f>');
    }
  });

  it('exports the JCA profile without economic sheets', async () => {
    const jca = await readBook(await exportReport(input, buildReport(input, { profile: 'jca', locale: 'en' }), 'xlsx'));
    expect(jca.worksheets.map((w) => w.name)).toEqual(['About', 'PICO', 'Evidence', 'Domains', 'Test accuracy']);
    const evidence = rowsOf(jca.getWorksheet('Evidence')!);
    const chen = evidence.find((r) => r[1] === 'ev-chen-2023')!;
    expect(chen.slice(7, 13)).toEqual([0.69, 0.63, 0.74, 0.99, 0.97, 1]);
  });
});
