import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculateIcers } from '../../src/engine/economics/incremental';
import type { IncrementalRow } from '../../src/engine/economics/incremental';

const referenceDir = resolve(__dirname, '../fixtures/reference');

interface ExpectedRow {
  Strategy: string;
  Cost: number;
  Effect: number;
  Inc_Cost?: number | null;
  Inc_Effect?: number | null;
  ICER?: number | null;
  Status: 'ND' | 'ED' | 'D';
}
interface Case {
  id: string;
  inputs?: { strategies: string[]; cost: number[]; effect: number[] | string; effect_qalm?: number[] };
  expected?: unknown;
  expected_derived?: unknown;
}

const reference = JSON.parse(readFileSync(resolve(referenceDir, 'dampack_calculate_icers.json'), 'utf8')) as {
  cases: Case[];
};
const caseById = (id: string): Case => {
  const found = reference.cases.find((c) => c.id === id);
  if (!found) throw new Error(`case ${id} missing from the reference file`);
  return found;
};

function rowsOf(strategies: string[], cost: number[], effect: number[]) {
  return strategies.map((id, i) => ({ id, cost: cost[i]!, effect: effect[i]! }));
}

function readCsv(name: string): string[][] {
  return readFileSync(resolve(referenceDir, 'data', name), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

const statusOf = { ND: 'nondominated', ED: 'extendedly-dominated', D: 'dominated' } as const;

function expectMatchesDampack(actual: IncrementalRow[], expected: ExpectedRow[]): void {
  expect(actual.map((r) => r.id)).toEqual(expected.map((r) => r.Strategy));
  expected.forEach((exp, i) => {
    const row = actual[i]!;
    expect(row.status).toBe(i === 0 ? 'reference' : statusOf[exp.Status]);
    expect(row.cost).toBe(exp.Cost);
    expect(row.effect).toBe(exp.Effect);
    for (const [mine, theirs] of [
      [row.incCost, exp.Inc_Cost],
      [row.incEffect, exp.Inc_Effect],
      [row.icer, exp.ICER],
    ] as const) {
      if (theirs === undefined || theirs === null) expect(mine).toBeNull();
      else expect(mine!).toBeCloseTo(theirs, 6);
    }
  });
}

describe('calculateIcers reproduces dampack::calculate_icers', () => {
  it('HERC VA example (strong and extended dominance)', () => {
    const c = caseById('herc_example');
    const { strategies, cost, effect } = c.inputs!;
    expectMatchesDampack(calculateIcers(rowsOf(strategies, cost, effect as number[])), c.expected as ExpectedRow[]);
  });

  it('tie on effect: the cheaper strategy is the reference and the dearer one is dominated', () => {
    const c = caseById('reference_tie');
    const { strategies, cost, effect } = c.inputs!;
    const result = calculateIcers(rowsOf(strategies, cost, effect as number[]));
    expect(result[0]!.id).toBe((c.expected as { first_row_strategy: string }).first_row_strategy);
    expect(result.find((r) => r.id === 'Treat all')!.status).toBe('dominated');
    expect(result.find((r) => r.id === 'No Treat')!.status).toBe('dominated');
  });

  it('single strategy has no increments', () => {
    const c = caseById('single_strategy');
    const { strategies, cost, effect } = c.inputs!;
    const [row] = calculateIcers(rowsOf(strategies, cost, effect as number[]));
    expect(row).toMatchObject({ status: 'reference', incCost: null, incEffect: null, icer: null });
  });

  it('C. difficile 11 strategies (published vignette output)', () => {
    const c = caseById('cdiff_11_strategies');
    const { strategies, cost, effect } = c.inputs!;
    expectMatchesDampack(calculateIcers(rowsOf(strategies, cost, effect as number[])), c.expected as ExpectedRow[]);
  });

  it('C. difficile means from the CSV give the same frontier', () => {
    const rows = readCsv('dampack_cdiff_means.csv').map(([id, cost, effect]) => ({
      id: id!,
      cost: Number(cost),
      effect: Number(effect),
    }));
    expect(rows).toHaveLength(11);
    expectMatchesDampack(calculateIcers(rows), caseById('cdiff_11_strategies').expected as ExpectedRow[]);
  });

  it('Paltiel HIV screening (effects in QALMs / 12)', () => {
    const c = caseById('paltiel_hiv_screening');
    const { strategies, cost, effect_qalm } = c.inputs!;
    const result = calculateIcers(rowsOf(strategies, cost, effect_qalm!.map((q) => q / 12)));
    const expected = c.expected_derived as ExpectedRow[];
    expect(result.map((r) => r.id)).toEqual(expected.map((r) => r.Strategy));
    expected.forEach((exp, i) => {
      expect(result[i]!.status).toBe(i === 0 ? 'reference' : statusOf[exp.Status]);
      if (exp.ICER == null) expect(result[i]!.icer).toBeNull();
      else expect(result[i]!.icer!).toBeCloseTo(exp.ICER, 4);
    });
  });

  it('hundred strategies (dampack hund_strat)', () => {
    const rows = readCsv('dampack_hund_strat.csv').map(([id, cost, effect]) => ({
      id: id!,
      cost: Number(cost),
      effect: Number(effect),
    }));
    expect(rows).toHaveLength(100);
    const expected = caseById('hund_strat_100').expected_derived as {
      frontier: [string, number | null][];
      ED: string[];
      n_D: number;
    };
    const result = calculateIcers(rows);
    const frontier = result.filter((r) => r.status === 'reference' || r.status === 'nondominated');
    expect(frontier.map((r) => r.id)).toEqual(expected.frontier.map(([id]) => id));
    frontier.forEach((row, i) => {
      const icer = expected.frontier[i]![1];
      if (icer === null) expect(row.icer).toBeNull();
      else expect(row.icer! / icer).toBeCloseTo(1, 9);
    });
    expect(result.filter((r) => r.status === 'extendedly-dominated').map((r) => r.id)).toEqual(expected.ED);
    expect(result.filter((r) => r.status === 'dominated')).toHaveLength(expected.n_D);
  });
});
