// Lookup tables (e.g. mortality by age and sex) compiled to a dense grid, so a lookup allocates nothing.
import type { LookupTable } from '../model/schema';

export type KeyMatch = 'exact' | 'bins' | 'interpolate';

export interface CompiledTable {
  id: string;
  arity: number;
  keyNames: string[];
  /** Value at the keys held in `keys` (length = arity); NaN when a key is outside the table (bins/exact). */
  valueAt(keys: Float64Array): number;
}

/** Problems that make a table unusable: ragged rows, duplicate or missing key combinations. */
export function tableProblems(table: LookupTable): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const width = table.keys.length + 1;
  table.rows.forEach((row, i) => {
    if (row.length !== width) problems.push({ path: ['rows', i], message: `row has ${row.length} numbers; table ${table.id} needs ${width} (${table.keys.map((k) => k.name).join(', ')}, value)` });
  });
  if (problems.length > 0) return problems;
  const axes = table.keys.map((_, k) => uniqueSorted(table.rows.map((r) => r[k]!)));
  const expected = axes.reduce((n, a) => n * a.length, 1);
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    const key = row.slice(0, -1).join('|');
    if (seen.has(key)) problems.push({ path: ['rows', i], message: `duplicate key (${row.slice(0, -1).join(', ')}) in table ${table.id}` });
    seen.add(key);
  });
  if (problems.length === 0 && seen.size !== expected) {
    problems.push({ path: ['rows'], message: `table ${table.id} must list every combination of its keys (${expected} rows), it has ${seen.size}` });
  }
  return problems;
}

/** Index of the last element <= x in a sorted axis whose first element is <= x (binary search). */
function lastNotAbove(axis: Float64Array, x: number): number {
  let lo = 0;
  let hi = axis.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (axis[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the first element >= x in a sorted axis (axis.length when there is none). */
function firstNotBelow(axis: Float64Array, x: number): number {
  let lo = 0;
  let hi = axis.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (axis[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function uniqueSorted(values: number[]): Float64Array {
  return Float64Array.from([...new Set(values)].sort((a, b) => a - b));
}

/** Builds the grid; call tableProblems first (this assumes a complete, rectangular table). */
export function compileTable(table: LookupTable): CompiledTable {
  const d = table.keys.length;
  const axes = table.keys.map((_, k) => uniqueSorted(table.rows.map((r) => r[k]!)));
  const strides = new Int32Array(d);
  let size = 1;
  for (let k = d - 1; k >= 0; k--) {
    strides[k] = size;
    size *= axes[k]!.length;
  }
  const grid = new Float64Array(size);
  // Position of each key value on its axis by hash lookup: linear in the rows (indexOf made 150k rows quadratic).
  const positions = axes.map((axis) => new Map(Array.from(axis, (x, i) => [x, i])));
  for (const row of table.rows) {
    let offset = 0;
    for (let k = 0; k < d; k++) offset += positions[k]!.get(row[k]!)! * strides[k]!;
    grid[offset] = row[d]!;
  }
  const matches = table.keys.map((k) => k.match);
  const lo = new Int32Array(d);
  const weight = new Float64Array(d);

  function locate(k: number, x: number): boolean {
    const axis = axes[k]!;
    const n = axis.length;
    const match = matches[k]!;
    if (!(x === x)) return false;
    if (match === 'exact') {
      // The first axis value within the tolerance of x: binary search (a linear scan made big tables slow).
      const tol = 1e-9 * Math.max(1, Math.abs(x));
      const i = firstNotBelow(axis, x - tol);
      if (i === n || !(Math.abs(axis[i]! - x) <= tol)) return false;
      lo[k] = i;
      weight[k] = 0;
      return true;
    }
    if (match === 'bins') {
      if (x < axis[0]!) return false;
      lo[k] = lastNotAbove(axis, x);
      weight[k] = 0;
      return true;
    }
    if (n === 1 || x <= axis[0]!) {
      lo[k] = 0;
      weight[k] = 0;
      return true;
    }
    if (x >= axis[n - 1]!) {
      lo[k] = n - 1;
      weight[k] = 0;
      return true;
    }
    const i = lastNotAbove(axis, x);
    lo[k] = i;
    weight[k] = (x - axis[i]!) / (axis[i + 1]! - axis[i]!);
    return true;
  }

  // Consecutive lookups often repeat the same keys (e.g. age for every state in a cycle): remember the last one.
  const lastKeys = new Float64Array(d).fill(NaN);
  let lastValue = NaN;

  function valueAt(keys: Float64Array): number {
    let same = true;
    for (let k = 0; k < d; k++) {
      if (keys[k] !== lastKeys[k]) {
        same = false;
        break;
      }
    }
    if (same) return lastValue;
    lastValue = lookup(keys);
    lastKeys.set(keys);
    return lastValue;
  }

  function lookup(keys: Float64Array): number {
    for (let k = 0; k < d; k++) if (!locate(k, keys[k]!)) return NaN;
    // Multilinear interpolation over the 2^d corners; corners with zero weight are skipped.
    let total = 0;
    const corners = 1 << d;
    for (let mask = 0; mask < corners; mask++) {
      let w = 1;
      let offset = 0;
      for (let k = 0; k < d; k++) {
        const up = (mask >> k) & 1;
        const wk = up ? weight[k]! : 1 - weight[k]!;
        if (wk === 0) {
          w = 0;
          break;
        }
        w *= wk;
        offset += (lo[k]! + up) * strides[k]!;
      }
      if (w !== 0) total += w * grid[offset]!;
    }
    return total;
  }

  return { id: table.id, arity: d, keyNames: table.keys.map((k) => k.name), valueAt };
}
