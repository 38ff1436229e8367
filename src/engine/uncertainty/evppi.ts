// Expected value of partial perfect information (EVPPI) by non-parametric regression (Strong, Oakley & Brennan
// 2014, Med Decis Making 34:311-26). For a parameter or group phi and each strategy d, the incremental net
// benefit over the first strategy, INB_d = NB_d - NB_1, is regressed on phi across the PSA draws; the fitted
// values estimate g_d(phi) = E[INB_d | phi], and
//   EVPPI = mean_i max(0, g_2(phi_i), ..., g_D(phi_i)) - max(0, mean_i g_2, ..., mean_i g_D).
// The regression is a penalised cubic regression spline (P-spline, GCV-chosen smoothing) on the normalised ranks
// of the parameters: one parameter -> 20 segments; two -> tensor product 8 x 8; three -> tensor 4 x 4 x 4;
// four or more -> additive model (sum of one smooth per parameter, 8 segments each), which ignores interactions
// and so tends to underestimate. This plays the role of the GAM in Strong's method (mgcv's default thin-plate or
// tensor smooths). Standard error: Strong 2014's approach, drawing the spline coefficients from their
// approximate posterior N(beta_hat, sigma^2 (X'X + lambda S)^-1) (default 200 draws) and taking the standard
// deviation of the resulting EVPPI values. The estimate is reported within [0, EVPI] (the true value lies there;
// `raw` keeps the unclamped figure).
import normalFactory from '@stdlib/random-base-normal';
import { createStream } from './rng';
import type { PsaResults } from './psa-summary';
import { assertValidPsaResults } from './psa-summary';
import { buildDesign, fitPenalisedRegressions, fittedRowOfMany, interleavedWidth, normalisedRanks, planSmoothing, solveUpperMany } from './penalised-spline';
import { valuesOfInformationRowsSimd } from './evppi-simd';
import type { BasisKind, PenalisedFit, SparseDesign } from './penalised-spline';

export interface ParameterDraws {
  names: readonly string[];
  /** draws x parameters, row-major, the same draws as the PSA results (e.g. from ParameterSampler.fill). */
  values: Float64Array;
}

export interface EvppiOptions {
  /** Posterior draws of the spline coefficients for the standard error (0 skips it). */
  seDraws?: number;
  /** Seed of the standard-error draws. */
  seed?: number;
}

export interface EvppiResult {
  parameters: string[];
  wtp: number;
  evppi: number;
  /** Unclamped estimate. */
  raw: number;
  /** Null when not asked for (0 draws) or when it cannot be computed (then `seNote` says why). */
  se: number | null;
  seNote?: string;
  evpi: number;
  method: 'p-spline' | 'tensor-p-spline' | 'additive-p-spline';
}

export class EvppiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvppiError';
  }
}

function basisKindFor(count: number): BasisKind {
  if (count === 1) return 'single';
  return count <= 3 ? 'tensor' : 'additive';
}

const methodOf: Record<BasisKind, EvppiResult['method']> = {
  single: 'p-spline',
  tensor: 'tensor-p-spline',
  additive: 'additive-p-spline',
};

function incrementalNetBenefits(results: PsaResults, wtp: number): Float64Array[] {
  const s = results.strategyIds.length;
  return Array.from({ length: s - 1 }, (_, d) => {
    const y = new Float64Array(results.draws);
    for (let i = 0; i < results.draws; i++) {
      const row = i * s;
      y[i] = wtp * (results.effects[row + d + 1]! - results.effects[row]!) - (results.costs[row + d + 1]! - results.costs[row]!);
      if (!Number.isFinite(y[i]!)) {
        throw new EvppiError(`At a willingness to pay of ${wtp}, the incremental net benefit of strategy "${results.strategyIds[d + 1]}" in draw ${i} is not a finite number; use a smaller threshold.`);
      }
    }
    return y;
  });
}

/** mean_i max(0, g_d(i)) - max(0, mean_i g_d(i)). */
function valueOfInformation(fitted: readonly Float64Array[], n: number): number {
  let sumMax = 0;
  const sums = new Float64Array(fitted.length);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let d = 0; d < fitted.length; d++) {
      const v = fitted[d]![i]!;
      sums[d]! += v;
      if (v > best) best = v;
    }
    sumMax += best;
  }
  let bestMean = 0;
  for (const s of sums) bestMean = Math.max(bestMean, s / n);
  return sumMax / n - bestMean;
}

