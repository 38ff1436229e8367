// Loop-invariant hoisting (issue 16): which subexpressions of a per-cycle site move into temporaries, that the
// program computes them (once per evaluation or once per cycle) before the sites read them, and that a hoisted
// site gives exactly the doubles of the same expression compiled whole.
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/engine/expression/parser';
import type { ExprNode } from '../../../src/engine/expression/parser';
import { hoistInvariants, readsOnlyFixedNames, sharedSubexpressions, subexpressionKey, variationLevel } from '../../../src/engine/model/hoisting';
import type { VariationLevel } from '../../../src/engine/model/hoisting';
import { buildParameterSpace, buildStrategyProgram, compileModelDefinitions, setCycleVariables } from '../../../src/engine/model/parameter-program';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import type { ModelIssue } from '../../../src/engine/errors';

const levels: Record<string, VariationLevel> = { r: 1, hr: 1, smr: 1, cycle: 2, age: 2, trend: 2, state_time: 3 };
const levelOf = (name: string): VariationLevel => levels[name] ?? 0;

/** Names no evaluation can change (the model's time and constants), as the parameter program gives them. */
const fixedName = (name: string): boolean => ['cycle', 'age', 'time', 'cycle_length'].includes(name);

/** The rewritten expression as text, temporaries shown as [key]; `fixed`: hoist what reads only fixed names. */
function rewrite(src: string, shared: string[] = [], fixed = false): string {
  const temps: string[] = [];
  const tree = hoistInvariants(
    parseExpression(src),
    levelOf,
    new Set(shared),
    (node, key, level) => {
      temps.push(`${level}:${key}`);
      expect(subexpressionKey(node)).toBe(key);
      return `#${temps.length - 1}`;
    },
    fixed ? fixedName : undefined,
  );
  const show = (n: ExprNode): string => {
    switch (n.kind) {
      case 'name':
        return n.name.startsWith('#') ? `[${temps[Number(n.name.slice(1))]}]` : n.name;
      default:
        return subexpressionKey({ ...n, ...(n.kind === 'call' ? { args: n.args.map((a) => ({ kind: 'name', name: show(a), pos: 0 }) as ExprNode) } : {}), ...(n.kind === 'binary' ? { left: { kind: 'name', name: show(n.left), pos: 0 } as ExprNode, right: { kind: 'name', name: show(n.right), pos: 0 } as ExprNode } : {}) } as ExprNode);
    }
  };
  return show(tree);
}

