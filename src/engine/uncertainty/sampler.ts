// Parameter sampler for probabilistic analysis: fills a draws x parameters block (row-major Float64Array) for any
// range of draw indices [start, end). Draw i always comes from stream floor(i / DRAWS_PER_STREAM) of the seed, at
// the same position in it, so a run split into chunks across any number of workers gives identical draws.
// How each type is drawn (all from the stream's uniforms, through stdlib):
//  - normal and log-normal: mu + sigma Z and exp(mu + sigma Z), Z from stdlib's improved ziggurat;
//  - beta, gamma, truncated normal: numerical inversion in normal scores, X = Q(Phi(Z)) read from a table built
//    from stdlib's exact quantiles (see inversion-table.ts, checked to 1e-8 of the 95 % range); if the table
//    cannot reach that accuracy, stdlib's exact samplers (beta, gamma) or the exact inverse CDF are used;
//  - uniform: min + (max - min) U; triangular: stdlib's sampler; Dirichlet: normalised Gamma(alpha_i, 1) draws
//    (stdlib's gamma sampler, the same draws with fewer logarithms);
//  (stream-samplers.ts: stdlib's normal and gamma samplers as methods of one class, the same draws to the bit.)
//  - Gaussian copula: correlated normal scores z = L e, then each marginal's h(z) (the same tables);
//  - joint multivariate normal on a scale per parameter (joint-distribution.ts): z = mean + L e, then identity, exp or
//    expit; drawn after the copulas in each row.
// stdlib's ziggurat keeps an internal MT19937 seeded from the first uniform it sees, so samplers are re-created
// at the start of every stream in a fixed order (about 0.05 ms per stream of DRAWS_PER_STREAM draws).
import { choleskyFactor, CorrelationError } from './copula';
import { StreamSamplers } from './stream-samplers';
import type { SamplerKind } from './stream-samplers';
import type { CorrelationSpec } from './copula';
import { distributionQuantile, resolveParameters } from './distributions';
import { distinctForTables, exactTransform, interpolate, inversionTableFor } from './inversion-table';
import { fromJointScale, JointDistributionError, prepareJoint } from './joint-distribution';
import type { JointDistributionSpec, PreparedJoint } from './joint-distribution';
import type { InversionTable } from './inversion-table';
import type { ParameterDistribution, ResolvedDistribution } from './distributions';
import { assertValidSeed, DRAWS_PER_STREAM, StreamSequence } from './rng';

export interface ParameterSampler {
  readonly names: readonly string[];
  readonly parameterCount: number;
  readonly seed: number;
  readonly drawsPerStream: number;
  /** Column of a parameter in each drawn row. */
  columnOf(name: string): number;
  /** Writes draw i's value of parameter j at out[(i - start) * parameterCount + j]; allocates `out` if absent. */
  fill(start: number, end: number, out?: Float64Array): Float64Array;
  /** Builds the inversion tables now (the first fill does otherwise), e.g. to hand them to worker threads. */
  prepare(): void;
  /**
   * The distinct distributions whose inversion tables prepare() uses, in an order fixed by the model, so threads
   * can split their building by index (buildTableShare).
   */
  tableDistributions(): ResolvedDistribution[];
}

const enum Kind {
  Fixed,
  Beta,
  Gamma,
  Lognormal,
  Normal,
  TruncatedNormal,
  Uniform,
  Triangular,
  Table,
}

interface CopulaGroup {
  columns: Int32Array;
  dists: ResolvedDistribution[];
  /** Filled at the first draw (createRowDrawer). */
  tables: (InversionTable | null)[];
  lower: Float64Array;
  normals: Float64Array;
}

interface DirichletGroup {
  columns: Int32Array;
  alphas: Float64Array;
  /** Some alpha is below 1: draw in log space (Gamma(alpha < 1) draws underflow to 0, and 0 / 0 is NaN). */
  logSpace: boolean;
  logs: Float64Array;
}

interface JointGroup {
  columns: Int32Array;
  joint: PreparedJoint;
  normals: Float64Array;
}

