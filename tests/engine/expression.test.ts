import { describe, expect, it } from 'vitest';
import { parseExpression, ExpressionSyntaxError, collectNames } from '../../src/engine/expression/parser';
import { compileExpressionTree, ExpressionNameError, VARIABLE_COUNT, VARIABLE_SLOTS } from '../../src/engine/expression/compile';
import type { NameResolver } from '../../src/engine/expression/compile';
import { compileTable, tableProblems } from '../../src/engine/expression/lookup-table';

const params = ['a', 'b', 'p', 'r'];
const values = Float64Array.from([2, 3, 0.2, 0.5]);

function evaluate(src: string, opts: { cycle?: number; cycleLength?: number; stateTime?: number } = {}): number {
  const resolver: NameResolver = {
    cycleLength: opts.cycleLength ?? 1,
    parameterSlot: (n) => (params.includes(n) ? params.indexOf(n) : undefined),
    table: () => undefined,
  };
  const fn = compileExpressionTree(parseExpression(src), resolver);
  const vars = new Float64Array(VARIABLE_COUNT);
  vars[VARIABLE_SLOTS.cycle] = opts.cycle ?? 1;
  vars[VARIABLE_SLOTS.state_time] = opts.stateTime ?? 1;
  return fn(values, vars);
}

describe('expression language', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['2 ^ 3 ^ 2', 512],
    ['-2 ^ 2', -4],
    ['10 / 4 - 1', 1.5],
    ['1e-3 * 1000', 1],
    ['.5 + a', 2.5],
    ['a * b - 1', 5],
    ['a < b', 1],
    ['a >= b', 0],
    ['a == 2 && b != 2', 1],
    ['a > 5 || b > 5', 0],
    ['!0 + !3', 1],
    ['a > 1 ? 10 : 20', 10],
    ['if(a > 5, 10, 20)', 20],
    ['cycle <= 2 ? 0.509 : 1', 0.509],
    ['min(a, b, 1)', 1],
    ['max(a, b)', 3],
    ['pow(a, b)', 8],
    ['sqrt(16) + abs(-2)', 6],
    ['round(2.567, 2)', 2.57],
    ['log(exp(2))', 2],
    ['log(8, 2)', 3],
    ['odds(0.2)', 0.25],
    ['odds_to_prob(0.25)', 0.2],
    ['apply_rr(p, r)', 0.1],
  ])('%s = %d', (src, expected) => {
    expect(evaluate(src)).toBeCloseTo(expected, 12);
  });

  it('converts rates and probabilities with the cycle length', () => {
    expect(evaluate('rate_to_prob(r)', { cycleLength: 1 })).toBeCloseTo(1 - Math.exp(-0.5), 14);
    expect(evaluate('rate_to_prob(r)', { cycleLength: 0.25 })).toBeCloseTo(1 - Math.exp(-0.125), 14);
    expect(evaluate('rate_to_prob(r, 2)')).toBeCloseTo(1 - Math.exp(-1), 14);
    expect(evaluate('prob_to_rate(p, 1)')).toBeCloseTo(-Math.log(0.8), 14);
    expect(evaluate('rate_to_prob(prob_to_rate(p))', { cycleLength: 0.5 })).toBeCloseTo(0.2, 14);
    // Annual 0.2 to a monthly probability: 1 - 0.8^(1/12).
    expect(evaluate('rescale_prob(p, 1)', { cycleLength: 1 / 12 })).toBeCloseTo(1 - 0.8 ** (1 / 12), 14);
    expect(evaluate('apply_hr(p, r)')).toBeCloseTo(1 - 0.8 ** 0.5, 14);
    expect(evaluate('apply_or(p, 2)')).toBeCloseTo(0.5 / 1.5, 14);
  });

  it('reads the model variables', () => {
    expect(evaluate('1 / (cycle + 1)', { cycle: 3 })).toBe(0.25);
    expect(evaluate('state_time * 10', { stateTime: 4 })).toBe(40);
    expect(evaluate('cycle_length * 12', { cycleLength: 0.5 })).toBe(6);
  });

  it('evaluates only the chosen branch of a conditional', () => {
    // log(-1) would be NaN; the branch is not taken.
    expect(evaluate('a > 0 ? 1 : log(-1)')).toBe(1);
  });

  it.each([
    ['1 +', 'end of expression'],
    ['(1 + 2', "expected ')'"],
    ['a.b', "unexpected character '.'"],
    ['a[0]', "unexpected character '['"],
    ['"x"', 'unexpected character'],
    ['a = 1', "unexpected character '='"],
    ['1 < a < 3', 'chained comparisons'],
    ['a b', "unexpected 'b'"],
  ])('rejects %s with a located syntax error', (src, message) => {
    expect(() => parseExpression(src)).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression(src)).toThrow(message);
  });

  it('reports the column of a syntax error', () => {
    try {
      parseExpression('a + * b');
      expect.unreachable();
    } catch (e) {
      expect((e as ExpressionSyntaxError).column).toBe(5);
    }
  });

  it.each(['constructor', '__proto__', 'process', 'globalThis', 'Math', 'this'])('gives no access to JavaScript names: %s', (name) => {
    expect(() => evaluate(`${name} + 1`)).toThrow(ExpressionNameError);
  });

  it.each(['eval(1)', 'Function(1)', 'require(1)', 'toString(1)', 'valueOf(a)'])('only calls whitelisted functions: %s', (src) => {
    expect(() => evaluate(src)).toThrow(/unknown function/);
  });

  it('checks the number of arguments', () => {
    expect(() => evaluate('exp(1, 2)')).toThrow(/exp\(\) takes 1 argument/);
    expect(() => evaluate('if(1, 2)')).toThrow(/if\(\) takes 3 arguments/);
  });

  it('collects the names and calls of an expression', () => {
    const { names, calls } = collectNames(parseExpression('exp(a) * mortality(age, sex) + b'));
    expect([...names].sort()).toEqual(['a', 'age', 'b', 'sex']);
    expect([...calls].sort()).toEqual(['exp', 'mortality']);
  });
});

