import type { BudgetImpactReport } from '../../engine/budget/run-budget-impact';
import { parameterRangeText } from '../../report/model-description';
import { proseWithAmounts } from '../i18n/amounts-in-prose';
import { displayFormats, formatPercent, formatMoney, formatMoneyAxis, formatMoneyChange, formatParameter } from '../settings/display-format';
import { HorizontalBarChart } from '../charts/bar-chart';
import { tornadoBars } from '../charts/chart-data';
import { SeriesLineChart } from '../charts/line-chart';
import { TornadoChart } from '../charts/tornado-chart';
import './analyses.css';
import { useLanguage } from '../i18n/language';
import { translator } from '../../report/i18n/translate';
import type { Translate } from '../../report/i18n/translate';
import { tornadoRowLabel } from '../../report/build/budget';
import { ScrollRegion } from '../ui/scroll-region';

// The budget impact's own analyses: the test budget apart from the downstream treatment and care costs it causes,
// the one-way sensitivity (tornado) on the cumulative impact, and the named budget-impact scenarios per year and
// cumulated, each next to the base case.

/** A budget year as a column or row head: its calendar year when known, else "Year 2". */
export function budgetYearLabel(y: { year: number; calendarYear?: number | null }, t: Translate): string {
  return y.calendarYear !== null && y.calendarYear !== undefined ? `${y.calendarYear}` : t('budgetView.yearN', { n: y.year });
}

/** Cost categories of testing (molecular tests, diagnostics, screening), told by their id. */
export function isTestCategory(id: string): boolean {
  return /test|diagnos|screen|assay|biopsy_ngs|genotyp/i.test(id);
}

export function testBudgetRows(r: BudgetImpactReport, t: Translate = translator('en')): { year: number; when: string; test: { current: number; new: number; impact: number }; downstream: { current: number; new: number; impact: number } }[] {
  const tests = r.categories.filter(isTestCategory);
  return r.years.map((y) => {
    const sum = (ids: readonly string[], key: 'current' | 'new' | 'impact') => ids.reduce((a, c) => a + (y.byCategory[c]?.[key] ?? 0), 0);
    const rest = r.categories.filter((c) => !isTestCategory(c));
    return {
      year: y.year,
      when: budgetYearLabel(y, t),
      test: { current: sum(tests, 'current'), new: sum(tests, 'new'), impact: sum(tests, 'impact') },
      downstream: { current: sum(rest, 'current'), new: sum(rest, 'new'), impact: sum(rest, 'impact') },
    };
  });
}

