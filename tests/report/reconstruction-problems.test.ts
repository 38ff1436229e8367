// Problems and notes of the reconstruction of patient data from a digitised Kaplan–Meier curve in French and Dutch:
// each carries a code and values that the catalogue words; the catalogue's English is the engine's own English
// message (the CLI prints that one), so the two cannot drift apart. Headerless CSV files' "column N" names likewise.
import { describe, expect, it } from 'vitest';
import { ReconstructionError, reconstructIpd } from '../../src/engine/survival-fit/reconstruct-ipd';
import type { DigitisedCurve, RiskTable } from '../../src/engine/survival-fit/reconstruct-ipd';
import { CsvError } from '../../src/engine/survival-fit/csv-table';
import { readDigitisedCurveCsv, readRiskTableCsv } from '../../src/engine/survival-fit/read-km-csv';
import { reconstructSurvival } from '../../src/renderer/workers/survival-api';
import { describeFileProblem } from '../../src/report/file-problems';
import { formatsFor } from '../../src/report/format';
import type { ReportLocale } from '../../src/report/format';
import { translator } from '../../src/report/i18n/translate';
import type { MessageKey } from '../../src/report/i18n/translate';
import type { DescribableFileProblem } from '../../src/report/file-problems';

const curve: DigitisedCurve = { time: [1, 2, 3, 4], survival: [0.9, 0.8, 0.7, 0.6] };
const rebuild = (c: DigitisedCurve, table: RiskTable, events?: number) => () => reconstructIpd(c, table, events);

function problemOf(run: () => unknown): ReconstructionError {
  try {
    run();
  } catch (e) {
    if (e instanceof ReconstructionError) return e;
    throw e;
  }
  throw new Error('expected a reconstruction problem');
}

/** Every problem the engine raises for an input one can give (the no-digitised-point and censoring guards cannot be reached: the engine fills plateaus first). */
const problems: [string, () => unknown][] = [
  ['curve-lengths', rebuild({ time: [0, 1], survival: [1] }, { time: [0], nRisk: [10] })],
  ['curve-empty', rebuild({ time: [], survival: [] }, { time: [0], nRisk: [10] })],
  ['curve-time', rebuild({ time: [1, -2.5], survival: [0.9, 0.8] }, { time: [0], nRisk: [10] })],
  ['curve-survival', rebuild({ time: [1, 2], survival: [0.9, -0.5] }, { time: [0], nRisk: [10] })],
  ['risk-lengths', rebuild(curve, { time: [0, 1], nRisk: [10] })],
  ['risk-empty', rebuild(curve, { time: [], nRisk: [] })],
  ['risk-not-from-zero', rebuild(curve, { time: [1.5, 2], nRisk: [10, 8] })],
  ['risk-not-whole', rebuild(curve, { time: [0, 2], nRisk: [10, 7.5] })],
  ['risk-times-not-increasing', rebuild(curve, { time: [0, 2.5, 2.5], nRisk: [10, 8, 7] })],
  ['risk-rises', rebuild(curve, { time: [0, 2], nRisk: [10, 12] })],
  ['risk-no-patients', rebuild(curve, { time: [0], nRisk: [0] })],
  ['events-range', rebuild(curve, { time: [0], nRisk: [10] }, 11)],
  ['too-many-patients', rebuild({ time: [13, 16, 5], survival: [0.55, 0.29, 0.19] }, { time: [0, 4, 10], nRisk: [41, 38, 28] }, 33)],
];

/** Every note, with an input that gives it. */
const notes: [string, () => { notes: string[]; noteDetails: { code: string; values?: Record<string, string | number> }[] }][] = [
  ['percentages', rebuild({ time: [1, 2], survival: [90, 80] }, { time: [0], nRisk: [10] })],
  ['early-drop', rebuild({ time: [5, 4, 12, 0, 6, 16, 15], survival: [0.43, 0.37, 0.51, 0.25, 0.29, 0.84, 0.28] }, { time: [0, 1, 7], nRisk: [32, 26, 24] })],
  ['raised', rebuild({ time: [1, 2, 3], survival: [0.9, 0.95, 0.7] }, { time: [0], nRisk: [10] })],
  ['risk-times-unused', rebuild({ time: [3, 5], survival: [0.73, 0.99] }, { time: [0, 1, 6], nRisk: [26, 15, 1] }, 12)],
  ['plateau-added', rebuild({ time: [2, 4, 1, 15], survival: [0.77, 0.58, 0.01, 0.41] }, { time: [0, 3, 5, 7], nRisk: [11, 3, 0, 0] })],
  ['fewer-at-risk', rebuild({ time: [5, 4, 12, 0, 6, 16, 15], survival: [0.43, 0.37, 0.51, 0.25, 0.29, 0.84, 0.28] }, { time: [0, 1, 7], nRisk: [32, 26, 24] })],
  ['events-before-last', rebuild({ time: [18, 16, 15, 1, 12, 10, 4], survival: [0.89, 0.07, 0.8, 0.15, 0.03, 0.72, 0.74] }, { time: [0, 5, 11, 16], nRisk: [6, 1, 0, 0] }, 1)],
  ['events-unmatched', rebuild({ time: [6, 11, 20, 13, 11, 17], survival: [0.92, 0.07, 1, 0.21, 0.19, 0.99] }, { time: [0], nRisk: [20] }, 1)],
  ['above-curve', rebuild({ time: [12, 6, 7], survival: [0.47, 0.46, 0.93] }, { time: [0], nRisk: [25] })],
];

