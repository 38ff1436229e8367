// Section "Budget impact" (ISPOR good practice, Sullivan 2014): design (perspective, horizon, discounting, cohort
// rule), population funnel, market shares by year in each world, the budget per year (current, new, impact,
// cumulative, per patient and per 100,000 inhabitants), costs by category with the test budget apart, scenarios
// and the one-way (tornado) analysis.
import type { BudgetImpactReport } from '../../engine/budget/run-budget-impact';
import { budgetChart, tornadoFigure } from '../charts/hta-charts';
import { humanise } from '../format';
import type { TableRow } from '../document';
import type { ReportModel } from '../report-input';
import type { BuildContext, DraftSection } from './context';
import { currencyOf, draft, figure, idPart, notice, paragraph, table } from './context';

/** The category that holds the test budget: "test", else the first whose id or label names tests. */
export function testCategory(r: BudgetImpactReport, labels: Map<string, string>): string | null {
  return r.categories.find((c) => c === 'test') ?? r.categories.find((c) => /test/i.test(c) || /test/i.test(labels.get(c) ?? '')) ?? null;
}

function parts(ctx: BuildContext, m: ReportModel, r: BudgetImpactReport, prefix: string): DraftSection[] {
  const { fmt } = ctx;
  const p = idPart(prefix);
  const cur = r.currency ?? currencyOf(m);
  const money = (x: number | null | undefined) => fmt.money(x, cur);
  const yearLabel = (y: { year: number; calendarYear?: number | null }) => (y.calendarYear ? `${y.year} (${y.calendarYear})` : String(y.year));
  const categoryLabels = new Map(r.categories.map((c) => [c, m.model.costCategories.find((x) => x.id === c)?.label ?? humanise(c)]));
  const out: DraftSection[] = [];

  out.push(
    draft(`${prefix}-design`, 'Design', [
      table({
        id: `tab-${p}-bia-design`,
        caption: 'Budget impact analysis: design',
        header: ['Item', 'Value'],
        rows: [
          ['Analysis', r.label ?? 'Budget impact'],
          ['Country', r.country ?? 'Not stated'],
          ['Perspective', r.perspective ?? 'Not stated'],
          ['Time horizon', `${r.horizonYears} year${r.horizonYears === 1 ? '' : 's'}${r.startYear ? ` from ${r.startYear}` : ''}`],
          ['Currency and price year', `${cur ?? 'not stated'}${r.priceYear ? `, ${r.priceYear}` : ''}`],
          ['Discounting', r.discounting],
          ['Cohorts', r.cohortRule],
          ...(r.costLinkRule ? [['Costs from the linked model', r.costLinkRule]] : []),
        ],
        widths: [1.6, 5],
      }),
    ]),
  );

  const yearHeaders = r.years.map((y) => `Year ${yearLabel(y)}`);
  out.push(
    draft(`${prefix}-population`, 'Eligible population', [
      table({
        id: `tab-${p}-funnel`,
        caption: 'Population funnel: people per year at each step',
        header: ['Step', 'Value', ...yearHeaders, 'Source'],
        rows: [
          ...(r.population.inhabitants.some((x) => x !== null) ? [{ cells: ['Inhabitants', '—', ...r.population.inhabitants.map((x) => fmt.number(x, 0)), '—'] }] : []),
          ...r.population.funnel.map((f) => ({ cells: [f.label, fmt.parameter(f.value), ...f.counts.map((c) => fmt.number(c, 0)), f.source ?? '—'] })),
          { cells: ['Eligible patients entering', '', ...r.population.entering.map((c) => fmt.number(c, 0)), ''], tone: 'strong' as const },
        ],
        numeric: true,
        align: ['left', 'right', ...yearHeaders.map(() => 'right' as const), 'left'],
      }),
      ...(r.population.prevalent ? [paragraph(`A prevalent cohort of ${fmt.number(r.population.prevalent.count, 0)} people enters in year 1 (in year ${r.population.prevalent.yearSinceStart} since their start).`)] : []),
    ]),
  );

  const sharesTable = (world: 'current' | 'new', title: string) =>
    table({
      id: `tab-${p}-shares-${world}`,
      caption: `Market shares by year: ${title}`,
      header: ['Strategy', ...r.shares[world].map((y) => `Year ${y.year}`), 'Uptake rule'],
      rows: r.strategies.map((s) => [s.label, ...r.shares[world].map((y) => fmt.percent(y.shares[s.id] ?? 0)), r.uptake[world][s.id] ?? '—']),
      numeric: true,
      align: ['left', ...r.shares[world].map(() => 'right' as const), 'left'],
    });
  out.push(draft(`${prefix}-shares`, 'Market shares', [sharesTable('current', 'current world'), sharesTable('new', 'new world (with the technology)')]));

  const perPatient = r.years.every((y) => y.perPatient !== null);
  const per100k = r.years.every((y) => y.per100k !== null);
  const yearRows: TableRow[] = r.years.map((y) => ({
    cells: [yearLabel(y), fmt.number(y.patients.entering + y.patients.prevalent, 0), money(y.current), money(y.new), money(y.impact), money(y.cumulativeImpact), ...(perPatient ? [money(y.perPatient!.impact)] : []), ...(per100k ? [money(y.per100k!.impact)] : [])],
  }));
  yearRows.push({
    cells: ['Total', '', money(r.cumulative.current), money(r.cumulative.new), money(r.cumulative.impact), '', ...(perPatient ? [money(r.cumulative.perPatient?.impact)] : []), ...(per100k ? [money(r.cumulative.per100k?.impact)] : [])],
    tone: 'strong',
  });
  out.push(
    draft(`${prefix}-years`, 'Budget per year', [
      figure(
        `fig-${p}-budget`,
        'Budget by year in the current and new world, and the budget impact',
        budgetChart(`fig-${p}-budget-svg`, fmt, cur ?? undefined, r.years.map((y) => ({ label: yearLabel(y), current: y.current, new: y.new, impact: y.impact }))),
        table({
          id: `tab-${p}-budget-years`,
          caption: 'Budget per year',
          header: ['Year', 'Patients', 'Current world', 'New world', 'Budget impact', 'Cumulative impact', ...(perPatient ? ['Impact per patient'] : []), ...(per100k ? ['Impact per 100,000 inhabitants'] : [])],
          rows: yearRows,
          numeric: true,
        }),
      ),
    ]),
  );

  const test = testCategory(r, categoryLabels);
  const ordered = test ? [test, ...r.categories.filter((c) => c !== test)] : r.categories;
  const catRows: TableRow[] = ordered.map((c) => {
    const t = r.cumulative.byCategory[c]!;
    return { cells: [categoryLabels.get(c) ?? c, money(t.current), money(t.new), money(t.impact)] };
  });
  if (test) {
    const rest = r.categories.filter((c) => c !== test).map((c) => r.cumulative.byCategory[c]!);
    const sumOf = (k: 'current' | 'new' | 'impact') => rest.reduce((a, t) => a + t[k], 0);
    catRows.splice(1, 0, { cells: ['All other categories', money(sumOf('current')), money(sumOf('new')), money(sumOf('impact'))], tone: 'strong' });
  }
  catRows.push({ cells: ['Total', money(r.cumulative.current), money(r.cumulative.new), money(r.cumulative.impact)], tone: 'strong' });
  out.push(
    draft(`${prefix}-categories`, 'Costs by category', [
      table({ id: `tab-${p}-budget-categories`, caption: `Budget over ${r.horizonYears} years by cost category${test ? ' (the test budget first, apart from the other categories)' : ''}`, header: ['Category', 'Current world', 'New world', 'Budget impact'], rows: catRows, numeric: true }),
    ]),
  );

  const scen = r.scenarios;
  out.push(
    draft(`${prefix}-scenarios`, 'Scenarios', [
      scen.length === 0
        ? paragraph('The budget impact analysis defines no scenarios.')
        : table({
            id: `tab-${p}-budget-scenarios`,
            caption: `Scenarios: cumulative budget impact over ${r.horizonYears} years`,
            header: ['Scenario', 'Current world', 'New world', 'Budget impact', 'Difference from the base case'],
            rows: [['Base case', money(r.cumulative.current), money(r.cumulative.new), money(r.cumulative.impact), '—'], ...scen.map((s) => [s.label, money(s.cumulative.current), money(s.cumulative.new), money(s.cumulative.impact), fmt.moneyChange(s.differenceFromBase, cur ?? undefined)])],
            numeric: true,
          }),
    ]),
  );

  const rows = r.tornado.rows.filter((t) => t.swing !== null).slice(0, 10);
  if (rows.length > 0) {
    out.push(
      draft(`${prefix}-tornado`, 'One-way sensitivity analysis', [
        figure(
          `fig-${p}-budget-tornado`,
          `Tornado diagram: ${r.tornado.measure}`,
          tornadoFigure(`fig-${p}-budget-tornado-svg`, 'Budget impact tornado diagram', `Cumulative budget impact when each of the ${rows.length} most influential inputs is at its low or high value; the vertical line is the base case.`, rows.map((t) => ({ label: t.label, atLow: t.impactAtLow, atHigh: t.impactAtHigh })), r.tornado.baseImpact, 'Cumulative budget impact', (v) => fmt.moneyCompact(v, cur ?? undefined)),
          table({
            id: `tab-${p}-budget-tornado-data`,
            caption: 'Budget impact one-way analysis',
            header: ['Input', 'Low', 'High', 'Impact at low', 'Impact at high', 'Swing'],
            rows: r.tornado.rows.slice(0, 15).map((t) => [t.label, fmt.parameter(t.low), fmt.parameter(t.high), money(t.impactAtLow), money(t.impactAtHigh), t.error ? `invalid: ${t.error}` : money(t.swing)]),
            numeric: true,
          }),
        ),
      ]),
    );
  }
  if (r.warnings.length > 0) out.push(draft(`${prefix}-warnings`, 'Warnings', r.warnings.map((w) => notice(w, 'warning'))));
  return out;
}

export function budgetSection(ctx: BuildContext): DraftSection[] {
  const withBudget = ctx.input.models.filter((m) => m.analyses['budget-impact'] !== null || m.model.budgetImpact !== undefined);
  if (withBudget.length === 0) return [draft('sec-budget-none', 'Budget impact', [paragraph('No linked model has a budget impact analysis.')])];
  const one = withBudget.length === 1;
  return withBudget.flatMap((m) => {
    const prefix = one ? 'sec-budget' : `sec-budget-${idPart(m.id)}`;
    const r = m.analyses['budget-impact'];
    const content = r ? parts(ctx, m, r, prefix) : [draft(`${prefix}-failed`, 'Budget impact', [notice(`The budget impact analysis could not be run: ${m.problems.find((x) => x.kind === 'budget-impact')?.message ?? 'unknown reason'}.`, 'warning')])];
    return one ? content : [draft(prefix, m.title, [], content)];
  });
}
