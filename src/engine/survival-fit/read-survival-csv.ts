// Patient data from CSV text: a time column and an event column (1 event, 0 censored), optionally only the rows of
// one arm. Every problem names the line and column.
import { CsvError, columnIndex, numericColumn, parseCsv } from './csv-table';
import { SurvivalDataError, survivalData } from './survival-data';
import type { SurvivalData } from './survival-data';

export interface SurvivalCsvOptions {
  timeColumn?: string;
  eventColumn?: string;
  /** Keep only rows whose `column` equals `value` (text comparison). */
  arm?: { column: string; value: string };
}

export interface SurvivalCsv {
  data: SurvivalData;
  /** The distinct values of the arm column, when one is named (for choosing). */
  arms: string[];
}

/** Reads patient data; throws CsvError (file shape, located) or SurvivalDataError (values, located by line). */
export function readSurvivalCsv(text: string, options: SurvivalCsvOptions = {}): SurvivalCsv {
  const table = parseCsv(text);
  const timeIndex = columnIndex(table, options.timeColumn ?? 'time');
  const eventIndex = columnIndex(table, options.eventColumn ?? 'event');
  const armIndex = options.arm ? columnIndex(table, options.arm.column) : -1;
  const arms = armIndex >= 0 ? [...new Set(table.rows.map((r) => r[armIndex]!))] : [];
  const keep = table.rows.map((r) => armIndex < 0 || r[armIndex] === options.arm!.value);
  if (options.arm && !keep.some(Boolean)) {
    const values = { column: options.arm.column, value: options.arm.value, values: arms.join(', ') };
    throw new CsvError(`no rows with ${values.column} = "${values.value}" (values: ${values.values})`, { code: 'csv-no-rows-with', values });
  }
  const times = numericColumn(table, timeIndex);
  const events = numericColumn(table, eventIndex);
  const lines = table.lines.filter((_, i) => keep[i]);
  const t = times.filter((_, i) => keep[i]);
  const e = events.filter((_, i) => keep[i]);
  try {
    return { data: survivalData(t, e), arms };
  } catch (error) {
    if (!(error instanceof SurvivalDataError) || !error.at) throw error;
    // Name the file's line and column rather than the patient's position.
    const column = table.header[error.at.field === 'time' ? timeIndex : eventIndex];
    const values = { line: lines[error.at.index]!, column: column!, value: error.at.value };
    throw new SurvivalDataError(`line ${values.line}, column "${column}": ${error.at.problem}`, error.at, { code: `survival-${error.at.code}`, values });
  }
}

/** Patient data as CSV text with the columns time,event (the format readSurvivalCsv reads by default). */
export function survivalCsv(data: SurvivalData): string {
  const lines = ['time,event'];
  for (let i = 0; i < data.time.length; i++) lines.push(`${+data.time[i]!.toPrecision(12)},${data.event[i]}`);
  return `${lines.join('\n')}\n`;
}
