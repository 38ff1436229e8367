import { useId, useMemo, useState } from 'react';
import type { IncrementalRow } from '../../engine/economics/incremental';
import { CePlaneChart } from '../charts/ce-plane-chart';
import { cePlanePoints, survivalRows, thinRows, traceRows } from '../charts/chart-data';
import { SeriesLineChart } from '../charts/line-chart';
import { baseCaseTable, costCategoryTable, incrementalStatusLabels, incrementalTable } from '../../report/results-tables';
import { TableExport } from '../exports/export-menu';
import type { BaseCaseOutcome } from '../../engine/analysis/base-case';
import { effectLabel, effectNoun, effectUnit, humanise, formatIcer, formatMoney, formatMoneyChange, formatNumber, formatNumberChange, formatPercent } from '../../report/format';

// Base-case results: totals per strategy, the incremental analysis (dominated strategies marked), the CE plane, the
// cohort trace of a chosen strategy and survival (share alive) by strategy.

type OkBaseCase = Extract<BaseCaseOutcome, { ok: true }>;

export function statusBadge(status: IncrementalRow['status']) {
  const tone = status === 'dominated' || status === 'extendedly-dominated' ? 'badge-unverified' : status === 'reference' ? 'badge-draft' : 'badge-final';
  return <span className={`badge ${tone}`}>{incrementalStatusLabels[status]}</span>;
}

