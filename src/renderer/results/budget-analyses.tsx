import type { BudgetImpactReport } from '../../engine/budget/run-budget-impact';
import { formatMoney, formatMoneyChange, formatMoneyCompact, formatParameter, humanise } from '../../report/format';
import { HorizontalBarChart } from '../charts/bar-chart';
import { tornadoBars } from '../charts/chart-data';
import { SeriesLineChart } from '../charts/line-chart';
import { TornadoChart } from '../charts/tornado-chart';
import './analyses.css';

// The budget impact's own analyses: the test budget apart from the downstream treatment and care costs it causes,
// the one-way sensitivity (tornado) on the cumulative impact, and the named budget-impact scenarios per year and
// cumulated, each next to the base case.

const TORNADO_ROWS = 12;

/** Cost categories of testing (molecular tests, diagnostics, screening), told by their id. */
export function isTestCategory(id: string): boolean {
  return /test|diagnos|screen|assay|biopsy_ngs|genotyp/i.test(id);
}

export function testBudgetRows(r: BudgetImpactReport): { year: number; when: string; test: { current: number; new: number; impact: number }; downstream: { current: number; new: number; impact: number } }[] {
  const tests = r.categories.filter(isTestCategory);
  return r.years.map((y) => {
    const sum = (ids: readonly string[], key: 'current' | 'new' | 'impact') => ids.reduce((a, c) => a + (y.byCategory[c]?.[key] ?? 0), 0);
    const rest = r.categories.filter((c) => !isTestCategory(c));
    return {
      year: y.year,
      when: y.calendarYear !== null ? `${y.calendarYear}` : `Year ${y.year}`,
      test: { current: sum(tests, 'current'), new: sum(tests, 'new'), impact: sum(tests, 'impact') },
      downstream: { current: sum(rest, 'current'), new: sum(rest, 'new'), impact: sum(rest, 'impact') },
    };
  });
}