const locales: ReportLocale[] = ['en', 'fr-BE', 'nl-BE'];
const say = (p: DescribableFileProblem, locale: ReportLocale) => describeFileProblem(p, translator(locale), formatsFor(locale));

function expectWorded(problem: DescribableFileProblem, code: string): void {
  expect(problem.detail?.code).toBe(code);
  expect(translator('en')(`fileProblem.${code}` as MessageKey, problem.detail!.values ?? {})).toBe(problem.message);
  const [en, fr, nl] = locales.map((l) => say(problem, l));
  expect(en).toBe(problem.message);
  for (const text of [fr, nl]) {
    expect(text).not.toBe(problem.message);
    expect(text).not.toMatch(/\{\w+\}|fileProblem\./);
  }
}

describe('reconstruction problems and notes in the display language', () => {
  it.each(problems)('%s: a detail with that code; the catalogue English is the engine\'s message', (code, run) => {
    expectWorded(problemOf(run), `reconstruct-${code}`);
  });

  it.each(notes)('note %s: a detail beside each note; the catalogue English is the engine\'s note', (code, run) => {
    const r = run();
    expect(r.noteDetails).toHaveLength(r.notes.length);
    const i = r.noteDetails.findIndex((d) => d.code === `reconstruct-note-${code}`);
    expect(i).toBeGreaterThanOrEqual(0);
    expectWorded({ message: r.notes[i]!, detail: r.noteDetails[i]! }, `reconstruct-note-${code}`);
  });

  it('a long run of adjustments ends: a curve far below the reported events is noted, not looped on', () => {
    const r = reconstructIpd({ time: [7, 18, 10, 18, 19, 19, 17, 11, 1], survival: [0.7, 0.08, 0.6, 0.03, 0.95, 0.01, 0.85, 0.84, 0.04] }, { time: [0, 1], nRisk: [25, 25] }, 5);
    expect(r.noteDetails.map((d) => d.code)).toContain('reconstruct-note-events-unmatched');
    expect(r.data.time.length).toBe(25);
  });

  it('the part of the input at fault, and numbers in the reader\'s format', () => {
    const outcome = reconstructSurvival({ curveCsv: '0,1\n1,0.9\n2,0.95\n', riskCsv: 'time,n_risk\n0.5,30\n' });
    if (outcome.ok) throw new Error('expected a problem');
    expect(outcome.message).toBe('reconstruction: the risk table must start at time 0 with the number of patients (it starts at 0.5)');
    expect(say(outcome, 'en')).toBe(outcome.message);
    expect(say(outcome, 'fr-BE')).toBe('reconstruction : le tableau des sujets à risque doit commencer au temps 0 avec le nombre de patients (il commence à 0,5)');
    expect(say(outcome, 'nl-BE')).toBe('reconstructie: de tabel met aantallen at risk moet op tijd 0 beginnen met het aantal patiënten (ze begint op 0,5)');
    const curveProblem = reconstructSurvival({ curveCsv: '0,1\n1,x\n', riskCsv: '0,30\n' });
    if (curveProblem.ok) throw new Error('expected a problem');
    expect(say(curveProblem, 'fr-BE')).toBe('courbe numérisée : ligne 2, colonne « survival » : « x » n’est pas un nombre');
  });

  it('headerless files: the columns the reader numbered are worded, the named ones stay', () => {
    let error: unknown;
    try {
      readRiskTableCsv('0,30,1\n2,28\n');
    } catch (e) {
      error = e;
    }
    if (!(error instanceof CsvError)) throw new Error('expected a CSV problem');
    expect(error.message).toBe('line 2: 2 fields, but the header has 3 (time, n_risk, column 3)');
    expect(say(error, 'en')).toBe(error.message);
    expect(say(error, 'fr-BE')).toBe('ligne 2 : 2 champs, mais l’en-tête en compte 3 (time, n_risk, colonne 3)');
    expect(say(error, 'nl-BE')).toBe('regel 2: 2 velden, maar de kopregel heeft er 3 (time, n_risk, kolom 3)');
    // A file with a header keeps its names as typed, without pieces.
    try {
      readDigitisedCurveCsv('t;surv;note\n1;0.9;a;b\n');
    } catch (e) {
      error = e;
    }
    expect((error as CsvError).detail?.parts).toBeUndefined();
  });
});
