// A results table as data: a title, typed columns and rows of raw values (numbers in full precision). The same
// table is written as CSV (spreadsheet-cells), as an XLSX sheet (table-xlsx) and, by the report builder, into
// documents; screens show their own formatted version of the same rows.
import type { CellValue } from './spreadsheet-cells';

/** How a column's numbers read: money in the table's currency, plain numbers with fixed decimals, shares as percent. */
export type ColumnFormat = 'text' | 'money' | 'number' | 'integer' | 'percent';

export interface DataColumn {
  header: string;
  format: ColumnFormat;
  /** Decimals shown for 'number' and 'percent' columns (default 3 and 1). */
  digits?: number;
}

export interface DataTable {
  /** e.g. "Incremental analysis"; names the sheet and the file. */
  title: string;
  columns: DataColumn[];
  rows: CellValue[][];
  /** ISO code of the money columns' currency, e.g. "EUR". */
  currency?: string;
  /** A line under the table (what the numbers are: per patient, discounted, …). */
  note?: string;
}

export function textColumn(header: string): DataColumn {
  return { header, format: 'text' };
}

export function moneyColumn(header: string): DataColumn {
  return { header, format: 'money' };
}

export function numberColumn(header: string, digits = 3): DataColumn {
  return { header, format: 'number', digits };
}

export function percentColumn(header: string, digits = 1): DataColumn {
  return { header, format: 'percent', digits };
}

export function integerColumn(header: string): DataColumn {
  return { header, format: 'integer' };
}

/** A number or null (a dash in a table, an empty cell in a file): never NaN or Infinity in an export. */
export function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}
