// Survival curves for partitioned survival models: parametric distributions (flexsurv parametrisations),
// proportional hazards on a reference curve, tables of survival by time and joined curves. Curves are compiled
// once (their parameters are model expressions, so PSA/DSA vary them) and evaluated at model times in years.
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { gengammaLogSurvival } from './generalised-gamma';
import type { z } from 'zod';
import type { CurveProblem, CurveSubject, IssuePath, ModelIssue } from '../errors';
import { ModelEvaluationError } from '../errors';
import type { CompiledSite, StrategyParameterProgram } from '../model/parameter-program';
import type { buildSurvivalCurveSchema } from './psm-schema';

export type SurvivalCurveSpec = z.output<ReturnType<typeof buildSurvivalCurveSchema>>;
export type TimeUnit = 'cycle' | 'year' | 'month' | 'week' | 'day';

/** Years per time unit; a year is 365.25 days. */
export function yearsPerUnit(unit: TimeUnit, cycleLength: number): number {
  switch (unit) {
    case 'year':
      return 1;
    case 'month':
      return 1 / 12;
    case 'week':
      return 7 / 365.25;
    case 'day':
      return 1 / 365.25;
    case 'cycle':
      return cycleLength;
  }
}

export type ParametricDistribution = 'exponential' | 'weibull' | 'gompertz' | 'log-logistic' | 'log-normal' | 'generalised-gamma';

/**
 * S(t) of a parametric distribution with parameters (a, b, c) as named in the file: rate | shape,scale |
 * shape,rate | shape,scale | meanlog,sdlog | mu,sigma,Q.
 */
export function parametricSurvival(dist: ParametricDistribution, a: number, b: number, t: number, c = 0): number {
  if (t <= 0) return 1;
  switch (dist) {
    case 'exponential':
      return Math.exp(-a * t);
    case 'weibull':
      return Math.exp(-((t / b) ** a));
    case 'gompertz':
      return a === 0 ? Math.exp(-b * t) : Math.exp((-b / a) * Math.expm1(a * t));
    case 'log-logistic':
      return 1 / (1 + (t / b) ** a);
    case 'log-normal':
      return normalCdf(-(Math.log(t) - a) / b, 0, 1);
    case 'generalised-gamma':
      return Math.exp(gengammaLogSurvival(a, b, c, t));
  }
}

/** Why a parameter pair is unusable, or null. Gompertz shape may be negative (a cure fraction) or zero. */
/** Why a curve's parameters are unusable, in the engine's English. */
const curveProblemText: Record<CurveProblem, string> = {
  'not-finite': 'parameters must be finite numbers',
  'rate-negative': 'rate must be >= 0',
  'shape-scale': 'shape and scale must be > 0',
  sdlog: 'sdlog must be > 0',
  sigma: 'sigma must be > 0',
  'hazard-ratio': 'hazard ratio must be a finite number >= 0',
  'cut-points': 'cut points must be finite, >= 0 and increasing',
};

/** Why the parameters (a, b, c) of a parametric curve are unusable, or null. */
export function parametricProblemCode(dist: ParametricDistribution, a: number, b: number, c = 0): CurveProblem | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return 'not-finite';
  switch (dist) {
    case 'exponential':
      return a >= 0 ? null : 'rate-negative';
    case 'weibull':
    case 'log-logistic':
      return a > 0 && b > 0 ? null : 'shape-scale';
    case 'gompertz':
      return b >= 0 ? null : 'rate-negative';
    case 'log-normal':
      return b > 0 ? null : 'sdlog';
    case 'generalised-gamma':
      return b > 0 ? null : 'sigma';
  }
}

/** The same in the engine's English ("shape and scale must be > 0"), or null. */
export function parametricProblem(dist: ParametricDistribution, a: number, b: number, c = 0): string | null {
  const code = parametricProblemCode(dist, a, b, c);
  return code === null ? null : curveProblemText[code];
}

/** The parameters of each parametric curve, in the order parametricSurvival takes them. */
export const CURVE_PARAMETER_NAMES: Record<ParametricDistribution, readonly string[]> = {
  exponential: ['rate'],
  weibull: ['shape', 'scale'],
  gompertz: ['shape', 'rate'],
  'log-logistic': ['shape', 'scale'],
  'log-normal': ['meanlog', 'sdlog'],
  'generalised-gamma': ['mu', 'sigma', 'Q'],
};

