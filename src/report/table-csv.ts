// A data table as CSV text: the header row, then the rows; numbers in full precision, text neutralised.
import type { DataTable } from './data-table';
import { toCsv } from './spreadsheet-cells';

export function tableToCsv(table: DataTable): string {
  return toCsv(table.columns.map((c) => c.header), table.rows);
}
