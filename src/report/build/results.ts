// Section "Results": per strategy the discounted and undiscounted totals and costs by category, the incremental
// analysis with dominance and the frontier chart, net monetary benefit at each threshold, diagnostic outcomes per
// 1,000 tested and time to treatment (trees), and survival read from the cohort trace.
import { incrementalNetBenefit } from '../../engine/economics/incremental';
import type { BaseCaseResult } from '../../engine/analysis/base-case';
import { frontierChart, survivalChart } from '../charts/hta-charts';
import type { SurvivalSeries } from '../charts/hta-charts';
import { deadStateIds, progressionFreeStateIds } from '../../engine/analysis/dead-states';
import { capitalFirst, humanise } from '../format';
import { groupedOutcomeCounts, outcomeCountGroup, outcomeCountText } from '../results-tables';
import type { Block } from '../document';
import type { Translate } from '../i18n/translate';
import { translator } from '../i18n/translate';
import type { ReportModel } from '../report-input';
import type { BuildContext, DraftSection } from './context';
import { currencyOf, draft, effectWord, figure, idPart, notice, paragraph, perModel, strategyLabel, table, wtpText } from './context';

/** "On the frontier", "Dominated", … for an incremental-analysis status. */
export function statusWord(t: Translate, status: string): string {
  return ['reference', 'nondominated', 'dominated', 'extendedly-dominated'].includes(status) ? t(`reportResults.status.${status as 'reference'}`) : status;
}

export interface SurvivalSummary extends SurvivalSeries {
  meanOs: number;
  medianOs: number | null;
  meanPfs: number | null;
  medianPfs: number | null;
}

/** Restricted mean (trapezoids over the trace rows) and the first time the curve falls to one half. */
function curveStats(years: readonly number[], s: readonly number[]): { mean: number; median: number | null } {
  let mean = 0;
  let median: number | null = null;
  for (let i = 1; i < years.length; i++) {
    mean += ((s[i - 1]! + s[i]!) / 2) * (years[i]! - years[i - 1]!);
    if (median === null && s[i - 1]! > 0.5 && s[i]! <= 0.5) median = years[i - 1]! + ((s[i - 1]! - 0.5) / (s[i - 1]! - s[i]!)) * (years[i]! - years[i - 1]!);
  }
  return { mean, median };
}

/** Overall and progression-free survival per strategy from the cohort trace (null when the model has no dead state). */
export function survivalFromTrace(m: ReportModel, base: BaseCaseResult): SurvivalSummary[] | null {
  const dead = deadStateIds(m.model);
  const pf = progressionFreeStateIds(m.model);
  const deadIdx = base.stateIds.flatMap((s, i) => (dead.has(s) ? [i] : []));
  const pfIdx = base.stateIds.flatMap((s, i) => (pf.has(s) ? [i] : []));
  if (deadIdx.length === 0) return null;
  const n = base.stateIds.length;
  const rows = base.cycles + 1;
  const years = Array.from({ length: rows }, (_, t) => t * base.cycleLength);
  return base.strategies.map((s, j) => {
    const os: number[] = [];
    const pfs: number[] = [];
    for (let t = 0; t < rows; t++) {
      let deadShare = 0;
      let pfShare = 0;
      for (const k of deadIdx) deadShare += s.trace[t * n + k]!;
      for (const k of pfIdx) pfShare += s.trace[t * n + k]!;
      os.push(1 - deadShare);
      pfs.push(pfShare);
    }
    const o = curveStats(years, os);
    const p = pfIdx.length > 0 ? curveStats(years, pfs) : null;
    return { label: s.label, colourIndex: j, years, os, pfs: pfIdx.length > 0 ? pfs : null, meanOs: o.mean, medianOs: o.median, meanPfs: p?.mean ?? null, medianPfs: p?.median ?? null };
  });
}

/** A tree's outcome counter as the screen words it, with what it counts where the screen's group heading says it. */
export function outcomeLabel(m: ReportModel, id: string, t: Translate = translator('en')): string {
  const tests = ((m.model.model as { tests?: { id: string; label?: string }[] }).tests ?? []);
  const label = outcomeCountText(id, t, tests);
  const group = outcomeCountGroup(id);
  if (group === 'Tests') return t('reportResults.testsDone', { test: label });
  if (group === 'Adverse events') return t('reportResults.adverseEvent', { event: label });
  return label;
}

/** "9.5 days" for a tree's time unit (English plural "s" for a unit the catalogue does not know). */
function timeIn(t: Translate, value: string, unit: string): string {
  return ['day', 'week', 'month', 'year', 'cycle'].includes(unit) ? t(`reportResults.timeIn.${unit as 'day'}`, { value }) : `${value} ${unit}s`;
}

