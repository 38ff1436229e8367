import { describe, expect, it } from 'vitest';
import { formatCsvProblem, parseStudiesCsv } from '../../../src/engine/accuracy/studies-csv';

describe('CSV of 2×2 rows', () => {
  it('reads the required columns in any order and case, keeps the others as attributes', () => {
    const csv = '\uFEFFStudy,Index test,TN,FP,TP,FN,Setting\r\n"Smith, 2020",ctDNA NGS,90,10,40,10,first line\r\n\r\nJones 2021,ddPCR,45,5,30,5,\r\n';
    const result = parseStudiesCsv(csv);
    expect(result).toEqual({
      ok: true,
      studies: [
        { study: 'Smith, 2020', tp: 40, fn: 10, tn: 90, fp: 10, attributes: { 'Index test': 'ctDNA NGS', Setting: 'first line' } },
        { study: 'Jones 2021', tp: 30, fn: 5, tn: 45, fp: 5, attributes: { 'Index test': 'ddPCR' } },
      ],
    });
  });

  it('reads semicolon-separated files (spreadsheets with a decimal comma)', () => {
    const result = parseStudiesCsv('study;tp;fn;tn;fp\nA;1;2;3;4\n');
    expect(result.ok && result.studies[0]).toEqual({ study: 'A', tp: 1, fn: 2, tn: 3, fp: 4 });
  });

  it('lists every problem at once, by row and column', () => {
    const result = parseStudiesCsv('study,tp,fn,tn,fp\nA,1,-2,3,4\nB,1.5,2,,4\n,0,0,3,4\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatCsvProblem)).toEqual([
      'row 2, column fn: "-2" is not a whole number >= 0',
      'row 3, column tp: "1.5" is not a whole number >= 0',
      'row 3, column tn: empty; expected a whole number >= 0',
      'row 4, column study: the study has no name',
      'row 4: no one with the condition (TP + FN = 0): sensitivity is undefined',
    ]);
  });

  it('names missing columns, an empty file and a header without rows', () => {
    const missing = parseStudiesCsv('name,tp,fn\nA,1,2\n');
    expect(!missing.ok && missing.problems[0]!.message).toBe('missing columns study, tn, fp (the header has: name, tp, fn)');
    const empty = parseStudiesCsv('');
    expect(!empty.ok && empty.problems[0]!.message).toMatch(/^the file is empty/);
    const headerOnly = parseStudiesCsv('study,tp,fn,tn,fp\n');
    expect(!headerOnly.ok && formatCsvProblem(headerOnly.problems[0]!)).toBe('row 2: no study rows under the header');
  });
});
