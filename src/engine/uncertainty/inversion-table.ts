// Fast sampling by numerical inversion in normal scores: a parameter X with quantile function Q is drawn as
// X = h(Z), h(z) = Q(Phi(z)), Z ~ N(0, 1) (stdlib's improved ziggurat). h is tabulated once from stdlib's exact
// quantile at KNOTS equally spaced points on [-Z_MAX, Z_MAX] and read back by 4-point (cubic) Lagrange
// interpolation, about 10 ns instead of 100-200 ns for stdlib's gamma/beta samplers. The table is accepted only
// if, at checked midpoints, interpolation differs from the exact quantile by less than TOLERANCE x the
// distribution's 95 % range (typical errors are 1e-12); otherwise the caller uses the exact sampler. Outside +-Z_MAX (probability ~1e-15)
// the exact quantile is used. Z_MAX = 5.5 (probability 4e-8 outside) because beyond it 1 - Phi(-z) can no
// longer carry the upper-tail probability to better than 1e-8 relative, so even the "exact" values jitter.
// The same h serves the Gaussian copula directly (correlated normal scores).
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { distributionQuantile } from './distributions';
import type { ResolvedDistribution } from './distributions';

export const Z_MAX = 5.5;
export const KNOTS = 257;
const STEP = (2 * Z_MAX) / (KNOTS - 1);
const INV_STEP = 1 / STEP;
const TOLERANCE = 1e-8;
const CHECK_EVERY = 4;
const U_MIN = 2 ** -53;
const U_MAX = 1 - 2 ** -53;

export interface InversionTable {
  dist: ResolvedDistribution;
  values: Float64Array;
}

/** Exact h(z) = Q(Phi(z)), computing the tail probability on the short side for precision. */
export function exactTransform(dist: ResolvedDistribution, z: number): number {
  const u = z > 0 ? 1 - normalCdf(-z, 0, 1) : normalCdf(z, 0, 1);
  return distributionQuantile(dist, u < U_MIN ? U_MIN : u > U_MAX ? U_MAX : u);
}

// Tables cost 3-20 ms each (stdlib's quantiles are slow in the tails), so they are kept per distribution for
// the life of the worker; the cache is bounded and holds only deterministic values (refusals included).
const cache = new Map<string, InversionTableEntry>();
const CACHE_LIMIT = 512;

const keyOf = (dist: ResolvedDistribution): string => Object.entries(dist).map(([k, v]) => `${k}=${String(v)}`).join(';'); // keeps +-Infinity distinct
/** Tables built (not adopted) by this thread, so tests can check that an adopted table or refusal is not rebuilt. */
let built = 0;

export function inversionTablesBuilt(): number {
  return built;
}

/** A table as built for a distribution, to hand to another worker; values null: interpolation was refused. */
export interface InversionTableEntry {
  dist: ResolvedDistribution;
  values: Float64Array | null;
}

const asTable = (entry: InversionTableEntry): InversionTable | null => (entry.values ? { dist: entry.dist, values: entry.values } : null);

function remember(entry: InversionTableEntry): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(keyOf(entry.dist), entry);
}

/** Tabulated h, or null when cubic interpolation cannot reach the tolerance for this distribution (cached). */
export function inversionTableFor(dist: ResolvedDistribution): InversionTable | null {
  const entry = cache.get(keyOf(dist));
  if (entry !== undefined) return asTable(entry);
  const table = buildInversionTable(dist);
  built++;
  remember({ dist, values: table ? table.values : null });
  return table;
}

/** Distinct distributions of `dists` (one table each), in their first order. */
export function distinctForTables(dists: readonly ResolvedDistribution[]): ResolvedDistribution[] {
  const keys = dists.map(keyOf);
  return dists.filter((_, i) => keys.indexOf(keys[i]!) === i);
}

/** The tables this thread has built (or adopted), refused ones included, for a worker's init message. */
export function cachedInversionTables(): InversionTableEntry[] {
  return [...cache.values()];
}

/**
 * Adopts tables another thread built (the same deterministic values, so the same draws), sparing a new worker
 * their 3-20 ms each.
 */
export function adoptInversionTables(entries: readonly InversionTableEntry[]): void {
  for (const entry of entries) if (entry.values === null || entry.values.length === KNOTS) remember(entry);
}