interface CurvePlan {
  id: string;
  kind: ParametricDistribution | 'hazard-ratio' | 'table' | 'join';
  unitYears: number;
  sites: CompiledSite[];
  refs: number[];
  times?: Float64Array;
  survival?: Float64Array;
  step?: boolean;
  path: IssuePath;
  /**
   * Model times of the last grid asked for, in the curve's unit: (k·step)/unitYears for k = 0..n. The same for
   * every draw, so computed once (a multiplication and a division per point and draw saved).
   */
  gridPoints?: { step: number; n: number; u: Float64Array };
}

/** A curve error found at run time (a draw gave a shape <= 0, say): a located evaluation error. */
export class CurveParameterError extends ModelEvaluationError {
  constructor(strategy: string, subject: CurveSubject, value: number, path: IssuePath, parameters: Record<string, number>) {
    const curve = subject.name;
    super({ code: 'not-a-number', strategy, cycle: 0, subject: `curve ${curve}`, subjectOf: subject, value, path, parameters });
    const problem = `${subject.family ? `${subject.family} ` : ''}${curveProblemText[subject.problem]}`;
    this.message = `curve ${curve}: ${problem} (got ${value}; strategy ${strategy})${Object.keys(parameters).length ? `; parameters: ${Object.entries(parameters).map(([k, v]) => `${k} = ${v}`).join(', ')}` : ''}`;
  }
}

/**
 * Grids of parametric curves shared within one evaluation by the strategies of a model, and by the
 * partitioned-survival sub-models of a hybrid: a curve of the same distribution with the same parameter values
 * as one computed earlier in the evaluation (the comparator's curve under a hazard ratio, or the same overall
 * survival in several sub-models) copies that grid. Nothing is kept from one evaluation to the next.
 */
export class CurveGridCache {
  private readonly entries: { evaluation: number; kind: string; key: Float64Array; grid: Float64Array }[] = [];
  private evaluation = 0;
  /** Next entry to overwrite once the cache holds MAX_ENTRIES. */
  private next = 0;
  private static readonly MAX_ENTRIES = 32;
  /**
   * The grid asked for, set before copy/remember: parameters a, b, c, time unit, step, last point n (an array
   * rather than arguments: doubles passed to a call that is not inlined are boxed, once per curve and draw).
   */
  readonly key = new Float64Array(6);

  /** Forgets every grid (call at the start of each evaluation). */
  startEvaluation(): void {
    this.evaluation++;
  }

  /** Copies the grid `key` of a curve of this kind computed in this evaluation into out; false when there is none. */
  copy(kind: string, out: Float64Array): boolean {
    const key = this.key;
    for (const e of this.entries) {
      const k = e.key;
      if (e.evaluation !== this.evaluation || e.kind !== kind || !sameValue(k[0]!, key[0]!) || !sameValue(k[1]!, key[1]!) || !sameValue(k[2]!, key[2]!) || k[3] !== key[3] || k[4] !== key[4] || k[5] !== key[5]) continue;
      const grid = e.grid;
      for (let i = 0; i <= key[5]!; i++) out[i] = grid[i]!;
      return true;
    }
    return false;
  }

  /** Keeps `grid` as the grid `key` of a curve of this kind. */
  remember(kind: string, grid: Float64Array): void {
    const n = this.key[5]!;
    // A plain loop: find() would allocate its callback, once per curve and draw.
    let e: (typeof this.entries)[number] | undefined;
    for (let k = 0; k < this.entries.length && !e; k++) if (this.entries[k]!.evaluation !== this.evaluation) e = this.entries[k];
    if (!e) {
      if (this.entries.length < CurveGridCache.MAX_ENTRIES) {
        e = { evaluation: 0, kind, key: new Float64Array(6), grid: new Float64Array(n + 1) };
        this.entries.push(e);
      } else {
        e = this.entries[this.next]!;
        this.next = (this.next + 1) % CurveGridCache.MAX_ENTRIES;
      }
    }
    if (e.grid.length < n + 1) e.grid = new Float64Array(n + 1);
    e.evaluation = this.evaluation;
    e.kind = kind;
    for (let i = 0; i < 6; i++) e.key[i] = this.key[i]!;
    const g = e.grid;
    for (let i = 0; i <= n; i++) g[i] = grid[i]!;
  }
}

