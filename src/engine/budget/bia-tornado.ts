// One-way sensitivity analysis of the budget impact: each input with a low and a high value (budget-impact
// values, uptake targets, and model parameters with uncertainty.low/high) is set to low, then high, everything
// else at base; the measure is the cumulative budget impact over the horizon. Rows are sorted by swing.
import type { IssuePath } from '../errors';
import { formatPath } from '../errors';
import type { Uptake, WorldId } from './bia-schema';
import { evaluateBudgetImpact, BudgetImpactError } from './evaluate-budget-impact';
import type { BiaVariation } from './evaluate-budget-impact';
import type { PreparedBudgetImpact } from './prepare-budget-impact';
import { withTargetShare } from './uptake';

export interface TornadoItem {
  id: string;
  label: string;
  kind: 'budget-impact-value' | 'uptake' | 'model-parameter';
  /** For budget-impact values: population, funnel, eligible, prevalent or parameter. */
  role: string | null;
  /** Uptake items: which world and strategy (so a screen or report can word the label in its language). */
  uptake?: UptakeOf;
  path: IssuePath;
  base: number;
  low: number;
  high: number;
  source: string | null;
  variation(value: number): BiaVariation;
}

/** An uptake item's world (its label as given, or null) and strategy label. */
export interface UptakeOf {
  world: WorldId;
  worldLabel: string | null;
  strategy: string;
}

export interface TornadoRow {
  id: string;
  label: string;
  kind: TornadoItem['kind'];
  role: string | null;
  uptake?: UptakeOf;
  location: string;
  source: string | null;
  base: number;
  low: number;
  high: number;
  /** Cumulative budget impact with the input at its low / high value (null when that run is invalid). */
  impactAtLow: number | null;
  impactAtHigh: number | null;
  /** |impactAtHigh − impactAtLow| (null when a run is invalid). */
  swing: number | null;
  /** Budget impact per year with the input at its low / high value. */
  yearsAtLow: number[] | null;
  yearsAtHigh: number[] | null;
  error: string | null;
}

export interface BiaTornado {
  measure: string;
  baseImpact: number;
  rows: TornadoRow[];
}

function namedItems(prep: PreparedBudgetImpact): TornadoItem[] {
  return prep.named
    .filter((n) => n.low !== undefined && n.high !== undefined)
    .map((n) => ({
      id: n.id,
      label: n.label,
      kind: 'budget-impact-value' as const,
      role: n.role,
      path: n.path,
      base: prep.baseValues[n.slot]!,
      low: n.low!,
      high: n.high!,
      source: n.source ?? null,
      variation: (v: number): BiaVariation => ({ values: { [n.id]: v } }),
    }));
}

function uptakeItems(prep: PreparedBudgetImpact): TornadoItem[] {
  const out: TornadoItem[] = [];
  for (const world of ['currentWorld', 'newWorld'] as WorldId[]) {
    for (const [sid, u] of Object.entries(prep.spec[world].shares)) {
      if (typeof u !== 'object' || u.shape === 'series' || u.low === undefined || u.high === undefined) continue;
      const target = u.shape === 'constant' ? u.value : u.to;
      out.push({
        id: `${world}.${sid}`,
        label: `${prep.spec[world].label ?? (world === 'newWorld' ? 'New world' : 'Current world')}: uptake of ${prep.strategies.find((s) => s.id === sid)?.label ?? sid}`,
        kind: 'uptake',
        role: null,
        uptake: { world, worldLabel: prep.spec[world].label ?? null, strategy: prep.strategies.find((s) => s.id === sid)?.label ?? sid },
        path: ['budgetImpact', world, 'shares', sid],
        base: target,
        low: u.low,
        high: u.high,
        source: u.source ?? null,
        variation: (v: number): BiaVariation => ({ shares: { [world]: { [sid]: withTargetShare(u, v) as Uptake } } }),
      });
    }
  }
  return out;
}

function modelParameterItems(prep: PreparedBudgetImpact): TornadoItem[] {
  if (!prep.spec.sensitivity.includeModelParameters) return [];
  return prep.model.parameters.flatMap((p, i) => {
    const u = p.uncertainty;
    if (!u || u.low === undefined || u.high === undefined) return [];
    return [
      {
        id: p.id,
        label: p.label ?? p.id,
        kind: 'model-parameter' as const,
        role: null,
        path: ['parameters', i],
        base: prep.baseValues[i]!,
        low: u.low,
        high: u.high,
        source: u.source ?? p.source ?? null,
        variation: (v: number): BiaVariation => ({ values: { [p.id]: v } }),
      },
    ];
  });
}

function impactByYear(prep: PreparedBudgetImpact, variation: BiaVariation): number[] {
  return evaluateBudgetImpact(prep, variation).totals.impact;
}

const total = (xs: number[] | null): number | null => (xs ? xs.reduce((a, b) => a + b, 0) : null);

function rowOf(prep: PreparedBudgetImpact, item: TornadoItem): TornadoRow {
  let yearsAtLow: number[] | null = null;
  let yearsAtHigh: number[] | null = null;
  let error: string | null = null;
  try {
    yearsAtLow = impactByYear(prep, item.variation(item.low));
    yearsAtHigh = impactByYear(prep, item.variation(item.high));
  } catch (e) {
    if (!(e instanceof BudgetImpactError)) throw e;
    error = e.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');
  }
  const impactAtLow = total(yearsAtLow);
  const impactAtHigh = total(yearsAtHigh);
  const swing = impactAtLow !== null && impactAtHigh !== null ? Math.abs(impactAtHigh - impactAtLow) : null;
  return { id: item.id, label: item.label, kind: item.kind, role: item.role, ...(item.uptake ? { uptake: item.uptake } : {}), location: formatPath(item.path), source: item.source, base: item.base, low: item.low, high: item.high, impactAtLow, impactAtHigh, swing, yearsAtLow, yearsAtHigh, error };
}

/** Tornado rows, widest swing first (invalid runs last; ties by id). */
export function oneWaySensitivity(prep: PreparedBudgetImpact, baseImpact: number): BiaTornado {
  const items = [...namedItems(prep), ...uptakeItems(prep), ...modelParameterItems(prep)];
  const rows = items.map((item) => rowOf(prep, item));
  rows.sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1) || a.id.localeCompare(b.id));
  return { measure: `cumulative budget impact over ${prep.spec.horizonYears} year(s)`, baseImpact, rows };
}
