// The one reader of PSA-draws files, for `hta voi` and the app's "Analyse PSA results…": the file's bytes (CSV text or
// an .xlsx workbook) → a table of strings with line numbers, which engine/psa/external-draws reads. Pure: bytes in,
// table out (no file system), so it runs in the CLI, a Web Worker and the renderer alike. exceljs loads on demand.
import { parseCsv } from '../engine/survival-fit/csv-table';
import type { CsvTable } from '../engine/survival-fit/csv-table';
import { DrawsTableError } from '../engine/psa/external-draws';

/** True for the workbook files the reader opens with exceljs (.xlsx, .xlsm); anything else is read as CSV. */
export function isWorkbookFile(name: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(name);
}

/** The table, the worksheet it came from (null for CSV) and every worksheet of the workbook ([] for CSV). */
export type DrawsTable = CsvTable & { sheet: string | null; sheets: string[] };

/**
 * The table in a draws file: the first worksheet (or `sheet`) of a workbook, else CSV text (UTF-8; a byte-order
 * mark, as Excel writes in "CSV UTF-8", is dropped so it does not become part of the first column's name).
 * Throws CsvError or DrawsTableError with the place of the problem.
 */
export async function readDrawsTable(name: string, bytes: Uint8Array, sheet?: string): Promise<DrawsTable> {
  if (isWorkbookFile(name)) return workbookTable(bytes, sheet);
  if (sheet !== undefined) throw new DrawsTableError('a worksheet can be chosen in .xlsx files only', { code: 'draws-sheet-not-workbook' });
  return { ...parseCsv(new TextDecoder('utf-8').decode(bytes)), sheet: null, sheets: [] };
}

/** Row 1 is the header; empty rows are skipped; line numbers are the worksheet's row numbers. */
async function workbookTable(bytes: Uint8Array, sheet: string | undefined): Promise<DrawsTable> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (e) {
    const reason = (e as Error).message;
    throw new DrawsTableError(`not a readable .xlsx workbook (${reason})`, { code: 'draws-workbook-unreadable', values: { reason } });
  }
  const ws = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
  if (!ws) {
    if (sheet === undefined) throw new DrawsTableError('the workbook has no worksheet', { code: 'draws-workbook-no-sheet' });
    const sheets = workbook.worksheets.map((w) => w.name).join(', ');
    throw new DrawsTableError(`no worksheet "${sheet}" (sheets: ${sheets})`, { code: 'draws-sheet-missing', values: { sheet, sheets } });
  }
  const width = ws.getRow(1).cellCount;
  const text = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'object' && 'result' in v) return text((v as { result: unknown }).result);
    if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    return String(v).trim();
  };
  const rowCells = (r: number) => Array.from({ length: width }, (_, c) => text(ws.getRow(r).getCell(c + 1).value));
  const header = rowCells(1);
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const cells = rowCells(r);
    if (cells.every((c) => c === '')) continue;
    rows.push(cells);
    lines.push(r);
  }
  return { header, rows, lines, sheet: ws.name, sheets: workbook.worksheets.map((w) => w.name) };
}
