// A CSV of 2×2 rows, one study per row: columns study, tp, fn, tn, fp (any order, any case); other columns are kept
// as the study's attributes (index test, reference standard, setting, year, …). Comma or semicolon separated (the
// header decides). Problems are collected for every row and cell at once, located by spreadsheet row (header = 1).
import { csvParseRows, dsvFormat } from 'd3-dsv';
import { twoByTwoProblems } from './two-by-two';
import type { AccuracyStudy } from './two-by-two';

export const REQUIRED_STUDY_COLUMNS = ['study', 'tp', 'fn', 'tn', 'fp'] as const;

export interface CsvProblem {
  /** Spreadsheet row: 1 is the header. */
  row: number;
  column?: string;
  message: string;
}

export type StudiesCsvResult = { ok: true; studies: AccuracyStudy[] } | { ok: false; problems: CsvProblem[] };

export function formatCsvProblem(p: CsvProblem): string {
  return `row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`;
}

function parseRows(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes(';') && !firstLine.includes(',') ? dsvFormat(';').parseRows(text) : csvParseRows(text);
}

export function parseStudiesCsv(input: string): StudiesCsvResult {
  const text = input.replace(/^\uFEFF/, '');
  const rows = parseRows(text);
  if (rows.length === 0 || rows[0]!.every((c) => c.trim() === '')) return { ok: false, problems: [{ row: 1, message: `the file is empty; expected a header row with columns ${REQUIRED_STUDY_COLUMNS.join(', ')}` }] };
  const header = rows[0]!.map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const missing = REQUIRED_STUDY_COLUMNS.filter((c) => !lower.includes(c));
  if (missing.length > 0) {
    return { ok: false, problems: [{ row: 1, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the header has: ${header.join(', ') || 'nothing'})` }] };
  }
  const index = Object.fromEntries(REQUIRED_STUDY_COLUMNS.map((c) => [c, lower.indexOf(c)])) as Record<(typeof REQUIRED_STUDY_COLUMNS)[number], number>;
  const attributeColumns = header.map((h, i) => ({ name: h, i })).filter(({ name, i }) => name !== '' && !(REQUIRED_STUDY_COLUMNS as readonly string[]).includes(lower[i]!));
  const problems: CsvProblem[] = [];
  const studies: AccuracyStudy[] = [];
  rows.slice(1).forEach((cells, k) => {
    const row = k + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (i: number) => (cells[i] ?? '').trim();
    const study = cell(index.study);
    if (study === '') problems.push({ row, column: header[index.study], message: 'the study has no name' });
    const counts = { tp: 0, fn: 0, tn: 0, fp: 0 };
    let countsOk = true;
    for (const field of ['tp', 'fn', 'tn', 'fp'] as const) {
      const raw = cell(index[field]);
      if (!/^\d+$/.test(raw)) {
        countsOk = false;
        problems.push({ row, column: header[index[field]], message: raw === '' ? 'empty; expected a whole number >= 0' : `"${raw}" is not a whole number >= 0` });
      } else {
        counts[field] = Number(raw);
      }
    }
    if (countsOk) for (const p of twoByTwoProblems(counts)) problems.push({ row, message: p.message });
    const attributes = Object.fromEntries(attributeColumns.map(({ name, i }) => [name, cell(i)]).filter(([, v]) => v !== ''));
    studies.push({ study, ...counts, ...(Object.keys(attributes).length > 0 ? { attributes } : {}) });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (studies.length === 0) return { ok: false, problems: [{ row: 2, message: 'no study rows under the header' }] };
  return { ok: true, studies };
}