const U_MIN = 2 ** -53;
/** Rows each of two throwaway sampler sets draws when a sampler is created (see createParameterSampler). */
const WARM_UP_ROWS = 8;

function kindOf(dist: ResolvedDistribution): Kind {
  switch (dist.type) {
    case 'beta':
      return Kind.Beta;
    case 'gamma':
      return Kind.Gamma;
    case 'lognormal':
      return Kind.Lognormal;
    case 'normal':
      return Number.isFinite(dist.lower) || Number.isFinite(dist.upper) ? Kind.TruncatedNormal : Kind.Normal;
    case 'uniform':
      return Kind.Uniform;
    case 'triangular':
      return Kind.Triangular;
    case 'fixed':
      return Kind.Fixed;
    case 'dirichlet':
      throw new Error('Dirichlet parameters are drawn by group');
  }
}

/** Native parameters packed for the hot loop (a, b, c per column). */
function packedParameters(dist: ResolvedDistribution): [number, number, number] {
  switch (dist.type) {
    case 'beta':
      return [dist.alpha, dist.beta, 0];
    case 'gamma':
      return [dist.shape, dist.rate, 0];
    case 'lognormal':
      return [dist.meanlog, dist.sdlog, 0];
    case 'normal':
      return [dist.mean, dist.sd, 0];
    case 'uniform':
      return [dist.min, dist.max - dist.min, 0];
    case 'triangular':
      return [dist.min, dist.max, dist.mode];
    case 'fixed':
      return [dist.value, 0, 0];
    case 'dirichlet':
      return [dist.alpha, 0, 0];
  }
}

function copulaGroups(
  correlations: readonly CorrelationSpec[],
  columns: ReadonlyMap<string, number>,
  dists: readonly ResolvedDistribution[],
): CopulaGroup[] {
  const claimed = new Map<string, string>();
  return correlations.map((spec, index) => {
    const label = spec.name ?? `correlation matrix ${index + 1}`;
    const lower = choleskyFactor(spec, index);
    const cols = spec.parameters.map((name) => {
      const column = columns.get(name);
      const fail = (message: string): never => {
        throw new CorrelationError(`${label}: ${message}`, label, spec.parameters);
      };
      if (column === undefined) return fail(`parameter "${name}" has no distribution.`);
      if (dists[column]!.type === 'dirichlet') return fail(`Dirichlet parameter "${name}" cannot be correlated.`);
      const other = claimed.get(name);
      if (other !== undefined) return fail(`parameter "${name}" is already correlated in ${other}.`);
      claimed.set(name, label);
      return column;
    });
    return {
      columns: Int32Array.from(cols),
      dists: cols.map((c) => dists[c]!),
      tables: [],
      lower,
      normals: new Float64Array(cols.length),
    };
  });
}

function dirichletGroups(dists: readonly ResolvedDistribution[]): DirichletGroup[] {
  const byGroup = new Map<string, number[]>();
  dists.forEach((dist, column) => {
    if (dist.type !== 'dirichlet') return;
    byGroup.set(dist.group, [...(byGroup.get(dist.group) ?? []), column]);
  });
  return [...byGroup.values()].map((cols) => {
    const alphas = Float64Array.from(cols.map((c) => (dists[c] as { alpha: number }).alpha));
    return { columns: Int32Array.from(cols), alphas, logSpace: alphas.some((a) => a < 1), logs: new Float64Array(cols.length) };
  });
}

function openUniform(s: StreamSamplers): number {
  const u = s.uniform();
  return u < U_MIN ? U_MIN : u;
}

/** Joint groups take the columns after the single-parameter ones; a parameter belongs to one distribution only. */
function jointGroups(joints: readonly JointDistributionSpec[], names: string[], columns: Map<string, number>): JointGroup[] {
  return joints.map((spec, index) => {
    const joint = prepareJoint(spec, index);
    const cols = spec.parameters.map((name, k) => {
      if (columns.has(name)) {
        throw new JointDistributionError(`${joint.label}: parameter "${name}" already has a distribution of its own or in another joint distribution.`, joint.label, ['parameters', k]);
      }
      columns.set(name, names.length);
      names.push(name);
      return names.length - 1;
    });
    return { columns: Int32Array.from(cols), joint, normals: new Float64Array(cols.length) };
  });
}

