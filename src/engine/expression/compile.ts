// Compiles a parsed expression ONCE into nested closures over a Float64Array of parameter values `p` and a
// small Float64Array of model variables `v` (cycle, age, state_time, time). No eval, no new Function: a
// closure can only read those two arrays, call whitelisted functions and look up compiled tables.
import type { ExprNode } from './parser';
import { getFunction, CONDITIONAL_FUNCTION } from './functions';
import type { CompiledTable } from './lookup-table';
import {
  compares,
  COMPARISON_OPS,
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
  inlineForm,
} from './inline-forms';
import type { FormedEvaluator, InlineForm } from './inline-forms';

export type Evaluator = (p: Float64Array, v: Float64Array) => number;

/** Slots of the model-variable array every evaluator receives. */
export const VARIABLE_SLOTS = { cycle: 0, age: 1, state_time: 2, time: 3 } as const;
export const VARIABLE_COUNT = 4;
export type VariableName = keyof typeof VARIABLE_SLOTS;

/** Names of the model's constants readable in expressions (from its settings). */
export const MODEL_CONSTANT_NAMES = ['n_cycles', 'discount_costs', 'discount_effects'] as const;

/** Names that are not parameters: model variables, the constant cycle_length and the model's constants. */
export const BUILTIN_NAMES = ['cycle', 'age', 'state_time', 'time', 'cycle_length', ...MODEL_CONSTANT_NAMES] as const;

export interface NameResolver {
  cycleLength: number;
  /** Further named constants (n_cycles, discount rates); a name missing here is looked up as a parameter. */
  constants?: ReadonlyMap<string, number>;
  parameterSlot(name: string): number | undefined;
  table(name: string): CompiledTable | undefined;
}

export class ExpressionNameError extends Error {
  constructor(
    message: string,
    readonly unknownName: string,
  ) {
    super(message);
    this.name = 'ExpressionNameError';
  }
}

interface Compiled {
  fn: Evaluator;
  /** The same computation as an inline form (inline-forms.ts), when the subtree has one of those shapes. */
  form?: InlineForm;
  /** Set when the subtree is a constant, so parents can fold it. */
  constant?: number;
  /** Set when the subtree is one parameter (p[param]), so parents can read it without a call. */
  param?: number;
  /** Set when the subtree is one model variable (v[variable]). */
  variable?: number;
  /** Set when the subtree is a left-to-right sum of parameters (same order, so same rounding). */
  sumSlots?: number[];
  /** Set when the subtree compares a model variable with a parameter or constant (cycle <= effect_years). */
  comparison?: VariableComparison;
  /** Set when the subtree is k * v[variable] or v[variable] * k. */
  scaledVariable?: { k: number; variable: number };
  /** Set when the subtree is c + k * v[variable] (a linear time trend such as 1 + 0.01 * cycle). */
  affine?: { c: number; k: number; variable: number };
  /** Set when the subtree is f * k or k * f for a non-leaf f (so min(1, f * k) can be one closure over f). */
  scaled?: { f: Evaluator; k: number };
  /** Set when the subtree is f * (c + k * v[variable]) (so rate_to_prob of it can be one closure over f); `param` when f is p[param]. */
  trendProduct?: { f: Evaluator; c: number; k: number; variable: number; param?: number };
  /** Set when the subtree is p[i] * p[j] (so min(1, p[i] * p[j]) can be one closure). */
  paramProduct?: { i: number; j: number };
}

/** v[variable] OP (p[param] or constant); op indexes COMPARISON_OPS. */
interface VariableComparison {
  op: number;
  variable: number;
  param?: number;
  constant?: number;
}

const constant = (value: number): Compiled => ({ fn: () => value, constant: value, form: inlineForm(FORM_CONSTANT, { c: value }) });

export function compileExpressionTree(node: ExprNode, resolver: NameResolver): Evaluator {
  return compileNode(node, resolver).fn;
}

/** The closure and, when the root has one of the common shapes, its inline form (for ExpressionBatch). */
export function compileExpressionForm(node: ExprNode, resolver: NameResolver): FormedEvaluator {
  const c = compileNode(node, resolver);
  return { fn: c.fn, form: c.form ?? null };
}

