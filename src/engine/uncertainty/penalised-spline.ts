// Penalised regression splines (P-splines, Eilers & Marx 1996) used by the regression EVPPI.
// Covariates are first mapped to normalised ranks in (0, 1), so equally spaced knots sit at quantiles of the
// parameter and the fit is invariant to monotone transforms of it. Basis: cubic B-splines on equally spaced
// knots; one covariate -> one basis, a few -> tensor product, many -> additive (sum of margins). Penalty:
// second-order differences of neighbouring coefficients (Kronecker sum for a tensor product), one smoothing
// parameter chosen by generalised cross-validation (GCV) over a log grid. Design rows are sparse (4 non-zeros
// per margin), so X'X costs n x nnz^2, not n x m^2.
import { crossProductUpperSimd, effectiveDegreesOfFreedomSimd, fittedRowsSimd, solveUpperManySimd } from './evppi-simd';

export interface SparseDesign {
  rows: number;
  /** Number of basis functions (columns). */
  columns: number;
  /** Non-zeros per row. */
  nnz: number;
  indices: Int32Array;
  values: Float64Array;
  penalty: Float64Array;
}

export type BasisKind = 'single' | 'tensor' | 'additive';

/** Normalised ranks (average ranks for ties) in (0, 1). */
export function normalisedRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2;
    for (let k = i; k <= j; k++) out[order[k]!] = (rank + 0.5) / n;
    i = j + 1;
  }
  return out;
}

/** The 4 non-zero cubic B-spline values at x in [0, 1] with `segments` equal segments; returns the first index. */
function cubicBsplineAt(x: number, segments: number, out: Float64Array): number {
  const scaled = Math.min(Math.max(x, 0), 1) * segments;
  const j = Math.min(Math.floor(scaled), segments - 1);
  const t = scaled - j;
  const t2 = t * t;
  const t3 = t2 * t;
  const s = 1 - t;
  out[0] = (s * s * s) / 6;
  out[1] = (3 * t3 - 6 * t2 + 4) / 6;
  out[2] = (-3 * t3 + 3 * t2 + 3 * t + 1) / 6;
  out[3] = t3 / 6;
  return j;
}

/** D'D for second-order differences of `m` coefficients. */
function differencePenalty(m: number): Float64Array {
  const p = new Float64Array(m * m);
  const d = [1, -2, 1];
  for (let r = 0; r + 2 < m; r++) {
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) p[(r + a) * m + (r + b)]! += d[a]! * d[b]!;
  }
  return p;
}

export function segmentsFor(kind: BasisKind, covariates: number): number {
  if (kind === 'single') return 20;
  if (kind === 'additive') return 8;
  return covariates === 2 ? 8 : 4;
}

/** Sparse design and penalty for covariates already in [0, 1]. */
export function buildDesign(covariates: readonly Float64Array[], kind: BasisKind): SparseDesign {
  const p = covariates.length;
  const n = covariates[0]!.length;
  const segments = segmentsFor(kind, p);
  const m1 = segments + 3;
  const margin = differencePenalty(m1);
  const local = new Float64Array(4);
  if (kind === 'additive') {
    const columns = m1 * p;
    const nnz = 4 * p;
    const indices = new Int32Array(n * nnz);
    const values = new Float64Array(n * nnz);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < p; k++) {
        const first = cubicBsplineAt(covariates[k]![i]!, segments, local);
        for (let a = 0; a < 4; a++) {
          indices[i * nnz + k * 4 + a] = k * m1 + first + a;
          values[i * nnz + k * 4 + a] = local[a]!;
        }
      }
    }
    const penalty = new Float64Array(columns * columns);
    for (let k = 0; k < p; k++) {
      for (let r = 0; r < m1; r++) for (let c = 0; c < m1; c++) penalty[(k * m1 + r) * columns + k * m1 + c] = margin[r * m1 + c]!;
    }
    return { rows: n, columns, nnz, indices, values, penalty };
  }
  // Tensor product (a single covariate is the p = 1 case).
  const columns = m1 ** p;
  const nnz = 4 ** p;
  const indices = new Int32Array(n * nnz);
  const values = new Float64Array(n * nnz);
  const firsts = new Int32Array(p);
  const locals = Array.from({ length: p }, () => new Float64Array(4));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < p; k++) firsts[k] = cubicBsplineAt(covariates[k]![i]!, segments, locals[k]!);
    for (let e = 0; e < nnz; e++) {
      let index = 0;
      let value = 1;
      let rest = e;
      for (let k = 0; k < p; k++) {
        const a = rest % 4;
        rest = (rest - a) / 4;
        index = index * m1 + firsts[k]! + a;
        value *= locals[k]![a]!;
      }
      indices[i * nnz + e] = index;
      values[i * nnz + e] = value;
    }
  }
  return { rows: n, columns, nnz, indices, values, penalty: kroneckerSumPenalty(margin, m1, p) };
}

