// The results tables of a model as data tables (raw numbers, full precision): what the screens show, for CSV and
// XLSX exports and for the report builder. One builder per table; labels as on screen.
import type { BaseCaseResult } from '../engine/analysis/base-case';
import type { PsaView } from '../engine/analysis/psa-view';
import type { BudgetImpactReport } from '../engine/budget/run-budget-impact';
import type { IncrementalRow } from '../engine/economics/incremental';
import type { OneWayResult } from '../engine/sensitivity/one-way';
import type { StrategyDetails } from '../engine/tree/strategy-details';
import { finiteOrNull, integerColumn, moneyColumn, numberColumn, percentColumn, textColumn } from './data-table';
import type { DataTable } from './data-table';
import { capitalFirst, effectLabel, effectNoun, effectUnit, humanise } from './format';
import type { MessageKey, Translate } from './i18n/translate';

export const incrementalStatusLabels: Record<IncrementalRow['status'], string> = {
  reference: 'Reference',
  nondominated: 'On frontier',
  dominated: 'Dominated',
  'extendedly-dominated': 'Extendedly dominated',
};

const outcomeCountLabels: Record<string, string> = {
  truePositive: 'True positives',
  falsePositive: 'False positives',
  falseNegative: 'False negatives',
  trueNegative: 'True negatives',
  noResult: 'No result',
  missed: 'Condition missed (false negative or no result)',
  missed_actionable: 'Actionable alteration missed',
  matched_targeted_therapy: 'Correctly on targeted therapy',
  targeted_without_target: 'On targeted therapy without a target',
  chemo_immunotherapy: 'On chemo-immunotherapy',
};

// Abbreviations kept in capitals when counter ids are turned into words.
const acronyms = new Set(['ngs', 'egfr', 'alk', 'ros1', 'braf', 'ret', 'met', 'ntrk', 'kras', 'her2', 'pdl1', 'tki', 'ct', 'ctdna', 'pcr']);
const words = (id: string) => id.split('_').filter(Boolean).map((w) => (acronyms.has(w.toLowerCase()) ? w.toUpperCase() : w)).join(' ');

/** "test_plasma_ngs" → "Tests done: plasma NGS"; known counters by name ("Correctly on targeted therapy"). */
export function outcomeCountLabel(id: string): string {
  if (outcomeCountLabels[id]) return outcomeCountLabels[id]!;
  if (id.startsWith('test_')) return `Tests done: ${words(id.slice(5))}`;
  if (id.startsWith('ae_')) return `Adverse events: ${words(id.slice(3))}`;
  if (id.startsWith('targeted_')) return `On targeted therapy: ${words(id.slice(9))}`;
  return capitalFirst(words(id));
}

const outcomeCountKeys: Record<string, MessageKey> = {
  truePositive: 'analysis.count.truePositive',
  falsePositive: 'analysis.count.falsePositive',
  falseNegative: 'analysis.count.falseNegative',
  trueNegative: 'analysis.count.trueNegative',
  noResult: 'analysis.count.noResult',
  missed: 'analysis.count.missed',
  missed_actionable: 'analysis.count.missedActionable',
  matched_targeted_therapy: 'analysis.count.matchedTargeted',
  targeted_without_target: 'analysis.count.targetedWithoutTarget',
  chemo_immunotherapy: 'analysis.count.chemoImmunotherapy',
};

/**
 * A counter's label under its group heading in the display language, the same words on the screen and in the
 * report: "Condition missed (false negative or no result)", "On targeted therapy: EGFR", "Chest drain". A test's
 * count takes the test's label from the model when `tests` names it; other names come from the model's ids.
 */
export function outcomeCountText(id: string, t: Translate, tests: readonly { id: string; label?: string }[] = []): string {
  const key = outcomeCountKeys[id];
  if (key) return t(key);
  const test = id.startsWith('test_') ? tests.find((x) => `test_${x.id}` === id) : undefined;
  if (test?.label) return test.label;
  // The target as the model's id names it ("EGFR", "other"): the model's word, not the product's.
  if (id.startsWith('targeted_')) return t('analysis.count.targeted', { name: words(id.slice(9)) });
  return outcomeCountLabelInGroup(id);
}