/** Posterior draws of the standard error handled per pass over the design (bounds the interleaved coefficients). */
const SE_DRAWS_PER_PASS = 256;

function standardError(design: SparseDesign, fits: readonly PenalisedFit[], draws: number, seed: number): number {
  const m = design.columns;
  const stream = createStream(seed, 0);
  const normal = normalFactory.factory({ prng: stream.next });
  const values = new Float64Array(draws);
  for (let first = 0; first < draws; first += SE_DRAWS_PER_PASS) {
    const block = Math.min(SE_DRAWS_PER_PASS, draws - first);
    const width = interleavedWidth(block);
    // Coefficients of every draw of the pass, interleaved by draw: betas[d][k * width + b].
    // The normal deviates in the stream's order (draw by draw, strategy by strategy), interleaved by draw.
    const deviates = fits.map(() => new Float64Array(m * width));
    for (let b = 0; b < block; b++) {
      for (const z of deviates) for (let k = 0; k < m; k++) z[k * width + b] = normal(0, 1);
    }
    // beta_b = beta_hat + sigma L^-T z_b has covariance sigma^2 (L L')^-1; all draws' solves share one pass over L.
    const betas = fits.map((fit, d) => {
      const z = solveUpperMany(fit.factor, m, deviates[d]!, width);
      const sigma = Math.sqrt(fit.sigma2);
      const beta = new Float64Array(m * width);
      for (let k = 0; k < m; k++) for (let b = 0; b < block; b++) beta[k * width + b] = fit.beta[k]! + sigma * z[k * width + b]!;
      return beta;
    });
    valuesOfInformationOfDraws(design, betas, width, values.subarray(first, first + block));
  }
  return standardDeviation(values);
}

/**
 * valueOfInformation(X beta_b) for each coefficient draw b (out.length of the `width` interleaved ones), with
 * the arithmetic of valueOfInformation in the same order (so the same doubles), one pass over the design rows
 * for all draws (in WebAssembly SIMD where it runs, evppi-simd.ts).
 */
function valuesOfInformationOfDraws(design: SparseDesign, betas: readonly Float64Array[], width: number, out: Float64Array): void {
  const n = design.rows;
  const strategies = betas.length;
  const used = out.length;
  const sums = new Float64Array(strategies * width);
  const sumMax = new Float64Array(width);
  if (!valuesOfInformationRowsSimd(design, betas, width, sums, sumMax)) sumRowsOfDraws(design, betas, width, used, sums, sumMax);
  for (let b = 0; b < used; b++) {
    let bestMean = 0;
    for (let d = 0; d < strategies; d++) bestMean = Math.max(bestMean, sums[d * width + b]! / n);
    out[b] = sumMax[b]! / n - bestMean;
  }
}

/**
 * For each design row, the fitted values f of every strategy's interleaved draws, sums[d * width + b] += f and
 * sumMax[b] += max(0, f over strategies), for the first `used` draws: the JavaScript twin of
 * valuesOfInformationRowsSimd.
 */
export function sumRowsOfDraws(design: SparseDesign, betas: readonly Float64Array[], width: number, used: number, sums: Float64Array, sumMax: Float64Array): void {
  const n = design.rows;
  const strategies = betas.length;
  const fitted = new Float64Array(strategies * width);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < strategies; d++) fittedRowOfMany(design, betas[d]!, width, i, fitted, d * width);
    for (let b = 0; b < used; b++) {
      let best = 0;
      for (let d = 0; d < strategies; d++) {
        const v = fitted[d * width + b]!;
        sums[d * width + b]! += v;
        if (v > best) best = v;
      }
      sumMax[b]! += best;
    }
  }
}

/** Sample standard deviation, scaled by the largest magnitude first so squares of large values cannot overflow. */
function standardDeviation(values: Float64Array): number {
  let scale = 0;
  for (const v of values) scale = Math.max(scale, Math.abs(v));
  if (!Number.isFinite(scale)) return NaN;
  if (scale === 0) return 0;
  let mean = 0;
  for (const v of values) mean += v / scale;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v / scale - mean) ** 2;
  return scale * Math.sqrt(ss / Math.max(1, values.length - 1));
}

function evpiAt(results: PsaResults, incNb: readonly Float64Array[]): number {
  return valueOfInformation(incNb, results.draws);
}

