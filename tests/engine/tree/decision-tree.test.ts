// Decision trees against expected values worked by hand, chance-node sum checks (located), nested decision
// nodes, counters and the path breakdown.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { ModelEvaluationError } from '../../../src/engine/errors';
import { validateModel } from '../../../src/engine/model/validate';
import type { HtaModelInput } from '../../../src/engine/model/schema';
import type { TreeStrategyResult } from '../../../src/engine/tree/compile-tree';
import { clone } from '../model-fixtures';

function twoStrategyTree(): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'Hand-checkable tree' },
    settings: { cycleLength: 1, effect: 'qalys' },
    costCategories: [{ id: 'care' }, { id: 'test' }],
    parameters: [
      { id: 'p_a', value: 0.3, kind: 'probability' },
      { id: 'p_x', value: 0.6, kind: 'probability' },
      { id: 'c_high', value: 100, kind: 'cost' },
    ],
    model: {
      type: 'tree',
      root: {
        kind: 'decision',
        branches: [
          {
            id: 'A',
            kind: 'chance',
            branches: [
              { id: 'a_yes', kind: 'terminal', probability: 'p_a', costs: { care: 'c_high' }, qalys: 1 },
              { id: 'a_no', kind: 'terminal', probability: 'C', costs: { care: 50 }, qalys: 2 },
            ],
          },
          {
            id: 'B',
            kind: 'chance',
            costs: { test: 10 },
            branches: [
              {
                id: 'b_x',
                kind: 'chance',
                probability: 'p_x',
                branches: [
                  { id: 'b_x1', kind: 'terminal', probability: 0.5, costs: { care: 200 }, qalys: 0.5, count: ['severe'] },
                  { id: 'b_x2', kind: 'terminal', probability: 'C', qalys: 1 },
                ],
              },
              { id: 'b_other', kind: 'terminal', probability: 'C', costs: { care: 20 }, qalys: 3 },
            ],
          },
        ],
      },
    },
    strategies: [{ id: 'A' }, { id: 'B' }],
  };
}

function run(json: HtaModelInput): TreeStrategyResult[] {
  const compiled = compileModel(parseModel(json));
  return compiled.evaluate(compiled.baseParameters()).strategies as TreeStrategyResult[];
}