describe('hoisting loop invariants out of per-cycle expressions', () => {
  it('keys subexpressions by structure and exact numbers', () => {
    const key = (s: string): string => subexpressionKey(parseExpression(s));
    expect(key('rescale_prob(mort(age), 1)')).toBe(key('rescale_prob( mort( age ),1.0 )'));
    expect(key('a * b')).not.toBe(key('b * a'));
    expect(key('(a * b) * c')).not.toBe(key('a * (b * c)'));
    expect(key('-0 + a')).not.toBe(key('0 + a'));
  });

  it('finds the compound subexpressions that more than one expression repeats', () => {
    const shared = sharedSubexpressions([
      'min(1, rescale_prob(mort(age), 1) * smr_0)',
      'min(1, rescale_prob(mort(age), 1) * smr_1)',
      'rate_to_prob(r_0 * hr * (1 + 0.001 * cycle))',
      'rate_to_prob(r_1 * hr * (1 + 0.001 * cycle)) + (x + x)',
      'C',
      12,
      'syntax error (',
    ]);
    expect([...shared].sort()).toEqual(['(1+(0.001*cycle))', '(0.001*cycle)', 'mort(age)', 'rescale_prob(mort(age),1)'].sort());
  });

  it('moves the per-evaluation part of a per-cycle site into a temporary, and a per-cycle part only when shared', () => {
    expect(rewrite('rate_to_prob(r * hr * (1 + 0.001 * cycle))')).toBe('rate_to_prob(([1:(r*hr)]*(1+(0.001*cycle))))');
    expect(rewrite('rate_to_prob(r * hr * (1 + 0.001 * cycle))', ['(1+(0.001*cycle))'])).toBe('rate_to_prob(([1:(r*hr)]*[2:(1+(0.001*cycle))]))');
    expect(rewrite('min(1, rescale_prob(mort(age), 1) * smr)', ['rescale_prob(mort(age),1)'])).toBe('min(1,([2:rescale_prob(mort(age),1)]*smr))');
    // Largest invariant only: mort(age) is inside the hoisted rescale_prob.
    expect(rewrite('min(1, rescale_prob(mort(age), 1) * smr)', ['rescale_prob(mort(age),1)', 'mort(age)'])).toBe('min(1,([2:rescale_prob(mort(age),1)]*smr))');
  });

  it('never replaces the whole site, leaves, constants or sites fixed within an evaluation', () => {
    expect(rewrite('rescale_prob(mort(age), 1)', ['rescale_prob(mort(age),1)'])).toBe('rescale_prob(mort(age),1)');
    expect(rewrite('r * hr + exp(smr)')).toBe('((r*hr)+exp(smr))');
    expect(rewrite('cycle * 2 + r', [])).toBe('((cycle*2)+r)');
    expect(rewrite('(1 + 2) * cycle')).toBe('((1+2)*cycle)');
  });

  it('tells subexpressions of model time alone (the same in every evaluation) from those that read a parameter', () => {
    const only = (src: string): boolean => readsOnlyFixedNames(parseExpression(src), fixedName);
    expect(only('rescale_prob(mort(age), 1)')).toBe(true);
    expect(only('1 + 0.001 * cycle')).toBe(true);
    expect(only('time / cycle_length')).toBe(true);
    // State-specific or sampled inputs: not the same from one evaluation (or one state) to the next.
    expect(only('rescale_prob(mort(age), 1) * smr')).toBe(false);
    expect(only('mort(age + r)')).toBe(false);
    expect(only('mort(age) * state_time')).toBe(false);
  });

  it('with fixed names, hoists what reads only model time even when not shared, and never what reads a parameter', () => {
    // The age-table lookup of one state's death probability: hoisted though no other site repeats it.
    expect(rewrite('min(1, rescale_prob(mort(age), 1) * smr)', [], true)).toBe('min(1,([2:rescale_prob(mort(age),1)]*smr))');
    expect(rewrite('rate_to_prob(r * hr * (1 + 0.001 * cycle))', [], true)).toBe('rate_to_prob(([1:(r*hr)]*[2:(1+(0.001*cycle))]))');
    // A whole site of model time alone becomes one temporary.
    expect(rewrite('rescale_prob(mort(age), 1)', [], true)).toBe('[2:rescale_prob(mort(age),1)]');
    // What multiplies the lookup by a state's SMR stays in the site (per state), shared or not.
    expect(rewrite('rescale_prob(mort(age), 1) * smr', ['(rescale_prob(mort(age),1)*smr)'], true)).toBe('([2:rescale_prob(mort(age),1)]*smr)');
    expect(rewrite('mort(age + r) * 2', [], true)).toBe('(mort((age+r))*2)');
    // Leaves stay leaves.
    expect(rewrite('age * smr', [], true)).toBe('(age*smr)');
  });

  it('in a site evaluated per time in state, hoists per-cycle parts without sharing, never what reads state_time', () => {
    expect(rewrite('r * hr * state_time + mort(age)')).toBe('(([1:(r*hr)]*state_time)+[2:mort(age)])');
    expect(variationLevel(parseExpression('mort(age) * state_time'), levelOf)).toBe(3);
  });
});