function covariatesOf(parameters: ParameterDraws, group: readonly string[], draws: number): Float64Array[] {
  const width = parameters.names.length;
  return group.map((name) => {
    const column = parameters.names.indexOf(name);
    if (column < 0) throw new EvppiError(`EVPPI parameter "${name}" is not among the sampled parameters.`);
    const values = new Float64Array(draws);
    for (let i = 0; i < draws; i++) values[i] = parameters.values[i * width + column]!;
    return normalisedRanks(values);
  });
}

function assertValidInput(results: PsaResults, parameters: ParameterDraws, groups: readonly (readonly string[])[], wtp: number): void {
  assertValidPsaResults(results);
  if (results.strategyIds.length < 2) throw new EvppiError('EVPPI needs at least two strategies.');
  if (parameters.values.length !== results.draws * parameters.names.length) {
    throw new EvppiError(
      `Parameter draws hold ${parameters.values.length} values; ${results.draws} draws x ${parameters.names.length} parameters need ${results.draws * parameters.names.length}.`,
    );
  }
  if (results.draws < 50) throw new EvppiError(`EVPPI by regression needs at least 50 draws (got ${results.draws}).`);
  if (!(Number.isFinite(wtp) && wtp >= 0)) throw new EvppiError(`Willingness-to-pay must be finite and >= 0 (got ${wtp}).`);
  groups.forEach((group, g) => {
    if (group.length === 0) throw new EvppiError(`EVPPI group ${g + 1} has no parameters.`);
    if (new Set(group).size !== group.length) throw new EvppiError(`EVPPI group ${g + 1} lists a parameter twice.`);
  });
}

/** EVPPI per person of each parameter group (a single parameter is a group of one) at one threshold. */
export function evppiByRegression(
  results: PsaResults,
  parameters: ParameterDraws,
  groups: readonly (readonly string[])[],
  wtp: number,
  options: EvppiOptions = {},
): EvppiResult[] {
  return evppiAcrossThresholds(results, parameters, groups, [wtp], options);
}

/**
 * EVPPI of each group at each threshold, threshold by threshold (the order of evppiByRegression called for each
 * wtp). What does not depend on the threshold (ranks, design, X'X, and per smoothing parameter the Cholesky
 * factor and degrees of freedom) is computed once per group; the values are those of evppiByRegression.
 */
export function evppiAcrossThresholds(
  results: PsaResults,
  parameters: ParameterDraws,
  groups: readonly (readonly string[])[],
  wtps: readonly number[],
  options: EvppiOptions = {},
): EvppiResult[] {
  for (const wtp of wtps) assertValidInput(results, parameters, groups, wtp);
  const seDraws = options.seDraws ?? 200;
  const byThreshold = wtps.map((wtp) => {
    const incNb = incrementalNetBenefits(results, wtp);
    return { wtp, incNb, evpi: evpiAt(results, incNb), out: [] as EvppiResult[] };
  });
  let failure: { at: number; error: EvppiError } | null = null as { at: number; error: EvppiError } | null;
  for (const group of groups) {
    const kind = basisKindFor(group.length);
    const design = buildDesign(covariatesOf(parameters, group, results.draws), kind);
    const plan = planSmoothing(design);
    byThreshold.forEach(({ wtp, incNb, evpi, out }, t) => {
      if (failure && failure.at < t) return;
      const fits = fitPenalisedRegressions(design, incNb, plan);
      const raw = valueOfInformation(
        fits.map((f) => f.fitted),
        results.draws,
      );
      if (!Number.isFinite(raw)) {
        // Thrown after the loops: the first failure in threshold order, as a run threshold by threshold meets it.
        if (!failure || t < failure.at) failure = { at: t, error: new EvppiError(`EVPPI of ${group.join(' + ')} at a willingness to pay of ${wtp} is not a finite number (${raw}): the regression on these parameters failed.`) };
        return;
      }
      const se = seDraws > 0 ? standardError(design, fits, seDraws, options.seed ?? 1) : null;
      const seFinite = se !== null && Number.isFinite(se);
      out.push({
        parameters: [...group],
        wtp,
        evppi: Math.min(Math.max(raw, 0), evpi),
        raw,
        se: seFinite ? se : null,
        ...(se !== null && !seFinite ? { seNote: `the standard error could not be computed (${se}): the regression's posterior is degenerate` } : {}),
        evpi,
        method: methodOf[kind],
      });
    });
  }
  if (failure) throw failure.error;
  return byThreshold.flatMap((t) => t.out);
}
