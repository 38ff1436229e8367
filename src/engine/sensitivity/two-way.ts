// Two-way sensitivity analysis: a grid over two parameters with the net monetary benefit of every strategy and the
// optimal strategy (highest NMB, first on ties) in each cell. A cell that cannot be evaluated carries its error.
import { DsaError, evaluateWith, variedParameter } from './dsa-setup';
import type { DsaSetup, VariedParameter } from './dsa-setup';
import { optimalIndex } from './one-way';
import type { DsaStepError } from './one-way';

export interface GridAxis {
  parameter: string;
  /** Explicit values; default: `steps` evenly spaced values from low to high. */
  values?: readonly number[];
  low?: number;
  high?: number;
  steps?: number;
}

export interface TwoWayOptions {
  wtp: number;
  x: GridAxis;
  y: GridAxis;
}

export interface TwoWayCell {
  x: number;
  y: number;
  /** null when the cell could not be evaluated. */
  optimal: string | null;
  nmb: Record<string, number> | null;
  error: DsaStepError | null;
}

export interface TwoWayResult {
  wtp: number;
  strategyIds: readonly string[];
  x: { parameter: string; values: number[] };
  y: { parameter: string; values: number[] };
  /** cells[i][j]: x.values[i], y.values[j]. */
  cells: TwoWayCell[][];
}

/** `steps` evenly spaced values from low to high, both included. */
export function evenlySpaced(low: number, high: number, steps: number): number[] {
  if (!Number.isInteger(steps) || steps < 2) throw new DsaError(`a grid needs at least 2 steps (got ${steps})`);
  return Array.from({ length: steps }, (_, i) => (i === steps - 1 ? high : low + ((high - low) * i) / (steps - 1)));
}

export function axisValues(v: VariedParameter, axis: GridAxis): number[] {
  if (axis.values) {
    if (axis.values.length === 0 || !axis.values.every(Number.isFinite)) throw new DsaError(`values of "${v.id}" must be finite numbers`);
    return [...axis.values];
  }
  const low = axis.low ?? v.low;
  const high = axis.high ?? v.high;
  if (!Number.isFinite(low) || !Number.isFinite(high)) throw new DsaError(`parameter "${v.id}" has no range: give low/high or a distribution`);
  return evenlySpaced(low, high, axis.steps ?? 11);
}

export function twoWay(setup: DsaSetup, options: TwoWayOptions): TwoWayResult {
  if (!(Number.isFinite(options.wtp) && options.wtp >= 0)) throw new DsaError(`willingness-to-pay must be a finite number >= 0 (got ${options.wtp})`);
  const vx = variedParameter(setup, options.x.parameter);
  const vy = variedParameter(setup, options.y.parameter);
  if (vx.id === vy.id) throw new DsaError(`two-way analysis needs two different parameters (got "${vx.id}" twice)`);
  const xs = axisValues(vx, options.x);
  const ys = axisValues(vy, options.y);
  const cells = xs.map((x) =>
    ys.map((y): TwoWayCell => {
      const r = evaluateWith(setup, [
        [vx, x],
        [vy, y],
      ]);
      if (!r.ok) {
        return { x, y, optimal: null, nmb: null, error: { parameter: `${vx.id}, ${vy.id}`, at: 'grid', value: x, message: `${vx.id} = ${x}, ${vy.id} = ${y}: ${r.message}`, details: r.details } };
      }
      return {
        x,
        y,
        optimal: r.strategies[optimalIndex(r.strategies, options.wtp)]!.id,
        nmb: Object.fromEntries(r.strategies.map((s) => [s.id, options.wtp * s.effect - s.cost])),
        error: null,
      };
    }),
  );
  return { wtp: options.wtp, strategyIds: setup.strategyIds, x: { parameter: vx.id, values: xs }, y: { parameter: vy.id, values: ys }, cells };
}
