import type { BudgetImpactReport } from '../../engine/budget/run-budget-impact';
import { budgetBarRows } from '../charts/chart-data';
import { BudgetScenarios, BudgetTestSplit, BudgetTornado, budgetYearLabel } from './budget-analyses';
import type { ParameterUnits } from './budget-analyses';
import { StackedBarChart } from '../charts/stacked-bar-chart';
import { TableExport } from '../exports/export-menu';
import { budgetPatientsTable, budgetYearsTable } from '../../report/results-tables';
import { formatMoney, formatMoneyAxis, formatMoneyChange, formatNumber, formatPercent } from '../settings/display-format';
import type { Uptake } from '../../engine/budget/bia-schema';
import { useLanguage } from '../i18n/language';
import type { Translate } from '../../report/i18n/translate';
import { costCategoryLabels, uptakeText } from '../../report/build/budget';
import { describeProblem } from '../../report/engine-problems';

// Budget impact: per-year costs in the current and the new world, the impact and its cumulative sum, costs stacked by
// category, and the patients in each world per strategy.

export interface BudgetState {
  report: BudgetImpactReport | null;
  problems: { path: string; message: string; code?: string; params?: Record<string, string | number> }[];
  /** The model document the analysis was run on. */
  document: unknown;
}

/** How the budget years are discounted, in words (the engine's own text is English, for reports). */
function discountingText(rate: number, t: Translate): string {
  return rate === 0 ? t('budgetView.discountNone') : t('budgetView.discountRate', { rate });
}

const share = (x: number) => formatPercent(x, x * 100 === Math.round(x * 100) ? 0 : 2);