function compileNode(node: ExprNode, r: NameResolver): Compiled {
  switch (node.kind) {
    case 'number':
      return constant(node.value);
    case 'name':
      return compileName(node.name, r);
    case 'unary':
      return compileUnary(node.op, compileNode(node.arg, r));
    case 'binary':
      return compileBinary(node.op, compileNode(node.left, r), compileNode(node.right, r));
    case 'conditional':
      return compileConditional(compileNode(node.test, r), compileNode(node.then, r), compileNode(node.otherwise, r));
    case 'call':
      return compileCall(node.name, node.args, r);
  }
}

function compileName(name: string, r: NameResolver): Compiled {
  if (name === 'cycle_length') return constant(r.cycleLength);
  const known = r.constants?.get(name);
  if (known !== undefined) return constant(known);
  // Own keys only: `in` would also see Object.prototype names such as constructor or __proto__.
  if (Object.hasOwn(VARIABLE_SLOTS, name)) {
    const slot = VARIABLE_SLOTS[name as VariableName];
    return { fn: (_p, v) => v[slot]!, variable: slot, form: inlineForm(FORM_VARIABLE, { s: slot }) };
  }
  const slot = r.parameterSlot(name);
  if (slot === undefined) throw new ExpressionNameError(`unknown name '${name}'`, name);
  return { fn: (p) => p[slot]!, param: slot, form: inlineForm(FORM_PARAMETER, { a: slot }) };
}

function compileUnary(op: '-' | '+' | '!', a: Compiled): Compiled {
  if (op === '+') return a;
  const f = a.fn;
  if (op === '-') return a.constant !== undefined ? constant(-a.constant) : { fn: (p, v) => -f(p, v) };
  return a.constant !== undefined ? constant(a.constant === 0 ? 1 : 0) : { fn: (p, v) => (f(p, v) === 0 ? 1 : 0) };
}

function binaryFn(op: string, a: Evaluator, b: Evaluator): Evaluator {
  switch (op) {
    case '+':
      return (p, v) => a(p, v) + b(p, v);
    case '-':
      return (p, v) => a(p, v) - b(p, v);
    case '*':
      return (p, v) => a(p, v) * b(p, v);
    case '/':
      return (p, v) => a(p, v) / b(p, v);
    case '^':
      return (p, v) => a(p, v) ** b(p, v);
    case '%':
      return (p, v) => floorModulo(a(p, v), b(p, v));
    case '<':
      return (p, v) => (a(p, v) < b(p, v) ? 1 : 0);
    case '<=':
      return (p, v) => (a(p, v) <= b(p, v) ? 1 : 0);
    case '>':
      return (p, v) => (a(p, v) > b(p, v) ? 1 : 0);
    case '>=':
      return (p, v) => (a(p, v) >= b(p, v) ? 1 : 0);
    case '==':
      return (p, v) => (a(p, v) === b(p, v) ? 1 : 0);
    case '!=':
      return (p, v) => (a(p, v) !== b(p, v) ? 1 : 0);
    case '&&':
      return (p, v) => (a(p, v) !== 0 && b(p, v) !== 0 ? 1 : 0);
    case '||':
      return (p, v) => (a(p, v) !== 0 || b(p, v) !== 0 ? 1 : 0);
    default:
      throw new Error(`unknown operator ${op}`);
  }
}