/** sum_k I x ... x P_k x ... x I for p identical margins of size m. */
function kroneckerSumPenalty(margin: Float64Array, m: number, p: number): Float64Array {
  const size = m ** p;
  const out = new Float64Array(size * size);
  const digitsOf = (index: number, digits: Int32Array) => {
    for (let k = p - 1; k >= 0; k--) {
      digits[k] = index % m;
      index = Math.floor(index / m);
    }
  };
  const rd = new Int32Array(p);
  const cd = new Int32Array(p);
  for (let r = 0; r < size; r++) {
    digitsOf(r, rd);
    for (let c = 0; c < size; c++) {
      digitsOf(c, cd);
      let sum = 0;
      for (let k = 0; k < p; k++) {
        let othersEqual = true;
        for (let l = 0; l < p && othersEqual; l++) if (l !== k && rd[l] !== cd[l]) othersEqual = false;
        if (othersEqual) sum += margin[rd[k]! * m + cd[k]!]!;
      }
      out[r * size + c] = sum;
    }
  }
  return out;
}

/**
 * X'X. Only the upper triangle is summed (row by row, as the full product would: a row's columns are distinct),
 * then mirrored: cell (c, r) would have summed the same products vb * va = va * vb in the same order.
 */
export function crossProduct(design: SparseDesign): Float64Array {
  const { columns } = design;
  const xtx = crossProductUpperSimd(design) ?? crossProductUpper(design);
  for (let r = 0; r < columns; r++) for (let c = r + 1; c < columns; c++) xtx[c * columns + r] = xtx[r * columns + c]!;
  return xtx;
}

/** The JavaScript loop of crossProductUpperSimd. */
function crossProductUpper(design: SparseDesign): Float64Array {
  const { rows, columns, nnz, indices, values } = design;
  const xtx = new Float64Array(columns * columns);
  for (let i = 0; i < rows; i++) {
    const base = i * nnz;
    for (let a = 0; a < nnz; a++) {
      const ca = indices[base + a]!;
      const ia = ca * columns;
      const va = values[base + a]!;
      for (let b = 0; b < nnz; b++) {
        const cb = indices[base + b]!;
        if (cb >= ca) xtx[ia + cb]! += va * values[base + b]!;
      }
    }
  }
  return xtx;
}

export function crossProductWith(design: SparseDesign, y: Float64Array): Float64Array {
  const out = new Float64Array(design.columns);
  for (let i = 0; i < design.rows; i++) {
    for (let a = 0; a < design.nnz; a++) out[design.indices[i * design.nnz + a]!]! += design.values[i * design.nnz + a]! * y[i]!;
  }
  return out;
}

export function fittedValues(design: SparseDesign, beta: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < design.rows; i++) {
    let s = 0;
    for (let a = 0; a < design.nnz; a++) s += design.values[i * design.nnz + a]! * beta[design.indices[i * design.nnz + a]!]!;
    out[i] = s;
  }
  return out;
}

/** Coefficient vectors whose fitted values fittedRowOfMany sums side by side (in registers). */
export const SIDE_BY_SIDE = 8;

/** Width of an interleaved block of `count` coefficient vectors: a multiple of SIDE_BY_SIDE (padding vectors 0). */
export function interleavedWidth(count: number): number {
  return Math.ceil(count / SIDE_BY_SIDE) * SIDE_BY_SIDE;
}

/**
 * Fitted values at design row i of `width` coefficient vectors stored interleaved (betas[k * width + b]) into
 * out[at + b]: the arithmetic of fittedValues in the same order (so the same doubles), but the row is read once
 * for all vectors, 8 of them summed side by side. Many fits then cost one pass over the design, not one each.
 */
