// Problems with CSV files (PSA draws read by "Analyse PSA results", survival data) and workbooks in French and Dutch: each
// problem the readers raise carries a detail that the catalogue words; the catalogue's English says what the
// reader's own English message says (the CLI prints that one), so the two cannot drift apart.
import { describe, expect, it } from 'vitest';
import { DrawsTableError, readPsaDraws } from '../../src/engine/psa/external-draws';
import { CsvError, columnIndex, parseCsv } from '../../src/engine/survival-fit/csv-table';
import { readDrawsTable } from '../../src/report/draws-file';
import { readSurvivalCsv } from '../../src/engine/survival-fit/read-survival-csv';
import { SurvivalDataError, survivalData } from '../../src/engine/survival-fit/survival-data';
import { describeFileProblem } from '../../src/report/file-problems';
import { formatsFor } from '../../src/report/format';
import type { ReportLocale } from '../../src/report/format';
import { translator } from '../../src/report/i18n/translate';
import type { MessageKey } from '../../src/report/i18n/translate';

type ReaderError = CsvError | DrawsTableError | SurvivalDataError;

function readerError(e: unknown): ReaderError {
  if (e instanceof CsvError || e instanceof DrawsTableError || e instanceof SurvivalDataError) return e;
  throw e;
}

function errorOf(read: () => unknown): ReaderError {
  try {
    read();
  } catch (e) {
    return readerError(e);
  }
  throw new Error('expected a reader error');
}

const asyncErrorOf = (read: () => Promise<unknown>): Promise<ReaderError> =>
  read().then(
    () => {
      throw new Error('expected a reader error');
    },
    readerError,
  );

const draws = (csv: string, names?: string[]) => () => readPsaDraws(parseCsv(csv), names);

/** Every problem a draws file can have, as the readers raise it. */
const cases: [string, () => unknown][] = [
  ['cell-empty', draws('cost_a,eff_a\n1,\n')],
  ['cell-not-a-number', draws('cost_a,eff_a\n1,x\n')],
  ['csv-quote-not-closed', () => parseCsv('a,b\n"1,2\n')],
  ['csv-field-count', () => parseCsv('a,b\n1,2,3\n')],
  ['csv-no-column', () => columnIndex(parseCsv('a,b\n1,2\n'), 'time')],
  ['survival-time-not-positive', () => readSurvivalCsv('time,event\n1,0\n-2.5,1\n')],
  ['survival-event-not-binary', () => readSurvivalCsv('time,event\n1,0\n2,0.5\n')],
  ['csv-no-rows-with', () => readSurvivalCsv('time,event,arm\n1,0,A\n', { arm: { column: 'arm', value: 'B' } })],
  ['file-empty', () => parseCsv('\n\n')],
  ['draws-none', draws('cost_a,eff_a\n')],
  ['draws-mixed-layouts', draws('cost_a,eff_a,c1,e1\n1,2,3,4\n')],
  ['draws-no-columns', draws('x,y\n1,2\n')],
  ['draws-no-cost-column', draws('eff_a,cost_b,eff_b\n1,2,3\n')],
  ['draws-no-effect-column', draws('cost_a,cost_b,eff_b\n1,2,3\n')],
  ['draws-numbering-gaps', draws('c1,e1,c3,e3\n1,2,3,4\n')],
  ['draws-names-count', draws('c1,e1,c2,e2\n1,2,3,4\n', ['only one'])],
  ['draws-names-not-numbered', draws('cost_a,eff_a\n1,2\n', ['A'])],
  ['draws-names-repeated', draws('c1,e1,c2,e2\n1,2,3,4\n', ['A', 'A'])],
  ['draws-long-columns', draws('strategy,draw,cost\nA,1,2\n')],
  ['draws-no-strategy', draws('strategy,draw,cost,effect\n,1,2,3\n')],
  ['draws-draw-repeated', draws('strategy,draw,cost,effect\nA,1,2,3\nA,1,2,3\n')],
  ['draws-counts-differ', draws('strategy,draw,cost,effect\nA,1,2,3\nA,2,2,3\nB,1,2,3\n')],
  ['draws-draw-unknown', draws('strategy,draw,cost,effect\nA,1,2,3\nB,7,2,3\n')],
  ['draws-draw-repeated-at', draws('strategy,draw,cost,effect\nA,1,2,3\nA,2,2,3\nB,1,2,3\nB,1,2,3\n')],
  ['draws-column-repeated', draws('cost_a,eff_a,p,p\n1,2,3,4\n5,6,7,8\n')],
];