/**
 * Object.is for two doubles (NaN equals NaN, 0 differs from -0) without calling it: a call of the builtin boxes
 * both doubles, twice per key compare, curve and draw.
 */
export function sameValue(a: number, b: number): boolean {
  return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
}

/** The curves of one strategy, compiled against its parameter program; values refreshed by `prepare`. */
export class CurveSet {
  private readonly values: Float64Array[];
  constructor(
    readonly plans: CurvePlan[],
    readonly index: Map<string, number>,
    private readonly program: StrategyParameterProgram,
    private readonly gridCache: CurveGridCache | null = null,
  ) {
    this.values = plans.map((p) => new Float64Array(p.sites.length));
  }

  /** Evaluates every curve parameter for the current parameter values; throws a located error when one is unusable. */
  prepare(strategy: string): void {
    const { work, vars } = this.program;
    // Plain loops: this runs once per strategy and evaluation in a PSA.
    for (let i = 0; i < this.plans.length; i++) {
      const p = this.plans[i]!;
      const v = this.values[i]!;
      for (let k = 0; k < p.sites.length; k++) v[k] = p.sites[k]!.fn(work, vars);
      let problem: CurveProblem | null = null;
      let bad = NaN;
      let site: CompiledSite | undefined;
      if (p.kind === 'hazard-ratio') {
        if (!(v[0]! >= 0 && Number.isFinite(v[0]!))) [problem, bad, site] = ['hazard-ratio', v[0]!, p.sites[0]];
      } else if (p.kind === 'join') {
        for (let k = 0; k < v.length && !problem; k++) {
          if (!(v[k]! >= (k === 0 ? 0 : v[k - 1]!) && Number.isFinite(v[k]!))) [problem, bad, site] = ['cut-points', v[k]!, p.sites[k]];
        }
      } else if (p.kind !== 'table') {
        problem = parametricProblemCode(p.kind, v[0]!, v[1] ?? 0, v[2] ?? 0);
        if (problem) {
          const k = badParameterIndex(p.kind, v[0]!, v[1] ?? 0);
          [bad, site] = [v[k]!, p.sites[k]];
        }
      }
      if (problem) {
        const names = p.sites.flatMap((s) => s.parameters);
        const family = p.kind === 'hazard-ratio' || p.kind === 'join' || p.kind === 'table' ? undefined : p.kind;
        throw new CurveParameterError(strategy, { code: 'curve', name: p.id, problem, ...(family ? { family } : {}) }, bad, site?.path ?? p.path, this.program.involvedValues(names));
      }
    }
  }

  /** medianSurvival of curve i (the same bisection, without a closure per call). */
  median(i: number, horizon: number): number | null {
    if (this.survival(i, horizon) > 0.5) return null;
    let lo = 0;
    let hi = horizon;
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (this.survival(i, mid) > 0.5) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }

  /**
   * out[k] = S(k·step) for k = 0..n: the same arithmetic as survival(i, k * step), with the curve's kind and
   * parameters looked up once instead of at every point (parametric curves are the hot path of a PSA). A
   * hazard-ratio curve raises its reference's grid to the hazard ratio (as survival does point by point).
   */
  fillGrid(i: number, step: number, n: number, out: Float64Array): void {
    const p = this.plans[i]!;
    const v = this.values[i]!;
    if (p.kind === 'hazard-ratio') {
      this.fillGrid(p.refs[0]!, step, n, out);
      const hr = v[0]!;
      for (let k = 0; k <= n; k++) {
        const s = out[k]!;
        out[k] = s === 0 ? 0 : s ** hr;
      }
      return;
    }
    if (p.kind === 'join' || p.kind === 'table') {
      for (let k = 0; k <= n; k++) out[k] = this.survival(i, k * step);
      return;
    }
    const a = v[0]!;
    const b = v[1] ?? 0;
    const c = v[2] ?? 0;
    const unit = p.unitYears;
    const cache = this.gridCache;
    if (cache) {
      const key = cache.key;
      key[0] = a;
      key[1] = b;
      key[2] = c;
      key[3] = unit;
      key[4] = step;
      key[5] = n;
      if (cache.copy(p.kind, out)) return;
    }
    let points = p.gridPoints;
    if (!points || points.step !== step || points.n !== n) {
      const u = new Float64Array(n + 1);
      for (let k = 0; k <= n; k++) u[k] = (k * step) / unit;
      points = p.gridPoints = { step, n, u };
    }
    const times = points.u;
    // The formulas of parametricSurvival, inline for the common distributions.
    if (p.kind === 'exponential') {
      for (let k = 0; k <= n; k++) {
        const u = times[k]!;
        out[k] = u <= 0 ? 1 : Math.exp(-a * u);
      }
    } else if (p.kind === 'log-logistic') {
      for (let k = 0; k <= n; k++) {
        const u = times[k]!;
        out[k] = u <= 0 ? 1 : 1 / (1 + (u / b) ** a);
      }
    } else if (p.kind === 'weibull') {
      for (let k = 0; k <= n; k++) {
        const u = times[k]!;
        out[k] = u <= 0 ? 1 : Math.exp(-((u / b) ** a));
      }
    } else {
      for (let k = 0; k <= n; k++) out[k] = parametricSurvival(p.kind, a, b, times[k]!, c);
    }
    cache?.remember(p.kind, out);
  }