export function BudgetPanel({ budget, updating }: { budget: BudgetState | null; updating: boolean }) {
  const { t, fmt } = useLanguage();
  if (!budget) return <p className="empty" role="status">{t('budgetView.running')}</p>;
  if (!budget.report) {
    return (
      <div className="notice notice-error" role="alert" data-testid="budget-error">
        <div>
          <strong>{t('budgetView.failed')}</strong>
          <ul className="plain-list">{budget.problems.map((p, i) => <li key={i}>{p.path && <span className="mono">{p.path}: </span>}{describeProblem(p, t, fmt)}</li>)}</ul>
        </div>
      </div>
    );
  }
  const r = budget.report;
  const whenOf = (y: { year: number; calendarYear: number | null }) => budgetYearLabel(y, t);
  const newShares = (budget.document as { budgetImpact?: { newWorld?: { shares?: Record<string, Uptake> } } } | null)?.budgetImpact?.newWorld?.shares ?? {};
  const currency = r.currency ?? undefined;
  const money = (v: number) => formatMoney(v, currency);
  // One tick style per axis: the scale of the largest stacked bar.
  const barSize = (row: Record<string, string | number>) => r.categories.reduce((a, c) => a + Math.abs(Number(row[c] ?? 0)), 0);
  const label = (id: string) => r.strategies.find((s) => s.id === id)?.label ?? id;
  const categoryLabels = costCategoryLabels(r.categories, (budget.document as { costCategories?: { id: string; label?: string }[] } | null)?.costCategories);
  const categoryLabel = (id: string) => categoryLabels.get(id) ?? id;
  const rows = budgetBarRows(r.years, r.categories, (y, world) => t(world === 'current' ? 'budgetView.barCurrent' : 'budgetView.barNew', { when: whenOf(y) }));
  const impactRows = r.years.map((y) => ({ bar: whenOf(y), ...Object.fromEntries(r.categories.map((c) => [c, y.byCategory[c]?.impact ?? 0])) }));
  return (
    <div className="section-stack" data-testid="budget-panel">
      {updating && <div className="notice notice-info" role="status">{t('budgetView.updating')}</div>}
      <section className="card" aria-labelledby="bia-title">
        <div className="card-header">
          <h2 id="bia-title">{r.label ?? t('run.kind.budget-impact')}</h2>
          <span className="subtle">
            {[r.country, r.perspective, `${currency ?? ''}${r.priceYear !== null ? ` ${r.priceYear}` : ''}`.trim(), t('common.years', { n: r.horizonYears })].filter(Boolean).join(' · ')}
          </span>
          <TableExport table={() => budgetYearsTable(r)} testId="export-budget-table" />
        </div>
        <div className="card-body flush table-wrap">
          <table className="table" data-testid="budget-table">
            <thead>
              <tr>
                <th scope="col">{t('budgetView.year')}</th>
                <th scope="col" className="num">{t('budgetView.patients')}</th>
                <th scope="col" className="num">{t('budgetView.currentWorld')}</th>
                <th scope="col" className="num">{t('budgetView.newWorld')}</th>
                <th scope="col" className="num">{t('run.kind.budget-impact')}</th>
                <th scope="col" className="num">{t('budgetView.cumulativeImpact')}</th>
              </tr>
            </thead>
            <tbody>
              {r.years.map((y) => (
                <tr key={y.year} data-testid="budget-row">
                  <th scope="row" className="row-head">{whenOf(y)}</th>
                  <td className="num">{formatNumber(y.patients.entering + y.patients.prevalent, 0)}</td>
                  <td className="num">{money(y.current)}</td>
                  <td className="num">{money(y.new)}</td>
                  <td className="num" data-testid="budget-impact" data-value={y.impact}>{formatMoneyChange(y.impact, currency)}</td>
                  <td className="num">{formatMoneyChange(y.cumulativeImpact, currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="total-row">
                <th scope="row" className="row-head">{t('budgetView.totalYears', { n: r.horizonYears })}</th>
                <td className="num">{formatNumber(r.years.reduce((a, y) => a + y.patients.entering + y.patients.prevalent, 0), 0)}</td>
                <td className="num">{money(r.cumulative.current)}</td>
                <td className="num">{money(r.cumulative.new)}</td>
                <td className="num" data-testid="budget-total" data-value={r.cumulative.impact}>{formatMoneyChange(r.cumulative.impact, currency)}</td>
                <td className="num" />
              </tr>
            </tfoot>
          </table>
        </div>
        <div className="table-footer subtle">{t('budgetView.discounting', { text: discountingText(r.discountRate, t) })}</div>
      </section>
      <BudgetTestSplit report={r} categoryLabel={categoryLabel} />
      <BudgetScenarios report={r} />
      <BudgetTornado report={r} parameters={parametersOf(budget.document)} />
      <section className="card chart-card">
        <div className="card-body">
          <StackedBarChart
            testId="chart-budget"
            title={t('budgetView.chartTitle')}
            description={t('budgetView.chartDescription')}
            summary={t('budgetView.chartSummary', { n: r.horizonYears, impact: formatMoneyChange(r.cumulative.impact, currency) })}
            rows={rows}
            categoryKey="bar"
            stacks={r.categories.map((c) => ({ key: c, label: categoryLabel(c) }))}
            xLabel={t('budgetView.yearAndWorld')}
            yLabel={t('analysis.costAxis', { currency: currency ?? t('analysis.currency') })}
            formatY={formatMoneyAxis(Math.max(0, ...rows.map(barSize)), currency)}
            formatTable={money}
            height={340}
          />
        </div>
      </section>
      <section className="card chart-card">
        <div className="card-body">
          <StackedBarChart
            testId="chart-budget-impact"
            title={t('budgetView.impactChartTitle')}
            description={t('budgetView.impactChartDescription')}
            summary={t('budgetView.impactChartSummary', { values: r.years.map((y) => `${whenOf(y)} ${formatMoneyChange(y.impact, currency)}`).join(', ') })}
            rows={impactRows}
            categoryKey="bar"
            stacks={r.categories.map((c) => ({ key: c, label: categoryLabel(c) }))}
            xLabel={t('budgetView.year')}
            yLabel={t('budgetView.impactAxis', { currency: currency ?? t('analysis.currency') })}
            formatY={formatMoneyAxis(Math.max(0, ...impactRows.map(barSize)), currency)}
            formatTable={(v) => formatMoneyChange(v, currency)}
            signed
            height={300}
          />
        </div>
      </section>
      <section className="card" aria-labelledby="bia-patients-title">
        <div className="card-header">
          <h2 id="bia-patients-title">{t('budgetView.patientsTitle')}</h2>
          <span className="subtle">{t('budgetView.patientsSubtitle')}</span>
          <TableExport table={() => budgetPatientsTable(r)} testId="export-budget-patients" />
        </div>
        <div className="card-body flush table-wrap">
          <table className="table" data-testid="budget-patients-table">
            <thead>
              <tr>
                <th scope="col">{t('budgetView.world')}</th>
                <th scope="col">{t('results.strategy')}</th>
                {r.years.map((y) => <th key={y.year} scope="col" className="num">{whenOf(y)}</th>)}
                <th scope="col" className="num">{t('budgetView.total')}</th>
              </tr>
            </thead>
            <tbody>
              {(['current', 'new'] as const).flatMap((world) =>
                r.strategies.map((s, k) => (
                  <tr key={`${world}-${s.id}`} className={k === 0 ? 'group-start' : undefined}>
                    {k === 0 && <th scope="rowgroup" rowSpan={r.strategies.length} className="row-head">{world === 'current' ? t('budgetView.currentWorld') : t('budgetView.newWorld')}</th>}
                    <th scope="row" className="row-head row-head-plain">{s.label}</th>
                    {r.years.map((y) => <td key={y.year} className="num">{formatNumber(y.patients[world][s.id], 0)}</td>)}
                    <td className="num">{formatNumber(r.years.reduce((a, y) => a + (y.patients[world][s.id] ?? 0), 0), 0)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
        <div className="table-footer subtle">
          {t('budgetView.sharesNote', {
            rules: Object.entries(r.uptake.new).map(([id, text]) => `${label(id)}: ${newShares[id] !== undefined ? uptakeText(newShares[id], r.horizonYears, t, share, String) : text}`).join('; '),
            year1: Object.entries(r.shares.new[0]?.shares ?? {}).map(([id, v]) => `${label(id)} ${formatPercent(v, 0)}`).join(', '),
          })}
        </div>
      </section>
    </div>
  );
}

/** The parameters (id, unit, kind) of the model document the budget impact ran on. */
function parametersOf(document: unknown): ParameterUnits {
  const list = (document as { parameters?: unknown } | null)?.parameters;
  return Array.isArray(list) ? (list as ParameterUnits) : [];
}