export function createParameterSampler(
  params: readonly ParameterDistribution[],
  correlations: readonly CorrelationSpec[] = [],
  seed = 1,
  joints: readonly JointDistributionSpec[] = [],
): ParameterSampler {
  assertValidSeed(seed);
  const resolved = resolveParameters(params);
  const names = resolved.map((p) => p.name);
  const dists = resolved.map((p) => p.dist);
  const columns = new Map(names.map((name, i) => [name, i]));
  const copulas = copulaGroups(correlations, columns, dists);
  const dirichlets = dirichletGroups(dists);
  const jointDraws = jointGroups(joints, names, columns);
  const parameterCount = names.length;
  const streams = new StreamSequence(seed);
  // Everything above can refuse the distributions (validation calls this to check them); the inversion tables
  // (about 5 ms each, 220 ms for the liquid-biopsy example) are built at the first draw, which checking never makes.
  let drawRow: RowDrawer | null = null;
  /** Where the last fill stopped: a worker's next chunk of the same stream continues its samplers. */
  let cursor: { stream: number; next: number; samplers: StreamSamplers } | null = null;
  const prepare = (): RowDrawer => (drawRow ??= createRowDrawer(dists, copulas, dirichlets, jointDraws, streams, parameterCount));

  function fill(start: number, end: number, out?: Float64Array): Float64Array {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      throw new RangeError(`Draw range must be integers with 0 <= start <= end (got [${start}, ${end})).`);
    }
    const size = (end - start) * parameterCount;
    const target = out ?? new Float64Array(size);
    if (target.length < size) {
      throw new RangeError(`Output block holds ${target.length} values; draws [${start}, ${end}) need ${size}.`);
    }
    if (end === start) return target;
    const { draw, needs, scratch } = prepare();
    const firstStream = Math.floor(start / DRAWS_PER_STREAM);
    const lastStream = Math.floor((end - 1) / DRAWS_PER_STREAM);
    const resume = cursor;
    cursor = null; // a draw that throws leaves the samplers mid-row
    for (let stream = firstStream; stream <= lastStream; stream++) {
      const streamStart = stream * DRAWS_PER_STREAM;
      const streamEnd = Math.min(streamStart + DRAWS_PER_STREAM, end);
      // Draws before `start` in this stream are generated and discarded so later draws keep their position;
      // after an earlier fill of this stream up to `start` or before, its samplers go on from where they stopped.
      const goOn = resume !== null && resume.stream === stream && resume.next <= start;
      const samplers = goOn ? resume.samplers : new StreamSamplers(streams.generatorAt(stream), needs);
      for (let d = goOn ? resume.next : streamStart; d < start; d++) draw(samplers, scratch, 0);
      for (let d = Math.max(streamStart, start); d < streamEnd; d++) {
        draw(samplers, target, (d - start) * parameterCount);
      }
      if (stream === lastStream) cursor = { stream, next: streamEnd, samplers };
    }
    return target;
  }

  return {
    names,
    parameterCount,
    seed,
    drawsPerStream: DRAWS_PER_STREAM,
    columnOf(name: string): number {
      const column = columns.get(name);
      if (column === undefined) throw new RangeError(`Parameter "${name}" is not sampled.`);
      return column;
    },
    fill,
    prepare() {
      prepare();
    },
    tableDistributions() {
      const independent = independentColumns(dists, [...copulas, ...dirichlets, ...jointDraws]).map((c) => dists[c]!);
      return distinctForTables([...copulas.flatMap((g) => g.dists), ...independent].filter(isTabulated));
    },
  };
}

/** Columns drawn on their own (in no copula, Dirichlet or joint group). */
function independentColumns(dists: readonly ResolvedDistribution[], groups: readonly { columns: Int32Array }[]): number[] {
  const grouped = new Set<number>(groups.flatMap((g) => [...g.columns]));
  return dists.map((_, c) => c).filter((c) => !grouped.has(c));
}