export function fittedRowOfMany(design: SparseDesign, betas: Float64Array, width: number, i: number, out: Float64Array, at: number): void {
  const { nnz, indices, values } = design;
  const row = i * nnz;
  for (let b = 0; b < width; b += SIDE_BY_SIDE) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    for (let a = 0; a < nnz; a++) {
      const v = values[row + a]!;
      const c = indices[row + a]! * width + b;
      s0 += v * betas[c]!;
      s1 += v * betas[c + 1]!;
      s2 += v * betas[c + 2]!;
      s3 += v * betas[c + 3]!;
      s4 += v * betas[c + 4]!;
      s5 += v * betas[c + 5]!;
      s6 += v * betas[c + 6]!;
      s7 += v * betas[c + 7]!;
    }
    const o = at + b;
    out[o] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
    out[o + 3] = s3;
    out[o + 4] = s4;
    out[o + 5] = s5;
    out[o + 6] = s6;
    out[o + 7] = s7;
  }
}

/** In-place lower Cholesky factor of a symmetric positive definite m x m matrix; false if not PD. */
export function choleskyInPlace(a: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j]!;
    for (let k = 0; k < j; k++) d -= a[j * m + k]! ** 2;
    if (!(d > 0)) return false;
    d = Math.sqrt(d);
    a[j * m + j] = d;
    // Four rows at a time: four independent sums share the loads of row j (each sum's order is unchanged).
    const rj = j * m;
    let i = j + 1;
    for (; i + 3 < m; i += 4) {
      const r0 = i * m;
      const r1 = r0 + m;
      const r2 = r1 + m;
      const r3 = r2 + m;
      let s0 = a[r0 + j]!;
      let s1 = a[r1 + j]!;
      let s2 = a[r2 + j]!;
      let s3 = a[r3 + j]!;
      for (let k = 0; k < j; k++) {
        const ajk = a[rj + k]!;
        s0 -= a[r0 + k]! * ajk;
        s1 -= a[r1 + k]! * ajk;
        s2 -= a[r2 + k]! * ajk;
        s3 -= a[r3 + k]! * ajk;
      }
      a[r0 + j] = s0 / d;
      a[r1 + j] = s1 / d;
      a[r2 + j] = s2 / d;
      a[r3 + j] = s3 / d;
    }
    for (; i < m; i++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= a[i * m + k]! * a[rj + k]!;
      a[i * m + j] = s / d;
    }
    for (let k = j + 1; k < m; k++) a[j * m + k] = 0;
  }
  return true;
}

/** Solves L L' x = b in place (b becomes x). */
export function choleskySolve(l: Float64Array, m: number, b: Float64Array): Float64Array {
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * b[k]!;
    b[i] = s / l[i * m + i]!;
  }
  return solveUpper(l, m, b);
}

/** Solves L' x = b in place. */
export function solveUpper(l: Float64Array, m: number, b: Float64Array): Float64Array {
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * b[k]!;
    b[i] = s / l[i * m + i]!;
  }
  return b;
}

/**
 * Solves L' x_b = z_b in place for `width` right-hand sides stored interleaved (x[k * width + b]): for each b the
 * arithmetic of solveUpper in the same order (so the same doubles), with L read once for all of them.
 */
export function solveUpperMany(l: Float64Array, m: number, x: Float64Array, width: number): Float64Array {
  if (solveUpperManySimd(l, m, x, width)) return x;
  for (let i = m - 1; i >= 0; i--) {
    const row = i * width;
    for (let k = i + 1; k < m; k++) {
      const lki = l[k * m + i]!;
      const krow = k * width;
      for (let b = 0; b < width; b++) x[row + b]! -= lki * x[krow + b]!;
    }
    const d = l[i * m + i]!;
    for (let b = 0; b < width; b++) x[row + b] = x[row + b]! / d;
  }
  return x;
}

/**
 * Effective degrees of freedom tr(A^-1 X'X) with A = L L': equals tr(M X'X M') for M = L^-1, summed row by row
 * (only M's lower triangle is non-zero), over the non-zeros of X'X (58% of a 343-column tensor's are zeros).
 */