const locales: ReportLocale[] = ['en', 'fr-BE', 'nl-BE'];
const say = (e: ReaderError, locale: ReportLocale) => describeFileProblem(e, translator(locale), formatsFor(locale));

describe('draws-file problems in the display language', () => {
  it.each(cases)('%s: a detail with that code, worded in French and Dutch; the catalogue English is the reader\'s message', (code, read) => {
    const e = errorOf(read);
    expect(e.detail?.code).toBe(code);
    const english = translator('en')(`fileProblem.${code}` as MessageKey, e.detail!.values ?? {});
    expect(english).toBe(e.message);
    const [en, fr, nl] = locales.map((l) => say(e, l));
    expect(en).toBe(e.message);
    expect(fr).not.toBe(e.message);
    expect(nl).not.toBe(e.message);
    expect(fr).not.toMatch(/\{\w+\}|fileProblem\./);
    expect(nl).not.toMatch(/\{\w+\}|fileProblem\./);
  });

  it('numbers in the reader\'s format; values typed in the file stay as typed', () => {
    const e = errorOf(draws('strategy,draw,cost,effect\nA,1,2,3\nA,2,2,3\nB,1,2,3\nB,2,2,3\nB,3,2,3\n'));
    expect(say(e, 'fr-BE')).toBe('la stratégie « B » a 3 tirages, la stratégie « A » en a 2 ; chaque stratégie doit avoir les mêmes tirages');
    const cell = errorOf(draws('cost_a,eff_a\n1,0.5x\n'));
    expect(say(cell, 'nl-BE')).toBe('regel 2, kolom ‘eff_a’: ‘0.5x’ is geen getal');
  });

  it('survival values: numbers in the reader\'s format; an empty data set', () => {
    const e = errorOf(() => readSurvivalCsv('time,event\n1,0\n2,0.5\n'));
    expect(e.message).toBe('line 3, column "event": event must be 1 (event) or 0 (censored) (got 0.5)');
    expect(say(e, 'fr-BE')).toBe('ligne 3, colonne « event » : l’événement doit valoir 1 (événement) ou 0 (censuré) (trouvé : 0,5)');
    const empty = errorOf(() => survivalData([], []));
    expect(empty.detail?.code).toBe('survival-no-patients');
    expect(say(empty, 'nl-BE')).toBe('geen patiënten: de gegevensset is leeg');
  });

  it('workbook problems: a worksheet asked of a CSV file, a missing worksheet, an unreadable workbook', async () => {
    const csv = await asyncErrorOf(() => readDrawsTable('draws.csv', new TextEncoder().encode('c1,e1\n1,2\n'), 'Sheet1'));
    expect(csv.detail?.code).toBe('draws-sheet-not-workbook');
    expect(say(csv, 'fr-BE')).toBe('une feuille ne peut être choisie que dans un fichier .xlsx');
    const broken = await asyncErrorOf(() => readDrawsTable('draws.xlsx', new Uint8Array([1, 2, 3]), undefined));
    expect(broken.detail?.code).toBe('draws-workbook-unreadable');
    expect(say(broken, 'nl-BE')).toMatch(/^geen leesbare \.xlsx-werkmap \(/);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Draws').addRow(['c1', 'e1']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const missing = await asyncErrorOf(() => readDrawsTable('draws.xlsx', bytes, 'Other'));
    expect(missing.message).toBe('no worksheet "Other" (sheets: Draws)');
    expect(say(missing, 'fr-BE')).toBe('pas de feuille « Other » (feuilles : Draws)');
  });
});
