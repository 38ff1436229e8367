// Data tables as an XLSX workbook, one sheet per table, through exceljs (the one module that knows the XLSX
// writer, so replacing it stays local). Numbers are numeric cells in full precision with a display format; text
// is neutralised against formula injection (spreadsheet-cells); each sheet starts with what the numbers are and
// where they come from, then the header row.
import ExcelJS from 'exceljs';
import type { ColumnFormat, DataColumn, DataTable } from './data-table';
import { neutraliseFormula, safeCell } from './spreadsheet-cells';

export interface WorkbookSource {
  /** Lines above each table: the model, its SHA-256, the run's date and seed, the app version. */
  provenance: string[];
  /** Workbook metadata. */
  creator: string;
  created: Date;
}

/** Excel number formats by column format; money carries the currency code ("#,##0 [$EUR]" reads in any locale). */
export function excelNumberFormat(column: DataColumn, currency?: string): string | undefined {
  const decimals = (n: number) => (n > 0 ? `0.${'0'.repeat(n)}` : '0');
  const formats: Record<ColumnFormat, string | undefined> = {
    text: undefined,
    money: currency && /^[A-Z]{3}$/.test(currency) ? `#,##0 "${currency}";-#,##0 "${currency}"` : '#,##0',
    number: `#,##${decimals(column.digits ?? 3)}`,
    integer: '#,##0',
    percent: `${decimals(column.digits ?? 1)}%`,
  };
  return formats[column.format];
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, taken: ReadonlySet<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  return name;
}

function widthOf(column: DataColumn, rows: DataTable['rows'], index: number): number {
  const longest = rows.reduce((w, row) => {
    const v = row[index];
    return Math.max(w, typeof v === 'string' ? v.length : typeof v === 'number' ? 12 : 0);
  }, column.header.length);
  return Math.min(60, Math.max(10, longest + 2));
}

/** The tables as XLSX bytes. */
export async function tablesToXlsx(tables: readonly DataTable[], source: WorkbookSource): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = source.creator;
  workbook.created = source.created;
  const taken = new Set<string>();
  for (const table of tables) {
    const name = sheetName(table.title, taken);
    taken.add(name.toLowerCase());
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([neutraliseFormula(table.title)]).font = { bold: true, size: 13 };
    for (const line of source.provenance) sheet.addRow([neutraliseFormula(line)]).font = { color: { argb: 'FF4F5B6A' } };
    if (table.note) sheet.addRow([neutraliseFormula(table.note)]).font = { italic: true, color: { argb: 'FF4F5B6A' } };
    sheet.addRow([]);
    const header = sheet.addRow(table.columns.map((c) => neutraliseFormula(c.header)));
    header.font = { bold: true };
    header.border = { bottom: { style: 'thin' } };
    sheet.views = [{ state: 'frozen', ySplit: header.number }];
    for (const row of table.rows) sheet.addRow(table.columns.map((_, i) => safeCell(row[i])));
    table.columns.forEach((column, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = widthOf(column, table.rows, i);
      const format = excelNumberFormat(column, table.currency);
      if (!format) return;
      for (let r = header.number + 1; r <= sheet.rowCount; r++) sheet.getCell(r, i + 1).numFmt = format;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