describe('lookup tables', () => {
  const mortality = compileTable({
    id: 'mortality',
    keys: [
      { name: 'age', match: 'bins' },
      { name: 'sex', match: 'exact' },
    ],
    rows: [
      [35, 0, 0.001],
      [35, 1, 0.0015],
      [45, 0, 0.0026],
      [45, 1, 0.0039],
      [55, 0, 0.0067],
      [55, 1, 0.0109],
    ],
  });
  const at = (...keys: number[]): number => mortality.valueAt(Float64Array.from(keys));

  it('bins: the largest key not above x, left-closed, last bin open', () => {
    expect(at(35, 0)).toBe(0.001);
    expect(at(44.99, 1)).toBe(0.0015);
    expect(at(45, 1)).toBe(0.0039);
    expect(at(61, 0)).toBe(0.0067);
    expect(at(120, 1)).toBe(0.0109);
  });

  it('is NaN outside the table (below the first bin, unknown exact key)', () => {
    expect(at(20, 0)).toBeNaN();
    expect(at(50, 2)).toBeNaN();
  });

  it('interpolates linearly and clamps at the ends', () => {
    const t = compileTable({ id: 't', keys: [{ name: 'x', match: 'interpolate' }], rows: [[0, 10], [10, 20], [20, 40]] });
    const v = (x: number): number => t.valueAt(Float64Array.of(x));
    expect(v(5)).toBe(15);
    expect(v(15)).toBe(30);
    expect(v(-3)).toBe(10);
    expect(v(99)).toBe(40);
  });

  it('finds the right row in long tables, also when the same keys repeat', () => {
    const rows = Array.from({ length: 101 }, (_, i) => [i * 0.5, 3 * i * 0.5 + 1]);
    const lin = compileTable({ id: 'lin', keys: [{ name: 'x', match: 'interpolate' }], rows });
    const bins = compileTable({ id: 'bins', keys: [{ name: 'x', match: 'bins' }], rows });
    for (const x of [0, 0.1, 7.3, 7.3, 25, 49.99, 50, 12.25, 0.5]) {
      expect(lin.valueAt(Float64Array.of(x))).toBeCloseTo(3 * x + 1, 12);
      expect(bins.valueAt(Float64Array.of(x))).toBeCloseTo(3 * Math.floor(x * 2) * 0.5 + 1, 12);
    }
  });

  it('interpolates bilinearly on two interpolated keys', () => {
    const t = compileTable({
      id: 't',
      keys: [
        { name: 'x', match: 'interpolate' },
        { name: 'y', match: 'interpolate' },
      ],
      rows: [[0, 0, 0], [0, 1, 1], [1, 0, 2], [1, 1, 3]],
    });
    // f(x, y) = 2x + y on the corners, so bilinear gives it exactly inside.
    expect(t.valueAt(Float64Array.of(0.25, 0.5))).toBeCloseTo(1, 14);
  });

  it('reports ragged, duplicate and incomplete tables', () => {
    expect(tableProblems({ id: 't', keys: [{ name: 'x', match: 'exact' }], rows: [[1, 2], [3]] })[0]!.message).toMatch(/needs 2/);
    expect(tableProblems({ id: 't', keys: [{ name: 'x', match: 'exact' }], rows: [[1, 2], [1, 3]] })[0]!.message).toMatch(/duplicate key/);
    const incomplete = tableProblems({ id: 't', keys: [{ name: 'x', match: 'exact' }, { name: 'y', match: 'exact' }], rows: [[1, 1, 2], [2, 2, 3]] });
    expect(incomplete[0]!.message).toMatch(/every combination/);
  });
});
