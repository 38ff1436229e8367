// Inline forms: the few shapes most per-cycle expressions take once compiled (a parameter, a product of two
// parameters, rate_to_prob of a product or of a time trend, min(1, p * smr), cycle <= years ? rr : 1, ...),
// written as an opcode and operands. A hot loop evaluates a list of them through one ExpressionBatch: a switch in
// one monomorphic method instead of a call to a different closure per site. That call site is megamorphic in a
// model with several kinds of expression, so V8 can neither inline it nor return a double without allocating a
// heap number; which closures it sees first also decides how well it gets optimised, so timings varied from one
// process to the next (issue 16). The formulas are those of the closures compile.ts builds for the same shapes,
// operation for operation, so both give the same doubles (tests/engine/expression-fast-paths.test.ts).
import type { Evaluator } from './compile';

export const FORM_GENERIC = 0;
/** c */
export const FORM_CONSTANT = 1;
/** p[a] */
export const FORM_PARAMETER = 2;
/** v[s] */
export const FORM_VARIABLE = 3;
/** p[a] + p[b], p[a] - p[b], p[a] * p[b], p[a] / p[b] */
export const FORM_ADD = 4;
export const FORM_SUBTRACT = 5;
export const FORM_MULTIPLY = 6;
export const FORM_DIVIDE = 7;
/** 1 - exp(-p[a] * c): rate_to_prob(p) with c = the period (cycle length) */
export const FORM_RATE_PARAMETER = 8;
/** 1 - exp(-(p[a] * p[b]) * c) */
export const FORM_RATE_PRODUCT = 9;
/** 1 - exp(-(p[a] * (k0 + k * v[s])) * c): rate_to_prob of a rate with a linear time trend */
export const FORM_RATE_TREND = 10;
/** min(c, p[a] * p[b]), max(c, p[a] * p[b]) for a constant c that is not NaN (NaN when the product is; a tie keeps c) */
export const FORM_MIN_PRODUCT = 11;
export const FORM_MAX_PRODUCT = 12;
/** v[s] CMP y ? t : e; y, t, e each a parameter (slot >= 0) or a constant (slot -1) */
export const FORM_COMPARE_SELECT = 13;
/** k0 + k * v[s]: a linear time trend such as 1 + 0.01 * cycle */
export const FORM_TREND = 14;

/** Comparison codes of FORM_COMPARE_SELECT (and of compile.ts's variable comparisons). */
export const COMPARISON_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;

/** x CMP y for a code of COMPARISON_OPS (IEEE comparisons, as the operators: NaN compares false, != true). */
export function compares(op: number, x: number, y: number): boolean {
  switch (op) {
    case 0:
      return x < y;
    case 1:
      return x <= y;
    case 2:
      return x > y;
    case 3:
      return x >= y;
    case 4:
      return x === y;
    default:
      return x !== y;
  }
}

/** Operands of a form: slots a, b (and y, t, e for compare-select), variable slot s, constants c, k0, k. */
export interface InlineForm {
  op: number;
  a: number;
  b: number;
  s: number;
  c: number;
  k0: number;
  k: number;
  /** compare-select: comparison code, and the slots (or -1) and constants of y, t and e. */
  cmp: number;
  y: number;
  t: number;
  e: number;
  yc: number;
  tc: number;
  ec: number;
}

export function inlineForm(op: number, fields: Partial<Omit<InlineForm, 'op'>>): InlineForm {
  return { op, a: -1, b: -1, s: 0, c: 0, k0: 0, k: 0, cmp: 0, y: -1, t: -1, e: -1, yc: 0, tc: 0, ec: 0, ...fields };
}

/** A compiled expression with its inline form (null when its root has none of the shapes above). */
export interface FormedEvaluator {
  fn: Evaluator;
  form: InlineForm | null;
}

