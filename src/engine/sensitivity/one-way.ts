// One-way sensitivity analysis and tornado data. The outcome is the incremental net monetary benefit of a
// strategy over a comparator at one willingness-to-pay, iNMB = wtp x dE - dC: unlike the ICER it stays meaningful
// when the increments change quadrant. Incremental costs, effects, the ICER and the optimal strategy (highest NMB)
// are reported alongside. Rows are sorted by swing |iNMB(high) - iNMB(low)|, largest first; a step that cannot be
// evaluated keeps its row, with a located error, at the end.
import type { EvaluationErrorDetails } from '../errors';
import { DsaError, evaluateWith, variedParameter } from './dsa-setup';
import type { DsaSetup, StrategyOutcome, VariedParameter } from './dsa-setup';

export interface DecisionOptions {
  wtp: number;
  /** Default: the first strategy. */
  comparator?: string;
  /** Strategy compared with the comparator; default: the first other strategy. */
  strategy?: string;
}

export interface OneWayOptions extends DecisionOptions {
  /** Parameters to vary (default: every parameter with a range). */
  parameters?: readonly string[];
}

export interface OutcomeAt {
  /** Value of the varied parameter. */
  value: number;
  incNmb: number;
  incCost: number;
  incEffect: number;
  /** incCost / incEffect; null when incEffect is 0. */
  icer: number | null;
  /** Strategy with the highest NMB. */
  optimal: string;
  nmb: Record<string, number>;
  strategies: StrategyOutcome[];
}

export interface DsaStepError {
  parameter: string;
  at: 'low' | 'high' | 'base' | 'grid' | 'threshold';
  value: number;
  message: string;
  details: EvaluationErrorDetails;
}

export interface TornadoRow {
  parameter: string;
  label: string;
  base: number;
  low: number;
  high: number;
  rangeSource: VariedParameter['rangeSource'];
  /** Incremental NMB at low and at high (null when that step failed). */
  outcomeLow: number | null;
  outcomeHigh: number | null;
  swing: number | null;
  atLow: OutcomeAt | null;
  atHigh: OutcomeAt | null;
  /** True when the optimal strategy differs between low and high. */
  decisionChanges: boolean;
  errors: DsaStepError[];
}

export interface OneWayResult {
  wtp: number;
  comparator: string;
  strategy: string;
  /** Outcomes with every parameter at its base value. */
  base: Omit<OutcomeAt, 'value'>;
  rows: TornadoRow[];
}

export interface Decision {
  wtp: number;
  comparator: string;
  strategy: string;
}

export function resolveDecision(setup: DsaSetup, options: DecisionOptions): Decision {
  const ids = setup.strategyIds;
  if (!(Number.isFinite(options.wtp) && options.wtp >= 0)) throw new DsaError(`willingness-to-pay must be a finite number >= 0 (got ${options.wtp})`);
  const comparator = options.comparator ?? ids[0]!;
  if (!ids.includes(comparator)) throw new DsaError(`comparator "${comparator}" is not a strategy (${ids.join(', ')})`);
  const strategy = options.strategy ?? ids.find((id) => id !== comparator);
  if (strategy === undefined) throw new DsaError('one-way analysis needs at least two strategies');
  if (!ids.includes(strategy)) throw new DsaError(`strategy "${strategy}" is not a strategy (${ids.join(', ')})`);
  if (strategy === comparator) throw new DsaError(`strategy and comparator are both "${strategy}"`);
  return { wtp: options.wtp, comparator, strategy };
}

/** Index of the strategy with the highest NMB (first on ties). */
export function optimalIndex(strategies: readonly StrategyOutcome[], wtp: number): number {
  let best = 0;
  let bestNmb = -Infinity;
  strategies.forEach((s, j) => {
    const nmb = wtp * s.effect - s.cost;
    if (nmb > bestNmb) {
      bestNmb = nmb;
      best = j;
    }
  });
  return best;
}

export function outcomeAt(strategies: StrategyOutcome[], decision: Decision, value: number): OutcomeAt {
  const { wtp } = decision;
  const a = strategies.find((s) => s.id === decision.strategy)!;
  const b = strategies.find((s) => s.id === decision.comparator)!;
  const incCost = a.cost - b.cost;
  const incEffect = a.effect - b.effect;
  return {
    value,
    incNmb: wtp * incEffect - incCost,
    incCost,
    incEffect,
    icer: incEffect === 0 ? null : incCost / incEffect,
    optimal: strategies[optimalIndex(strategies, wtp)]!.id,
    nmb: Object.fromEntries(strategies.map((s) => [s.id, wtp * s.effect - s.cost])),
    strategies,
  };
}

function assertRange(v: VariedParameter): void {
  if (!Number.isFinite(v.low) || !Number.isFinite(v.high)) throw new DsaError(`parameter "${v.id}" has no range: give uncertainty.low/high or a distribution`);
}

function tornadoRow(setup: DsaSetup, v: VariedParameter, decision: Decision): TornadoRow {
  assertRange(v);
  const errors: DsaStepError[] = [];
  const step = (at: 'low' | 'high', x: number): OutcomeAt | null => {
    const r = evaluateWith(setup, [[v, x]]);
    if (r.ok) return outcomeAt(r.strategies, decision, x);
    errors.push({ parameter: v.id, at, value: x, message: `${v.id} = ${x} (${at}): ${r.message}`, details: r.details });
    return null;
  };
  const atLow = step('low', v.low);
  const atHigh = step('high', v.high);
  const outcomeLow = atLow?.incNmb ?? null;
  const outcomeHigh = atHigh?.incNmb ?? null;
  return {
    parameter: v.id,
    label: v.label,
    base: v.base,
    low: v.low,
    high: v.high,
    rangeSource: v.rangeSource,
    outcomeLow,
    outcomeHigh,
    swing: outcomeLow !== null && outcomeHigh !== null ? Math.abs(outcomeHigh - outcomeLow) : null,
    atLow,
    atHigh,
    decisionChanges: atLow !== null && atHigh !== null && atLow.optimal !== atHigh.optimal,
    errors,
  };
}

/** Tornado rows sorted by swing (largest first; rows with a failed step last, in model order). */
export function oneWay(setup: DsaSetup, options: OneWayOptions): OneWayResult {
  const decision = resolveDecision(setup, options);
  const varied = options.parameters ? options.parameters.map((id) => variedParameter(setup, id)) : setup.varied;
  const baseRun = evaluateWith(setup, []);
  if (!baseRun.ok) throw new DsaError(`the base case cannot be evaluated: ${baseRun.message}`);
  const rows = varied.map((v) => tornadoRow(setup, v, decision));
  const order = rows.map((row, i) => ({ row, i }));
  order.sort((x, y) => (y.row.swing ?? -1) - (x.row.swing ?? -1) || x.i - y.i);
  const { value: _unused, ...base } = outcomeAt(baseRun.strategies, decision, 0);
  void _unused;
  return { ...decision, base, rows: order.map((o) => o.row) };
}
