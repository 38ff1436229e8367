// Text that spreadsheets could run as a formula must never reach a cell or a CSV field as such. Any text that
// starts with =, +, -, −, @, a tab or a carriage return is prefixed with an apostrophe (OWASP's advice for CSV
// injection); numbers stay numbers, so only text is ever changed.

const FORMULA_START = /^[=+\-\u2212@\t\r]/;

/** The text as it may be written to a spreadsheet cell or CSV field. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value: numbers (finite) as numbers, null for empty, everything else as neutralised text. */
export type CellValue = number | string | null;

export function safeCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return neutraliseFormula(String(value));
}

function csvField(value: unknown): string {
  const cell = safeCell(value);
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** RFC 4180 CSV (CRLF line ends) with a header row; numbers written in full precision, text neutralised. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