/** The items in an order that groups equal forms (for lists whose evaluation order does not matter). */
export function byForm<T extends { site: FormedEvaluator }>(items: readonly T[]): T[] {
  const op = (x: T): number => x.site.form?.op ?? FORM_GENERIC;
  return items.map((x, i) => ({ x, i })).sort((p, q) => op(p.x) - op(q.x) || p.i - q.i).map(({ x }) => x);
}

/**
 * A fixed list of expressions evaluated together, inline where they have a form, else through their closure.
 * Lists whose order does not matter run faster sorted by form (byForm).
 */
export class ExpressionBatch {
  readonly length: number;
  /** (form, first, end) triples: maximal runs of consecutive expressions of one form. */
  private readonly runs: Int32Array;
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly s: Int32Array;
  private readonly c: Float64Array;
  private readonly k0: Float64Array;
  private readonly k: Float64Array;
  private readonly cmp: Uint8Array;
  private readonly y: Int32Array;
  private readonly t: Int32Array;
  private readonly e: Int32Array;
  private readonly yc: Float64Array;
  private readonly tc: Float64Array;
  private readonly ec: Float64Array;
  private readonly fns: Evaluator[];

  constructor(items: readonly FormedEvaluator[]) {
    const n = items.length;
    this.length = n;
    const form = (i: number): InlineForm => items[i]!.form ?? inlineForm(FORM_GENERIC, {});
    const ints = (f: (x: InlineForm) => number): Int32Array => Int32Array.from({ length: n }, (_, i) => f(form(i)));
    const doubles = (f: (x: InlineForm) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => f(form(i)));
    const runs: number[] = [];
    for (let i = 0; i < n; i++) {
      const op = form(i).op;
      if (runs.length > 0 && runs[runs.length - 3] === op) runs[runs.length - 1] = i + 1;
      else runs.push(op, i, i + 1);
    }
    this.runs = Int32Array.from(runs);
    this.a = ints((x) => x.a);
    this.b = ints((x) => x.b);
    this.s = ints((x) => x.s);
    this.c = doubles((x) => x.c);
    this.k0 = doubles((x) => x.k0);
    this.k = doubles((x) => x.k);
    this.cmp = Uint8Array.from({ length: n }, (_, i) => form(i).cmp);
    this.y = ints((x) => x.y);
    this.t = ints((x) => x.t);
    this.e = ints((x) => x.e);
    this.yc = doubles((x) => x.yc);
    this.tc = doubles((x) => x.tc);
    this.ec = doubles((x) => x.ec);
    this.fns = items.map((x) => x.fn);
  }