/** How one row is drawn, fixed at the first draw: the samplers a stream needs and the row's code. */
interface RowDrawer {
  needs: Set<SamplerKind>;
  draw: (s: StreamSamplers, out: Float64Array, offset: number) => void;
  /** Row for discarded draws. */
  scratch: Float64Array;
}

function createRowDrawer(
  dists: readonly ResolvedDistribution[],
  copulas: readonly CopulaGroup[],
  dirichlets: readonly DirichletGroup[],
  jointDraws: readonly JointGroup[],
  streams: StreamSequence,
  parameterCount: number,
): RowDrawer {
  for (const group of copulas) group.tables = group.dists.map(tableFor);
  const independent = independentColumns(dists, [...copulas, ...dirichlets, ...jointDraws]);
  const indColumns = Int32Array.from(independent);
  const tables = independent.map((c) => tableFor(dists[c]!));
  const indKinds = Uint8Array.from(independent.map((c, k) => (tables[k] ? Kind.Table : kindOf(dists[c]!))));
  const pa = new Float64Array(independent.length);
  const pb = new Float64Array(independent.length);
  const pc = new Float64Array(independent.length);
  independent.forEach((c, k) => {
    [pa[k], pb[k], pc[k]] = packedParameters(dists[c]!);
  });
  const truncated = independent.map((c) => dists[c]!);

  const needs = new Set<SamplerKind>();
  for (const kind of indKinds) {
    if (kind === Kind.Beta) needs.add('beta');
    if (kind === Kind.Gamma) needs.add('gamma');
    if (kind === Kind.Lognormal || kind === Kind.Normal || kind === Kind.Table) needs.add('normal');
    if (kind === Kind.Triangular) needs.add('triangular');
  }
  if (dirichlets.length > 0) needs.add('gamma');
  if (copulas.length > 0 || jointDraws.length > 0) needs.add('normal');

  const scratch = new Float64Array(parameterCount);

  function drawRow(s: StreamSamplers, out: Float64Array, offset: number): void {
    for (let k = 0; k < indColumns.length; k++) {
      const a = pa[k]!;
      const b = pb[k]!;
      let x: number;
      switch (indKinds[k]) {
        case Kind.Beta:
          x = s.beta(a, b);
          break;
        case Kind.Gamma:
          x = s.gamma(a, b);
          break;
        case Kind.Lognormal:
          x = Math.exp(a + b * s.normal(0, 1));
          break;
        case Kind.Table:
          x = interpolate(tables[k]!, s.normal(0, 1));
          break;
        case Kind.Normal:
          x = s.normal(a, b);
          break;
        case Kind.TruncatedNormal:
          x = distributionQuantile(truncated[k]!, openUniform(s));
          break;
        case Kind.Uniform:
          x = a + b * s.uniform();
          break;
        case Kind.Triangular:
          x = s.triangular(a, b, pc[k]!);
          break;
        default:
          x = a;
      }
      out[offset + indColumns[k]!] = x;
    }
    for (const group of dirichlets) drawDirichlet(s, group, out, offset);
    for (const group of copulas) drawCopula(s, group, out, offset);
    for (const group of jointDraws) drawJoint(s, group, out, offset);
  }

  // Each stream brings new stdlib sampler closures. Code optimised while only the first stream's closures had been
  // seen is thrown away at the second stream ("wrong call target") and that stream ran nearly as slowly as the
  // cold first (HIV: 40 ms against 3 ms for later streams). A few rows from two throwaway sampler sets (into
  // scratch; generators are fresh copies, so no draw changes) let every call site see two closures first.
  // A draw that throws does so again in the run, which reports it: preparing the draws stays as it was.
  try {
    for (let set = 0; set < 2 && parameterCount > 0; set++) {
      const samplers = new StreamSamplers(streams.generatorAt(0), needs);
      for (let row = 0; row < WARM_UP_ROWS; row++) drawRow(samplers, scratch, 0);
    }
  } catch {
    // nothing to warm up
  }
  return { needs, draw: drawRow, scratch };
}