export function BudgetTestSplit({ report: r, categoryLabel }: { report: BudgetImpactReport; categoryLabel: (id: string) => string }) {
  const { t } = useLanguage();
  const currency = r.currency ?? undefined;
  const money = (v: number) => formatMoney(v, currency);
  const change = (v: number) => formatMoneyChange(v, currency);
  const tests = r.categories.filter(isTestCategory);
  if (tests.length === 0 || tests.length === r.categories.length) return null;
  const rows = testBudgetRows(r, t);
  const total = rows.reduce((a, x) => ({ testCurrent: a.testCurrent + x.test.current, testNew: a.testNew + x.test.new, test: a.test + x.test.impact, down: a.down + x.downstream.impact }), { testCurrent: 0, testNew: 0, test: 0, down: 0 });
  return (
    <section className="card" aria-labelledby="bia-test-title" data-testid="budget-test-split">
      <div className="card-header">
        <h2 id="bia-test-title">{t('budgetView.testTitle')}</h2>
        <span className="subtle">{t('budgetView.testSubtitle', { tests: tests.map(categoryLabel).join(', '), downstream: r.categories.filter((c) => !isTestCategory(c)).map(categoryLabel).join(', ') })}</span>
      </div>
      <ScrollRegion className="card-body flush" label={t('budgetView.testRegion')}>
        <table className="table table-money table-wrap-head" data-testid="budget-test-table">
          <thead>
            <tr>
              <th scope="col">{t('budgetView.year')}</th>
              <th scope="col" className="num">{t('budgetView.testCurrent')}</th>
              <th scope="col" className="num">{t('budgetView.testNew')}</th>
              <th scope="col" className="num">{t('budgetView.testImpact')}</th>
              <th scope="col" className="num">{t('budgetView.downstreamImpact')}</th>
              <th scope="col" className="num">{t('budgetView.totalImpact')}</th>
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
              <th scope="row" className="row-head">{t('budgetView.totalYears', { n: r.horizonYears })}</th>
              <td className="num">{money(total.testCurrent)}</td>
              <td className="num">{money(total.testNew)}</td>
              <td className="num">{change(total.test)}</td>
              <td className="num">{change(total.down)}</td>
              <td className="num">{change(total.test + total.down)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <div className="table-footer subtle">{t('budgetView.testNote')}</div>
    </section>
  );
}

/** Units of the model's parameters, for the tornado's row labels ("Targeted therapy cost, €3,000 to €7,000 per month"). */
export type ParameterUnits = readonly { id: string; unit?: string; kind?: string }[];

export function BudgetTornado({ report: r, parameters = [] }: { report: BudgetImpactReport; parameters?: ParameterUnits }) {
  const currency = r.currency ?? undefined;
  const { t: tr } = useLanguage();
  const money = (v: number) => formatMoneyChange(v, currency);
  const t = r.tornado;
  const bars = tornadoBars(t.rows.map((row) => ({ parameter: row.id, label: tornadoRowLabel(row, tr), low: row.low, high: row.high, outcomeLow: row.impactAtLow, outcomeHigh: row.impactAtHigh, swing: row.swing, decisionChanges: false })), t.baseImpact);
  const failed = t.rows.filter((row) => row.error !== null);
  if (bars.length === 0) return null;
  return (
    <section className="card chart-card" data-testid="budget-tornado">
      <div className="card-body section-stack">
        <TornadoChart
          testId="chart-budget-tornado"
          title={tr('budgetView.tornadoTitle', { n: r.horizonYears })}
          description={proseWithAmounts(tr, t.rows.length > bars.length ? 'budgetView.tornadoDescriptionOf' : 'budgetView.tornadoDescription', { base: money(t.baseImpact), n: bars.length, total: t.rows.length }, ['base'])}
          summary={tr('budgetView.tornadoSummary', { swings: bars.slice(0, 5).map((b) => tr('uncertainty.fromTo', { label: b.label, from: money(b.outcomeLow), to: money(b.outcomeHigh) })).join('; ') })}
          bars={bars}
          base={t.baseImpact}
          outcomeLabel={tr('budgetView.cumulativeAxis', { currency: currency ?? tr('analysis.currency') })}
          formatOutcome={money}
          formatTick={formatMoneyAxis(Math.max(0, ...bars.flatMap((b) => [Math.abs(b.outcomeLow), Math.abs(b.outcomeHigh)])), currency)}
          formatValue={formatParameter}
          rangeLabel={(b) => {
            const row = t.rows.find((x) => x.id === b.parameter);
            if (row?.kind === 'uptake') return `${b.label}, ${tr('uncertainty.range', { low: formatPercent(b.low, 0), high: formatPercent(b.high, 0) })}`;
            const p = parameters.find((q) => q.id === b.parameter);
            return parameterRangeText({ id: b.parameter, label: b.label, unit: p?.unit, kind: p?.kind }, b.low, b.high, currency, displayFormats(), tr);
          }}
        />
        {failed.length > 0 && <div className="notice notice-warning">{tr(failed.length === 1 ? 'budgetView.failedOne' : 'budgetView.failedMany', { n: failed.length, errors: failed.map((f) => `${f.label}: ${f.error}`).join('; ') })}</div>}
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
  const { t } = useLanguage();
  if (r.scenarios.length === 0) return null;
  const items: BudgetScenarioItem[] = [
    { id: 'base', label: t('analysis.baseCase'), years: r.years.map((y) => ({ year: y.year, calendarYear: y.calendarYear, impact: y.impact })), cumulative: r.cumulative.impact },
    ...r.scenarios.map((s) => ({ id: s.id, label: s.label, years: s.years.map((y) => ({ year: y.year, calendarYear: r.years.find((x) => x.year === y.year)?.calendarYear ?? null, impact: y.impact })), cumulative: s.cumulative.impact })),
  ];
  return (
    <BudgetScenarioComparison
      testId="budget-scenarios"
      title={t('budgetView.scenariosTitle')}
      subtitle={t(r.scenarios.length === 1 ? 'budgetView.scenariosSubtitleOne' : 'budgetView.scenariosSubtitle', { n: r.scenarios.length })}
      currency={r.currency ?? undefined}
      horizonYears={r.horizonYears}
      items={items}
    />
  );
}

/** Budget impact per year and cumulated for a base case (first item) and scenarios: a table, lines and bars. */
export function BudgetScenarioComparison({ testId, title, subtitle, currency, horizonYears, items }: { testId: string; title: string; subtitle: string; currency: string | undefined; horizonYears: number; items: readonly BudgetScenarioItem[] }) {
  const { t } = useLanguage();
  const change = (v: number) => formatMoneyChange(v, currency);
  const base = items[0];
  if (!base) return null;
  const when = (year: number) => budgetYearLabel({ year, calendarYear: base.years.find((x) => x.year === year)?.calendarYear ?? null }, t);
  const rows = base.years.map((y, k) => ({ year: y.year, ...Object.fromEntries(items.map((s) => [s.id, s.years[k]?.impact ?? Number.NaN])) }));
  return (
    <section className="card" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <div className="card-header">
        <h2 id={`${testId}-title`}>{title}</h2>
        <span className="subtle">{subtitle}</span>
      </div>
      <ScrollRegion className="card-body flush" label={t('budgetView.scrolls', { title })}>
        {/* Each scenario's name heads its row of figures, across the table: a long name stays readable on a narrow
            window instead of squeezing into a column beside seven figures. */}
        <table className="table table-money table-wrap-head table-budget-scenarios" data-testid={`${testId}-table`}>
          <thead>
            <tr>
              {base.years.map((y) => <th key={y.year} scope="col" className="num">{when(y.year)}</th>)}
              <th scope="col" className="num">{t('budgetView.cumulative')}</th>
              <th scope="col" className="num">{t('budgetView.differenceFromBase')}</th>
            </tr>
          </thead>
          {items.map((s, i) => (
            <tbody key={s.id} data-testid={`${testId}-row`} data-scenario-id={s.id}>
              <tr>
                <th scope="rowgroup" colSpan={base.years.length + 2} className="row-head scenario-name">{s.label}</th>
              </tr>
              <tr>
                {s.years.map((y) => <td key={y.year} className="num">{change(y.impact)}</td>)}
                <td className="num">{change(s.cumulative)}</td>
                <td className="num">{i === 0 ? '—' : change(s.cumulative - base.cumulative)}</td>
              </tr>
            </tbody>
          ))}
        </table>
      </ScrollRegion>
      <div className="card-body chart-grid">
        <SeriesLineChart
          testId={`chart-${testId}`}
          title={t('budgetView.perYearTitle', { title })}
          description={t('budgetView.perYearDescription')}
          summary={t('budgetView.perYearSummary', { values: items.map((s) => `${s.label} ${s.years.map((y) => change(y.impact)).join(', ')}`).join('; ') })}
          rows={rows}
          xKey="year"
          xLabel={t('budgetView.budgetYear')}
          yLabel={t('budgetView.impactAxisFull', { currency: currency ?? t('analysis.currency') })}
          series={items.map((s, i) => ({ key: s.id, label: s.label, dashed: i === 0 }))}
          formatX={(v) => when(v)}
          formatY={formatMoneyAxis(Math.max(0, ...items.flatMap((s) => s.years.map((y) => Math.abs(y.impact)))), currency)}
          formatTable={change}
        />
        <HorizontalBarChart
          testId={`chart-${testId}-cumulative`}
          title={t('budgetView.cumulativeTitle', { title, n: horizonYears })}
          description={t('budgetView.cumulativeDescription')}
          summary={t('budgetView.cumulativeSummary', { values: items.map((s) => `${s.label} ${change(s.cumulative)}`).join('; ') })}
          rows={items.map((s) => ({ label: s.label, values: { cumulative: s.cumulative } }))}
          series={[{ key: 'cumulative', label: t('budgetView.cumulativeBudgetImpact') }]}
          categoryLabel={t('budgetView.scenario')}
          valueLabel={t('budgetView.cumulativeAxis', { currency: currency ?? t('analysis.currency') })}
          formatValue={change}
          formatTick={formatMoneyAxis(Math.max(0, ...items.map((s) => Math.abs(s.cumulative))), currency)}
          labelWidth={220}
        />
      </div>
    </section>
  );
}