describe('a program computes its temporaries before the sites that read them', () => {
  const model = parseModel({
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'hoisting' },
    settings: { cycleLength: 0.5, cycles: 4, startAge: 50 },
    parameters: [
      { id: 'r', value: 0.2 },
      { id: 'hr', value: 0.8 },
      { id: 'smr', value: 1.5 },
      { id: 'p_trend', expression: '1 + 0.1 * cycle' },
    ],
    tables: [{ id: 'mort', keys: [{ name: 'age', match: 'interpolate' }], rows: [[50, 0.01], [52, 0.03]] }],
    model: { type: 'markov', states: [{ id: 'A' }, { id: 'D', dead: true }], initial: { A: 1 }, transitions: [{ from: 'A', to: 'D', probability: 'C' }], stateValues: {} },
    strategies: [{ id: 's' }],
  });
  const issues: ModelIssue[] = [];
  const space = buildParameterSpace(model, issues);
  const defs = compileModelDefinitions(model, space, issues);
  const program = buildStrategyProgram(defs, {}, [], issues, new Set());
  const sources = ['min(1, rescale_prob(mort(age), 1) * smr)', 'rate_to_prob(r * hr * p_trend)', 'r * hr + rescale_prob(mort(age), 1)'];
  const shared = sharedSubexpressions(sources);
  const hoisted = sources.map((s) => program.compileSite(s, ['x'], issues, false, { shared })!);
  const whole = sources.map((s) => program.compileSite(s, ['x'], issues, false)!);

  it('adds one temporary per distinct invariant (r * hr once per evaluation, the age lookup once per cycle)', () => {
    expect(issues).toEqual([]);
    // Slots 0-3 are the parameters; r * hr and rescale_prob(mort(age), 1) are the two temporaries.
    expect(program.work.length).toBe(4 + 2);
  });

  it('gives the same doubles as the expressions compiled whole, cycle after cycle', () => {
    program.prepare(Float64Array.from([0.2, 0.8, 1.5, 0]));
    for (let c = 1; c <= 4; c++) {
      setCycleVariables(program.vars, c, 0.5, 50);
      program.updateCycleTracked(c === 1);
      const { work, vars } = program;
      hoisted.forEach((site, k) => expect(Object.is(site.fn(work, vars), whole[k]!.fn(work, vars))).toBe(true));
    }
    // Hand-computed at cycle 4 (age 51.5: mort 0.025): 1 - (1 - 0.025)^0.5 = 0.012422..., times 1.5.
    expect(hoisted[0]!.fn(program.work, program.vars)).toBeCloseTo(1.5 * (1 - Math.sqrt(0.975)), 14);
  });
});

describe('model-time temporaries are computed once per cycle and kept from one evaluation to the next', () => {
  const model = parseModel({
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'model-time temporaries' },
    settings: { cycleLength: 0.5, cycles: 6, startAge: 50 },
    parameters: [
      { id: 'r', value: 0.2 },
      { id: 'smr', value: 1.5 },
    ],
    tables: [{ id: 'mort', keys: [{ name: 'age', match: 'interpolate' }], rows: [[50, 0.01], [52, 0.03], [60, 0.2]] }],
    model: { type: 'markov', states: [{ id: 'A' }, { id: 'D', dead: true }], initial: { A: 1 }, transitions: [{ from: 'A', to: 'D', probability: 'C' }], stateValues: {} },
    strategies: [{ id: 's' }],
  });
  const issues: ModelIssue[] = [];
  const space = buildParameterSpace(model, issues);
  // Counts the table's lookups (what a kept temporary saves).
  const table = space.tables.get('mort')!;
  const lookUp = table.valueAt.bind(table);
  let lookups = 0;
  table.valueAt = (keys) => {
    lookups++;
    return lookUp(keys);
  };
  const defs = compileModelDefinitions(model, space, issues);
  const program = buildStrategyProgram(defs, {}, [], issues, new Set());
  const sources = ['min(1, rescale_prob(mort(age), 1) * smr)', 'rate_to_prob(r * (1 + 0.05 * cycle))', 'mort(age) * 2 + r'];
  const hoisted = sources.map((s) => program.compileSite(s, ['x'], issues, false, { shared: new Set() })!);
  const whole = sources.map((s) => program.compileSite(s, ['x'], issues, false)!);

  /** One evaluation's cycles at the given start age: every hoisted site against the same site compiled whole. */
  function runCycles(params: number[], startAge: number): number {
    const before = lookups;
    program.prepare(Float64Array.from(params));
    for (let c = 1; c <= 6; c++) {
      setCycleVariables(program.vars, c, 0.5, startAge);
      program.updateCycleTracked(c === 1);
      const counted = lookups;
      const { work, vars } = program;
      hoisted.forEach((site, k) => expect(Object.is(site.fn(work, vars), whole[k]!.fn(work, vars))).toBe(true));
      lookups = counted;
    }
    return lookups - before;
  }

  it('hoists each subexpression of model time alone once (rescale_prob of the lookup, the trend, the lookup)', () => {
    expect(issues).toEqual([]);
    // Slots 0-1 are the parameters; rescale_prob(mort(age), 1), 1 + 0.05 * cycle and mort(age) * 2 the temporaries.
    expect(program.work.length).toBe(2 + 3);
  });

  it('gives the same doubles as the sites compiled whole, computing the lookups in the first evaluation only', () => {
    // Two temporaries look the table up (rescale_prob(mort(age), 1) and mort(age) * 2), once per cycle each.
    expect(runCycles([0.2, 1.5], 50)).toBe(12);
    // Other parameter values, same model time: nothing is looked up again, the results still match.
    expect(runCycles([0.35, 2.5], 50)).toBe(0);
    expect(runCycles([0.05, 0.5], 50)).toBe(0);
  });

  it('computes them again when a cycle comes at another age (the values are kept per cycle, age and time)', () => {
    expect(runCycles([0.2, 1.5], 53)).toBe(12);
    expect(runCycles([0.2, 1.5], 50)).toBe(12);
    // Without a start age (age NaN) the kept values are for NaN ages only, never mixed up with another age.
    expect(runCycles([0.2, 1.5], NaN)).toBe(12);
    expect(runCycles([0.2, 1.5], NaN)).toBe(0);
    expect(runCycles([0.2, 1.5], 50)).toBe(12);
  });
});

