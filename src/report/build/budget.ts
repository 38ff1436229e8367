// Section "Budget impact" (ISPOR good practice, Sullivan 2014): design (perspective, horizon, discounting, cohort
// rule), population funnel, market shares by year in each world, the budget per year (current, new, impact,
// cumulative, per patient and per 100,000 inhabitants), costs by category with the test budget apart, scenarios
// and the one-way (tornado) analysis.
import { describeWarnings } from '../engine-problems';
import type { BudgetImpactReport } from '../../engine/budget/run-budget-impact';
import { COHORT_RULE } from '../../engine/budget/run-budget-impact';
import { LINKED_COST_RULE } from '../../engine/budget/model-costs';
import type { Uptake } from '../../engine/budget/bia-schema';
import type { TornadoRow } from '../../engine/budget/bia-tornado';
import type { Translate } from '../i18n/translate';
import { budgetChart, tornadoFigure } from '../charts/hta-charts';
import { humanise } from '../format';
import { parameterValueText } from '../model-description';
import { widestSwings } from '../tornado-inputs';
import type { TableRow } from '../document';
import type { ReportModel } from '../report-input';
import type { BuildContext, DraftSection } from './context';
import { currencyOf, draft, figure, idPart, notice, paragraph, table } from './context';

/** A budget-impact tornado row's label in the report's language: an uptake row is worded here, others are data. */
export function tornadoRowLabel(row: Pick<TornadoRow, 'label' | 'uptake'>, t: Translate): string {
  if (!row.uptake) return row.label;
  const world = row.uptake.worldLabel ?? t(row.uptake.world === 'newWorld' ? 'budgetView.newWorld' : 'budgetView.currentWorld');
  return t('reportBudget.uptakeOf', { world, strategy: row.uptake.strategy });
}

/** Cost categories by the labels the model gives them ("Molecular tests"), else their ids in words; screen and report alike. */
export function costCategoryLabels(ids: readonly string[], categories: readonly { id: string; label?: string }[] | undefined): Map<string, string> {
  return new Map(ids.map((c) => [c, categories?.find((x) => x.id === c)?.label ?? humanise(c)]));
}

/** The category that holds the test budget: "test", else the first whose id or label names tests. */
export function testCategory(r: BudgetImpactReport, labels: Map<string, string>): string | null {
  return r.categories.find((c) => c === 'test') ?? r.categories.find((c) => /test/i.test(c) || /test/i.test(labels.get(c) ?? '')) ?? null;
}

/**
 * An uptake rule in words (the engine's describeUptake, in a display language): for the report and the budget
 * screen alike; `share` formats a market share and `num` the S-curve's numbers.
 */
export function uptakeText(u: Uptake, horizon: number, t: Translate, share: (x: number) => string, num: (x: number) => string): string {
  if (u === 'rest') return t('reportBudget.uptake.rest');
  if (typeof u === 'number') return t('reportBudget.uptake.constant', { share: share(u) });
  switch (u.shape) {
    case 'constant':
      return t('reportBudget.uptake.constant', { share: share(u.value) });
    case 'linear':
      return t('reportBudget.uptake.linear', { from: share(u.from), fromYear: u.fromYear, to: share(u.to), toYear: u.toYear ?? horizon });
    case 's-curve':
      return t('reportBudget.uptake.sCurve', { from: share(u.from), to: share(u.to), steepness: num(u.steepness), midpoint: num(u.midpoint) });
    case 'series':
      return t('reportBudget.uptake.series', { shares: u.values.map(share).join(', ') });
  }
}