function compileBinary(op: string, a: Compiled, b: Compiled): Compiled {
  const fn = binaryFn(op, a.fn, b.fn);
  if (a.constant !== undefined && b.constant !== undefined) return constant(fn(EMPTY, EMPTY));
  if (op === '+') {
    const sum = parameterSum(a, b);
    if (sum) return sum;
  }
  const trend = affineTrend(op, a, b);
  if (trend) return trend;
  const fused = fusedBinary(op, a, b);
  if (fused && a.param !== undefined && b.param !== undefined) {
    const form = inlineForm(op === '-' ? FORM_SUBTRACT : op === '*' ? FORM_MULTIPLY : FORM_DIVIDE, { a: a.param, b: b.param });
    if (op === '*') return { fn: fused, paramProduct: { i: a.param, j: b.param }, form };
    if (op === '-' || op === '/') return { fn: fused, form };
  }
  if (fused) {
    if (op === '*' && a.variable !== undefined && b.constant !== undefined) return { fn: fused, scaledVariable: { k: b.constant, variable: a.variable } };
    if (op === '*' && a.constant !== undefined && b.variable !== undefined) return { fn: fused, scaledVariable: { k: a.constant, variable: b.variable } };
    const comparison = variableComparison(op, a, b);
    return comparison ? { fn: fused, comparison } : { fn: fused };
  }
  // Common shapes get direct closures (one call fewer per node on the hot path).
  if (b.constant !== undefined) {
    const k = b.constant;
    const f = a.fn;
    if (op === '*') return { fn: (p, v) => f(p, v) * k, scaled: { f, k } };
    if (op === '+') return { fn: (p, v) => f(p, v) + k };
    if (op === '-') return { fn: (p, v) => f(p, v) - k };
    if (op === '/') return { fn: (p, v) => f(p, v) / k };
    if (op === '^') {
      const power = exactPower(k);
      return { fn: power ? (p, v) => power(f(p, v)) : (p, v) => f(p, v) ** k };
    }
    if (op === '<=') return { fn: (p, v) => (f(p, v) <= k ? 1 : 0) };
    if (op === '<') return { fn: (p, v) => (f(p, v) < k ? 1 : 0) };
    if (op === '>=') return { fn: (p, v) => (f(p, v) >= k ? 1 : 0) };
    if (op === '>') return { fn: (p, v) => (f(p, v) > k ? 1 : 0) };
  }
  if (a.constant !== undefined) {
    const k = a.constant;
    const g = b.fn;
    if (op === '-') return { fn: (p, v) => k - g(p, v) };
    if (op === '*') return { fn: (p, v) => k * g(p, v), scaled: { f: g, k } };
    if (op === '+') return { fn: (p, v) => k + g(p, v) };
    if (op === '/') return { fn: (p, v) => k / g(p, v) };
    if (op === '^') return { fn: (p, v) => k ** g(p, v) };
  }
  return { fn };
}

const EMPTY = new Float64Array(0);

/**
 * x ** k for the constant exponents whose power V8 computes as a cheaper exact operation (its pow, fdlibm's
 * algorithm, returns x * x for 2, sqrt(x) for 0.5 and x >= +0, 1 / x for -1, x for 1): that operation itself,
 * without the call to pow. null for any other exponent (** stays). tests/engine/expression-power.test.ts checks
 * each against ** bit for bit over special values and a million random doubles.
 */
export function exactPower(k: number): ((x: number) => number) | null {
  if (k === 2) return (x) => x * x;
  if (k === 1) return (x) => x;
  if (k === -1) return (x) => 1 / x;
  // -0 and -Infinity have powers other than their square roots (+0 and +Infinity): ** takes those.
  if (k === 0.5) return (x) => (x > 0 ? Math.sqrt(x) : x ** 0.5);
  return null;
}

/** R's %%: the remainder takes the sign of the divisor (-1 %% 3 = 2), unlike JavaScript's %. */
export function floorModulo(a: number, b: number): number {
  return a - b * Math.floor(a / b);
}

function variableComparison(op: string, a: Compiled, b: Compiled): VariableComparison | undefined {
  const k = (COMPARISON_OPS as readonly string[]).indexOf(op);
  if (k < 0 || a.variable === undefined) return undefined;
  if (b.param !== undefined) return { op: k, variable: a.variable, param: b.param };
  if (b.constant !== undefined) return { op: k, variable: a.variable, constant: b.constant };
  return undefined;
}

/**
 * c + k * v[s] in one closure, and x * (c + k * v[s]) without a call for the trend. k * v[s] and v[s] * k are
 * the same double (IEEE multiplication is commutative), and the order of the addition is kept.
 */
