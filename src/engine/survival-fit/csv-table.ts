// A small CSV reader for the survival tools (patient data, digitised curves, numbers at risk): RFC 4180 quoting,
// comma, semicolon or tab separators (detected from the header), a header row, numeric cells. Hand-written: the
// files are a few numeric columns, and papaparse's type definitions pull Node's types into the pure engine.

import type { ProblemDetail } from '../../shared/problem-detail';

export interface CsvTable {
  header: string[];
  /** Rows as strings, 0-based; line numbers for messages are in `lines`. */
  rows: string[][];
  /** 1-based line number of each row in the file. */
  lines: number[];
  /** A headerless file: the columns the reader named "column N" itself (0-based), worded in the reader's language on screens. */
  numberedColumns?: readonly number[];
}

/** A column's name as data: a name the reader made up ("column 3") is a piece of its own, to be worded on screens. */
function columnNamePiece(table: Pick<CsvTable, 'header' | 'numberedColumns'>, index: number): ProblemDetail {
  return table.numberedColumns?.includes(index) ? { code: 'csv-column-number', values: { number: index + 1 } } : { code: 'literal', values: { text: table.header[index]! } };
}

/** The parts naming the table's columns in a detail (`columns`, and `column` for one of them), when some are numbered. */
function columnParts(table: Pick<CsvTable, 'header' | 'numberedColumns'>, index?: number): Pick<ProblemDetail, 'parts'> {
  if (!table.numberedColumns?.length) return {};
  const columns: ProblemDetail = { code: 'list', parts: { items: table.header.map((_, i) => columnNamePiece(table, i)) } };
  return { parts: index === undefined ? { columns } : { columns, column: columnNamePiece(table, index) } };
}

export class CsvError extends Error {
  /** The problem as data, for screens that word it in their language (src/report/file-problems.ts). */
  readonly detail?: ProblemDetail;
  constructor(message: string, detail?: ProblemDetail) {
    super(message);
    this.name = 'CsvError';
    if (detail) this.detail = detail;
  }
}

function detectSeparator(firstLine: string): string {
  const counts = [',', ';', '\t'].map((sep) => [sep, firstLine.split(sep).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 1 ? counts[0]![0] : ',';
}

/** Splits text into records of fields (quotes may hold separators, doubled quotes and line breaks). */
function records(text: string, separator: string): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === separator) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ fields, line: recordLine });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (quoted) throw new CsvError(`line ${recordLine}: a quoted field is not closed`, { code: 'csv-quote-not-closed', values: { line: recordLine } });
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    out.push({ fields, line: recordLine });
  }
  return out.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

export interface ParseCsvOptions {
  /**
   * 'auto': a first row of numbers only is data, and the columns are named `defaultHeader` (digitisers export
   * headerless x,y files). Default: the first row is a header.
   */
  header?: 'first-row' | 'auto';
  defaultHeader?: string[];
}

/** Parses CSV text with a header row; blank lines are skipped. */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const all = records(clean, detectSeparator(firstLine));
  if (all.length === 0) throw new CsvError('the file is empty', { code: 'file-empty' });
  const headerless = options.header === 'auto' && all[0]!.fields.every((f) => f.trim() !== '' && Number.isFinite(Number(f)));
  const width = all[0]!.fields.length;
  const named = headerless ? Math.min(width, options.defaultHeader?.length ?? 0) : width;
  const header = headerless ? Array.from({ length: width }, (_, i) => options.defaultHeader?.[i] ?? `column ${i + 1}`) : all[0]!.fields.map((h) => h.trim());
  const numbered = Array.from({ length: width - named }, (_, i) => named + i);
  const names = { header, ...(numbered.length > 0 ? { numberedColumns: numbered } : {}) };
  const body = headerless ? all : all.slice(1);
  for (const r of body) {
    if (r.fields.length !== header.length) {
      const values = { line: r.line, fields: r.fields.length, count: header.length, columns: header.join(', ') };
      throw new CsvError(`line ${r.line}: ${r.fields.length} fields, but the header has ${header.length} (${values.columns})`, { code: 'csv-field-count', values, ...columnParts(names) });
    }
  }
  return { ...names, rows: body.map((r) => r.fields.map((f) => f.trim())), lines: body.map((r) => r.line) };
}

/** Index of a column by name or one of its aliases (case-insensitive), or a message listing the columns there are. */
export function columnIndex(table: CsvTable, name: string, aliases: readonly string[] = []): number {
  const wanted = [name, ...aliases].map((n) => n.toLowerCase());
  const i = table.header.findIndex((h) => wanted.includes(h.toLowerCase()));
  if (i < 0) {
    const columns = table.header.join(', ');
    throw new CsvError(`no column "${name}" (columns: ${columns})`, { code: 'csv-no-column', values: { name, columns }, ...columnParts(table) });
  }
  return i;
}

/** The numbers of one column; a cell that is not a number is an error naming its line and column. */
export function numericColumn(table: CsvTable, index: number): Float64Array {
  const out = new Float64Array(table.rows.length);
  table.rows.forEach((row, r) => {
    const cell = row[index]!;
    const value = cell === '' ? NaN : Number(cell);
    if (!Number.isFinite(value)) {
      const values = { line: table.lines[r]!, column: table.header[index]!, cell };
      throw new CsvError(`line ${values.line}, column "${values.column}": "${cell}" is not a number`, { code: 'cell-not-a-number', values, ...columnParts(table, index) });
    }
    out[r] = value;
  });
  return out;
}