  /** S(t) of curve `i` at model time t (years). */
  survival(i: number, t: number): number {
    const p = this.plans[i]!;
    const v = this.values[i]!;
    const u = t / p.unitYears;
    switch (p.kind) {
      case 'hazard-ratio': {
        const s = this.survival(p.refs[0]!, t);
        return s === 0 ? 0 : s ** v[0]!;
      }
      case 'join': {
        // heemod join: S1 up to the first cut, then S1(at) * S2(t) / S2(at), and so on.
        let scale = 1;
        for (let k = 0; k < v.length; k++) {
          const at = v[k]! * p.unitYears;
          if (t <= at) return scale * this.survival(p.refs[k]!, t);
          const s1 = this.survival(p.refs[k]!, at);
          const s2 = this.survival(p.refs[k + 1]!, at);
          scale *= s2 === 0 ? 0 : s1 / s2;
        }
        return scale * this.survival(p.refs[v.length]!, t);
      }
      case 'table':
        return tableSurvival(p.times!, p.survival!, p.step!, u);
      default:
        return parametricSurvival(p.kind, v[0]!, v[1] ?? 0, u, v[2] ?? 0);
    }
  }
}

/** Which of the two parameters (0 or 1) makes parametricProblem fail, for the error location. */
function badParameterIndex(dist: ParametricDistribution, a: number, b: number): number {
  if (dist === 'exponential' || !Number.isFinite(a)) return 0;
  if (dist === 'generalised-gamma' && b > 0) return 2;
  if (dist === 'weibull' || dist === 'log-logistic') return a > 0 ? 1 : 0;
  return 1;
}

function tableSurvival(times: Float64Array, surv: Float64Array, step: boolean, u: number): number {
  const n = times.length;
  if (u < times[0]!) return step ? 1 : times[0]! === 0 ? surv[0]! : 1 + ((surv[0]! - 1) * u) / times[0]!;
  if (u >= times[n - 1]!) return surv[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= u) lo = mid;
    else hi = mid;
  }
  if (step) return surv[lo]!;
  const w = (u - times[lo]!) / (times[hi]! - times[lo]!);
  return surv[lo]! + w * (surv[hi]! - surv[lo]!);
}

/**
 * Compiles every curve of `curves` (ids → specs) against a strategy's program. Reference problems (unknown
 * ids, cycles), bad tables and time-varying parameters are located issues.
 */
