// Partitioned survival against tests/fixtures/reference/psm_heemod_case1.json: joined exponential PFS/OS, a hazard
// ratio of 0.8 on both curves for Strat2, three counting methods, cohort of 1000, no discounting. heemod's
// inputs are rates per day with 365-day cycles; here the same curves are written per 365-day cycle
// (rate 0.005/day × 365 per cycle, joined at 1 cycle), which is exactly heemod's S(t·365 days).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import type { HtaModelInput } from '../../src/engine/model/schema';

const REF_DIR = resolve(__dirname, '..', 'fixtures', 'reference');
const reference = JSON.parse(readFileSync(resolve(REF_DIR, 'psm_heemod_case1.json'), 'utf8')) as {
  tolerance: string;
  cases: { expected_generated: Record<string, { Strat1: { cost: number; ut: number }; Strat2: { cost: number; ut: number }; icer: number }> }[];
};
const expected = reference.cases[0]!.expected_generated;
const TOL = 1e-9; // "rel 1e-9" in the reference file
expect(reference.tolerance).toBe('rel 1e-9');

function counts(method: string): Map<string, number> {
  const lines = readFileSync(resolve(REF_DIR, 'data', `heemod_psm1_counts_${method}.csv`), 'utf8').trim().split('\n').slice(1);
  const out = new Map<string, number>();
  for (const line of lines) {
    const [s, cycle, state, count] = line.split(',').map((x) => x.replace(/"/g, ''));
    out.set(`${s}|${cycle}|${state}`, Number(count));
  }
  return out;
}

function caseModel(counting: 'end' | 'beginning' | 'life-table'): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'heemod psm1' },
    settings: { cycleLength: 1, cycles: 10, cohortSize: 1000, counting, effect: 'qalys' },
    costCategories: [{ id: 'cost' }],
    parameters: [{ id: 'hr', value: 1, kind: 'hazard-ratio' }],
    model: {
      type: 'psm',
      states: { progressionFree: 'A', progressed: 'B', dead: 'C' },
      curves: {
        pfs1: { dist: 'exponential', rate: '0.005 * 365', timeUnit: 'cycle' },
        pfs2: { dist: 'exponential', rate: '0.004 * 365', timeUnit: 'cycle' },
        os1: { dist: 'exponential', rate: '0.003 * 365', timeUnit: 'cycle' },
        os2: { dist: 'exponential', rate: '0.002 * 365', timeUnit: 'cycle' },
        pfs_ref: { dist: 'join', curves: ['pfs1', 'pfs2'], at: [1], timeUnit: 'cycle' },
        os_ref: { dist: 'join', curves: ['os1', 'os2'], at: [1], timeUnit: 'cycle' },
        pfs: { dist: 'hazard-ratio', curve: 'pfs_ref', hr: 'hr' },
        os: { dist: 'hazard-ratio', curve: 'os_ref', hr: 'hr' },
      },
      pfs: 'pfs',
      os: 'os',
      stateValues: { A: { costs: { cost: 10000 }, utility: 1 }, B: { costs: { cost: 20000 }, utility: 1 }, C: { costs: { cost: 0 }, utility: 0 } },
    },
    strategies: [{ id: 'Strat1' }, { id: 'Strat2', parameters: { hr: 0.8 } }],
  };
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe.each(['end', 'beginning', 'life-table'] as const)('heemod psm1, counting %s', (method) => {
  const compiled = compileModel(parseModel(caseModel(method)));
  const result = compiled.evaluate(compiled.baseParameters());
  const exp = expected[method]!;

  it('reproduces total cost and utility of both strategies (cohort of 1000) and the ICER to 1e-9', () => {
    for (const id of ['Strat1', 'Strat2'] as const) {
      const s = result.strategies.find((x) => x.id === id)!;
      expect(rel(s.totals.cost * 1000, exp[id].cost)).toBeLessThan(TOL);
      expect(rel(s.totals.qalys * 1000, exp[id].ut)).toBeLessThan(TOL);
    }
    const [a, b] = result.strategies;
    expect(rel((b!.totals.cost - a!.totals.cost) / (b!.totals.qalys - a!.totals.qalys), exp.icer)).toBeLessThan(TOL);
  });

  it('reproduces every state count of the counts file', () => {
    const ref = counts(method);
    expect(ref.size).toBe(60);
    const w = method === 'end' ? [0, 1] : method === 'beginning' ? [1, 0] : [0.5, 0.5];
    for (const [key, value] of ref) {
      const [id, cycleText, state] = key.split('|');
      const s = result.strategies.find((x) => x.id === id)!;
      const j = ['A', 'B', 'C'].indexOf(state!);
      const c = Number(cycleText);
      const counted = (w[0]! * s.trace[(c - 1) * 3 + j]! + w[1]! * s.trace[c * 3 + j]!) * 1000;
      expect(Math.abs(counted - value)).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(value)));
    }
  });
});
