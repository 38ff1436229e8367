// The one reader of PSA-draws files (src/report/draws-file.ts), shared by `hta voi` and the app: the BCEA vaccine
// draws give the same table, the same draws and the same analysis from CSV and from .xlsx; problems are located; the
// app reads the worksheet the user chooses.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDrawsTable } from '../../src/report/draws-file';
import { readPsaDraws } from '../../src/engine/psa/external-draws';
import { analyseDraws } from '../../src/engine/psa/draws-analysis';
import { psaImportApi } from '../../src/renderer/workers/psa-import-api';

const csvBytes = readFileSync(resolve(__dirname, '../fixtures/reference/data/bcea_vaccine_ce.csv'));
const published = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/reference/bcea_vaccine.json'), 'utf8')).vaccine.expected_published;

async function workbook(header: string[], rows: (number | string)[][], sheetName = 'draws'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const lines = csvBytes.toString('utf8').trim().split(/\r?\n/);
const header = lines[0]!.split(',').map((h) => h.replace(/"/g, ''));
const numbers = lines.slice(1).map((l) => l.split(',').map(Number));

describe('readDrawsTable', () => {
  it('reads the BCEA vaccine draws from .xlsx exactly as from CSV: same draws, same EVPI and CEAC as BCEA prints', async () => {
    const fromCsv = readPsaDraws(await readDrawsTable('bcea_vaccine_ce.csv', csvBytes));
    const fromXlsx = readPsaDraws(await readDrawsTable('bcea_vaccine_ce.xlsx', await workbook(header, numbers)));
    expect(fromXlsx.layout).toBe('wide-named');
    expect(fromXlsx.draws).toBe(1000);
    expect(fromXlsx.strategyIds).toEqual(fromCsv.strategyIds);
    expect(fromXlsx.ignoredColumns).toEqual(['sim']);
    expect(Array.from(fromXlsx.costs)).toEqual(Array.from(fromCsv.costs));
    expect(Array.from(fromXlsx.effects)).toEqual(Array.from(fromCsv.effects));
    const a = analyseDraws(fromXlsx, { wtp: [25000] });
    const b = analyseDraws(fromCsv, { wtp: [25000] });
    expect(a.psa.netBenefit.byWtp[0]!.evpi).toBe(b.psa.netBenefit.byWtp[0]!.evpi);
    expect(a.psa.netBenefit.byWtp[0]!.evpi).toBeCloseTo(published.EVPI, 4);
    expect(a.psa.netBenefit.byWtp[0]!.ceac[1]).toBeCloseTo(published.CEAC, 3);
  });

  it('keeps parameter columns of a workbook for EVPPI', async () => {
    const bytes = await workbook([...header, 'p_flu'], numbers.slice(0, 20).map((r, i) => [...r, i / 10]));
    const draws = readPsaDraws(await readDrawsTable('with-parameters.xlsx', bytes));
    expect(draws.parameterDraws.names).toEqual(['p_flu']);
    expect(draws.parameterDraws.values[19]).toBeCloseTo(1.9, 12);
  });

  it('reads a named worksheet and names the sheets when it is missing', async () => {
    const bytes = await workbook(header, numbers.slice(0, 3), 'psa');
    expect((await readDrawsTable('x.xlsx', bytes, 'psa')).rows).toHaveLength(3);
    expect((await readDrawsTable('x.xlsx', bytes)).sheet).toBe('psa');
    expect((await readDrawsTable('x.csv', csvBytes)).sheet).toBeNull();
    await expect(readDrawsTable('x.xlsx', bytes, 'other')).rejects.toThrow('no worksheet "other" (sheets: psa)');
    await expect(readDrawsTable('x.csv', csvBytes, 'psa')).rejects.toThrow('a worksheet can be chosen in .xlsx files only');
  });

  it('locates a bad cell by worksheet row and column, and refuses bytes that are not a workbook', async () => {
    const bytes = await workbook(['c_A', 'e_A', 'c_B', 'e_B'], [[1, 2, 3, 4], [1, 2, 'abc', 4]]);
    await expect(readDrawsTable('x.xlsx', bytes).then((t) => readPsaDraws(t))).rejects.toThrow('line 3, column "c_B": "abc" is not a number');
    await expect(readDrawsTable('x.xlsx', new TextEncoder().encode('c_A,e_A\n1,2\n'))).rejects.toThrow(/not a readable \.xlsx workbook/);
  });

  it('drops the byte-order mark Excel writes at the start of "CSV UTF-8" files', async () => {
    const table = await readDrawsTable('bom.csv', new TextEncoder().encode('\ufeffsim,c_A,e_A,c_B,e_B\n1,1,2,3,4\n'));
    expect(table.header[0]).toBe('sim');
    expect(readPsaDraws(table).ignoredColumns).toEqual(['sim']);
  });
});

describe('reading a chosen worksheet (the app\'s "Analyse PSA results…")', () => {
  async function twoSheets(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('About').addRow(['Exported by a company model']);
    const draws = wb.addWorksheet('PSA draws');
    draws.addRow(header);
    for (const r of numbers.slice(0, 10)) draws.addRow(r);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('lists every worksheet; the first one holds no draws: a located message that names it, and the sheets to choose from', async () => {
    const out = await psaImportApi.readImportedDraws({ name: 'company.xlsx', bytes: await twoSheets() });
    expect(out.sheets).toEqual(['About', 'PSA draws']);
    expect(out.ok).toBe(false);
    expect(out).toMatchObject({ ok: false, file: 'company.xlsx', sheet: 'About' });
  });

  it('reads the chosen worksheet: the same draws as the same rows in a CSV file', async () => {
    const out = await psaImportApi.readImportedDraws({ name: 'company.xlsx', bytes: await twoSheets(), sheet: 'PSA draws' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.sheet).toBe('PSA draws');
    const csv = readPsaDraws(await readDrawsTable('x.csv', new TextEncoder().encode(lines.slice(0, 11).join('\n'))));
    expect(out.draws.draws).toBe(10);
    expect(Array.from(out.draws.costs)).toEqual(Array.from(csv.costs));
    expect(Array.from(out.draws.effects)).toEqual(Array.from(csv.effects));
  });

  it('a CSV file has no worksheets to choose from', async () => {
    const out = await psaImportApi.readImportedDraws({ name: 'v.csv', bytes: new Uint8Array(csvBytes) });
    expect(out).toMatchObject({ ok: true, sheet: null, sheets: [] });
  });
});