describe('a Markov model with an age-table mortality shared by every state', () => {
  // Four states, each dying at rescale_prob(mort(age), 1) times its SMR (the lookup shared by every transition,
  // hoisted and kept per cycle); the same model with an exponent read from a parameter per state (one_S0 ... = 1),
  // which is neither shared nor of model time alone, so every site computes its own lookup every cycle.
  const states = ['S0', 'S1', 'S2', 'S3'];
  function chain(unshared: boolean): ReturnType<typeof compileModel> {
    return compileModel(
      parseModel({
        format: 'hta-workbench-model',
        version: 1,
        metadata: { title: unshared ? 'unshared' : 'shared' },
        settings: { cycleLength: 0.25, cycles: 40, startAge: 60, discount: { costs: 0.03, effects: 0.015 } },
        parameters: [
          { id: 'hr', value: 0.8 },
          ...states.flatMap((s, i) => [
            { id: `smr_${s}`, value: 1 + 0.3 * i },
            { id: `r_${s}`, value: 0.1 + 0.05 * i },
            { id: `c_${s}`, value: 100 * (i + 1) },
            { id: `one_${s}`, value: 1 },
          ]),
        ],
        tables: [{ id: 'mort', keys: [{ name: 'age', match: 'interpolate' }], rows: [[60, 0.01], [65, 0.02], [70, 0.05], [75, 0.09]] }],
        model: {
          type: 'markov',
          states: [...states.map((id) => ({ id })), { id: 'Dead', dead: true }],
          initial: { S0: 1 },
          transitions: states.flatMap((s, i) => [
            { from: s, to: s, probability: 'C' },
            ...(i + 1 < states.length ? [{ from: s, to: states[i + 1]!, probability: `rate_to_prob(r_${s} * hr * (1 + 0.01 * cycle))` }] : []),
            { from: s, to: 'Dead', probability: `min(1, rescale_prob(mort(age), ${unshared ? `one_${s}` : '1'}) * smr_${s})` },
          ]),
          stateValues: Object.fromEntries(states.map((s) => [s, { costs: { care: `c_${s}` }, utility: 0.9 }])),
        },
        strategies: [{ id: 'soc' }, { id: 'new', parameters: { hr: '0.6' } }],
      }),
    );
  }
  const shared = chain(false);
  const unshared = chain(true);

  it('gives bit for bit the results of the unshared form, evaluation after evaluation', () => {
    const a = shared.createResult();
    const b = unshared.createResult();
    const params = (model: ReturnType<typeof compileModel>, scale: number): Float64Array => {
      const p = Float64Array.from(model.baseParameters());
      for (let i = 0; i < p.length; i++) if (!model.parameterIds[i]!.startsWith('one_')) p[i] = p[i]! * scale;
      return p;
    };
    for (const scale of [1, 1.1, 0.9, 1]) {
      shared.evaluate(params(shared, scale), a);
      unshared.evaluate(params(unshared, scale), b);
      a.strategies.forEach((s, k) => {
        const t = b.strategies[k]!;
        expect(s.totals.cost).toBeGreaterThan(0);
        expect(Object.is(s.totals.cost, t.totals.cost) && Object.is(s.totals.qalys, t.totals.qalys) && Object.is(s.totals.lifeYears, t.totals.lifeYears)).toBe(true);
        expect(s.trace.every((x, i) => Object.is(x, t.trace[i]))).toBe(true);
      });
    }
    // And the same as a model compiled afresh (whose kept values start empty).
    const fresh = chain(false).evaluate(params(shared, 1));
    expect(fresh.strategies.map((s) => s.totals)).toEqual(a.strategies.map((s) => s.totals));
  });
});
