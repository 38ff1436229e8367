import { describe, expect, it } from 'vitest';
import { neutraliseFormula, safeCell, toCsv } from '../../src/report/spreadsheet-cells';

describe('spreadsheet cells', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '−1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['Tissue only', '1 + 1', 'a=b', '']) expect(neutraliseFormula(text)).toBe(text);
  });

  it('keeps finite numbers as numbers and empties the rest', () => {
    expect(safeCell(-1.5)).toBe(-1.5);
    expect(safeCell(Number.NaN)).toBeNull();
    expect(safeCell(Number.POSITIVE_INFINITY)).toBeNull();
    expect(safeCell(undefined)).toBeNull();
    expect(safeCell('=1')).toBe("'=1");
  });

  it('writes RFC 4180 CSV with quotes only where needed', () => {
    expect(toCsv(['Strategy', 'Cost'], [['Plasma, first', 151386.86], ['Say "hi"', null], ['=cmd', -0.5]])).toBe(
      'Strategy,Cost\r\n"Plasma, first",151386.86\r\n"Say ""hi""",\r\n\'=cmd,-0.5\r\n',
    );
  });
});
