// The compiler's fused closures (param*param, cycle <= p, sums of parameters, ternaries over leaves, one-key
// table lookups remembered per call site) and their inline forms (evaluated by an ExpressionBatch in the
// engines' per-cycle loops) must give exactly the doubles of a plain tree-walking interpreter, including NaN,
// Infinity and signed zeros.
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/engine/expression/parser';
import type { ExprNode } from '../../src/engine/expression/parser';
import { compileExpressionForm, compileExpressionTree, VARIABLE_COUNT, VARIABLE_SLOTS } from '../../src/engine/expression/compile';
import {
  ExpressionBatch,
  FORM_ADD,
  FORM_COMPARE_SELECT,
  FORM_CONSTANT,
  FORM_DIVIDE,
  FORM_MAX_PRODUCT,
  FORM_MIN_PRODUCT,
  FORM_MULTIPLY,
  FORM_PARAMETER,
  FORM_RATE_PARAMETER,
  FORM_RATE_PRODUCT,
  FORM_RATE_TREND,
  FORM_SUBTRACT,
  FORM_TREND,
  FORM_VARIABLE,
} from '../../src/engine/expression/inline-forms';
import type { NameResolver, VariableName } from '../../src/engine/expression/compile';
import { getFunction } from '../../src/engine/expression/functions';
import { compileTable } from '../../src/engine/expression/lookup-table';
import type { CompiledTable } from '../../src/engine/expression/lookup-table';

const names = ['a', 'b', 'c', 'd'];
const mort = compileTable({ id: 'mort', keys: [{ name: 'age', match: 'interpolate' }], rows: [[40, 0.01], [50, 0.02], [60, 0.05]] });
const tables = new Map<string, CompiledTable>([['mort', mort]]);
const resolver: NameResolver = {
  cycleLength: 0.5,
  parameterSlot: (n) => (names.includes(n) ? names.indexOf(n) : undefined),
  table: (n) => tables.get(n),
};

/** Reference: walks the tree on every call, no folding, no fusion. */
function interpret(node: ExprNode, p: Float64Array, v: Float64Array): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'name':
      if (node.name === 'cycle_length') return resolver.cycleLength;
      if (Object.hasOwn(VARIABLE_SLOTS, node.name)) return v[VARIABLE_SLOTS[node.name as VariableName]]!;
      return p[names.indexOf(node.name)]!;
    case 'unary': {
      const x = interpret(node.arg, p, v);
      return node.op === '-' ? -x : node.op === '+' ? x : x === 0 ? 1 : 0;
    }
    case 'binary': {
      const x = interpret(node.left, p, v);
      const y = interpret(node.right, p, v);
      const ops: Record<string, number> = {
        '+': x + y,
        '-': x - y,
        '*': x * y,
        '/': x / y,
        '^': x ** y,
        '<': x < y ? 1 : 0,
        '<=': x <= y ? 1 : 0,
        '>': x > y ? 1 : 0,
        '>=': x >= y ? 1 : 0,
        '==': x === y ? 1 : 0,
        '!=': x !== y ? 1 : 0,
        '&&': x !== 0 && y !== 0 ? 1 : 0,
        '||': x !== 0 || y !== 0 ? 1 : 0,
      };
      return ops[node.op]!;
    }
    case 'conditional':
      return interpret(node.test, p, v) !== 0 ? interpret(node.then, p, v) : interpret(node.otherwise, p, v);
    case 'call': {
      const args = Float64Array.from(node.args.map((a) => interpret(a, p, v)));
      if (node.name === 'if') return args[0] !== 0 ? args[1]! : args[2]!;
      const table = tables.get(node.name);
      if (table) return table.valueAt(args);
      return getFunction(node.name)!.apply(args, resolver.cycleLength);
    }
  }
}

const special = [NaN, Infinity, -Infinity, 0, -0, 1, 2.5, -3, 45, 55.5];

/** Every combination of special values for a, b and cycle/age; c and d fixed. */
function* inputs(): Generator<[Float64Array, Float64Array]> {
  for (const a of special) {
    for (const b of special) {
      for (const t of [NaN, 0, 1, 2, 3, 44.5, Infinity]) {
        const v = new Float64Array(VARIABLE_COUNT);
        v[VARIABLE_SLOTS.cycle] = t;
        v[VARIABLE_SLOTS.age] = t === t && Number.isFinite(t) ? 40 + t * 3 : t;
        v[VARIABLE_SLOTS.time] = t;
        v[VARIABLE_SLOTS.state_time] = 1;
        yield [Float64Array.from([a, b, 7, 0.25]), v];
      }
    }
  }
}