function effectiveDegreesOfFreedom(l: Float64Array, xtx: SparseCrossProduct, m: number): number {
  const simd = effectiveDegreesOfFreedomSimd(l, xtx.dense, m);
  if (simd !== null) return simd;
  // M by forward substitution, M[i][j] = (delta_ij - sum_{k=j}^{i-1} L[i][k] M[k][j]) / L[i][i], k ascending; row
  // by row, so the inner loop runs over j along M's row k with many independent sums (not one long chain).
  const inv = new Float64Array(m * m);
  const s = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const row = i * m;
    s.fill(0, 0, i);
    s[i] = 1;
    for (let k = 0; k < i; k++) {
      const lik = l[row + k]!;
      const krow = k * m;
      for (let j = 0; j <= k; j++) s[j]! -= lik * inv[krow + j]!;
    }
    const d = l[row + i]!;
    for (let j = 0; j <= i; j++) inv[row + j] = s[j]! / d;
  }
  const b = new Float64Array(m);
  let edf = 0;
  for (let i = 0; i < m; i++) {
    b.fill(0);
    const row = i * m;
    for (let k = 0; k <= i; k++) {
      const a = inv[row + k]!;
      if (a === 0) continue;
      const xrow = k * m;
      if (Number.isFinite(a)) {
        // X'X's zeros skipped: a * 0 is a zero, and adding a zero leaves b[j] (never -0: it starts at +0) as it is.
        for (let t = xtx.rowStart[k]!, end = xtx.rowStart[k + 1]!; t < end; t++) {
          const j = xtx.columns[t]!;
          if (j > i) break;
          b[j]! += a * xtx.values[t]!;
        }
      } else {
        for (let j = 0; j <= i; j++) b[j]! += a * xtx.dense[xrow + j]!;
      }
    }
    for (let j = 0; j <= i; j++) edf += b[j]! * inv[row + j]!;
  }
  return edf;
}

/** X'X with its non-zeros row by row (columns ascending), beside the dense matrix. */
interface SparseCrossProduct {
  dense: Float64Array;
  rowStart: Int32Array;
  columns: Int32Array;
  values: Float64Array;
}

function sparseRows(dense: Float64Array, m: number): SparseCrossProduct {
  const rowStart = new Int32Array(m + 1);
  let count = 0;
  for (let k = 0; k < m * m; k++) if (dense[k] !== 0) count++;
  const columns = new Int32Array(count);
  const values = new Float64Array(count);
  let t = 0;
  for (let r = 0; r < m; r++) {
    rowStart[r] = t;
    for (let c = 0; c < m; c++) {
      const v = dense[r * m + c]!;
      if (v !== 0) {
        columns[t] = c;
        values[t++] = v;
      }
    }
  }
  rowStart[m] = t;
  return { dense, rowStart, columns, values };
}

export interface PenalisedFit {
  lambda: number;
  beta: Float64Array;
  fitted: Float64Array;
  /** Effective degrees of freedom, trace of the hat matrix. */
  edf: number;
  /** Residual variance RSS / (n - edf). */
  sigma2: number;
  /** Cholesky factor of X'X + lambda S (+ ridge), for posterior draws of beta. */
  factor: Float64Array;
}

function lambdaGrid(xtx: Float64Array, penalty: Float64Array, m: number, points: number): number[] {
  let tx = 0;
  let tp = 0;
  for (let i = 0; i < m; i++) {
    tx += xtx[i * m + i]!;
    tp += penalty[i * m + i]!;
  }
  const scale = tp > 0 ? tx / tp : 1;
  return Array.from({ length: points }, (_, k) => scale * 10 ** (-8 + (12 * k) / (points - 1)));
}

/**
 * What the fits of any responses on one design share: X'X, and for each smoothing parameter of the GCV grid the
 * Cholesky factor of X'X + lambda S (+ ridge) and the effective degrees of freedom (null where not positive
 * definite). Computed once per EVPPI group, for every threshold.
 */
export interface SmoothingPlan {
  design: SparseDesign;
  xtx: Float64Array;
  ridge: number;
  grid: { lambda: number; factor: Float64Array | null; edf: number }[];
}

export function planSmoothing(design: SparseDesign): SmoothingPlan {
  const m = design.columns;
  const xtx = crossProduct(design);
  let diagonalMean = 0;
  for (let i = 0; i < m; i++) diagonalMean += xtx[i * m + i]! / m;
  const ridge = 1e-9 * (diagonalMean || 1); // keeps the additive basis (collinear margins) solvable
  const sparse = sparseRows(xtx, m);
  const grid = lambdaGrid(xtx, design.penalty, m, m > 200 ? 9 : 25).map((lambda) => {
    const a = penalisedMatrix(xtx, design.penalty, lambda, ridge, m);
    return choleskyInPlace(a, m) ? { lambda, factor: a, edf: effectiveDegreesOfFreedom(a, sparse, m) } : { lambda, factor: null, edf: NaN };
  });
  return { design, xtx, ridge, grid };
}

