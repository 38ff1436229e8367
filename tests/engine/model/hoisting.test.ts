// Loop-invariant hoisting (issue 16): which subexpressions of a per-cycle site move into temporaries, that the
// program computes them (once per evaluation or once per cycle) before the sites read them, and that a hoisted
// site gives exactly the doubles of the same expression compiled whole.
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/engine/expression/parser';
import type { ExprNode } from '../../../src/engine/expression/parser';
import { hoistInvariants, sharedSubexpressions, subexpressionKey, variationLevel } from '../../../src/engine/model/hoisting';
import type { VariationLevel } from '../../../src/engine/model/hoisting';
import { buildParameterSpace, buildStrategyProgram, compileModelDefinitions, setCycleVariables } from '../../../src/engine/model/parameter-program';
import { parseModel } from '../../../src/engine/compile-model';
import type { ModelIssue } from '../../../src/engine/errors';

const levels: Record<string, VariationLevel> = { r: 1, hr: 1, smr: 1, cycle: 2, age: 2, trend: 2, state_time: 3 };
const levelOf = (name: string): VariationLevel => levels[name] ?? 0;

/** The rewritten expression as text, temporaries shown as [key]. */
function rewrite(src: string, shared: string[] = []): string {
  const temps: string[] = [];
  const tree = hoistInvariants(parseExpression(src), levelOf, new Set(shared), (node, key, level) => {
    temps.push(`${level}:${key}`);
    expect(subexpressionKey(node)).toBe(key);
    return `#${temps.length - 1}`;
  });
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