/** The label under its group heading: "Tissue NGS" under Tests, "Chest drain" under Adverse events. */
export function outcomeCountLabelInGroup(id: string): string {
  const label = outcomeCountLabel(id).replace(/^(Tests done|Adverse events): /, '');
  return capitalFirst(label);
}

export type OutcomeCountGroup = 'Tests' | 'Results' | 'Treatments' | 'Adverse events' | 'Other outcomes';
const resultIds = new Set(['truePositive', 'falsePositive', 'falseNegative', 'trueNegative', 'noResult', 'missed']);

/** The group a counter belongs to in the outcome table: tests, results, treatments, adverse events. */
export function outcomeCountGroup(id: string): OutcomeCountGroup {
  if (id.startsWith('test_')) return 'Tests';
  if (resultIds.has(id) || id.startsWith('missed')) return 'Results';
  if (id.startsWith('ae_')) return 'Adverse events';
  if (/^(targeted|matched|chemo|treat|immuno|therapy)/.test(id)) return 'Treatments';
  return 'Other outcomes';
}

/** The catalogue key of each group heading. */
export const outcomeGroupKeys: Record<OutcomeCountGroup, MessageKey> = {
  Tests: 'analysis.group.tests',
  Results: 'analysis.group.results',
  Treatments: 'analysis.group.treatments',
  'Adverse events': 'analysis.group.adverseEvents',
  'Other outcomes': 'analysis.group.other',
};

const groupOrder: readonly OutcomeCountGroup[] = ['Tests', 'Results', 'Treatments', 'Adverse events', 'Other outcomes'];

/** Counter ids grouped (tests, results, treatments, adverse events, other), each group in first-seen order. */
export function groupedOutcomeCounts(ids: readonly string[]): { group: OutcomeCountGroup; ids: string[] }[] {
  return groupOrder.map((group) => ({ group, ids: ids.filter((id) => outcomeCountGroup(id) === group) })).filter((g) => g.ids.length > 0);
}

/** Counter ids across strategies, in first-seen order. */
export function outcomeCountIds(strategies: readonly { details: StrategyDetails | null }[]): string[] {
  const ids: string[] = [];
  for (const s of strategies) for (const id of Object.keys(s.details?.outcomeCounts ?? {})) if (!ids.includes(id)) ids.push(id);
  return ids;
}

function money(currency: string | undefined, header: string): ReturnType<typeof moneyColumn> {
  return moneyColumn(currency ? `${header} (${currency})` : header);
}

export function baseCaseTable(result: BaseCaseResult, currency: string | undefined): DataTable {
  return {
    title: 'Base case',
    currency,
    note: 'Per patient; discounted unless stated.',
    columns: [
      textColumn('Strategy'),
      money(currency, 'Cost'),
      numberColumn('QALYs', 4),
      numberColumn('Life-years', 4),
      money(currency, 'Cost, undiscounted'),
      numberColumn('QALYs, undiscounted', 4),
      numberColumn('Life-years, undiscounted', 4),
    ],
    rows: result.strategies.map((s) => [s.label, s.cost, s.qalys, s.lifeYears, s.costUndiscounted, s.qalysUndiscounted, s.lifeYearsUndiscounted]),
  };
}

export function incrementalTable(result: Pick<BaseCaseResult, 'incremental' | 'effect'>, currency: string | undefined): DataTable {
  const unit = effectUnit(result.effect);
  return {
    title: 'Incremental analysis',
    currency,
    note: `Sorted by cost; increments over the next cheaper strategy on the efficiency frontier; ICER per ${unit} gained.`,
    columns: [
      textColumn('Strategy'),
      textColumn('Status'),
      money(currency, 'Cost'),
      numberColumn(effectLabel(result.effect), 4),
      money(currency, 'Incremental cost'),
      numberColumn(`Incremental ${effectNoun(result.effect)}`, 4),
      money(currency, `ICER per ${unit}`),
    ],
    rows: result.incremental.map((r) => [r.label ?? r.id, incrementalStatusLabels[r.status], r.cost, r.effect, finiteOrNull(r.incCost), finiteOrNull(r.incEffect), finiteOrNull(r.icer)]),
  };
}