function expectSameAsInterpreter(src: string): void {
  const tree = parseExpression(src);
  const fn = compileExpressionTree(tree, resolver);
  const formed = compileExpressionForm(tree, resolver);
  // The inline form through a batch (a generic item after it checks that runs hand over correctly).
  const batch = new ExpressionBatch([formed, { fn, form: null }]);
  const out = new Float64Array(2);
  const targets = Int32Array.of(0, 1);
  let checked = 0;
  for (const [p, v] of inputs()) {
    const got = fn(p, v);
    const want = interpret(tree, p, v);
    batch.evaluate(p, v, out, targets);
    // Object.is: NaN equals NaN, and +0 differs from -0.
    if (!Object.is(got, want)) expect({ src, p: [...p], v: [...v], got }).toEqual({ src, p: [...p], v: [...v], got: want });
    if (!Object.is(out[0], want)) expect({ src, form: formed.form?.op, p: [...p], v: [...v], got: out[0] }).toEqual({ src, form: formed.form?.op, p: [...p], v: [...v], got: want });
    if (!Object.is(out[1], want)) expect({ src, p: [...p], v: [...v], got: out[1] }).toEqual({ src, p: [...p], v: [...v], got: want });
    checked++;
  }
  expect(checked).toBe(special.length * special.length * 7);
}