/** X'X + lambda S + ridge I. */
function penalisedMatrix(xtx: Float64Array, penalty: Float64Array, lambda: number, ridge: number, m: number): Float64Array {
  const a = new Float64Array(m * m);
  for (let k = 0; k < m * m; k++) a[k] = xtx[k]! + lambda * penalty[k]!;
  for (let i = 0; i < m; i++) a[i * m + i]! += ridge;
  return a;
}

/** Rows per block of the GCV residual sums: 256 rows of 32 trials' fitted values are 64 kB. */
const RSS_ROWS_PER_BLOCK = 256;

/**
 * Fits each response by penalised least squares, choosing lambda by GCV for each. The fits of every grid point
 * and response share one pass over the design (fittedRowOfMany, or its WebAssembly SIMD twin), each with the
 * arithmetic of a fit on its own.
 */
export function fitPenalisedRegressions(design: SparseDesign, responses: readonly Float64Array[], plan: SmoothingPlan = planSmoothing(design)): PenalisedFit[] {
  const n = design.rows;
  const m = design.columns;
  const xty = responses.map((y) => crossProductWith(design, y));
  const trials: { at: number; r: number }[] = [];
  plan.grid.forEach(({ factor }, at) => {
    if (factor) responses.forEach((_, r) => trials.push({ at, r }));
  });
  const width = interleavedWidth(trials.length);
  const betas = new Float64Array(m * width);
  trials.forEach(({ at, r }, t) => {
    const beta = choleskySolve(plan.grid[at]!.factor!, m, Float64Array.from(xty[r]!));
    for (let k = 0; k < m; k++) betas[k * width + t] = beta[k]!;
  });
  const rss = new Float64Array(trials.length);
  const fittedRows = fittedRowsSimd(design, betas, width);
  if (fittedRows) {
    // Trial by trial over blocks of rows that stay in cache (each sum still runs over the rows in order).
    const ys = trials.map(({ r }) => responses[r]!);
    for (let first = 0; first < n; first += RSS_ROWS_PER_BLOCK) {
      const end = Math.min(n, first + RSS_ROWS_PER_BLOCK);
      ys.forEach((y, t) => {
        let sum = rss[t]!;
        for (let i = first; i < end; i++) sum += (y[i]! - fittedRows[i * width + t]!) ** 2;
        rss[t] = sum;
      });
    }
  } else {
    const fitted = new Float64Array(width);
    for (let i = 0; i < n; i++) {
      fittedRowOfMany(design, betas, width, i, fitted, 0);
      for (let t = 0; t < trials.length; t++) rss[t]! += (responses[trials[t]!.r]![i]! - fitted[t]!) ** 2;
    }
  }
  const best = responses.map(() => ({ gcv: Infinity, at: -1 }));
  trials.forEach(({ at, r }, t) => {
    const gcv = (n * rss[t]!) / Math.max(n - plan.grid[at]!.edf, 1) ** 2;
    if (gcv < best[r]!.gcv) best[r] = { gcv, at };
  });
  return responses.map((y, r) => fitAt(plan, xty[r]!, y, best[r]!.at));
}

function fitAt(plan: SmoothingPlan, xty: Float64Array, y: Float64Array, at: number): PenalisedFit {
  const { design } = plan;
  const m = design.columns;
  const n = design.rows;
  // No grid point positive definite (or GCV never finite): lambda 0, as the search left it.
  const point = at >= 0 ? plan.grid[at]! : { lambda: 0, factor: null, edf: 0 };
  const factor = point.factor ?? penalisedMatrix(plan.xtx, design.penalty, point.lambda, plan.ridge, m);
  if (!point.factor && !choleskyInPlace(factor, m)) throw new Error('Penalised regression matrix is not positive definite.');
  const beta = choleskySolve(factor, m, Float64Array.from(xty));
  const fitted = fittedValues(design, beta, new Float64Array(n));
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i]! - fitted[i]!) ** 2;
  return { lambda: point.lambda, beta, fitted, edf: point.edf, sigma2: rss / Math.max(n - point.edf, 1), factor };
}
