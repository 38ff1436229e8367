// Gaussian copula for correlated parameters: the matrix is the correlation of the normal scores. Draws are
// z = L e (L the Cholesky factor, e independent standard normals), u = Phi(z), x = marginal quantile(u), so each
// parameter keeps its own distribution. The rank (Spearman) correlation this gives is (6 / pi) asin(rho / 2),
// within 0.02 of rho.

export interface CorrelationSpec {
  /** Name shown in errors, e.g. "utilities". */
  name?: string;
  parameters: string[];
  /** Symmetric correlation matrix, rows and columns in the order of `parameters`. */
  matrix: number[][];
}

export class CorrelationError extends Error {
  constructor(
    message: string,
    readonly matrixName: string,
    readonly parameters: readonly string[],
  ) {
    super(message);
    this.name = 'CorrelationError';
  }
}

const SYMMETRY_TOLERANCE = 1e-9;
const PIVOT_TOLERANCE = 1e-10;

function labelOf(spec: CorrelationSpec, index: number): string {
  return spec.name ?? `correlation matrix ${index + 1}`;
}

function assertWellFormed(spec: CorrelationSpec, label: string): void {
  const n = spec.parameters.length;
  const fail = (message: string): never => {
    throw new CorrelationError(`${label} (${spec.parameters.join(', ')}): ${message}`, label, spec.parameters);
  };
  if (n < 2) fail('needs at least two parameters.');
  if (new Set(spec.parameters).size !== n) fail('a parameter is listed twice.');
  if (spec.matrix.length !== n || spec.matrix.some((row) => row.length !== n)) fail(`must be a ${n} x ${n} matrix.`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const r = spec.matrix[i]![j]!;
      if (!Number.isFinite(r) || r < -1 || r > 1) fail(`entry [${i + 1}, ${j + 1}] = ${r} is not in [-1, 1].`);
      if (i === j && r !== 1) fail(`diagonal entry [${i + 1}, ${i + 1}] must be 1 (got ${r}).`);
      if (Math.abs(r - spec.matrix[j]![i]!) > SYMMETRY_TOLERANCE) {
        fail(`is not symmetric: [${i + 1}, ${j + 1}] = ${r} but [${j + 1}, ${i + 1}] = ${spec.matrix[j]![i]}.`);
      }
    }
  }
}

/** Lower-triangular Cholesky factor, row-major n x n; throws when the matrix is not positive definite. */
export function choleskyFactor(spec: CorrelationSpec, index = 0): Float64Array {
  const label = labelOf(spec, index);
  assertWellFormed(spec, label);
  const n = spec.parameters.length;
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let pivot = spec.matrix[j]![j]!;
    for (let k = 0; k < j; k++) pivot -= l[j * n + k]! ** 2;
    if (!(pivot > PIVOT_TOLERANCE)) {
      throw new CorrelationError(
        `${label} (${spec.parameters.join(', ')}) is not positive definite (it fails at "${spec.parameters[j]}"); ` +
          'correlations this strong cannot hold together.',
        label,
        spec.parameters,
      );
    }
    const d = Math.sqrt(pivot);
    l[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let s = spec.matrix[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / d;
    }
  }
  return l;
}