/**
 * How workers split the building of a run's tables (the same values whoever builds them, so the same draws): each
 * takes every `of`-th table from `index`.
 */
export interface TableShare {
  index: number;
  of: number;
}

/**
 * Builds this worker's share of the tables of `dists` (distinctForTables, the same list in every worker) and
 * returns it, to hand to the other workers.
 */
export function buildTableShare(dists: readonly ResolvedDistribution[], share: TableShare): InversionTableEntry[] {
  return dists.flatMap((dist, i) => {
    if (i % share.of !== share.index) return [];
    const table = inversionTableFor(dist);
    return [{ dist, values: table ? table.values : null }];
  });
}

/**
 * stdlib's gamma quantile is (1 / rate) * gammaincinv(p, shape): gammas of one shape (the HIV example's six costs
 * with se = mean all have shape 1) share gammaincinv at the table's points, computed once per shape. Point i is
 * knot i, or the midpoint checked after knot i - KNOTS; known[i] is 1 once it is computed.
 */
interface ShapePoints {
  values: Float64Array;
  known: Uint8Array;
}
const shapePoints = new Map<number, ShapePoints>();
let shapePointsComputed = 0;

/** gammaincinv values computed for tables (not taken from another table of the same shape), for tests. */
export function gammaTablePointsComputed(): number {
  return shapePointsComputed;
}

/** h at table point i (z), as exactTransform(dist, z) computes it. */
function pointTransform(dist: ResolvedDistribution): (i: number, z: number) => number {
  if (dist.type !== 'gamma' || !(dist.rate > 0)) return (_, z) => exactTransform(dist, z);
  let points = shapePoints.get(dist.shape);
  if (points === undefined) {
    if (shapePoints.size >= CACHE_LIMIT) shapePoints.clear();
    points = { values: new Float64Array(2 * KNOTS), known: new Uint8Array(2 * KNOTS) };
    shapePoints.set(dist.shape, points);
  }
  const { values, known } = points;
  // Rate 1: stdlib's (1.0 / 1) * gammaincinv(p, shape) is gammaincinv itself; scaled below as stdlib scales it.
  const unit: ResolvedDistribution = { type: 'gamma', shape: dist.shape, rate: 1 };
  const scale = 1.0 / dist.rate;
  return (i, z) => {
    if (known[i] === 0) {
      values[i] = exactTransform(unit, z);
      known[i] = 1;
      shapePointsComputed++;
    }
    return scale * values[i]!;
  };
}

/** Tabulated h, or null when cubic interpolation cannot reach the tolerance for this distribution. */
export function buildInversionTable(dist: ResolvedDistribution): InversionTable | null {
  const transform = pointTransform(dist);
  const values = new Float64Array(KNOTS);
  for (let k = 0; k < KNOTS; k++) values[k] = transform(k, -Z_MAX + k * STEP);
  if (!values.every(Number.isFinite)) return null;
  const table = { dist, values };
  const range = distributionQuantile(dist, 0.975) - distributionQuantile(dist, 0.025);
  const limit = TOLERANCE * (range > 0 ? range : 1);
  for (let k = 1; k < KNOTS - 2; k += CHECK_EVERY) {
    const z = -Z_MAX + (k + 0.5) * STEP;
    if (!(Math.abs(interpolate(table, z) - transform(KNOTS + k, z)) <= limit)) return null;
  }
  return table;
}

/** h(z) by interpolation (exact outside the table's interior). */
export function interpolate(table: InversionTable, z: number): number {
  const t = (z + Z_MAX) * INV_STEP;
  const j = Math.floor(t);
  if (j < 1 || j > KNOTS - 3) return exactTransform(table.dist, z);
  const f = t - j;
  const v = table.values;
  const fm1 = f - 1;
  const fm2 = f - 2;
  const fp1 = f + 1;
  return (
    (-f * fm1 * fm2 * v[j - 1]!) / 6 +
    (fp1 * fm1 * fm2 * v[j]!) / 2 -
    (fp1 * f * fm2 * v[j + 1]!) / 2 +
    (fp1 * f * fm1 * v[j + 2]!) / 6
  );
}
