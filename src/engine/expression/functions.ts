// The whitelist of functions an expression may call. Adding a function here is the only way to widen the
// language; later model types (survival curves, tests) add theirs with registerFunction.
import { survivalFunctionSpecs } from '../psm/survival-functions';

export interface FunctionSpec {
  minArgs: number;
  maxArgs: number;
  description: string;
  /** Implementation over already-evaluated arguments; `cycleLength` is the model's cycle length in years. */
  apply: (args: Float64Array, cycleLength: number) => number;
}

const fixed = (n: number, description: string, apply: FunctionSpec['apply']): FunctionSpec => ({ minArgs: n, maxArgs: n, description, apply });

function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const registry = new Map<string, FunctionSpec>([
  ['exp', fixed(1, 'e^x', (a) => Math.exp(a[0]!))],
  ['log', { minArgs: 1, maxArgs: 2, description: 'natural log; log(x, base)', apply: (a) => (a.length === 2 ? Math.log(a[0]!) / Math.log(a[1]!) : Math.log(a[0]!)) }],
  ['log10', fixed(1, 'base-10 log', (a) => Math.log10(a[0]!))],
  ['sqrt', fixed(1, 'square root', (a) => Math.sqrt(a[0]!))],
  ['abs', fixed(1, 'absolute value', (a) => Math.abs(a[0]!))],
  ['pow', fixed(2, 'pow(x, y) = x^y', (a) => a[0]! ** a[1]!)],
  ['round', { minArgs: 1, maxArgs: 2, description: 'round(x) or round(x, digits)', apply: (a) => (a.length === 2 ? roundTo(a[0]!, a[1]!) : Math.round(a[0]!)) }],
  ['floor', fixed(1, 'round down', (a) => Math.floor(a[0]!))],
  ['ceil', fixed(1, 'round up', (a) => Math.ceil(a[0]!))],
  ['min', { minArgs: 1, maxArgs: 64, description: 'smallest argument', apply: (a) => minOf(a) }],
  ['max', { minArgs: 1, maxArgs: 64, description: 'largest argument', apply: (a) => maxOf(a) }],
  [
    'rate_to_prob',
    {
      minArgs: 1,
      maxArgs: 2,
      description: 'rate_to_prob(rate_per_year, years = cycle length) = 1 - exp(-rate * years)',
      apply: (a, L) => 1 - Math.exp(-a[0]! * (a.length === 2 ? a[1]! : L)),
    },
  ],
  [
    'prob_to_rate',
    {
      minArgs: 1,
      maxArgs: 2,
      description: 'prob_to_rate(p, years = cycle length) = -log(1 - p) / years: the per-year rate of a probability over `years`',
      apply: (a, L) => -Math.log(1 - a[0]!) / (a.length === 2 ? a[1]! : L),
    },
  ],
  [
    'rescale_prob',
    {
      minArgs: 2,
      maxArgs: 3,
      description: 'rescale_prob(p, from_years, to_years = cycle length): probability over another period, constant rate',
      apply: (a, L) => 1 - (1 - a[0]!) ** ((a.length === 3 ? a[2]! : L) / a[1]!),
    },
  ],
  ['odds', fixed(1, 'odds(p) = p / (1 - p)', (a) => a[0]! / (1 - a[0]!))],
  ['odds_to_prob', fixed(1, 'odds_to_prob(o) = o / (1 + o)', (a) => a[0]! / (1 + a[0]!))],
  ['apply_rr', fixed(2, 'apply_rr(p, rr) = p * rr', (a) => a[0]! * a[1]!)],
  ['apply_hr', fixed(2, 'apply_hr(p, hr) = 1 - (1 - p)^hr (proportional hazards)', (a) => 1 - (1 - a[0]!) ** a[1]!)],
  [
    'apply_or',
    fixed(2, 'apply_or(p, or): odds of p times or, back to a probability', (a) => {
      const o = (a[0]! / (1 - a[0]!)) * a[1]!;
      return o / (1 + o);
    }),
  ],
]);

function minOf(a: Float64Array): number {
  let m = Infinity;
  for (let i = 0; i < a.length; i++) m = a[i]! < m || Number.isNaN(a[i]!) ? a[i]! : m;
  return m;
}
function maxOf(a: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) m = a[i]! > m || Number.isNaN(a[i]!) ? a[i]! : m;
  return m;
}

/** Names reserved for control flow (compiled specially, lazily). */
export const CONDITIONAL_FUNCTION = 'if';

export function getFunction(name: string): FunctionSpec | undefined {
  return registry.get(name);
}

export function functionNames(): string[] {
  return [...registry.keys(), CONDITIONAL_FUNCTION];
}

/** Adds a function to the whitelist (for later model types). Refuses to replace an existing one. */
export function registerFunction(name: string, spec: FunctionSpec): void {
  if (registry.has(name) || name === CONDITIONAL_FUNCTION) throw new Error(`function ${name} already exists`);
  registry.set(name, spec);
}

// Survival distributions of the partitioned-survival engine (surv_exp, surv_weibull, surv_gompertz, surv_llogis, surv_lnorm).
for (const [name, spec] of survivalFunctionSpecs()) registerFunction(name, spec);
