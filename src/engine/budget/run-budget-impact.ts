// The budget impact analysis of a model file: base case, one-way sensitivity (tornado) and named scenarios,
// as a plain JSON-ready report (what `hta bia --json` prints under "budgetImpact").
import type { HtaModel } from '../model/schema';
import type { ModelIssue, WarningDetail } from '../errors';
import { formatPath } from '../errors';
import { prepareBudgetImpact } from './prepare-budget-impact';
import type { PreparedBudgetImpact } from './prepare-budget-impact';
import { evaluateBudgetImpact, BudgetImpactError } from './evaluate-budget-impact';
import type { BudgetRun } from './evaluate-budget-impact';
import { LINKED_COST_RULE } from './model-costs';
import { describeUptake } from './uptake';
import { oneWaySensitivity } from './bia-tornado';
import type { BiaTornado } from './bia-tornado';
import type { WorldBudget } from './budget-calculator';

export const COHORT_RULE =
  'incident cohorts enter each year on that year\'s strategy mix and keep it; a cohort entering in year y incurs its year-since-start k costs in budget year y + k − 1; a prevalent cohort takes the year-1 mix and incurs year-since-start k0 + y − 1 costs in year y';

export interface CostTriple {
  current: number;
  new: number;
  impact: number;
}

export interface BiaYear extends CostTriple {
  year: number;
  calendarYear: number | null;
  cumulativeImpact: number;
  discountFactor: number;
  byCategory: Record<string, CostTriple>;
  byStrategy: Record<string, CostTriple>;
  patients: { entering: number; prevalent: number; current: Record<string, number>; new: Record<string, number> };
  outcomes: Record<string, { current: number | null; new: number | null; difference: number | null }>;
  /** Cost per patient entering that year (plus the prevalent cohort in year 1). */
  perPatient: CostTriple | null;
  /** Per 100,000 inhabitants of that year; null without inhabitants. */
  per100k: CostTriple | null;
}

export interface BiaScenarioResult {
  id: string;
  label: string;
  description: string | null;
  years: { year: number; current: number; new: number; impact: number }[];
  cumulative: CostTriple;
  /** Scenario cumulative impact − base cumulative impact. */
  differenceFromBase: number;
}

export interface BudgetImpactReport {
  label: string | null;
  country: string | null;
  perspective: string | null;
  currency: string | null;
  priceYear: number | null;
  horizonYears: number;
  startYear: number | null;
  discountRate: number;
  discounting: string;
  costLinkRule: string | null;
  cohortRule: string;
  strategies: { id: string; label: string; modelStrategy: string | null }[];
  categories: string[];
  outcomeDefinitions: { id: string; label: string }[];
  population: {
    inhabitants: (number | null)[];
    funnel: { id: string; label: string; value: number; source: string | null; counts: number[] }[];
    entering: number[];
    prevalent: { count: number; yearSinceStart: number } | null;
  };
  shares: { current: { year: number; shares: Record<string, number> }[]; new: { year: number; shares: Record<string, number> }[] };
  /** Each world's uptake rule per strategy, in words (shape and parameters). */
  uptake: { current: Record<string, string>; new: Record<string, string> };
  costsPerPatient: { strategy: string; byYearSinceStart: { yearSinceStart: number; total: number; byCategory: Record<string, number> }[] }[];
  years: BiaYear[];
  cumulative: CostTriple & { byCategory: Record<string, CostTriple>; perPatient: CostTriple | null; per100k: CostTriple | null };
  tornado: BiaTornado;
  scenarios: BiaScenarioResult[];
  values: Record<string, number>;
  /** Input table (ISPOR reporting): every named budget-impact value with its source and range. */
  inputs: { id: string; label: string; role: string; value: number; source: string | null; low: number | null; high: number | null; location: string }[];
  warnings: string[];
  /** Code and values of each of `warnings` (same order); absent in reports stored before they were recorded. */
  warningDetails?: WarningDetail[];
}