function parts(ctx: BuildContext, m: ReportModel, r: BudgetImpactReport, prefix: string): DraftSection[] {
  const { fmt, t } = ctx;
  const spec = m.model.budgetImpact;
  // A share as the reader writes percentages ("5%", "5 %"), with only the decimals it has (42.5%, at most 2).
  const shareText = (x: number) => fmt.percent(x, Math.min(2, (String(+(x * 100).toPrecision(4)).split('.')[1] ?? '').length));
  const uptake = (world: 'current' | 'new', id: string) => {
    const u = spec?.[world === 'current' ? 'currentWorld' : 'newWorld'].shares[id];
    return u === undefined ? (r.uptake[world][id] ?? '—') : uptakeText(u, r.horizonYears, t, shareText, (x) => fmt.parameter(x));
  };
  const stated = (text: string | null | undefined) => text ?? t('report.methods.notStated');
  const p = idPart(prefix);
  const cur = r.currency ?? currencyOf(m);
  const money = (x: number | null | undefined) => fmt.money(x, cur);
  // Impacts carry their sign ("+€231,724"), as on the screen; budgets do not.
  const change = (x: number | null | undefined) => fmt.moneyChange(x, cur);
  const yearLabel = (y: { year: number; calendarYear?: number | null }) => (y.calendarYear ? `${y.year} (${y.calendarYear})` : String(y.year));
  const categoryLabels = costCategoryLabels(r.categories, m.model.costCategories);
  const out: DraftSection[] = [];

  out.push(
    draft(`${prefix}-design`, t('reportBudget.design'), [
      table({
        id: `tab-${p}-bia-design`,
        caption: t('reportBudget.designCaption'),
        header: [t('report.front.item'), t('report.methods.value')],
        rows: [
          [t('report.front.analysis'), r.label ?? t('run.kind.budget-impact')],
          [t('results.country'), stated(r.country)],
          [t('report.methods.perspective'), stated(r.perspective)],
          [t('reportBudget.horizon'), `${r.horizonYears === 1 ? t('reportSummary.oneYear') : t('reportSummary.years', { n: r.horizonYears })}${r.startYear ? t('reportBudget.fromYear', { year: r.startYear }) : ''}`],
          [t('reportBudget.currency'), `${cur ?? t('reportBudget.notStated')}${r.priceYear ? `, ${r.priceYear}` : ''}`],
          [t('reportBudget.discounting'), r.discountRate === 0 ? t('reportBudget.noDiscounting') : t('reportBudget.annualRate', { rate: String(r.discountRate) })],
          [t('reportBudget.cohorts'), r.cohortRule === COHORT_RULE ? t('reportBudget.cohortRule') : r.cohortRule],
          ...(r.costLinkRule ? [[t('reportBudget.costLink'), r.costLinkRule === LINKED_COST_RULE ? t('reportBudget.costLinkRule') : r.costLinkRule]] : []),
        ],
        widths: [1.6, 5],
      }),
    ]),
  );

  const yearHeaders = r.years.map((y) => t('reportBudget.yearN', { year: yearLabel(y) }));
  out.push(
    draft(`${prefix}-population`, t('reportBudget.population'), [
      table({
        id: `tab-${p}-funnel`,
        caption: t('reportBudget.funnelCaption'),
        header: [t('reportBudget.step'), t('report.methods.value'), ...yearHeaders, t('report.methods.source')],
        rows: [
          ...(r.population.inhabitants.some((x) => x !== null) ? [{ cells: [t('reportBudget.inhabitants'), '—', ...r.population.inhabitants.map((x) => fmt.number(x, 0)), '—'] }] : []),
          ...r.population.funnel.map((f) => ({ cells: [f.label, fmt.grouped(f.value), ...f.counts.map((c) => fmt.number(c, 0)), f.source ?? '—'] })),
          { cells: [t('reportBudget.entering'), '', ...r.population.entering.map((c) => fmt.number(c, 0)), ''], tone: 'strong' as const },
        ],
        numeric: true,
        align: ['left', 'right', ...yearHeaders.map(() => 'right' as const), 'left'],
      }),
      ...(r.population.prevalent ? [paragraph(t('reportBudget.prevalent', { n: fmt.number(r.population.prevalent.count, 0), year: r.population.prevalent.yearSinceStart }))] : []),
    ]),
  );

  const sharesTable = (world: 'current' | 'new', title: string) =>
    table({
      id: `tab-${p}-shares-${world}`,
      caption: t('reportBudget.sharesCaption', { world: title }),
      header: [t('reportText.strategy'), ...r.shares[world].map((y) => t('reportBudget.yearN', { year: y.year })), t('reportBudget.uptakeRule')],
      rows: r.strategies.map((s) => [s.label, ...r.shares[world].map((y) => fmt.percent(y.shares[s.id] ?? 0)), uptake(world, s.id)]),
      numeric: true,
      align: ['left', ...r.shares[world].map(() => 'right' as const), 'left'],
    });
  out.push(draft(`${prefix}-shares`, t('reportBudget.shares'), [sharesTable('current', t('reportBudget.currentWorldLower')), sharesTable('new', t('reportBudget.newWorldLower'))]));

  const perPatient = r.years.every((y) => y.perPatient !== null);
  const per100k = r.years.every((y) => y.per100k !== null);
  const yearRows: TableRow[] = r.years.map((y) => ({
    cells: [yearLabel(y), fmt.number(y.patients.entering + y.patients.prevalent, 0), money(y.current), money(y.new), change(y.impact), change(y.cumulativeImpact), ...(perPatient ? [change(y.perPatient!.impact)] : []), ...(per100k ? [change(y.per100k!.impact)] : [])],
  }));
  yearRows.push({
    cells: [t('reportResults.total'), '', money(r.cumulative.current), money(r.cumulative.new), change(r.cumulative.impact), '', ...(perPatient ? [change(r.cumulative.perPatient?.impact)] : []), ...(per100k ? [change(r.cumulative.per100k?.impact)] : [])],
    tone: 'strong',
  });
  out.push(
    draft(`${prefix}-years`, t('reportBudget.perYear'), [
      figure(
        `fig-${p}-budget`,
        t('reportBudget.chartCaption'),
        budgetChart(`fig-${p}-budget-svg`, fmt, cur ?? undefined, r.years.map((y) => ({ label: yearLabel(y), current: y.current, new: y.new, impact: y.impact })), t),
        table({
          id: `tab-${p}-budget-years`,
          caption: t('reportBudget.perYear'),
          header: [t('reportCharts.year'), t('reportBudget.patients'), t('reportCharts.currentWorld'), t('reportCharts.newWorld'), t('reportCharts.budgetImpact'), t('reportBudget.cumulative'), ...(perPatient ? [t('reportBudget.perPatient')] : []), ...(per100k ? [t('reportBudget.per100k')] : [])],
          rows: yearRows,
          numeric: true,
        }),
      ),
    ]),
  );

  const test = testCategory(r, categoryLabels);
  const ordered = test ? [test, ...r.categories.filter((c) => c !== test)] : r.categories;
  const catRows: TableRow[] = ordered.map((c) => {
    const total = r.cumulative.byCategory[c]!;
    return { cells: [categoryLabels.get(c) ?? c, money(total.current), money(total.new), change(total.impact)] };
  });
  if (test) {
    const rest = r.categories.filter((c) => c !== test).map((c) => r.cumulative.byCategory[c]!);
    const sumOf = (k: 'current' | 'new' | 'impact') => rest.reduce((a, x) => a + x[k], 0);
    catRows.splice(1, 0, { cells: [t('reportBudget.otherCategories'), money(sumOf('current')), money(sumOf('new')), change(sumOf('impact'))], tone: 'strong' });
  }
  catRows.push({ cells: [t('reportResults.total'), money(r.cumulative.current), money(r.cumulative.new), change(r.cumulative.impact)], tone: 'strong' });
  out.push(
    draft(`${prefix}-categories`, t('reportBudget.categories'), [
      table({ id: `tab-${p}-budget-categories`, caption: t(test ? 'reportBudget.categoriesCaptionTest' : 'reportBudget.categoriesCaption', { n: r.horizonYears }), header: [t('reportBudget.category'), t('reportCharts.currentWorld'), t('reportCharts.newWorld'), t('reportCharts.budgetImpact')], rows: catRows, numeric: true }),
    ]),
  );

  const scen = r.scenarios;
  out.push(
    draft(`${prefix}-scenarios`, t('run.kind.scenarios'), [
      scen.length === 0
        ? paragraph(t('reportBudget.noScenarios'))
        : table({
            id: `tab-${p}-budget-scenarios`,
            caption: t('reportBudget.scenariosCaption', { n: r.horizonYears }),
            header: [t('reportUncertainty.scenario'), t('reportCharts.currentWorld'), t('reportCharts.newWorld'), t('reportCharts.budgetImpact'), t('reportBudget.difference')],
            rows: [[t('run.kind.base-case'), money(r.cumulative.current), money(r.cumulative.new), change(r.cumulative.impact), '—'], ...scen.map((s) => [s.label, money(s.cumulative.current), money(s.cumulative.new), change(s.cumulative.impact), fmt.moneyChange(s.differenceFromBase, cur ?? undefined)])],
            numeric: true,
          }),
    ]),
  );

  const rows = widestSwings(r.tornado.rows);
  const valid = r.tornado.rows.filter((x) => x.swing !== null).length;
  const failed = r.tornado.rows.filter((x) => x.error !== null);
  // An input's low and high value in its unit ("3 000 € per month", a share as "60 %"), as the screen's tornado says them.
  const end = (x: TornadoRow, v: number) => (x.uptake ? fmt.percent(v, 0) : x.kind === 'model-parameter' ? parameterValueText(m.model.parameters.find((q) => q.id === x.id) ?? {}, v, cur ?? undefined, fmt) : fmt.grouped(v));
  if (rows.length > 0) {
    out.push(
      draft(`${prefix}-tornado`, t('reportUncertainty.oneWay'), [
        // The chart and its data table list the same inputs; the text says when the analysis varied more.
        paragraph(t(valid > rows.length ? 'reportBudget.tornadoShownOf' : 'reportBudget.tornadoShown', { n: rows.length, total: valid })),
        figure(
          `fig-${p}-budget-tornado`,
          t('reportUncertainty.tornadoCaption', { what: r.horizonYears === 1 ? t('reportBudget.measureOne') : t('reportBudget.measure', { n: r.horizonYears }) }),
          tornadoFigure(`fig-${p}-budget-tornado-svg`, t('reportBudget.tornado'), t('reportBudget.tornadoDescription', { n: rows.length }), rows.map((x) => ({ label: tornadoRowLabel(x, t), atLow: x.impactAtLow, atHigh: x.impactAtHigh })), r.tornado.baseImpact, t('reportBudget.cumulativeImpact'), (v) => fmt.moneyCompact(v, cur ?? undefined), t),
          table({
            id: `tab-${p}-budget-tornado-data`,
            caption: t('reportBudget.tornadoDataCaption'),
            header: [t('report.limits.input'), t('reportAccuracy.rating.low'), t('reportAccuracy.rating.high'), t('reportBudget.atLow'), t('reportBudget.atHigh'), t('reportUncertainty.swing')],
            rows: rows.map((x) => [tornadoRowLabel(x, t), end(x, x.low), end(x, x.high), change(x.impactAtLow), change(x.impactAtHigh), money(x.swing)]),
            numeric: true,
          }),
        ),
        ...failed.map((x) => notice(t('reportBudget.tornadoFailed', { input: tornadoRowLabel(x, t), error: x.error! }), 'warning')),
      ]),
    );
  }
  if (r.warnings.length > 0) out.push(draft(`${prefix}-warnings`, t('reportBudget.warnings'), describeWarnings(r.warnings, r.warningDetails, t, fmt).map((w) => notice(w, 'warning'))));
  return out;
}

export function budgetSection(ctx: BuildContext): DraftSection[] {
  const withBudget = ctx.input.models.filter((m) => m.analyses['budget-impact'] !== null || m.model.budgetImpact !== undefined);
  const { t } = ctx;
  if (withBudget.length === 0) return [draft('sec-budget-none', t('run.kind.budget-impact'), [paragraph(t('reportBudget.none'))])];
  const one = withBudget.length === 1;
  return withBudget.flatMap((m) => {
    const prefix = one ? 'sec-budget' : `sec-budget-${idPart(m.id)}`;
    const r = m.analyses['budget-impact'];
    const content = r ? parts(ctx, m, r, prefix) : [draft(`${prefix}-failed`, t('run.kind.budget-impact'), [notice(t('reportBudget.failed', { message: m.problems.find((x) => x.kind === 'budget-impact')?.message ?? t('reportBudget.unknownReason') }), 'warning')])];
    return one ? content : [draft(prefix, m.title, [], content)];
  });
}