function affineTrend(op: string, a: Compiled, b: Compiled): Compiled | null {
  if (op === '+' && a.constant !== undefined && b.scaledVariable) {
    const c = a.constant;
    const { k, variable: s } = b.scaledVariable;
    return { fn: (_p, v) => c + k * v[s]!, affine: { c, k, variable: s }, form: inlineForm(FORM_TREND, { k0: c, k, s }) };
  }
  if (op === '*' && b.affine && a.constant === undefined) {
    const f = a.fn;
    const { c, k, variable: s } = b.affine;
    const i = a.param;
    if (i !== undefined) return { fn: (p, v) => p[i]! * (c + k * v[s]!), trendProduct: { f, c, k, variable: s, param: i } };
    return { fn: (p, v) => f(p, v) * (c + k * v[s]!), trendProduct: { f, c, k, variable: s } };
  }
  return null;
}

/** a + b as a loop over parameter slots when both sides are parameters or such sums (e.g. n_A + n_B + n_C). */
function parameterSum(a: Compiled, b: Compiled): Compiled | null {
  const left = a.sumSlots ?? (a.param !== undefined ? [a.param] : null);
  if (!left || b.param === undefined) return null;
  const slots = [...left, b.param];
  const s = Int32Array.from(slots);
  const n = s.length;
  const fn: Evaluator = (p) => {
    let total = p[s[0]!]!;
    for (let k = 1; k < n; k++) total += p[s[k]!]!;
    return total;
  };
  return n === 2 ? { fn, sumSlots: slots, form: inlineForm(FORM_ADD, { a: slots[0]!, b: slots[1]! }) } : { fn, sumSlots: slots };
}

/**
 * One closure for an operator whose operands are parameters, model variables or constants (p_AB * rr,
 * cycle <= effect_years, n_AB / (sum)): the general path would make a call per operand. Same operations in
 * the same order, so the same doubles (NaN and Infinity included).
 */
function fusedBinary(op: string, a: Compiled, b: Compiled): Evaluator | null {
  const i = a.param;
  const j = b.param;
  if (i !== undefined && j !== undefined) return paramParam(op, i, j);
  if (i !== undefined && b.constant !== undefined) return paramConstant(op, i, b.constant);
  if (a.constant !== undefined && j !== undefined) return constantParam(op, a.constant, j);
  if (a.variable !== undefined && j !== undefined) return variableParam(op, a.variable, j);
  if (a.variable !== undefined && b.constant !== undefined) return variableConstant(op, a.variable, b.constant);
  if (a.constant !== undefined && b.variable !== undefined) return constantVariable(op, a.constant, b.variable);
  if (i !== undefined && b.sumSlots) return op === '/' ? paramOverSum(i, b.fn) : null;
  if (i !== undefined && b.constant === undefined) return paramAny(op, i, b.fn);
  if (j !== undefined && a.constant === undefined) return anyParam(op, a.fn, j);
  return null;
}

function paramParam(op: string, i: number, j: number): Evaluator | null {
  switch (op) {
    case '+':
      return (p) => p[i]! + p[j]!;
    case '-':
      return (p) => p[i]! - p[j]!;
    case '*':
      return (p) => p[i]! * p[j]!;
    case '/':
      return (p) => p[i]! / p[j]!;
    case '<':
      return (p) => (p[i]! < p[j]! ? 1 : 0);
    case '<=':
      return (p) => (p[i]! <= p[j]! ? 1 : 0);
    case '>':
      return (p) => (p[i]! > p[j]! ? 1 : 0);
    case '>=':
      return (p) => (p[i]! >= p[j]! ? 1 : 0);
    default:
      return null;
  }
}

function paramConstant(op: string, i: number, k: number): Evaluator | null {
  switch (op) {
    case '+':
      return (p) => p[i]! + k;
    case '-':
      return (p) => p[i]! - k;
    case '*':
      return (p) => p[i]! * k;
    case '/':
      return (p) => p[i]! / k;
    case '<':
      return (p) => (p[i]! < k ? 1 : 0);
    case '<=':
      return (p) => (p[i]! <= k ? 1 : 0);
    case '>':
      return (p) => (p[i]! > k ? 1 : 0);
    case '>=':
      return (p) => (p[i]! >= k ? 1 : 0);
    default:
      return null;
  }
}

function constantParam(op: string, k: number, j: number): Evaluator | null {
  switch (op) {
    case '+':
      return (p) => k + p[j]!;
    case '-':
      return (p) => k - p[j]!;
    case '*':
      return (p) => k * p[j]!;
    case '/':
      return (p) => k / p[j]!;
    default:
      return null;
  }
}