export function compileCurves(
  curves: Record<string, SurvivalCurveSpec>,
  basePath: IssuePath,
  program: StrategyParameterProgram,
  cycleLength: number,
  issues: ModelIssue[],
  gridCache: CurveGridCache | null = null,
): CurveSet | null {
  const ids = Object.keys(curves);
  const index = new Map(ids.map((id, i) => [id, i]));
  const before = issues.length;
  const plans: CurvePlan[] = ids.map((id) => {
    const spec = curves[id]!;
    const path = [...basePath, id];
    const site = (field: string, expr: number | string): CompiledSite => {
      const s = program.compileSite(expr, [...path, field], issues, false);
      if (s && s.timeVarying) issues.push({ code: 'time-varying-curve', severity: 'error', path: [...path, field], message: `curve parameters cannot depend on cycle, age or time ("${expr}")` });
      return s ?? { fn: () => NaN, form: null, path: [...path, field], source: expr, parameters: [], timeVarying: false, stateTimeVarying: false };
    };
    const ref = (target: string, at: IssuePath): number => {
      const i = index.get(target);
      if (i === undefined) issues.push({ code: 'unknown-curve', severity: 'error', path: at, message: `unknown curve '${target}' (curves: ${ids.join(', ')})` });
      return i ?? -1;
    };
    const unitYears = 'timeUnit' in spec ? yearsPerUnit(spec.timeUnit, cycleLength) : 1;
    switch (spec.dist) {
      case 'hazard-ratio':
        return { id, kind: spec.dist, unitYears, sites: [site('hr', spec.hr)], refs: [ref(spec.curve, [...path, 'curve'])], path };
      case 'join':
        if (spec.at.length !== spec.curves.length - 1) issues.push({ code: 'bad-join', severity: 'error', path: [...path, 'at'], message: `a join of ${spec.curves.length} curves needs ${spec.curves.length - 1} cut point(s), got ${spec.at.length}` });
        return { id, kind: spec.dist, unitYears, sites: spec.at.map((a, k) => site(`at[${k}]`, a)), refs: spec.curves.map((c, k) => ref(c, [...path, 'curves', k])), path };
      case 'table': {
        const problem = tableProblem(spec.times, spec.survival);
        if (problem) issues.push({ code: 'bad-table', severity: 'error', path: [...path, problem.field], message: problem.message });
        return { id, kind: spec.dist, unitYears, sites: [], refs: [], times: Float64Array.from(spec.times), survival: Float64Array.from(spec.survival), step: spec.interpolation === 'step', path };
      }
      default: {
        const rec = spec as unknown as Record<string, number | string>;
        const sites = CURVE_PARAMETER_NAMES[spec.dist].map((name) => site(name, rec[name]!));
        return { id, kind: spec.dist, unitYears, sites, refs: [], path };
      }
    }
  });
  // Reference cycles (a hazard ratio on itself, joins that loop) would recurse forever.
  const state = new Uint8Array(plans.length);
  const visit = (i: number): boolean => {
    if (i < 0 || state[i] === 2) return true;
    if (state[i] === 1) return false;
    state[i] = 1;
    const ok = plans[i]!.refs.every(visit);
    state[i] = 2;
    return ok;
  };
  plans.forEach((p, i) => {
    if (state[i] === 0 && !visit(i)) issues.push({ code: 'curve-cycle', severity: 'error', path: p.path, message: `curve ${p.id} refers to itself through hazard-ratio/join references` });
  });
  if (issues.slice(before).some((i) => i.severity === 'error')) return null;
  return new CurveSet(plans, index, program, gridCache);
}

function tableProblem(times: number[], surv: number[]): { field: string; message: string } | null {
  if (times.length !== surv.length) return { field: 'survival', message: `times has ${times.length} entries but survival has ${surv.length}` };
  for (let k = 1; k < times.length; k++) {
    if (!(times[k]! > times[k - 1]!)) return { field: 'times', message: `times must increase (entry ${k}: ${times[k]} after ${times[k - 1]})` };
    if (surv[k]! > surv[k - 1]!) return { field: 'survival', message: `survival cannot increase over time (entry ${k}: ${surv[k]} after ${surv[k - 1]})` };
  }
  return null;
}

/** Area under S over [0, horizon] by composite Simpson on values at n + 1 equally spaced points (n even). */
export function simpsonArea(values: Float64Array, step: number, n: number): number {
  let sum = values[0]! + values[n]!;
  for (let k = 1; k < n; k++) sum += values[k]! * (k % 2 === 1 ? 4 : 2);
  return (sum * step) / 3;
}

/** Median survival (years) by bisection on [0, horizon]; null when S(horizon) > 0.5. */
export function medianSurvival(s: (t: number) => number, horizon: number): number | null {
  if (s(horizon) > 0.5) return null;
  let lo = 0;
  let hi = horizon;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (s(mid) > 0.5) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