export function costCategoryTable(result: BaseCaseResult, currency: string | undefined): DataTable {
  return {
    title: 'Costs by category',
    currency,
    note: 'Per patient, discounted.',
    columns: [textColumn('Strategy'), ...result.categoryIds.map((c) => money(currency, humanise(c))), money(currency, 'Total')],
    rows: result.strategies.map((s) => [s.label, ...s.costByCategory, s.cost]),
  };
}

/** Diagnostic outcome counts per 1,000 patients tested, and the mean time to treatment, by strategy. */
export function outcomeCountsTable(result: BaseCaseResult): DataTable | null {
  const ids = outcomeCountIds(result.strategies);
  const withTime = result.strategies.some((s) => s.details?.timeToTreatment);
  if (ids.length === 0 && !withTime) return null;
  const unit = result.strategies.find((s) => s.details?.timeToTreatment)?.details?.timeToTreatment?.unit ?? 'day';
  return {
    title: 'Diagnostic outcomes',
    note: 'Expected per 1,000 patients tested.',
    columns: [textColumn('Outcome'), ...result.strategies.map((s) => numberColumn(s.label, 1))],
    rows: [
      ...groupedOutcomeCounts(ids).flatMap((g) => g.ids.map((id) => [`${g.group}: ${outcomeCountLabel(id)}`, ...result.strategies.map((s) => finiteOrNull((s.details?.outcomeCounts?.[id] ?? Number.NaN) * 1000))])),
      ...(withTime ? [[`Mean time to treatment (${unit}s)`, ...result.strategies.map((s) => finiteOrNull(s.details?.timeToTreatment?.mean))]] : []),
    ],
  };
}

export function psaMeansTable(view: PsaView, effect: 'qalys' | 'life-years', currency: string | undefined): DataTable {
  const e = effectLabel(effect);
  return {
    title: 'PSA means and 95% intervals',
    currency,
    note: `${view.draws} draws, seed ${view.seed}; intervals are the 2.5th and 97.5th percentiles; per patient.`,
    columns: [
      textColumn('Strategy'),
      money(currency, 'Mean cost'),
      money(currency, 'Cost 2.5th percentile'),
      money(currency, 'Cost 97.5th percentile'),
      numberColumn(`Mean ${effectNoun(effect)}`, 4),
      numberColumn(`${e} 2.5th percentile`, 4),
      numberColumn(`${e} 97.5th percentile`, 4),
    ],
    rows: view.means.map((m) => [m.label, m.cost.mean, m.cost.lower, m.cost.upper, m.effect.mean, m.effect.lower, m.effect.upper]),
  };
}

export function ceacTable(view: PsaView, currency: string | undefined): DataTable {
  return {
    title: 'CEAC and CEAF',
    currency,
    note: 'Probability that each strategy has the highest net benefit; CEAF: the strategy with the highest expected net benefit.',
    columns: [money(currency, 'Willingness to pay'), ...view.strategies.map((s) => percentColumn(s.label, 2)), textColumn('Optimal strategy (CEAF)'), percentColumn('CEAF', 2)],
    rows: view.ceac.map((row, i) => {
      const f = view.ceaf[i]!;
      return [row.wtp!, ...view.strategies.map((s) => row[s.id] ?? null), view.strategies.find((s) => s.id === f.optimalId)?.label ?? f.optimalId, f.probability];
    }),
  };
}

export function evpiTable(view: PsaView, currency: string | undefined): DataTable {
  return {
    title: 'EVPI per patient',
    currency,
    columns: [money(currency, 'Willingness to pay'), money(currency, 'EVPI per patient')],
    rows: view.evpi.map((r) => [r.wtp, r.evpi]),
  };
}