function variableParam(op: string, s: number, j: number): Evaluator | null {
  switch (op) {
    case '<':
      return (p, v) => (v[s]! < p[j]! ? 1 : 0);
    case '<=':
      return (p, v) => (v[s]! <= p[j]! ? 1 : 0);
    case '>':
      return (p, v) => (v[s]! > p[j]! ? 1 : 0);
    case '>=':
      return (p, v) => (v[s]! >= p[j]! ? 1 : 0);
    case '==':
      return (p, v) => (v[s]! === p[j]! ? 1 : 0);
    case '!=':
      return (p, v) => (v[s]! !== p[j]! ? 1 : 0);
    case '*':
      return (p, v) => v[s]! * p[j]!;
    default:
      return null;
  }
}

function variableConstant(op: string, s: number, k: number): Evaluator | null {
  switch (op) {
    case '<':
      return (_p, v) => (v[s]! < k ? 1 : 0);
    case '<=':
      return (_p, v) => (v[s]! <= k ? 1 : 0);
    case '>':
      return (_p, v) => (v[s]! > k ? 1 : 0);
    case '>=':
      return (_p, v) => (v[s]! >= k ? 1 : 0);
    case '==':
      return (_p, v) => (v[s]! === k ? 1 : 0);
    case '!=':
      return (_p, v) => (v[s]! !== k ? 1 : 0);
    case '+':
      return (_p, v) => v[s]! + k;
    case '-':
      return (_p, v) => v[s]! - k;
    case '*':
      return (_p, v) => v[s]! * k;
    default:
      return null;
  }
}

function constantVariable(op: string, k: number, s: number): Evaluator | null {
  switch (op) {
    case '*':
      return (_p, v) => k * v[s]!;
    case '+':
      return (_p, v) => k + v[s]!;
    case '-':
      return (_p, v) => k - v[s]!;
    default:
      return null;
  }
}

function paramOverSum(i: number, sum: Evaluator): Evaluator {
  return (p, v) => p[i]! / sum(p, v);
}

function paramAny(op: string, i: number, g: Evaluator): Evaluator | null {
  switch (op) {
    case '+':
      return (p, v) => p[i]! + g(p, v);
    case '-':
      return (p, v) => p[i]! - g(p, v);
    case '*':
      return (p, v) => p[i]! * g(p, v);
    case '/':
      return (p, v) => p[i]! / g(p, v);
    default:
      return null;
  }
}

function anyParam(op: string, f: Evaluator, j: number): Evaluator | null {
  switch (op) {
    case '+':
      return (p, v) => f(p, v) + p[j]!;
    case '-':
      return (p, v) => f(p, v) - p[j]!;
    case '*':
      return (p, v) => f(p, v) * p[j]!;
    case '/':
      return (p, v) => f(p, v) / p[j]!;
    default:
      return null;
  }
}

function compileConditional(test: Compiled, then: Compiled, otherwise: Compiled): Compiled {
  if (test.constant !== undefined) return test.constant !== 0 ? then : otherwise;
  const t = test.fn;
  const compared = test.comparison ? comparisonWithLeaves(test.comparison, then, otherwise) : null;
  if (compared) return compared;
  const fused = conditionalWithLeaves(t, then, otherwise);
  if (fused) return { fn: fused };
  const a = then.fn;
  const b = otherwise.fn;
  return { fn: (p, v) => (t(p, v) !== 0 ? a(p, v) : b(p, v)) };
}

/** test ? x : y where x and y are parameters or constants (cycle <= effect_years ? rr : 1): no branch calls. */
function conditionalWithLeaves(t: Evaluator, then: Compiled, otherwise: Compiled): Evaluator | null {
  const i = then.param;
  const j = otherwise.param;
  const a = then.constant;
  const b = otherwise.constant;
  if (i !== undefined && b !== undefined) return (p, v) => (t(p, v) !== 0 ? p[i]! : b);
  if (i !== undefined && j !== undefined) return (p, v) => (t(p, v) !== 0 ? p[i]! : p[j]!);
  if (a !== undefined && j !== undefined) return (p, v) => (t(p, v) !== 0 ? a : p[j]!);
  if (a !== undefined && b !== undefined) return (p, v) => (t(p, v) !== 0 ? a : b);
  return null;
}