function modelParts(ctx: BuildContext, m: ReportModel, prefix: string): DraftSection[] {
  const base = m.analyses['base-case'];
  const p = idPart(prefix);
  const { fmt, t } = ctx;
  if (!base) {
    const why = m.problems.find((x) => x.kind === 'base-case')?.message ?? t('reportText.notRun');
    return [draft(`${prefix}-totals`, t('run.kind.base-case'), [notice(t('reportResults.baseCaseFailed', { why }), 'warning')])];
  }
  const cur = currencyOf(m);
  const e = effectWord(m, t);
  const money = (x: number | null) => fmt.money(x, cur);
  const categoryLabels = base.categoryIds.map((c) => m.model.costCategories.find((x) => x.id === c)?.label ?? humanise(c));
  const parts: DraftSection[] = [];

  parts.push(
    draft(`${prefix}-totals`, t('reportResults.totals'), [
      table({
        id: `tab-${p}-totals`,
        caption: t('reportResults.totalsCaption'),
        header: [t('reportText.strategy'), t('reportResults.costIn', { currency: cur ?? t('reportText.currency') }), t('reportText.qalysLabel'), t('reportText.lifeYearsLabel')],
        rows: base.strategies.map((s) => [s.label, money(s.cost), fmt.number(s.qalys, 4), fmt.number(s.lifeYears, 4)]),
        numeric: true,
        widths: [4, 2, 1.5, 1.5],
      }),
      table({
        id: `tab-${p}-undiscounted`,
        caption: t('reportResults.undiscountedCaption'),
        header: [t('reportText.strategy'), t('reportResults.costIn', { currency: cur ?? t('reportText.currency') }), t('reportText.qalysLabel'), t('reportText.lifeYearsLabel')],
        rows: base.strategies.map((s) => [s.label, money(s.costUndiscounted), fmt.number(s.qalysUndiscounted, 4), fmt.number(s.lifeYearsUndiscounted, 4)]),
        numeric: true,
        widths: [4, 2, 1.5, 1.5],
      }),
      table({
        id: `tab-${p}-categories`,
        caption: t('reportResults.categoriesCaption'),
        header: [t('reportText.strategy'), ...categoryLabels, t('reportResults.total')],
        rows: base.strategies.map((s) => [s.label, ...s.costByCategory.map((c) => money(c)), money(s.cost)]),
        numeric: true,
      }),
    ]),
  );

  const frontierPoints = base.incremental.map((r) => ({ id: r.id, label: strategyLabel(m, r.id), cost: r.cost, effect: r.effect, onFrontier: r.status === 'reference' || r.status === 'nondominated' }));
  const incrementalTable = table({
    id: `tab-${p}-incremental`,
    caption: t('reportResults.incrementalCaption'),
    header: [t('reportText.strategy'), t('results.cost'), e.label, t('reportCharts.incrementalCost'), capitalFirst(t('reportResults.incrementalEffect', { effect: e.plural })), t('reportResults.icerPer', { unit: e.unit }), t('reportEvidence.status')],
    rows: base.incremental.map((r) => [strategyLabel(m, r.id), money(r.cost), fmt.number(r.effect, 4), r.incCost === null ? '—' : fmt.moneyChange(r.incCost, cur), r.incEffect === null ? '—' : fmt.numberChange(r.incEffect, 4), r.icer === null ? '—' : money(r.icer), statusWord(t, r.status)]),
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    widths: [3.2, 1.4, 1, 1.4, 1.3, 1.4, 1.6],
  });
  parts.push(
    draft(`${prefix}-incremental`, t('reportResults.incremental'), [
      paragraph(t('reportResults.incrementalNote'), 'note'),
      incrementalTable,
      figure(
        `fig-${p}-frontier`,
        t('reportCharts.frontier'),
        frontierChart(`fig-${p}-frontier-svg`, { fmt, currency: cur, effectUnit: e.unit, effectNoun: e.plural, t }, frontierPoints),
        table({ id: `tab-${p}-frontier-data`, caption: t('reportCharts.frontier'), header: [t('reportText.strategy'), t('results.cost'), e.label, t('reportResults.status.nondominated')], rows: frontierPoints.map((x) => [x.label, money(x.cost), fmt.number(x.effect, 4), x.onFrontier ? t('reportText.yes') : t('reportText.no')]), numeric: true }),
      ),
    ]),
  );

  const wtps = m.model.settings.wtp;
  if (wtps.length > 0) {
    const nb = incrementalNetBenefit(base.strategies.map((s) => ({ id: s.id, label: s.label, cost: s.cost, effect: s.effect })), wtps);
    const ref = strategyLabel(m, nb[0]!.referenceId);
    parts.push(
      draft(`${prefix}-net-benefit`, t('reportResults.netBenefit'), [
        // Up to two thresholds side by side; more as rows (threshold, strategy), so the table keeps to the page width.
        nb.length <= 2
          ? table({
              id: `tab-${p}-net-benefit`,
              caption: t('reportResults.netBenefitCaption', { reference: ref }),
              header: [t('reportText.strategy'), ...nb.flatMap((w) => [t('reportResults.nmbAt', { wtp: fmt.moneyCompact(w.wtp, cur) }), t('reportResults.incNmbAt', { wtp: fmt.moneyCompact(w.wtp, cur) })])],
              rows: base.strategies.map((s) => [s.label, ...nb.flatMap((w) => {
                const entry = w.strategies.find((x) => x.id === s.id)!;
                return [money(entry.nmb), fmt.moneyChange(entry.incNmb, cur)];
              })]),
              numeric: true,
              notes: nb.map((w) => t('reportResults.optimalAt', { wtp: wtpText(ctx, m, w.wtp), strategy: strategyLabel(m, w.optimalId) })),
            })
          : table({
              id: `tab-${p}-net-benefit`,
              caption: t('reportResults.netBenefitCaption', { reference: ref }),
              header: [t('reportUncertainty.wtp'), t('reportText.strategy'), t('reportResults.nmb'), t('reportUncertainty.incNmb')],
              rows: nb.flatMap((w) => base.strategies.map((s, i) => {
                const entry = w.strategies.find((x) => x.id === s.id)!;
                return [i === 0 ? wtpText(ctx, m, w.wtp) : '', s.label, money(entry.nmb), fmt.moneyChange(entry.incNmb, cur)];
              })),
              align: ['left', 'left', 'right', 'right'],
              notes: nb.map((w) => t('reportResults.optimalAt', { wtp: wtpText(ctx, m, w.wtp), strategy: strategyLabel(m, w.optimalId) })),
            }),
      ]),
    );
  }

  const withCounts = base.strategies.filter((s) => s.details?.outcomeCounts);
  if (withCounts.length > 0) {
    const keys = [...new Set(withCounts.flatMap((s) => Object.keys(s.details!.outcomeCounts!)))];
    const blocks: Block[] = [
      table({
        id: `tab-${p}-outcomes`,
        caption: t('reportResults.outcomesCaption'),
        header: [t('report.scope.outcome'), ...withCounts.map((s) => s.label)],
        // The screen's order (tests, results, treatments, adverse events) and words.
        rows: groupedOutcomeCounts(keys).flatMap((g) => g.ids).map((k) => [outcomeLabel(m, k, t), ...withCounts.map((s) => fmt.number((s.details!.outcomeCounts![k] ?? 0) * 1000, 1))]),
        numeric: true,
      }),
    ];
    const withTime = withCounts.filter((s) => s.details?.timeToTreatment);
    if (withTime.length > 0) {
      blocks.push(
        table({
          id: `tab-${p}-time-to-treatment`,
          caption: t('reportResults.timeToTreatment'),
          header: [t('reportText.strategy'), t('reportResults.timeToTreatment')],
          rows: withTime.map((s) => [s.label, timeIn(t, fmt.number(s.details!.timeToTreatment!.mean, 1), s.details!.timeToTreatment!.unit)]),
          numeric: true,
        }),
      );
    }
    parts.push(draft(`${prefix}-outcomes`, t('reportResults.outcomes'), blocks));
  }

  const survival = survivalFromTrace(m, base);
  if (survival) {
    const yearsLabel = (x: number | null) => (x === null ? t('reportResults.notReached') : fmt.number(x, 2));
    parts.push(
      draft(`${prefix}-survival`, t('reportResults.survival'), [
        figure(
          `fig-${p}-survival`,
          t('reportResults.survivalCaption'),
          survivalChart(`fig-${p}-survival-svg`, fmt, survival, t),
          table({
            id: `tab-${p}-survival-data`,
            caption: t('reportResults.survivalDataCaption'),
            header: [t('reportText.strategy'), t('reportResults.meanOs'), t('reportResults.medianOs'), t('reportResults.meanPfs'), t('reportResults.medianPfs')],
            rows: survival.map((s) => [s.label, fmt.number(s.meanOs, 2), yearsLabel(s.medianOs), s.meanPfs === null ? '—' : fmt.number(s.meanPfs, 2), s.pfs === null ? '—' : yearsLabel(s.medianPfs)]),
            numeric: true,
          }),
        ),
      ]),
    );
  }
  return parts;
}

export function resultsSection(ctx: BuildContext): DraftSection[] {
  if (ctx.input.models.length === 0) return [draft('sec-results-none', ctx.t('reportText.models'), [paragraph(ctx.t('reportResults.noModel'))])];
  return perModel(ctx, 'results', (m, prefix) => modelParts(ctx, m, prefix));
}