export function psaPlaneTable(view: PsaView, effect: 'qalys' | 'life-years', currency: string | undefined): DataTable {
  return {
    title: `Incremental CE plane vs ${view.comparatorLabel}`,
    currency,
    note: 'Mean increments over every draw; ICER as the ratio of means.',
    columns: [textColumn('Strategy'), money(currency, 'Mean incremental cost'), numberColumn(`Mean incremental ${effectNoun(effect)}`, 5), money(currency, `ICER per ${effectUnit(effect)}`)],
    rows: view.plane.map((s) => [s.label, s.meanIncCost, s.meanIncEffect, finiteOrNull(s.icer)]),
  };
}

export function tornadoTable(result: OneWayResult, labelOf: (id: string) => string, currency: string | undefined): DataTable {
  return {
    title: 'One-way sensitivity (tornado)',
    currency,
    note: `Incremental net monetary benefit of ${labelOf(result.strategy)} vs ${labelOf(result.comparator)} at ${result.wtp} per unit of effect; base case ${result.base.incNmb}.`,
    columns: [
      textColumn('Parameter'),
      textColumn('Id'),
      numberColumn('Base value', 6),
      numberColumn('Low value', 6),
      numberColumn('High value', 6),
      textColumn('Range from'),
      money(currency, 'Incremental NMB at low'),
      money(currency, 'Incremental NMB at high'),
      money(currency, 'Swing'),
      textColumn('Decision changes'),
    ],
    rows: [...result.rows]
      .sort((a, b) => (b.swing ?? -1) - (a.swing ?? -1))
      .map((r) => [r.label, r.parameter, r.base, r.low, r.high, r.rangeSource === 'file' ? 'model file' : 'distribution (2.5th–97.5th percentile)', finiteOrNull(r.outcomeLow), finiteOrNull(r.outcomeHigh), finiteOrNull(r.swing), r.decisionChanges ? 'yes' : 'no']),
  };
}

function yearLabel(y: { year: number; calendarYear: number | null }): string {
  return y.calendarYear !== null ? String(y.calendarYear) : `Year ${y.year}`;
}

export function budgetYearsTable(r: BudgetImpactReport): DataTable {
  const currency = r.currency ?? undefined;
  return {
    title: 'Budget impact by year',
    currency,
    note: `Discounting: ${r.discounting}.`,
    columns: [textColumn('Year'), integerColumn('Patients'), money(currency, 'Current world'), money(currency, 'New world'), money(currency, 'Budget impact'), money(currency, 'Cumulative impact')],
    rows: [
      ...r.years.map((y) => [yearLabel(y), y.patients.entering + y.patients.prevalent, y.current, y.new, y.impact, y.cumulativeImpact]),
      [`Total, ${r.horizonYears} years`, r.years.reduce((a, y) => a + y.patients.entering + y.patients.prevalent, 0), r.cumulative.current, r.cumulative.new, r.cumulative.impact, null],
    ],
  };
}

export function budgetCategoryTable(r: BudgetImpactReport): DataTable {
  const currency = r.currency ?? undefined;
  return {
    title: 'Budget by cost category',
    currency,
    columns: [textColumn('Year'), textColumn('World'), ...r.categories.map((c) => money(currency, humanise(c)))],
    rows: r.years.flatMap((y) =>
      (['current', 'new', 'impact'] as const).map((world) => [yearLabel(y), world === 'current' ? 'Current world' : world === 'new' ? 'New world' : 'Impact', ...r.categories.map((c) => finiteOrNull(y.byCategory[c]?.[world]))]),
    ),
  };
}

export function budgetPatientsTable(r: BudgetImpactReport): DataTable {
  return {
    title: 'Patients by strategy',
    columns: [textColumn('World'), textColumn('Strategy'), ...r.years.map((y) => numberColumn(yearLabel(y), 0)), numberColumn('Total', 0)],
    rows: (['current', 'new'] as const).flatMap((world) =>
      r.strategies.map((s) => {
        const counts = r.years.map((y) => y.patients[world][s.id] ?? 0);
        return [world === 'current' ? 'Current world' : 'New world', s.label, ...counts, counts.reduce((a, b) => a + b, 0)];
      }),
    ),
  };
}