/**
 * cycle OP p ? x : y with x, y parameters or constants (the time-limited treatment effect of many models) in
 * one closure. A branch reads p[slot] when its slot is >= 0, else its constant.
 */
function comparisonWithLeaves(c: VariableComparison, then: Compiled, otherwise: Compiled): Compiled | null {
  const ti = then.param ?? (then.constant !== undefined ? -1 : undefined);
  const ei = otherwise.param ?? (otherwise.constant !== undefined ? -1 : undefined);
  if (ti === undefined || ei === undefined) return null;
  const tk = then.constant ?? 0;
  const ek = otherwise.constant ?? 0;
  const { op, variable: s } = c;
  const j = c.param;
  const form = inlineForm(FORM_COMPARE_SELECT, { cmp: op, s, y: j ?? -1, yc: c.constant ?? 0, t: ti, tc: tk, e: ei, ec: ek });
  if (j !== undefined) return { fn: (p, v) => (compares(op, v[s]!, p[j]!) ? (ti >= 0 ? p[ti]! : tk) : ei >= 0 ? p[ei]! : ek), form };
  const k = c.constant!;
  return { fn: (p, v) => (compares(op, v[s]!, k) ? (ti >= 0 ? p[ti]! : tk) : ei >= 0 ? p[ei]! : ek), form };
}

function compileCall(name: string, argNodes: ExprNode[], r: NameResolver): Compiled {
  const args = argNodes.map((a) => compileNode(a, r));
  if (name === CONDITIONAL_FUNCTION) {
    if (args.length !== 3) throw new ExpressionNameError(`if() takes 3 arguments (condition, then, otherwise), got ${args.length}`, name);
    return compileConditional(args[0]!, args[1]!, args[2]!);
  }
  const table = r.table(name);
  if (table) return compileTableCall(table, args);
  const spec = getFunction(name);
  if (!spec) throw new ExpressionNameError(`unknown function '${name}'`, name);
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    const expected = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
    throw new ExpressionNameError(`${name}() takes ${expected} argument(s), got ${args.length}`, name);
  }
  const L = r.cycleLength;
  const apply = spec.apply;
  const scratch = new Float64Array(args.length);
  if (args.every((a) => a.constant !== undefined)) {
    args.forEach((a, i) => (scratch[i] = a.constant!));
    return constant(apply(scratch, L));
  }
  const rate = rateOfTrendProduct(name, args, L) ?? rateOfParameters(name, args, L);
  if (rate) return rate;
  const power = powerWithConstantExponent(name, args, L);
  if (power) return power;
  const withConstant = minMaxWithConstant(name, args);
  if (withConstant) return withConstant;
  const fns = args.map((a) => a.fn);
  const direct = directCall(name, fns, L);
  if (direct) return { fn: direct };
  if (fns.length === 1) {
    const f = fns[0]!;
    return {
      fn: (p, v) => {
        scratch[0] = f(p, v);
        return apply(scratch, L);
      },
    };
  }
  if (fns.length === 2) {
    const f = fns[0]!;
    const g = fns[1]!;
    return {
      fn: (p, v) => {
        const x = f(p, v);
        scratch[1] = g(p, v);
        scratch[0] = x;
        return apply(scratch, L);
      },
    };
  }
  return {
    fn: (p, v) => {
      // Evaluate into locals first: a nested call to the same site cannot happen, but keep order explicit.
      for (let i = 0; i < fns.length; i++) scratch[i] = fns[i]!(p, v);
      return apply(scratch, L);
    },
  };
}

/**
 * Direct closures for the most used functions (same results as their FunctionSpec, without the argument
 * buffer): they dominate the cost of time-dependent models, which evaluate them every cycle.
 */
