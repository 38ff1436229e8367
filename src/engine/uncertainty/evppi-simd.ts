// The regression EVPPI's fitted-value loops in WebAssembly SIMD (evppi-simd.wat), ~5x the JavaScript loops on the
// standard error's 200 posterior draws. Hand-written because it is the product's own hot loop and no library
// computes sparse-design fitted values; WebAssembly because JavaScript has no SIMD. Every lane does the
// JavaScript loop's arithmetic in the same order without fused multiply-add, so the doubles are the same (tests
// compare the two bit for bit). Where WebAssembly SIMD is missing or not allowed (a Content-Security-Policy
// without 'wasm-unsafe-eval' refuses the compile, as in the app's pages) these functions return false and the
// caller runs its JavaScript loop: same results, slower.
import { evppiSimdWasm } from './evppi-simd-wasm';
import type { SparseDesign } from './penalised-spline';

interface SimdExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  fittedRows(rows: number, nnz: number, widthBytes: number, values: number, columns: number, betas: number, out: number): void;
  valuesOfInformationRows(
    rows: number,
    nnz: number,
    strategies: number,
    widthBytes: number,
    values: number,
    columns: number,
    betas: number,
    betaStride: number,
    sums: number,
    sumMax: number,
  ): void;
  effectiveDegreesOfFreedom(m: number, l: number, xtx: number, inv: number, s: number, b: number): number;
  solveUpperMany(m: number, l: number, x: number, widthBytes: number): void;
  crossProductUpper(rows: number, nnz: number, rowBytes: number, values: number, columns: number, xtx: number): void;
}

/** The part of the WebAssembly API used here (the engine's type library has no DOM or Node types). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

let kernels: SimdExports | null | undefined;
let forcedOff = false;

function simdKernels(): SimdExports | null {
  if (forcedOff) return null;
  if (kernels === undefined) {
    kernels = null;
    const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
    try {
      if (api && api.validate(evppiSimdWasm)) kernels = new api.Instance(new api.Module(evppiSimdWasm)).exports as SimdExports;
    } catch {
      kernels = null; // compile refused (Content-Security-Policy) or failed: the JavaScript loops run
    }
  }
  return kernels;
}

/** Whether the WebAssembly loops run here (false: the JavaScript loops do). */
export function evppiSimdAvailable(): boolean {
  return simdKernels() !== null;
}

/** Tests: run the JavaScript loops even where WebAssembly SIMD is available (false), or back to automatic (true). */
export function allowEvppiSimd(allowed: boolean): void {
  forcedOff = !allowed;
}

const PAGE = 65536;
/** Vectors per step of the WebAssembly loop: interleaved widths must be multiples of it. */
const STEP = 8;

/** Which design memory holds, so the passes of one group (fits and standard error at every threshold) copy it once. */
let staged: { design: SparseDesign; values: number; columns: number; end: number } | null = null;

/** Memory laid out as [design values | design columns | scratch of scratchBytes]; the scratch's address. */
function stage(k: SimdExports, design: SparseDesign, scratchBytes: number): number {
  const entries = design.rows * design.nnz;
  const values = 0;
  const columns = values + entries * 8;
  const scratch = columns + entries * 4;
  const need = Math.ceil((scratch + scratchBytes) / PAGE) - k.memory.buffer.byteLength / PAGE;
  if (need > 0) k.memory.grow(need);
  if (staged?.design !== design) {
    new Float64Array(k.memory.buffer, values, entries).set(design.values);
    new Int32Array(k.memory.buffer, columns, entries).set(design.indices);
    staged = { design, values, columns, end: scratch };
  }
  return scratch;
}

/** Whether memory can hold the design and scratch (wasm32 addresses; byte offsets must fit an i32). */
function fits(design: SparseDesign, width: number, scratchBytes: number): boolean {
  const bytes = design.rows * design.nnz * 12 + scratchBytes;
  return width % STEP === 0 && width > 0 && design.rows > 0 && design.nnz > 0 && bytes < 2 ** 31 && design.columns * width * 8 < 2 ** 31;
}

/**
 * Fitted values of every design row for `width` interleaved coefficient vectors (betas[k * width + b]) at
 * [i * width + b], as fittedRowOfMany row by row: a view of WebAssembly memory, valid until the next call here.
 * Null where the WebAssembly loops cannot run.
 */
export function fittedRowsSimd(design: SparseDesign, betas: Float64Array, width: number): Float64Array | null {
  const k = simdKernels();
  const outBytes = design.rows * width * 8;
  if (!k || !fits(design, width, betas.length * 8 + outBytes)) return null;
  try {
    const scratch = stage(k, design, betas.length * 8 + outBytes);
    new Float64Array(k.memory.buffer, scratch, betas.length).set(betas);
    const at = scratch + betas.length * 8;
    k.fittedRows(design.rows, design.nnz, width * 8, staged!.values, staged!.columns, scratch, at);
    return new Float64Array(k.memory.buffer, at, design.rows * width);
  } catch {
    staged = null;
    return null; // memory could not grow: the JavaScript loop runs
  }
}