  /**
   * out[targets[i]] = value of expression i, for every i in order (so an expression may read what an earlier one
   * wrote when out is p). Consecutive expressions of the same form run in one specialised loop: a method
   * returning one double per call would not be inlined (too large) and would allocate a heap number per call.
   * Case labels are number literals (named in comments): V8 dispatches a switch over literals through a jump
   * table but compares imported constants one by one (a 2-expression batch: 33 -> 21 ns).
   */
  evaluate(p: Float64Array, v: Float64Array, out: Float64Array, targets: Int32Array): void {
    const runs = this.runs;
    for (let r = 0; r < runs.length; r += 3) {
      const end = runs[r + 2]!;
      let i = runs[r + 1]!;
      switch (runs[r]) {
        case 1: // FORM_CONSTANT
          for (; i < end; i++) out[targets[i]!] = this.c[i]!;
          break;
        case 2: // FORM_PARAMETER
          for (; i < end; i++) out[targets[i]!] = p[this.a[i]!]!;
          break;
        case 3: // FORM_VARIABLE
          for (; i < end; i++) out[targets[i]!] = v[this.s[i]!]!;
          break;
        case 4: // FORM_ADD
          for (; i < end; i++) out[targets[i]!] = p[this.a[i]!]! + p[this.b[i]!]!;
          break;
        case 5: // FORM_SUBTRACT
          for (; i < end; i++) out[targets[i]!] = p[this.a[i]!]! - p[this.b[i]!]!;
          break;
        case 6: // FORM_MULTIPLY
          for (; i < end; i++) out[targets[i]!] = p[this.a[i]!]! * p[this.b[i]!]!;
          break;
        case 7: // FORM_DIVIDE
          for (; i < end; i++) out[targets[i]!] = p[this.a[i]!]! / p[this.b[i]!]!;
          break;
        case 8: // FORM_RATE_PARAMETER
          for (; i < end; i++) out[targets[i]!] = 1 - Math.exp(-p[this.a[i]!]! * this.c[i]!);
          break;
        case 9: // FORM_RATE_PRODUCT
          for (; i < end; i++) out[targets[i]!] = 1 - Math.exp(-(p[this.a[i]!]! * p[this.b[i]!]!) * this.c[i]!);
          break;
        case 10: // FORM_RATE_TREND
          for (; i < end; i++) out[targets[i]!] = 1 - Math.exp(-(p[this.a[i]!]! * (this.k0[i]! + this.k[i]! * v[this.s[i]!]!)) * this.c[i]!);
          break;
        case 11: // FORM_MIN_PRODUCT
          for (; i < end; i++) {
            const rhs = p[this.a[i]!]! * p[this.b[i]!]!;
            const lhs = this.c[i]!;
            out[targets[i]!] = rhs < lhs || rhs !== rhs ? rhs : lhs;
          }
          break;
        case 12: // FORM_MAX_PRODUCT
          for (; i < end; i++) {
            const rhs = p[this.a[i]!]! * p[this.b[i]!]!;
            const lhs = this.c[i]!;
            out[targets[i]!] = rhs > lhs || rhs !== rhs ? rhs : lhs;
          }
          break;
        case 14: // FORM_TREND
          for (; i < end; i++) out[targets[i]!] = this.k0[i]! + this.k[i]! * v[this.s[i]!]!;
          break;
        case 13: // FORM_COMPARE_SELECT
          for (; i < end; i++) {
            const yi = this.y[i]!;
            const ti = this.t[i]!;
            const ei = this.e[i]!;
            out[targets[i]!] = compares(this.cmp[i]!, v[this.s[i]!]!, yi >= 0 ? p[yi]! : this.yc[i]!) ? (ti >= 0 ? p[ti]! : this.tc[i]!) : ei >= 0 ? p[ei]! : this.ec[i]!;
          }
          break;
        default:
          for (; i < end; i++) out[targets[i]!] = this.fns[i]!(p, v);
      }
    }
  }
}

/**
 * Runs every form once when the module loads, so the optimising compiler sees type feedback for every case of
 * evaluate() from the start: otherwise code optimised while only some forms had run deoptimises on the first
 * other one, and how the recompilation went varied from one process to the next.
 */
function primeFeedback(): void {
  const forms = [
    FORM_CONSTANT, FORM_PARAMETER, FORM_VARIABLE, FORM_ADD, FORM_SUBTRACT, FORM_MULTIPLY, FORM_DIVIDE, FORM_RATE_PARAMETER,
    FORM_RATE_PRODUCT, FORM_RATE_TREND, FORM_MIN_PRODUCT, FORM_MAX_PRODUCT, FORM_COMPARE_SELECT, FORM_TREND,
  ];
  const items: FormedEvaluator[] = forms.map((op) => ({ fn: () => 0, form: inlineForm(op, { a: 0, b: 1, y: 0, t: 1, e: 0, cmp: op % 6 }) }));
  items.push({ fn: (p) => p[0]!, form: null });
  const batch = new ExpressionBatch(items);
  const p = Float64Array.of(0.5, 0.25);
  const out = new Float64Array(items.length);
  batch.evaluate(p, new Float64Array(4), out, Int32Array.from(items, (_, i) => i));
}
primeFeedback();