function directCall(name: string, fns: Evaluator[], L: number): Evaluator | null {
  const f = fns[0]!;
  const g = fns[1];
  if (fns.length === 1) {
    switch (name) {
      case 'exp':
        return (p, v) => Math.exp(f(p, v));
      case 'log':
        return (p, v) => Math.log(f(p, v));
      case 'sqrt':
        return (p, v) => Math.sqrt(f(p, v));
      case 'abs':
        return (p, v) => Math.abs(f(p, v));
      case 'rate_to_prob':
        return (p, v) => 1 - Math.exp(-f(p, v) * L);
      case 'prob_to_rate':
        return (p, v) => -Math.log(1 - f(p, v)) / L;
      default:
        return null;
    }
  }
  if (fns.length === 2 && g) {
    switch (name) {
      case 'pow':
        return (p, v) => f(p, v) ** g(p, v);
      case 'min':
        return (p, v) => {
          const a = f(p, v);
          const b = g(p, v);
          return a !== a || b !== b ? NaN : b < a ? b : a;
        };
      case 'max':
        return (p, v) => {
          const a = f(p, v);
          const b = g(p, v);
          return a !== a || b !== b ? NaN : b > a ? b : a;
        };
      case 'rate_to_prob':
        return (p, v) => 1 - Math.exp(-f(p, v) * g(p, v));
      case 'prob_to_rate':
        return (p, v) => -Math.log(1 - f(p, v)) / g(p, v);
      case 'apply_rr':
        return (p, v) => f(p, v) * g(p, v);
      case 'apply_hr':
        return (p, v) => 1 - (1 - f(p, v)) ** g(p, v);
      case 'rescale_prob':
        return (p, v) => 1 - (1 - f(p, v)) ** (L / g(p, v));
      default:
        return null;
    }
  }
  return null;
}

/**
 * pow(x, k), rescale_prob(p, from) and apply_hr(p, hr) with a constant exponent (k, cycle length / from, hr):
 * the exponent computed once (the same division), and exactPower's operation where it has one.
 */
function powerWithConstantExponent(name: string, args: Compiled[], L: number): Compiled | null {
  if (args.length !== 2 || args[1]!.constant === undefined) return null;
  const k = args[1]!.constant;
  if (name === 'pow') return compileBinary('^', args[0]!, args[1]!);
  if (name !== 'rescale_prob' && name !== 'apply_hr') return null;
  const e = name === 'rescale_prob' ? L / k : k;
  const f = args[0]!.fn;
  const power = exactPower(e);
  return { fn: power ? (p, v) => 1 - power(1 - f(p, v)) : (p, v) => 1 - (1 - f(p, v)) ** e };
}

/** rate_to_prob(f * (c + k * cycle)) in one closure over f: same operations as rate_to_prob of the product. */
function rateOfTrendProduct(name: string, args: Compiled[], L: number): Compiled | null {
  if (name !== 'rate_to_prob' || args.length !== 1 || !args[0]!.trendProduct) return null;
  const { f, c, k, variable: s, param: i } = args[0]!.trendProduct;
  if (i !== undefined) return { fn: (p, v) => 1 - Math.exp(-(p[i]! * (c + k * v[s]!)) * L), form: inlineForm(FORM_RATE_TREND, { a: i, k0: c, k, s, c: L }) };
  return { fn: (p, v) => 1 - Math.exp(-(f(p, v) * (c + k * v[s]!)) * L) };
}

/** rate_to_prob(p) and rate_to_prob(p * q) over parameters in one closure (the operations of rate_to_prob). */
function rateOfParameters(name: string, args: Compiled[], L: number): Compiled | null {
  if (name !== 'rate_to_prob' || args.length !== 1) return null;
  const x = args[0]!;
  const i = x.param;
  if (i !== undefined) return { fn: (p) => 1 - Math.exp(-p[i]! * L), form: inlineForm(FORM_RATE_PARAMETER, { a: i, c: L }) };
  if (!x.paramProduct) return null;
  const { i: a, j: b } = x.paramProduct;
  return { fn: (p) => 1 - Math.exp(-(p[a]! * p[b]!) * L), form: inlineForm(FORM_RATE_PRODUCT, { a, b, c: L }) };
}

/**
 * min/max with one constant argument (e.g. min(1, x)): same results as directCall, one call fewer. Ties
 * (0 and -0) keep the first argument, as the function's general form does.
 */