/**
 * For each design row, the fitted values f of every strategy's interleaved block (betas[d][k * width + b]), then
 * sums[d * width + b] += f and sumMax[b] += max(0, f over strategies), as evppi.ts's JavaScript loop does.
 * sums and sumMax are read and written. False (nothing changed) where the WebAssembly loops cannot run.
 */
export function valuesOfInformationRowsSimd(
  design: SparseDesign,
  betas: readonly Float64Array[],
  width: number,
  sums: Float64Array,
  sumMax: Float64Array,
): boolean {
  const k = simdKernels();
  const strategies = betas.length;
  const blockBytes = design.columns * width * 8;
  const scratchBytes = strategies * blockBytes + (strategies + 1) * width * 8;
  if (!k || strategies === 0 || !fits(design, width, scratchBytes)) return false;
  try {
    const scratch = stage(k, design, scratchBytes);
    const buffer = k.memory.buffer;
    betas.forEach((beta, d) => new Float64Array(buffer, scratch + d * blockBytes, design.columns * width).set(beta));
    const sumsAt = scratch + strategies * blockBytes;
    const sumMaxAt = sumsAt + strategies * width * 8;
    new Float64Array(buffer, sumsAt, strategies * width).set(sums);
    new Float64Array(buffer, sumMaxAt, width).set(sumMax);
    k.valuesOfInformationRows(design.rows, design.nnz, strategies, width * 8, staged!.values, staged!.columns, scratch, blockBytes, sumsAt, sumMaxAt);
    sums.set(new Float64Array(buffer, sumsAt, strategies * width));
    sumMax.set(new Float64Array(buffer, sumMaxAt, width));
    return true;
  } catch {
    staged = null;
    return false;
  }
}

/** Room for `bytes` after the staged design (which the group's next fits and standard errors use); its address. */
function scratchAfterDesign(k: SimdExports, bytes: number): number {
  const at = staged?.end ?? 0;
  const need = Math.ceil((at + bytes) / PAGE) - k.memory.buffer.byteLength / PAGE;
  if (need > 0) k.memory.grow(need);
  return at;
}

/**
 * penalised-spline.ts solveUpperMany in place (the same doubles): L' x_b = z_b for `width` interleaved right-hand
 * sides (x[k * width + b]); false (x untouched) where the WebAssembly loops cannot run.
 */
export function solveUpperManySimd(l: Float64Array, m: number, x: Float64Array, width: number): boolean {
  const k = simdKernels();
  const bytes = (m * m + m * width) * 8;
  if (!k || m === 0 || width % 2 !== 0 || width === 0 || bytes >= 2 ** 30) return false;
  try {
    const at = scratchAfterDesign(k, bytes);
    const xAt = at + m * m * 8;
    new Float64Array(k.memory.buffer, at, m * m).set(l);
    new Float64Array(k.memory.buffer, xAt, m * width).set(x);
    k.solveUpperMany(m, at, xAt, width * 8);
    x.set(new Float64Array(k.memory.buffer, xAt, m * width));
    return true;
  } catch {
    return false;
  }
}

/**
 * penalised-spline.ts effectiveDegreesOfFreedom (the same doubles) for the Cholesky factor l and X'X (m x m each);
 * null where the WebAssembly loops cannot run.
 */
export function effectiveDegreesOfFreedomSimd(l: Float64Array, xtx: Float64Array, m: number): number | null {
  const k = simdKernels();
  const matrixBytes = m * m * 8;
  if (!k || m === 0 || 3 * matrixBytes + 2 * m * 8 >= 2 ** 30) return null;
  try {
    const at = scratchAfterDesign(k, 3 * matrixBytes + 2 * m * 8);
    new Float64Array(k.memory.buffer, at, m * m).set(l);
    new Float64Array(k.memory.buffer, at + matrixBytes, m * m).set(xtx);
    return k.effectiveDegreesOfFreedom(m, at, at + matrixBytes, at + 2 * matrixBytes, at + 3 * matrixBytes, at + 3 * matrixBytes + m * 8);
  } catch {
    return null;
  }
}

/**
 * The upper triangle (and diagonal) of X'X summed as penalised-spline.ts crossProduct sums it, the lower triangle
 * zero; null where the WebAssembly loops cannot run.
 */
export function crossProductUpperSimd(design: SparseDesign): Float64Array | null {
  const k = simdKernels();
  const m = design.columns;
  const bytes = m * m * 8;
  if (!k || m === 0 || !fits(design, 8, bytes)) return null;
  try {
    const at = stage(k, design, bytes);
    const xtx = new Float64Array(k.memory.buffer, at, m * m);
    xtx.fill(0);
    k.crossProductUpper(design.rows, design.nnz, m * 8, staged!.values, staged!.columns, at);
    return xtx.slice();
  } catch {
    staged = null;
    return null;
  }
}