export function BudgetTestSplit({ report: r }: { report: BudgetImpactReport }) {
  const currency = r.currency ?? undefined;
  const money = (v: number) => formatMoney(v, currency);
  const change = (v: number) => formatMoneyChange(v, currency);
  const tests = r.categories.filter(isTestCategory);
  if (tests.length === 0 || tests.length === r.categories.length) return null;
  const rows = testBudgetRows(r);
  const total = rows.reduce((a, x) => ({ testCurrent: a.testCurrent + x.test.current, testNew: a.testNew + x.test.new, test: a.test + x.test.impact, down: a.down + x.downstream.impact }), { testCurrent: 0, testNew: 0, test: 0, down: 0 });
  return (
    <section className="card" aria-labelledby="bia-test-title" data-testid="budget-test-split">
      <div className="card-header">
        <h2 id="bia-test-title">Test budget and downstream costs</h2>
        <span className="subtle">Test budget: {tests.map(humanise).join(', ')}; downstream: {r.categories.filter((c) => !isTestCategory(c)).map(humanise).join(', ')}</span>
      </div>
      <div className="card-body flush table-wrap" tabIndex={0} role="region" aria-label="Test budget and downstream costs (scrolls sideways)">
        <table className="table table-money" data-testid="budget-test-table">
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col" className="num">Test budget, current world</th>
              <th scope="col" className="num">Test budget, new world</th>
              <th scope="col" className="num">Test budget impact</th>
              <th scope="col" className="num">Downstream treatment and care impact</th>
              <th scope="col" className="num">Total impact</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr key={x.year}>
                <th scope="row" className="row-head">{x.when}</th>
                <td className="num">{money(x.test.current)}</td>
                <td className="num">{money(x.test.new)}</td>
                <td className="num" data-testid="budget-test-impact">{change(x.test.impact)}</td>
                <td className="num" data-testid="budget-downstream-impact">{change(x.downstream.impact)}</td>
                <td className="num">{change(x.test.impact + x.downstream.impact)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row" className="row-head">Total, {r.horizonYears} years</th>
              <td className="num">{money(total.testCurrent)}</td>
              <td className="num">{money(total.testNew)}</td>
              <td className="num">{change(total.test)}</td>
              <td className="num">{change(total.down)}</td>
              <td className="num">{change(total.test + total.down)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="table-footer subtle">The test budget is what the laboratories and payers spend on the tests; downstream costs follow from the treatments, procedures and care the results lead to.</div>
    </section>
  );
}

export function BudgetTornado({ report: r }: { report: BudgetImpactReport }) {
  const currency = r.currency ?? undefined;
  const money = (v: number) => formatMoneyChange(v, currency);
  const t = r.tornado;
  const bars = tornadoBars(t.rows.map((row) => ({ parameter: row.id, label: row.label, low: row.low, high: row.high, outcomeLow: row.impactAtLow, outcomeHigh: row.impactAtHigh, swing: row.swing, decisionChanges: false })), t.baseImpact, TORNADO_ROWS);
  const failed = t.rows.filter((row) => row.error !== null);
  if (bars.length === 0) return null;
  return (
    <section className="card chart-card" data-testid="budget-tornado">
      <div className="card-body section-stack">
        <TornadoChart
          testId="chart-budget-tornado"
          title={`Budget impact tornado: cumulative impact over ${r.horizonYears} years`}
          description={`Each input at its low and its high value, everything else at base; base-case cumulative impact ${money(t.baseImpact)}. The ${bars.length} inputs with the widest swing${t.rows.length > bars.length ? ` of ${t.rows.length}` : ''}.`}
          summary={`Budget impact tornado. Widest swings: ${bars.slice(0, 5).map((b) => `${b.label} from ${money(b.outcomeLow)} to ${money(b.outcomeHigh)}`).join('; ')}.`}
          bars={bars}
          base={t.baseImpact}
          outcomeLabel={`Cumulative budget impact (${currency ?? 'currency'})`}
          formatOutcome={(v) => formatMoneyCompact(v, currency)}
          formatValue={formatParameter}
        />
        {failed.length > 0 && <div className="notice notice-warning">{failed.length} input{failed.length === 1 ? '' : 's'} could not be evaluated at an end of the range: {failed.map((f) => `${f.label}: ${f.error}`).join('; ')}</div>}
      </div>
    </section>
  );
}

export interface BudgetScenarioItem {
  id: string;
  label: string;
  years: { year: number; calendarYear?: number | null; impact: number }[];
  cumulative: number;
}

/** The named scenarios of the budget impact analysis (the model file's), next to the base case. */
export function BudgetScenarios({ report: r }: { report: BudgetImpactReport }) {
  if (r.scenarios.length === 0) return null;
  const items: BudgetScenarioItem[] = [
    { id: 'base', label: 'Base case', years: r.years.map((y) => ({ year: y.year, calendarYear: y.calendarYear, impact: y.impact })), cumulative: r.cumulative.impact },
    ...r.scenarios.map((s) => ({ id: s.id, label: s.label, years: s.years.map((y) => ({ year: y.year, calendarYear: r.years.find((x) => x.year === y.year)?.calendarYear ?? null, impact: y.impact })), cumulative: s.cumulative.impact })),
  ];
  return (
    <BudgetScenarioComparison
      testId="budget-scenarios"
      title="Budget impact scenarios"
      subtitle={`${r.scenarios.length} named scenario${r.scenarios.length === 1 ? '' : 's'} of the budget impact analysis, next to the base case`}
      currency={r.currency ?? undefined}
      horizonYears={r.horizonYears}
      items={items}
    />
  );
}

/** Budget impact per year and cumulated for a base case (first item) and scenarios: a table, lines and bars. */
export function BudgetScenarioComparison({ testId, title, subtitle, currency, horizonYears, items }: { testId: string; title: string; subtitle: string; currency: string | undefined; horizonYears: number; items: readonly BudgetScenarioItem[] }) {
  const change = (v: number) => formatMoneyChange(v, currency);
  const base = items[0];
  if (!base) return null;
  const when = (year: number) => {
    const y = base.years.find((x) => x.year === year);
    return y?.calendarYear != null ? `${y.calendarYear}` : `Year ${year}`;
  };
  const rows = base.years.map((y, k) => ({ year: y.year, ...Object.fromEntries(items.map((s) => [s.id, s.years[k]?.impact ?? Number.NaN])) }));
  return (
    <section className="card" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <div className="card-header">
        <h2 id={`${testId}-title`}>{title}</h2>
        <span className="subtle">{subtitle}</span>
      </div>
      <div className="card-body flush table-wrap" tabIndex={0} role="region" aria-label={`${title} (scrolls sideways)`}>
        <table className="table table-money" data-testid={`${testId}-table`}>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              {base.years.map((y) => <th key={y.year} scope="col" className="num">{when(y.year)}</th>)}
              <th scope="col" className="num">Cumulative</th>
              <th scope="col" className="num">Difference from base</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s, i) => (
              <tr key={s.id} data-testid={`${testId}-row`} data-scenario-id={s.id}>
                <th scope="row" className="row-head">{s.label}</th>
                {s.years.map((y) => <td key={y.year} className="num">{change(y.impact)}</td>)}
                <td className="num">{change(s.cumulative)}</td>
                <td className="num">{i === 0 ? '—' : change(s.cumulative - base.cumulative)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card-body chart-grid">
        <SeriesLineChart
          testId={`chart-${testId}`}
          title={`${title}: impact per year`}
          description="New world minus current world in each year."
          summary={`Budget impact per year: ${items.map((s) => `${s.label} ${s.years.map((y) => change(y.impact)).join(', ')}`).join('; ')}.`}
          rows={rows}
          xKey="year"
          xLabel="Budget year"
          yLabel={`Budget impact (${currency ?? 'currency'})`}
          series={items.map((s, i) => ({ key: s.id, label: s.label, dashed: i === 0 }))}
          formatX={(v) => when(v)}
          formatY={(v) => formatMoneyCompact(v, currency)}
          formatTable={change}
        />
        <HorizontalBarChart
          testId={`chart-${testId}-cumulative`}
          title={`${title}: cumulative impact over ${horizonYears} years`}
          description="Sum of the yearly impacts."
          summary={`Cumulative budget impact: ${items.map((s) => `${s.label} ${change(s.cumulative)}`).join('; ')}.`}
          rows={items.map((s) => ({ label: s.label, values: { cumulative: s.cumulative } }))}
          series={[{ key: 'cumulative', label: 'Cumulative budget impact' }]}
          categoryLabel="Scenario"
          valueLabel={`Cumulative budget impact (${currency ?? 'currency'})`}
          formatValue={(v) => formatMoneyCompact(v, currency)}
          labelWidth={220}
        />
      </div>
    </section>
  );
}