describe('expression fast paths agree with a plain interpreter', () => {
  it.each([
    // parameter op parameter
    'a + b', 'a - b', 'a * b', 'a / b', 'a ^ b', 'a < b', 'a <= b', 'a > b', 'a >= b', 'a == b', 'a != b', 'a && b', 'a || b',
    // parameter op constant and constant op parameter
    'a + 2', 'a - 2', 'a * 2', 'a / 2', 'a ^ 2', 'a < 2', 'a <= 2', 'a > 2', 'a >= 2', 'a == 0',
    '2 + a', '2 - a', '2 * a', '2 / a', '2 ^ a', '2 < a', '1 - a',
    // model variable with parameter or constant
    'cycle < a', 'cycle <= a', 'cycle > a', 'cycle >= a', 'cycle * a', 'a * cycle', 'cycle + a', 'a - cycle',
    'cycle < 2', 'cycle <= 2', 'cycle > 2', 'cycle >= 2', 'cycle + 2', 'cycle - 2', 'cycle * 0.01', 'age / 10',
    '0.01 * cycle', '1 + cycle', '1 - time', '2 / cycle',
    // parameter with a subexpression on either side
    'a + b * c', 'a - b * c', 'a * (b + 1)', 'a / (b - 1)', '(b - 1) + a', '(b * c) - a', '(b + 1) * a', '(b - 1) / a',
    // sums of parameters (left to right) and a parameter over such a sum
    'a + b + c', 'a + b + c + d', 'a / (a + b + c + d)', 'b / (a + b)', '(a + b + c) * 2', 'a + b + c - d', 'c + d + a + b',
    // ternaries whose branches are parameters or constants
    'cycle <= b ? a : 1', 'cycle <= b ? a : c', 'cycle <= b ? 2 : a', 'a > b ? 0 : 1', 'if(cycle <= b, a, 0)', 'b ? a : -0',
    'cycle <= d ? a * b : 1',
    // a model variable compared with a parameter or constant, choosing between parameters or constants
    'cycle <= b ? a : 1', 'cycle < b ? 1 : a', 'cycle > b ? a : c', 'cycle >= b ? 0 : -0', 'cycle <= 2 ? a : 1', 'cycle < 2 ? b : a',
    'cycle > 2 ? 3 : 4', 'cycle >= 2 ? a : 0', 'age >= 50 ? a : b', 'time <= a ? b : 0', 'if(cycle <= b, a, 0)', 'cycle == b ? a : 1',
    // linear time trends, alone and multiplying something
    '1 + 0.01 * cycle', '1 + cycle * 0.01', '-0 + 0 * cycle', '2 + 3 * age', 'a * (1 + 0.01 * cycle)', 'a * b * (1 + 0.5 * time)',
    '(a + b) * (1 + cycle * 2)', '2 * (1 + 0.01 * cycle)', '(1 + 0.01 * cycle) * a',
    // rate_to_prob of a product with a trend, min/max of a constant and a scaled subexpression
    'rate_to_prob(a * b * (1 + 0.01 * cycle))', 'rate_to_prob(a * (2 - 0.5 * time))', 'rate_to_prob((a + b) * (1 + cycle * 0.1))', 'rate_to_prob(a * (1 + 0.01 * cycle), 2)',
    'min(1, mort(age) * 1.3)', 'max(0, mort(a) * 2)', 'min(0.5, 3 * mort(age))', 'min(1, (a + b) * 0.5)', 'max(-0, (a - b) * -1)', 'min(1, mort(b) * 1)',
    // two-argument min/max (direct closures): NaN wins, and a tie of 0 and -0 keeps the first argument
    'min(a, b)', 'max(a, b)', 'min(-0, a)', 'max(-0, a)', 'min(a, 0)', 'max(a, -0)', 'min(a * 1, b * 1)',
    // the model shapes the engine benchmarks use
    'rate_to_prob(a * b * (1 + 0.01 * cycle))', 'min(1, mort(age) * (1 + 0.1 * 3))', 'a * 0', '0 * a',
    // one-key table lookups (remembered per call site)
    'mort(age)', 'mort(a)', 'mort(a) + mort(b)', 'mort(cycle * 10 + 40)', 'mort(age) * mort(age + 1)',
    // shapes with an inline form: rate_to_prob of a parameter or a product, a capped product, == and != selections
    'rate_to_prob(a)', 'rate_to_prob(a * b)', 'rate_to_prob(a * (b + 0))', 'min(1, a * b)', 'max(0.5, a * b)', 'min(-0, a * b)', 'max(0, a * b)',
    'min(0 / 0, a * b)', 'max(0 / 0, a * b)', 'min(1 / 0, a * b)', 'max(-1 / 0, a * b)',
    'rescale_prob(a, b)', 'rescale_prob(mort(age), 1)', 'rescale_prob(a, 2)',
    // powers with a constant exponent (x * x, sqrt, 1 / x, x where exact; the cycle length is 0.5 here)
    'a ^ 0.5', 'a ^ -1', 'a ^ 1', 'a ^ 3', '(a + b) ^ 2', 'mort(age) ^ 0.5', 'pow(a, 2)', 'pow(a, 0.5)', 'pow(a * b, -1)', 'pow(a, 1.5)', 'pow(2, a)',
    'rescale_prob(a, 1)', 'rescale_prob(a, 0.5)', 'rescale_prob(a, 0.25)', 'rescale_prob(a, -0.5)', 'rescale_prob(a, 0)', 'apply_hr(a, 2)', 'apply_hr(a, 0.5)', 'apply_hr(a, 0.8)', 'apply_hr(a * b, 1)',
    'cycle == 1 ? a : 0', 'cycle != b ? 1 : a', 'cycle == b ? -0 : b', 'age != 45 ? c : d', 'cycle == 2', 'cycle != a', '5', 'a', 'cycle',
  ])('%s', (src) => {
    expectSameAsInterpreter(src);
  });

  it.each([
    ['2.5', FORM_CONSTANT],
    ['a', FORM_PARAMETER],
    ['age', FORM_VARIABLE],
    ['a + b', FORM_ADD],
    ['a - b', FORM_SUBTRACT],
    ['a * b', FORM_MULTIPLY],
    ['a / b', FORM_DIVIDE],
    ['rate_to_prob(a)', FORM_RATE_PARAMETER],
    ['rate_to_prob(a * b)', FORM_RATE_PRODUCT],
    ['rate_to_prob(a * (1 + 0.01 * cycle))', FORM_RATE_TREND],
    ['min(1, a * b)', FORM_MIN_PRODUCT],
    ['max(0, a * b)', FORM_MAX_PRODUCT],
    ['cycle <= b ? a : 1', FORM_COMPARE_SELECT],
    ['cycle == 1 ? c : 0', FORM_COMPARE_SELECT],
    ['1 + 0.001 * cycle', FORM_TREND],
    ['2 + age * 3', FORM_TREND],
  ])('%s has an inline form (the per-cycle loops do not call a closure for it)', (src, op) => {
    expect(compileExpressionForm(parseExpression(src), resolver).form?.op).toBe(op);
  });

  it.each(['min(0 / 0, a * b)', 'a + b + c', 'mort(age)', 'rate_to_prob(a * b, 2)', 'min(a, b)', 'a ^ 2', '-a'])('%s has no inline form (computed by its closure)', (src) => {
    expect(compileExpressionForm(parseExpression(src), resolver).form).toBeNull();
  });

  it('a batch runs its expressions in order, so a later one reads what an earlier one wrote into p', () => {
    const at = (src: string) => compileExpressionForm(parseExpression(src), resolver);
    // c := a * b, d := c + a (reads the new c), then a generic one reading d, then a form again.
    const batch = new ExpressionBatch([at('a * b'), at('c + a'), at('d ^ 2'), at('rate_to_prob(d)')]);
    const p = Float64Array.from([2, 3, 0, 0]);
    batch.evaluate(p, new Float64Array(VARIABLE_COUNT), p, Int32Array.of(2, 3, 1, 0));
    // c = 2 * 3 = 6, d = 6 + 2 = 8, b = 8^2 = 64, a = rate_to_prob(8) over the cycle length 0.5.
    expect([...p]).toEqual([1 - Math.exp(-8 * 0.5), 64, 6, 8]);
  });

  it('a remembered table lookup follows a changed key, including NaN and back', () => {
    const fn = compileExpressionTree(parseExpression('mort(a)'), resolver);
    const v = new Float64Array(VARIABLE_COUNT);
    const seq = [45, 45, 55, NaN, NaN, 45, 40, 70, 30, 55];
    const got = seq.map((x) => fn(Float64Array.from([x, 0, 0, 0]), v));
    // Hand-computed: linear between (40, 0.01), (50, 0.02), (60, 0.05); clamped outside; NaN for NaN.
    const want = [0.015, 0.015, 0.035, NaN, NaN, 0.015, 0.01, 0.05, 0.01, 0.035];
    got.forEach((g, k) => (Number.isNaN(want[k]) ? expect(g).toBeNaN() : expect(g).toBeCloseTo(want[k]!, 15)));
  });
});
