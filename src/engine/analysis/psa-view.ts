// The PSA screen's (and report's) data: means with 95% intervals, a capped sample of the CE-plane cloud, CEAC, CEAF and EVPI
// by willingness-to-pay, shaped from the engine's analysis into plain rows the charts and tables read.
import type { PsaAnalysis } from '../psa/psa-analysis';
import { convergence, incrementalPlane, incrementalSummary, netBenefitSummary, psaMeans } from '../uncertainty/psa-summary';
import type { IncrementalAtWtp, Interval, PsaResults } from '../uncertainty/psa-summary';

export interface PsaMeanRow {
  id: string;
  label: string;
  cost: Interval;
  effect: Interval;
}

export interface PlaneSeries {
  id: string;
  label: string;
  points: { incEffect: number; incCost: number }[];
  meanIncCost: number;
  meanIncEffect: number;
  icer: number | null;
}

export interface PsaView {
  draws: number;
  seed: number;
  comparator: string;
  comparatorLabel: string;
  strategies: { id: string; label: string }[];
  means: PsaMeanRow[];
  plane: PlaneSeries[];
  /** Points drawn on the CE plane (all series), at most the cap asked for. */
  plottedPoints: number;
  /** One row per threshold: wtp, then the probability each strategy is cost-effective, keyed by strategy id. */
  ceac: Record<string, number>[];
  /** Strategy with the highest expected net benefit at each threshold and its probability of being cost-effective. */
  ceaf: { wtp: number; optimalId: string; probability: number }[];
  evpi: { wtp: number; evpi: number }[];
  /** Each other strategy against the comparator at the decision thresholds (absent in views made before). */
  incremental?: { id: string; label: string; incCost: Interval; incEffect: Interval; byWtp: IncrementalAtWtp[] }[];
  /** Running mean incremental NMB over the comparator at the first decision threshold: draws, then one key per strategy. */
  convergence?: { wtp: number; rows: Record<string, number>[] } | null;
}

/** Evenly spaced draw indices, at most `cap` of them (all draws when there are fewer). */
export function sampleIndices(draws: number, cap: number): number[] {
  const n = Math.max(0, Math.min(draws, Math.floor(cap)));
  if (n === 0) return [];
  if (n === draws) return Array.from({ length: draws }, (_, i) => i);
  const step = draws / n;
  return Array.from({ length: n }, (_, k) => Math.floor(k * step));
}

export function shapePsaView(run: PsaResults & { strategyLabels: readonly string[]; seed: number }, analysis: PsaAnalysis, maxPoints: number): PsaView {
  const labelOf = new Map(run.strategyIds.map((id, j) => [id, run.strategyLabels[j] ?? id]));
  const perSeries = analysis.plane.length === 0 ? 0 : Math.floor(maxPoints / analysis.plane.length);
  const plane = analysis.plane.map((series) => ({
    id: series.id,
    label: labelOf.get(series.id) ?? series.id,
    points: sampleIndices(run.draws, perSeries).map((i) => ({ incEffect: series.incEffect[i]!, incCost: series.incCost[i]! })),
    meanIncCost: series.meanIncCost,
    meanIncEffect: series.meanIncEffect,
    icer: series.icer,
  }));
  const byWtp = analysis.netBenefit.byWtp;
  return {
    draws: run.draws,
    seed: run.seed,
    comparator: analysis.comparator,
    comparatorLabel: labelOf.get(analysis.comparator) ?? analysis.comparator,
    strategies: run.strategyIds.map((id) => ({ id, label: labelOf.get(id) ?? id })),
    means: analysis.means.map((m) => ({ id: m.id, label: labelOf.get(m.id) ?? m.id, cost: m.cost, effect: m.effect })),
    plane,
    plottedPoints: plane.reduce((n, s) => n + s.points.length, 0),
    ceac: byWtp.map((b) => ({ wtp: b.wtp, ...Object.fromEntries(run.strategyIds.map((id, j) => [id, b.ceac[j]!])) })),
    ceaf: byWtp.map((b) => ({ wtp: b.wtp, optimalId: b.optimalId, probability: b.optimalProbability })),
    evpi: byWtp.map((b) => ({ wtp: b.wtp, evpi: b.evpi })),
  };
}

/**
 * Willingness-to-pay grid from 0 to `max` in `steps` equal steps, with the model's own thresholds added, ascending
 * and without duplicates.
 */
export function wtpGrid(max: number, steps: number, extra: readonly number[] = []): number[] {
  if (!(Number.isFinite(max) && max > 0) || !(Number.isInteger(steps) && steps >= 1)) return [0, ...extra.filter((w) => w > 0)];
  const grid = Array.from({ length: steps + 1 }, (_, k) => (max * k) / steps);
  return [...new Set([...grid, ...extra.filter((w) => Number.isFinite(w) && w >= 0 && w <= max)])].sort((a, b) => a - b);
}

/** Default upper end of the WTP grid: twice the highest threshold in the file, else 100,000. */
export function defaultWtpMax(thresholds: readonly number[]): number {
  const top = Math.max(0, ...thresholds.filter(Number.isFinite));
  return top > 0 ? 2 * top : 100000;
}

export interface PsaViewRequest {
  /** Thresholds for CEAC, CEAF and EVPI (ascending). */
  wtpGrid: number[];
  comparator: string;
  /** At most this many draws are plotted on the CE plane. */
  maxPoints: number;
  /** Decision thresholds of the incremental table and the convergence plot (default: none). */
  thresholds?: number[];
}

/**
 * Summaries and chart data of a finished PSA (means with 95% intervals, CE plane sample, CEAC, CEAF, EVPI): only
 * the parts of the analysis the view shows (no convergence or EVPPI), so a stored run reopens quickly.
 */
export function summarisePsa(run: PsaResults & { strategyLabels: readonly string[]; seed: number }, request: PsaViewRequest): PsaView {
  if (!run.strategyIds.includes(request.comparator)) throw new RangeError(`comparator "${request.comparator}" is not a strategy (${run.strategyIds.join(', ')})`);
  const analysis: PsaAnalysis = {
    means: psaMeans(run),
    comparator: request.comparator,
    plane: incrementalPlane(run, request.comparator),
    netBenefit: netBenefitSummary(run, request.wtpGrid),
    populationEvpi: null,
    convergence: [],
    evppi: [],
  };
  const view = shapePsaView(run, analysis, request.maxPoints);
  const thresholds = (request.thresholds ?? []).filter((w) => Number.isFinite(w) && w >= 0);
  if (thresholds.length === 0) return view;
  const labelOf = new Map(view.strategies.map((s) => [s.id, s.label]));
  const incremental = incrementalSummary(run, request.comparator, thresholds).map((r) => ({ ...r, label: labelOf.get(r.id) ?? r.id }));
  const series = convergence(run, request.comparator, thresholds[0]!, 100);
  const rows = (series[0]?.draws ?? []).map((draws, k) => ({ draws, ...Object.fromEntries(series.map((s) => [s.id, s.runningMeanIncNb[k]!])) }));
  return { ...view, incremental, convergence: { wtp: thresholds[0]!, rows } };
}
