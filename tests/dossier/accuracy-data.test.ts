// The optional 2×2 tables and QUADAS-2 judgements of evidence items: accepted when absent (older files), checked
// when present (whole counts >= 0, totals within n, both reference-standard groups non-empty, unique ids).
import { describe, expect, it } from 'vitest';
import { formatProblem, validateDossier } from '../../src/dossier/parse-file';
import type { TwoByTwoTable } from '../../src/dossier/schema';
import { evidence, validDossier } from './fixtures';

const table = (overrides: Partial<TwoByTwoTable> = {}): TwoByTwoTable => ({
  id: 't1', indexTest: 'Plasma ctDNA NGS', referenceStandard: 'Tissue NGS', setting: 'First line', alteration: 'EGFR',
  tp: 40, fn: 10, tn: 45, fp: 5, derived: false, ...overrides,
});
const quadas = {
  riskOfBias: { patientSelection: 'low', indexTest: 'unclear', referenceStandard: 'low', flowAndTiming: 'high' },
  applicability: { patientSelection: 'low', indexTest: 'low', referenceStandard: 'unclear' },
  notes: 'Case-control sampling.',
} as const;

function problems(e: ReturnType<typeof evidence>): string[] {
  const r = validateDossier(validDossier({ evidence: [e] }));
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('2×2 tables and QUADAS-2 in the evidence register', () => {
  it('accepts evidence without them, and with them', () => {
    expect(problems(evidence('a'))).toEqual([]);
    expect(problems(evidence('a', { n: 100, twoByTwo: [table(), table({ id: 't2', alteration: 'KRAS', tp: 5, fn: 1, tn: 90, fp: 4, derived: true })], quadas }))).toEqual([]);
  });

  it('allows a table of an evaluable subset (total below n) but not one above n', () => {
    expect(problems(evidence('a', { n: 120, twoByTwo: [table()] }))).toEqual([]);
    expect(problems(evidence('a', { n: 90, twoByTwo: [table()] }))).toEqual(['evidence[0].twoByTwo[0]: TP + FN + TN + FP = 100 is more than the study\'s n = 90']);
  });

  it('locates negative, fractional and impossible counts and duplicate ids', () => {
    const found = problems(evidence('a', { n: null, twoByTwo: [table({ fn: -1 }), table({ id: 't2', tp: 2.5 }), table({ id: 't3', tn: 0, fp: 0 })] }));
    expect(found).toEqual([
      'evidence[0].twoByTwo[0].fn: expected a whole number >= 0',
      'evidence[0].twoByTwo[1].tp: expected a whole number >= 0',
      'evidence[0].twoByTwo[2].tn: no one without the condition (TN + FP = 0): specificity is undefined',
    ]);
    expect(problems(evidence('a', { n: null, twoByTwo: [table(), table()] }))).toEqual(['evidence[0].twoByTwo[1].id: duplicate id "t1"']);
  });

  it('refuses a QUADAS-2 rating outside low / high / unclear', () => {
    const found = problems(evidence('a', { quadas: { ...quadas, riskOfBias: { ...quadas.riskOfBias, indexTest: 'moderate' } } as never }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^evidence\[0\]\.quadas\.riskOfBias\.indexTest: /);
  });
});