describe('decision tree roll-back', () => {
  it('gives the expected values worked by hand', () => {
    const [a, b] = run(twoStrategyTree());
    // A: 0.3 × 100 + 0.7 × 50 = 65; QALYs 0.3 × 1 + 0.7 × 2 = 1.7.
    expect(a!.totals.cost).toBeCloseTo(65, 12);
    expect(a!.totals.qalys).toBeCloseTo(1.7, 12);
    // B: 10 + 0.6 × (0.5 × 200) + 0.4 × 20 = 78; QALYs 0.6 × (0.5 × 0.5 + 0.5 × 1) + 0.4 × 3 = 1.65.
    expect(b!.totals.cost).toBeCloseTo(78, 12);
    expect(b!.totals.qalys).toBeCloseTo(1.65, 12);
    expect(b!.costByCategory[0]).toBeCloseTo(68, 12);
    expect(b!.costByCategory[1]).toBeCloseTo(10, 12);
    expect(b!.totals.effect).toBe(b!.totals.qalys);
    // A pure tree puts everything in its single value cycle.
    expect(b!.costPerCycle[0]! + b!.costPerCycle[1]!).toBeCloseTo(78, 12);
  });

  it('counts the share reaching counted nodes and breaks the totals down by path', () => {
    const [, b] = run(twoStrategyTree());
    expect(b!.tree.counts.severe).toBeCloseTo(0.3, 12);
    const rows = b!.tree.paths;
    expect(rows.map((r) => r.terminal)).toEqual(['b_x1', 'b_x2', 'b_other']);
    expect(rows[0]!.path).toBe('B → b_x → b_x1');
    expect(rows.map((r) => r.probability)).toEqual([expect.closeTo(0.3, 12), expect.closeTo(0.3, 12), expect.closeTo(0.4, 12)]);
    // Per patient on the path: path costs (10 at the strategy node) + terminal costs.
    expect(rows[0]!.cost).toBeCloseTo(210, 12);
    expect(rows[2]!.cost).toBeCloseTo(30, 12);
    const sum = rows.reduce((s, r) => s + r.probability * r.cost, 0);
    expect(sum).toBeCloseTo(b!.totals.cost, 12);
  });

  it('reacts to a parameter change like the hand formula', () => {
    const compiled = compileModel(parseModel(twoStrategyTree()));
    const params = compiled.baseParameters();
    params[compiled.parameterIndex.get('p_a')!] = 0.8;
    const a = compiled.evaluate(params).strategies[0]!;
    expect(a.totals.cost).toBeCloseTo(0.8 * 100 + 0.2 * 50, 12);
  });

  it('reports a located error when a chance node does not sum to 1', () => {
    const json = clone(twoStrategyTree());
    const root = json.model as { root: { branches: { branches: { probability: unknown }[] }[] } };
    root.root.branches[0]!.branches[1]!.probability = 0.6; // 0.3 + 0.6 = 0.9
    const compiled = compileModel(parseModel(json));
    let error: unknown;
    try {
      compiled.evaluate(compiled.baseParameters());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelEvaluationError);
    const details = (error as ModelEvaluationError).details;
    expect(details.code).toBe('row-sum');
    expect(details.strategy).toBe('A');
    expect(details.path).toEqual(['model', 'root', 'branches', 0, 'branches']);
    expect(details.value).toBeCloseTo(0.9, 12);
    expect(details.parameters).toEqual({ p_a: 0.3 });
    const report = validateModel(json);
    expect(report.valid).toBe(false);
    const issue = report.issues.find((i) => i.code === 'row-sum')!;
    expect(issue.path).toEqual(['model', 'root', 'branches', 0, 'branches']);
    expect(issue.message).toMatch(/sum to 0\.9/);
  });

  it('rejects a probability outside [0, 1] with its location and parameters', () => {
    const json = clone(twoStrategyTree());
    json.strategies[0] = { id: 'A', parameters: { p_a: 1.3 } };
    const report = validateModel(json);
    const issue = report.issues.find((i) => i.code === 'not-a-probability')!;
    expect(issue.path).toEqual(['model', 'root', 'branches', 0, 'branches', 0, 'probability']);
    expect(issue.message).toMatch(/p_a/);
  });

  // Strategies without overrides share one table of expression values; with an override each keeps its own.
  it('evaluates an expression repeated across strategies once, unless a strategy overrides what it reads', () => {
    const json = clone(twoStrategyTree());
    // Strategy B's chance node reads p_a too (p_x = "p_a"): shared, both see 0.3.
    (json.parameters as { id: string; value?: number; expression?: string }[])[1] = { id: 'p_x', expression: 'p_a' };
    const [a, b] = run(json);
    expect(a!.totals.cost).toBeCloseTo(65, 12);
    // B: 10 + 0.3 × 100 + 0.7 × 20 = 54.
    expect(b!.totals.cost).toBeCloseTo(54, 12);
    // B overrides p_a (0.8): A keeps 0.3; B: 10 + 0.8 × 100 + 0.2 × 20 = 94.
    json.strategies[1] = { id: 'B', parameters: { p_a: 0.8 } };
    const [a2, b2] = run(json);
    expect(a2!.totals.cost).toBeCloseTo(65, 12);
    expect(b2!.totals.cost).toBeCloseTo(94, 12);
    // An override out of range fails in its own strategy, located at the first node reading it, with its value.
    json.strategies[1] = { id: 'B', parameters: { p_a: 1.4 } };
    const compiled = compileModel(parseModel(json));
    let error: unknown;
    try {
      compiled.evaluate(compiled.baseParameters());
    } catch (e) {
      error = e;
    }
    const details = (error as ModelEvaluationError).details;
    expect(details.code).toBe('not-a-probability');
    expect(details.strategy).toBe('B');
    expect(details.path).toEqual(['model', 'root', 'branches', 1, 'branches', 0, 'probability']);
    expect(details.parameters).toEqual({ p_x: 1.4, p_a: 1.4 });
  });

  it('reports structural problems at compile time, each located', () => {
    const json = clone(twoStrategyTree()) as unknown as { model: { root: { branches: Record<string, unknown>[] } }; strategies: unknown[] };
    const b = json.model.root.branches[1]! as { branches: Record<string, unknown>[] };
    b.branches[1]!.probability = undefined;
    delete b.branches[1]!.probability;
    b.branches[1]!.submodel = 'nowhere';
    json.strategies.push({ id: 'Z' });
    const report = validateModel(json);
    const messages = report.issues.map((i) => `${i.code} ${JSON.stringify(i.path)}`);
    expect(messages).toContain('missing-value ["model","root","branches",1,"branches",1]');
    expect(messages).toContain('unknown-submodel ["model","root","branches",1,"branches",1,"submodel"]');
    expect(messages).toContain('missing-strategy-tree ["model","root","branches"]');
  });
});

describe('decision nodes inside a strategy', () => {
  it('choose the branch with the highest net monetary benefit at decisionWtp', () => {
    const json: HtaModelInput = {
      format: 'hta-workbench-model',
      version: 1,
      metadata: { title: 'Nested decision' },
      settings: { cycleLength: 1 },
      parameters: [{ id: 'c_opt', value: 1000, kind: 'cost' }],
      model: {
        type: 'tree',
        decisionWtp: 20000,
        root: {
          kind: 'decision',
          branches: [
            {
              id: 'S',
              kind: 'decision',
              branches: [
                // NMB at 20 000: 0.5 × 20 000 − 1000 = 9000 vs 0.45 × 20 000 − 0 = 9000 − 0 → first wins only when cheaper.
                { id: 'opt', kind: 'terminal', qalys: 0.5, costs: { drug: 'c_opt' } },
                { id: 'cheap', kind: 'terminal', qalys: 0.4 },
              ],
            },
          ],
        },
      },
      strategies: [{ id: 'S' }],
    };
    // 0.5·20000 − 1000 = 9000 > 0.4·20000 = 8000: opt.
    let s = run(json)[0]!;
    expect(s.totals.cost).toBe(1000);
    expect(s.totals.qalys).toBe(0.5);
    expect(s.tree.paths.map((r) => r.probability)).toEqual([1, 0]);
    // At cost 3000: 7000 < 8000: cheap.
    json.strategies[0] = { id: 'S', parameters: { c_opt: 3000 } };
    s = run(json)[0]!;
    expect(s.totals.cost).toBe(0);
    expect(s.totals.qalys).toBe(0.4);
    // Without a threshold the model does not compile.
    delete (json.model as { decisionWtp?: number }).decisionWtp;
    expect(validateModel(json).issues.map((i) => i.code)).toContain('missing-value');
  });
});
