import type { BudgetImpactReport } from '../../engine/budget/run-budget-impact';
import { budgetBarRows } from '../charts/chart-data';
import { BudgetScenarios, BudgetTestSplit, BudgetTornado } from './budget-analyses';
import { StackedBarChart } from '../charts/stacked-bar-chart';
import { TableExport } from '../exports/export-menu';
import { budgetPatientsTable, budgetYearsTable } from '../../report/results-tables';
import { formatMoney, formatMoneyCompact, humanise, formatMoneyChange, formatNumber, formatPercent } from '../../report/format';

// Budget impact: per-year costs in the current and the new world, the impact and its cumulative sum, costs stacked by
// category, and the patients in each world per strategy.

export interface BudgetState {
  report: BudgetImpactReport | null;
  problems: { path: string; message: string }[];
  /** The model document the analysis was run on. */
  document: unknown;
}

function whenOf(y: { year: number; calendarYear: number | null }): string {
  return y.calendarYear !== null ? `${y.calendarYear}` : `Year ${y.year}`;
}

export function BudgetPanel({ budget, updating }: { budget: BudgetState | null; updating: boolean }) {
  if (!budget) return <p className="empty" role="status">Running the budget impact analysis…</p>;
  if (!budget.report) {
    return (
      <div className="notice notice-error" role="alert" data-testid="budget-error">
        <div>
          <strong>The budget impact analysis could not be run.</strong>
          <ul className="plain-list">{budget.problems.map((p, i) => <li key={i}>{p.path && <span className="mono">{p.path}: </span>}{p.message}</li>)}</ul>
        </div>
      </div>
    );
  }
  const r = budget.report;
  const currency = r.currency ?? undefined;
  const money = (v: number) => formatMoney(v, currency);
  const tick = (v: number) => formatMoneyCompact(v, currency);
  const label = (id: string) => r.strategies.find((s) => s.id === id)?.label ?? id;
  const rows = budgetBarRows(r.years, r.categories);
  const impactRows = r.years.map((y) => ({ bar: whenOf(y), ...Object.fromEntries(r.categories.map((c) => [c, y.byCategory[c]?.impact ?? 0])) }));
  return (
    <div className="section-stack" data-testid="budget-panel">
      {updating && <div className="notice notice-info" role="status">Updating for the edited parameters…</div>}
      <section className="card" aria-labelledby="bia-title">
        <div className="card-header">
          <h2 id="bia-title">{r.label ?? 'Budget impact'}</h2>
          <span className="subtle">
            {[r.country, r.perspective, `${currency ?? ''}${r.priceYear !== null ? ` ${r.priceYear}` : ''}`.trim(), `${r.horizonYears} years`].filter(Boolean).join(' · ')}
          </span>
          <TableExport table={() => budgetYearsTable(r)} testId="export-budget-table" />
        </div>
        <div className="card-body flush table-wrap">
          <table className="table" data-testid="budget-table">
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col" className="num">Patients</th>
                <th scope="col" className="num">Current world</th>
                <th scope="col" className="num">New world</th>
                <th scope="col" className="num">Budget impact</th>
                <th scope="col" className="num">Cumulative impact</th>
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
                <th scope="row" className="row-head">Total, {r.horizonYears} years</th>
                <td className="num">{formatNumber(r.years.reduce((a, y) => a + y.patients.entering + y.patients.prevalent, 0), 0)}</td>
                <td className="num">{money(r.cumulative.current)}</td>
                <td className="num">{money(r.cumulative.new)}</td>
                <td className="num" data-testid="budget-total" data-value={r.cumulative.impact}>{formatMoneyChange(r.cumulative.impact, currency)}</td>
                <td className="num" />
              </tr>
            </tfoot>
          </table>
        </div>
        <div className="table-footer subtle">Discounting: {r.discounting}.</div>
      </section>
      <BudgetTestSplit report={r} />
      <BudgetScenarios report={r} />
      <BudgetTornado report={r} />
      <section className="card chart-card">
        <div className="card-body">
          <StackedBarChart
            testId="chart-budget"
            title="Budget by cost category, current and new world"
            description="For each year, the left bar is the current world and the right bar the new world."
            summary={`Budget per year by category. Cumulative impact over ${r.horizonYears} years: ${formatMoneyChange(r.cumulative.impact, currency)}.`}
            rows={rows}
            categoryKey="bar"
            stacks={r.categories.map((c) => ({ key: c, label: humanise(c) }))}
            xLabel="Year and world"
            yLabel={`Cost (${currency ?? 'currency'})`}
            formatY={tick}
            height={340}
          />
        </div>
      </section>
      <section className="card chart-card">
        <div className="card-body">
          <StackedBarChart
            testId="chart-budget-impact"
            title="Budget impact by cost category"
            description="New world minus current world per year: bars above zero are extra spending, below zero savings."
            summary={`Budget impact per year by category: ${r.years.map((y) => `${whenOf(y)} ${formatMoneyChange(y.impact, currency)}`).join(', ')}.`}
            rows={impactRows}
            categoryKey="bar"
            stacks={r.categories.map((c) => ({ key: c, label: humanise(c) }))}
            xLabel="Year"
            yLabel={`Impact (${currency ?? 'currency'})`}
            formatY={tick}
            signed
            height={300}
          />
        </div>
      </section>
      <section className="card" aria-labelledby="bia-patients-title">
        <div className="card-header">
          <h2 id="bia-patients-title">Patients by strategy</h2>
          <span className="subtle">Patients treated in each world (entering cohorts and the prevalent cohort)</span>
          <TableExport table={() => budgetPatientsTable(r)} testId="export-budget-patients" />
        </div>
        <div className="card-body flush table-wrap">
          <table className="table" data-testid="budget-patients-table">
            <thead>
              <tr>
                <th scope="col">World</th>
                <th scope="col">Strategy</th>
                {r.years.map((y) => <th key={y.year} scope="col" className="num">{whenOf(y)}</th>)}
                <th scope="col" className="num">Total</th>
              </tr>
            </thead>
            <tbody>
              {(['current', 'new'] as const).flatMap((world) =>
                r.strategies.map((s, k) => (
                  <tr key={`${world}-${s.id}`} className={k === 0 ? 'group-start' : undefined}>
                    {k === 0 && <th scope="rowgroup" rowSpan={r.strategies.length} className="row-head">{world === 'current' ? 'Current world' : 'New world'}</th>}
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
          New-world shares: {Object.entries(r.uptake.new).map(([id, text]) => `${label(id)}: ${text}`).join('; ')}. Year-1 shares (new world): {Object.entries(r.shares.new[0]?.shares ?? {}).map(([id, v]) => `${label(id)} ${formatPercent(v, 0)}`).join(', ')}.
        </div>
      </section>
    </div>
  );
}