function minMaxWithConstant(name: string, args: Compiled[]): Compiled | null {
  const fn = minMaxClosure(name, args);
  if (!fn) return null;
  const [x, y] = args as [Compiled, Compiled];
  if (x.constant !== undefined && x.constant === x.constant && y.paramProduct) return { fn, form: inlineForm(name === 'min' ? FORM_MIN_PRODUCT : FORM_MAX_PRODUCT, { c: x.constant, a: y.paramProduct.i, b: y.paramProduct.j }) };
  return { fn };
}

function minMaxClosure(name: string, args: Compiled[]): Evaluator | null {
  if ((name !== 'min' && name !== 'max') || args.length !== 2) return null;
  const [x, y] = args as [Compiled, Compiled];
  const isMin = name === 'min';
  if (x.constant !== undefined && y.paramProduct) {
    // min(1, p[i] * p[j]) (a probability times a relative risk, capped): the product written out.
    const a = x.constant;
    const { i, j } = y.paramProduct;
    return isMin
      ? (p) => {
          const b = p[i]! * p[j]!;
          return a !== a || b !== b ? NaN : b < a ? b : a;
        }
      : (p) => {
          const b = p[i]! * p[j]!;
          return a !== a || b !== b ? NaN : b > a ? b : a;
        };
  }
  if (x.constant !== undefined && y.scaled) {
    // min(1, f * k): the product written out, one call fewer.
    const a = x.constant;
    const { f: g, k } = y.scaled;
    return isMin
      ? (p, v) => {
          const b = g(p, v) * k;
          return a !== a || b !== b ? NaN : b < a ? b : a;
        }
      : (p, v) => {
          const b = g(p, v) * k;
          return a !== a || b !== b ? NaN : b > a ? b : a;
        };
  }
  if (x.constant !== undefined) {
    const a = x.constant;
    const g = y.fn;
    return isMin
      ? (p, v) => {
          const b = g(p, v);
          return a !== a || b !== b ? NaN : b < a ? b : a;
        }
      : (p, v) => {
          const b = g(p, v);
          return a !== a || b !== b ? NaN : b > a ? b : a;
        };
  }
  if (y.constant !== undefined) {
    const b = y.constant;
    const f = x.fn;
    return isMin
      ? (p, v) => {
          const a = f(p, v);
          return a !== a || b !== b ? NaN : b < a ? b : a;
        }
      : (p, v) => {
          const a = f(p, v);
          return a !== a || b !== b ? NaN : b > a ? b : a;
        };
  }
  return null;
}

function compileTableCall(table: CompiledTable, args: Compiled[]): Compiled {
  if (args.length !== table.arity) {
    throw new ExpressionNameError(`table ${table.id} takes ${table.arity} key(s) (${table.keyNames.join(', ')}), got ${args.length}`, table.id);
  }
  const fns = args.map((a) => a.fn);
  const keys = new Float64Array(args.length);
  const tmp = new Float64Array(args.length);
  if (fns.length === 1) return { fn: oneKeyLookup(table, args[0]!, keys) };
  return {
    fn: (p, v) => {
      // Arguments may themselves look up this table, so gather into tmp before filling keys.
      for (let i = 0; i < fns.length; i++) tmp[i] = fns[i]!(p, v);
      keys.set(tmp);
      return table.valueAt(keys);
    },
  };
}

/**
 * One-key lookup that remembers its last key and value at this call site (mort(age) is asked for by every
 * state in a cycle with the same age). A table is immutable, so the same key gives the same value; NaN never
 * equals the remembered key, so it is always looked up (and gives NaN).
 */
function oneKeyLookup(table: CompiledTable, arg: Compiled, keys: Float64Array): Evaluator {
  let lastKey = NaN;
  let lastValue = NaN;
  const valueOf = (x: number): number => {
    if (x === lastKey) return lastValue;
    keys[0] = x;
    lastValue = table.valueAt(keys);
    lastKey = x;
    return lastValue;
  };
  const s = arg.variable;
  if (s !== undefined) return (_p, v) => valueOf(v[s]!);
  const i = arg.param;
  if (i !== undefined) return (p) => valueOf(p[i]!);
  const f = arg.fn;
  return (p, v) => valueOf(f(p, v));
}