function drawDirichlet(s: StreamSamplers, group: DirichletGroup, out: Float64Array, offset: number): void {
  if (group.logSpace) {
    drawDirichletLogSpace(s, group, out, offset);
    return;
  }
  let total = 0;
  for (let i = 0; i < group.columns.length; i++) {
    const g = s.gamma(group.alphas[i]!, 1);
    out[offset + group.columns[i]!] = g;
    total += g;
  }
  for (let i = 0; i < group.columns.length; i++) out[offset + group.columns[i]!]! /= total;
}

/**
 * Dirichlet with some alpha < 1, stable for alpha as small as 1e-3: log Gamma(a) = log Gamma(a + 1) + log(U) / a
 * (Marsaglia & Tsang 2000, section 6), so no draw underflows; shares = exp(log g_i - max) / sum, which sums to 1.
 */
function drawDirichletLogSpace(s: StreamSamplers, group: DirichletGroup, out: Float64Array, offset: number): void {
  const { alphas, logs, columns } = group;
  let max = -Infinity;
  for (let i = 0; i < columns.length; i++) {
    const a = alphas[i]!;
    const logG = a < 1 ? Math.log(s.gamma(a + 1, 1)) + Math.log(openUniform(s)) / a : Math.log(s.gamma(a, 1));
    logs[i] = logG;
    if (logG > max) max = logG;
  }
  let total = 0;
  for (let i = 0; i < columns.length; i++) {
    logs[i] = Math.exp(logs[i]! - max);
    total += logs[i]!;
  }
  for (let i = 0; i < columns.length; i++) out[offset + columns[i]!] = logs[i]! / total;
}

function drawCopula(s: StreamSamplers, group: CopulaGroup, out: Float64Array, offset: number): void {
  const n = group.columns.length;
  const e = group.normals;
  for (let i = 0; i < n; i++) e[i] = s.normal(0, 1);
  // z_i = sum_k L[i,k] e_k, computed from the last row up so e can be overwritten in place.
  for (let i = n - 1; i >= 0; i--) {
    let z = 0;
    for (let k = 0; k <= i; k++) z += group.lower[i * n + k]! * e[k]!;
    e[i] = z;
  }
  for (let i = 0; i < n; i++) out[offset + group.columns[i]!] = transformNormalScore(group.dists[i]!, group.tables[i]!, e[i]!);
}

function drawJoint(s: StreamSamplers, group: JointGroup, out: Float64Array, offset: number): void {
  const { mean, lower, scales } = group.joint;
  const n = group.columns.length;
  const e = group.normals;
  for (let i = 0; i < n; i++) e[i] = s.normal(0, 1);
  for (let i = n - 1; i >= 0; i--) {
    let z = mean[i]!;
    for (let k = 0; k <= i; k++) z += lower[i * n + k]! * e[k]!;
    e[i] = z;
  }
  for (let i = 0; i < n; i++) out[offset + group.columns[i]!] = fromJointScale(scales[i]!, e[i]!);
}

/** X = Q(Phi(z)) for a normal score z: closed forms for (log-)normal, else the table or the exact quantile. */
function transformNormalScore(dist: ResolvedDistribution, table: InversionTable | null, z: number): number {
  if (table !== null) return interpolate(table, z);
  if (dist.type === 'normal' && dist.lower === -Infinity && dist.upper === Infinity) return dist.mean + dist.sd * z;
  if (dist.type === 'lognormal') return Math.exp(dist.meanlog + dist.sdlog * z);
  return exactTransform(dist, z);
}

/** The types whose stdlib samplers are slow (beta, gamma, truncated normal) are drawn from inversion tables. */
function isTabulated(dist: ResolvedDistribution): boolean {
  return dist.type === 'beta' || dist.type === 'gamma' || (dist.type === 'normal' && (dist.lower > -Infinity || dist.upper < Infinity));
}

function tableFor(dist: ResolvedDistribution): InversionTable | null {
  return isTabulated(dist) ? inversionTableFor(dist) : null;
}