function triple(c: number, n: number): CostTriple {
  return { current: c, new: n, impact: n - c };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function recordOf(ids: string[], xs: number[]): Record<string, number> {
  return Object.fromEntries(ids.map((id, i) => [id, xs[i]!]));
}

function outcomeRecord(prep: PreparedBudgetImpact, cur: WorldBudget, nw: WorldBudget, y: number): BiaYear['outcomes'] {
  return Object.fromEntries(
    prep.outcomeIds.map((id, o) => {
      const c = cur.outcomes[y]![o]!;
      const n = nw.outcomes[y]![o]!;
      const ok = (x: number): number | null => (Number.isNaN(x) ? null : x);
      return [id, { current: ok(c), new: ok(n), difference: Number.isNaN(c) || Number.isNaN(n) ? null : n - c }];
    }),
  );
}

function yearRows(prep: PreparedBudgetImpact, run: BudgetRun): BiaYear[] {
  const { inputs, totals } = run;
  const cats = inputs.categoryIds;
  const ids = inputs.strategyIds;
  let cumulative = 0;
  return totals.impact.map((impact, i) => {
    cumulative += impact;
    const cur = totals.current.total[i]!;
    const nw = totals.new.total[i]!;
    const prevalent = i === 0 && inputs.prevalent ? inputs.prevalent.count : 0;
    const people = inputs.entrants[i]! + prevalent;
    const inh = run.inhabitants[i];
    return {
      year: i + 1,
      calendarYear: prep.spec.startYear !== undefined ? prep.spec.startYear + i : null,
      current: cur,
      new: nw,
      impact,
      cumulativeImpact: cumulative,
      discountFactor: totals.discountFactors[i]!,
      byCategory: Object.fromEntries(cats.map((c, k) => [c, triple(totals.current.byCategory[i]![k]!, totals.new.byCategory[i]![k]!)])),
      byStrategy: Object.fromEntries(ids.map((s, k) => [s, triple(totals.current.byStrategy[i]![k]!, totals.new.byStrategy[i]![k]!)])),
      patients: { entering: inputs.entrants[i]!, prevalent, current: recordOf(ids, totals.current.patients[i]!), new: recordOf(ids, totals.new.patients[i]!) },
      outcomes: outcomeRecord(prep, totals.current, totals.new, i),
      perPatient: people > 0 ? triple(cur / people, nw / people) : null,
      per100k: inh !== null && inh !== undefined && inh > 0 ? triple((cur / inh) * 1e5, (nw / inh) * 1e5) : null,
    };
  });
}

function cumulativeOf(prep: PreparedBudgetImpact, run: BudgetRun, years: BiaYear[]): BudgetImpactReport['cumulative'] {
  const cur = sum(years.map((y) => y.current));
  const nw = sum(years.map((y) => y.new));
  const people = sum(run.inputs.entrants) + (run.inputs.prevalent?.count ?? 0);
  const per100k = years.every((y) => y.per100k) ? triple(sum(years.map((y) => y.per100k!.current)), sum(years.map((y) => y.per100k!.new))) : null;
  return {
    ...triple(cur, nw),
    byCategory: Object.fromEntries(run.inputs.categoryIds.map((c) => [c, triple(sum(years.map((y) => y.byCategory[c]!.current)), sum(years.map((y) => y.byCategory[c]!.new)))])),
    perPatient: people > 0 ? triple(cur / people, nw / people) : null,
    per100k,
  };
}

function costsPerPatient(prep: PreparedBudgetImpact, run: BudgetRun): BudgetImpactReport['costsPerPatient'] {
  const cats = run.inputs.categoryIds;
  const nC = cats.length;
  return run.inputs.strategyIds.map((s, i) => {
    const costs = run.inputs.costs[i]!;
    const years = costs.length / Math.max(1, nC);
    return {
      strategy: s,
      byYearSinceStart: Array.from({ length: years }, (_, k) => {
        const row = Array.from(costs.subarray(k * nC, (k + 1) * nC));
        return { yearSinceStart: k + 1, total: sum(row), byCategory: recordOf(cats, row) };
      }),
    };
  });
}

function scenarioResults(prep: PreparedBudgetImpact, baseCumulative: number): BiaScenarioResult[] {
  return prep.spec.scenarios.map((sc, i) => {
    const shares: NonNullable<Parameters<typeof evaluateBudgetImpact>[1]>['shares'] = {};
    if (sc.currentWorld) shares.currentWorld = sc.currentWorld.shares;
    if (sc.newWorld) shares.newWorld = sc.newWorld.shares;
    const run = evaluateBudgetImpact(prep, { values: sc.values ?? {}, shares, ...(sc.discountRate !== undefined ? { discountRate: sc.discountRate } : {}), origin: ['budgetImpact', 'scenarios', i] });
    const years = run.totals.impact.map((impact, y) => ({ year: y + 1, current: run.totals.current.total[y]!, new: run.totals.new.total[y]!, impact }));
    const cumulative = triple(sum(run.totals.current.total), sum(run.totals.new.total));
    return { id: sc.id, label: sc.label ?? sc.id, description: sc.description ?? null, years, cumulative, differenceFromBase: cumulative.impact - baseCumulative };
  });
}

function discountingText(rate: number): string {
  return rate === 0 ? 'none (undiscounted, ISPOR good practice)' : `annual rate ${rate}: budget year y divided by (1 + ${rate})^(y − 1)`;
}

/** The full report from a prepared analysis; throws BudgetImpactError (located issues) when a run is invalid. */
export function budgetImpactReport(prep: PreparedBudgetImpact): BudgetImpactReport {
  const spec = prep.spec;
  const run = evaluateBudgetImpact(prep);
  const years = yearRows(prep, run);
  const cumulative = cumulativeOf(prep, run, years);
  const H = spec.horizonYears;
  const sharesRows = (m: number[][]): { year: number; shares: Record<string, number> }[] => m.map((row, y) => ({ year: y + 1, shares: recordOf(run.inputs.strategyIds, row) }));
  return {
    label: spec.label ?? null,
    country: spec.population.country ?? null,
    perspective: spec.perspective ?? null,
    currency: spec.currency ?? prep.model.settings.currency ?? null,
    priceYear: spec.priceYear ?? prep.model.settings.priceYear ?? null,
    horizonYears: H,
    startYear: spec.startYear ?? null,
    discountRate: spec.discountRate,
    discounting: discountingText(spec.discountRate),
    costLinkRule: prep.compiledModel ? LINKED_COST_RULE : null,
    cohortRule: COHORT_RULE,
    strategies: prep.strategies.map((s) => ({ id: s.id, label: s.label, modelStrategy: s.modelIndex >= 0 ? prep.model.strategies[s.modelIndex]!.id : null })),
    categories: run.inputs.categoryIds,
    outcomeDefinitions: prep.outcomeIds.map((id, i) => ({ id, label: prep.outcomeLabels[i]! })),
    population: {
      inhabitants: run.inhabitants,
      funnel: run.funnel.map((f) => ({ id: f.id, label: f.label, value: f.value, source: prep.namedById.get(f.id)?.source ?? null, counts: f.counts })),
      entering: run.inputs.entrants,
      prevalent: run.inputs.prevalent,
    },
    shares: { current: sharesRows(run.inputs.shares.current), new: sharesRows(run.inputs.shares.new) },
    uptake: {
      current: Object.fromEntries(Object.entries(spec.currentWorld.shares).map(([id, u]) => [id, describeUptake(u, H)])),
      new: Object.fromEntries(Object.entries(spec.newWorld.shares).map(([id, u]) => [id, describeUptake(u, H)])),
    },
    costsPerPatient: costsPerPatient(prep, run),
    years,
    cumulative,
    tornado: oneWaySensitivity(prep, cumulative.impact),
    scenarios: scenarioResults(prep, cumulative.impact),
    values: run.values,
    inputs: prep.named.map((n) => ({ id: n.id, label: n.label, role: n.role, value: run.values[n.id]!, source: n.source ?? null, low: n.low ?? null, high: n.high ?? null, location: formatPath(n.path) })),
    warnings: prep.warnings,
    warningDetails: prep.warningDetails,
  };
}

/** Prepares and runs the analysis of a parsed model: the report, or every located problem. */
export function runBudgetImpact(model: HtaModel): { report: BudgetImpactReport | null; issues: ModelIssue[] } {
  const { prepared, issues } = prepareBudgetImpact(model);
  if (!prepared) return { report: null, issues };
  try {
    return { report: budgetImpactReport(prepared), issues };
  } catch (e) {
    if (e instanceof BudgetImpactError) return { report: null, issues: [...issues, ...e.issues] };
    throw e;
  }
}