export function BaseCaseTables({ result, currency }: { result: OkBaseCase; currency: string | undefined }) {
  const unit = effectUnit(result.effect);
  return (
    <>
      <section className="card" aria-labelledby="base-case-title">
        <div className="card-header">
          <h2 id="base-case-title">Base case</h2>
          <span className="subtle">Per patient, discounted</span>
          <TableExport table={() => baseCaseTable(result, currency)} testId="export-base-case" />
        </div>
        <div className="card-body flush table-wrap">
          <table className="table" data-testid="base-case-table">
            <thead>
              <tr>
                <th scope="col">Strategy</th>
                <th scope="col" className="num">Cost</th>
                <th scope="col" className="num">QALYs</th>
                <th scope="col" className="num">Life-years</th>
                <th scope="col" className="num">Cost (undiscounted)</th>
                <th scope="col" className="num">Life-years (undiscounted)</th>
              </tr>
            </thead>
            <tbody>
              {result.strategies.map((s) => (
                <tr key={s.id} data-testid="base-case-row" data-strategy={s.id}>
                  <th scope="row" className="row-head">{s.label}</th>
                  <td className="num" data-testid="cell-cost" data-value={s.cost}>{formatMoney(s.cost, currency)}</td>
                  <td className="num" data-testid="cell-qalys" data-value={s.qalys}>{formatNumber(s.qalys, 3)}</td>
                  <td className="num" data-testid="cell-life-years" data-value={s.lifeYears}>{formatNumber(s.lifeYears, 3)}</td>
                  <td className="num subtle-cell">{formatMoney(s.costUndiscounted, currency)}</td>
                  <td className="num subtle-cell">{formatNumber(s.lifeYearsUndiscounted, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="incremental-title">
        <div className="card-header">
          <h2 id="incremental-title">Incremental analysis</h2>
          <span className="subtle">Effect: {effectLabel(result.effect)}; sorted by cost; dominance as in dampack’s calculate_icers</span>
          <TableExport table={() => incrementalTable(result, currency)} testId="export-incremental" />
        </div>
        <div className="card-body flush table-wrap">
          <table className="table" data-testid="incremental-table">
            <thead>
              <tr>
                <th scope="col">Strategy</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Cost</th>
                <th scope="col" className="num">{effectLabel(result.effect)}</th>
                <th scope="col" className="num">Incremental cost</th>
                <th scope="col" className="num">Incremental {effectNoun(result.effect)}</th>
                <th scope="col" className="num">ICER</th>
              </tr>
            </thead>
            <tbody>
              {result.incremental.map((r) => {
                const dominated = r.status === 'dominated' || r.status === 'extendedly-dominated';
                return (
                  <tr key={r.id} data-testid="incremental-row" data-strategy={r.id} data-status={r.status} className={dominated ? 'is-dominated' : undefined}>
                    <th scope="row" className="row-head">{r.label ?? r.id}</th>
                    <td>{statusBadge(r.status)}</td>
                    <td className="num">{formatMoney(r.cost, currency)}</td>
                    <td className="num">{formatNumber(r.effect, 3)}</td>
                    <td className="num" data-testid="cell-inc-cost" data-value={r.incCost ?? ''}>{r.incCost === null ? '—' : formatMoneyChange(r.incCost, currency)}</td>
                    <td className="num" data-testid="cell-inc-effect" data-value={r.incEffect ?? ''}>{r.incEffect === null ? '—' : formatNumberChange(r.incEffect, 4)}</td>
                    <td className="num" data-testid="cell-icer" data-value={r.icer ?? ''}>{dominated ? <span className="subtle">{r.status === 'dominated' ? 'Dominated' : 'Ext. dominated'}</span> : formatIcer(r.icer, currency, result.effect)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="table-footer subtle">
          Increments are over the next cheaper strategy on the efficiency frontier; ICER in {currency ?? 'currency units'} per {unit} gained.
        </div>
      </section>
      {result.categoryIds.length > 1 && (
        <section className="card" aria-labelledby="categories-title">
          <div className="card-header">
            <h2 id="categories-title">Costs by category</h2>
            <span className="subtle">Per patient, discounted</span>
            <TableExport table={() => costCategoryTable(result, currency)} testId="export-categories" />
          </div>
          <div className="card-body flush table-wrap">
            <table className="table" data-testid="category-table">
              <thead>
                <tr>
                  <th scope="col">Strategy</th>
                  {result.categoryIds.map((c) => <th key={c} scope="col" className="num">{humanise(c)}</th>)}
                  <th scope="col" className="num">Total</th>
                </tr>
              </thead>
              <tbody>
                {result.strategies.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" className="row-head">{s.label}</th>
                    {s.costByCategory.map((v, k) => <td key={result.categoryIds[k]} className="num">{formatMoney(v, currency)}</td>)}
                    <td className="num">{formatMoney(s.cost, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

export function BaseCaseCharts({ result, currency, deadStates }: { result: OkBaseCase; currency: string | undefined; deadStates: ReadonlySet<string> }) {
  const [traceStrategy, setTraceStrategy] = useState(result.strategies[0]?.id ?? '');
  const selectId = useId();
  const plane = cePlanePoints(result.strategies, result.incremental);
  const strategy = result.strategies.find((s) => s.id === traceStrategy) ?? result.strategies[0];
  const trace = useMemo(
    () => (strategy ? thinRows(traceRows(strategy.trace, result.stateIds, result.cycles, result.cycleLength), 400) : []),
    [strategy, result.stateIds, result.cycles, result.cycleLength],
  );
  const survival = useMemo(() => {
    const rows = survivalRows(result.strategies, result.stateIds, deadStates, result.cycles, result.cycleLength);
    return rows ? thinRows(rows, 400) : null;
  }, [result, deadStates]);
  const years = (v: number) => formatNumber(v, v % 1 === 0 ? 0 : 1);
  const effect = effectLabel(result.effect);
  const hasTrace = result.cycles > 1 && result.stateIds.length > 0;
  return (
    <div className="chart-grid">
      <section className="card chart-card">
        <div className="card-body">
          <CePlaneChart
            testId="chart-ce-plane"
            title="Cost-effectiveness plane (base case)"
            description={`Cost and ${effectNoun(result.effect)} per patient; the dashed line joins strategies on the efficiency frontier.`}
            summary={`Cost-effectiveness plane with ${plane.points.length} strategies: ${plane.points.map((p) => `${p.label}, cost ${formatMoney(p.cost, currency)}, ${formatNumber(p.effect, 3)} ${effect}${p.onFrontier ? '' : ' (dominated)'}`).join('; ')}.`}
            series={plane.points.map((p) => ({ id: p.id, label: p.label, points: [{ x: p.effect, y: p.cost }] }))}
            frontier={plane.frontier.map((p) => ({ x: p.effect, y: p.cost }))}
            xLabel={effect}
            yLabel={`Cost (${currency ?? 'currency'})`}
            formatX={(v) => formatNumber(v, 3)}
            formatY={(v) => formatMoney(v, currency)}
          />
        </div>
      </section>
      {survival && (
        <section className="card chart-card">
          <div className="card-body">
            <SeriesLineChart
              testId="chart-survival"
              title="Overall survival by strategy"
              description="Share of the cohort alive (not in a death state), from the cohort trace."
              summary={`Overall survival curves of ${result.strategies.length} strategies over ${years(result.cycles * result.cycleLength)} years.`}
              rows={survival}
              xKey="time"
              xLabel="Years"
              yLabel="Alive"
              series={result.strategies.map((s) => ({ key: s.id, label: s.label }))}
              formatX={years}
              formatY={(v) => formatPercent(v, 0)}
              formatTable={(v) => formatPercent(v, 2)}
              yDomain={[0, 1]}
            />
          </div>
        </section>
      )}
      {hasTrace && strategy && (
        <section className="card chart-card span-all">
          <div className="card-body">
            <div className="chart-controls">
              <div className="field">
                <label className="field-label" htmlFor={selectId}>Strategy</label>
                <select id={selectId} className="select" value={strategy.id} onChange={(e) => setTraceStrategy(e.target.value)} data-testid="trace-strategy">
                  {result.strategies.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
                </select>
              </div>
            </div>
            <SeriesLineChart
              testId="chart-trace"
              title={`Cohort trace: ${strategy.label}`}
              description="Share of the cohort in each health state at the end of each cycle."
              summary={`Cohort trace of ${strategy.label}: ${result.stateIds.length} states over ${result.cycles} cycles.`}
              rows={trace}
              xKey="time"
              xLabel="Years"
              yLabel="Share of cohort"
              series={result.stateIds.map((id) => ({ key: id, label: humanise(id) }))}
              formatX={years}
              formatY={(v) => formatPercent(v, 0)}
              formatTable={(v) => formatPercent(v, 2)}
              yDomain={[0, 1]}
            />
          </div>
        </section>
      )}
    </div>
  );
}
