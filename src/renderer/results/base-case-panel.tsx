import { useId, useMemo, useState } from 'react';
import type { IncrementalRow } from '../../engine/economics/incremental';
import { CePlaneChart } from '../charts/ce-plane-chart';
import { cePlanePoints, coincidingSeries, stateShareRows, survivalRows, thinRows, traceRows } from '../charts/chart-data';
import { seriesColor } from '../charts/palette';
import { SeriesLineChart } from '../charts/line-chart';
import { baseCaseTable, costCategoryTable, incrementalTable } from '../../report/results-tables';
import { TableExport } from '../exports/export-menu';
import type { BaseCaseOutcome } from '../../engine/analysis/base-case';
import { capitalFirst, effectLabel, effectNoun, effectUnit, formatIcer, formatMoney, formatMoneyChange, formatNumber, formatNumberChange, formatPercent, humanise } from '../settings/display-format';
import { stateLabel } from '../../report/model-description';
import { useLanguage } from '../i18n/language';
import type { Translate } from '../../report/i18n/translate';

// Base-case results: totals per strategy, the incremental analysis (dominated strategies marked), the CE plane, the
// cohort trace of a chosen strategy and survival (share alive) by strategy.

type OkBaseCase = Extract<BaseCaseOutcome, { ok: true }>;
const PFS_KEY = ':pfs';

const statusKeys = { reference: 'analysis.status.reference', nondominated: 'analysis.status.nondominated', dominated: 'analysis.status.dominated', 'extendedly-dominated': 'analysis.status.extendedlyDominated' } as const;

/** An incremental status in the display language (Reference, On frontier, Dominated, Extendedly dominated). */
export function statusBadgeText(status: IncrementalRow['status'], t: Translate): string {
  return t(statusKeys[status]);
}

export function statusBadge(status: IncrementalRow['status'], t: Translate) {
  const tone = status === 'dominated' || status === 'extendedly-dominated' ? 'badge-unverified' : status === 'reference' ? 'badge-draft' : 'badge-final';
  return <span className={`badge ${tone}`}>{t(statusKeys[status])}</span>;
}

export function BaseCaseTables({ result, currency }: { result: OkBaseCase; currency: string | undefined }) {
  const { t } = useLanguage();
  const unit = effectUnit(result.effect, t);
  return (
    <>
      <section className="card" aria-labelledby="base-case-title">
        <div className="card-header">
          <h2 id="base-case-title">{t('analysis.baseCase')}</h2>
          <span className="subtle">{t('analysis.perPatientDiscounted')}</span>
          <TableExport table={() => baseCaseTable(result, currency)} testId="export-base-case" />
        </div>
        <div className="card-body flush table-wrap">
          <table className="table" data-testid="base-case-table">
            <thead>
              <tr>
                <th scope="col">{t('results.strategy')}</th>
                <th scope="col" className="num">{t('results.cost')}</th>
                <th scope="col" className="num">{t('results.qalys')}</th>
                <th scope="col" className="num">{t('results.lifeYears')}</th>
                <th scope="col" className="num">{t('analysis.costUndiscounted')}</th>
                <th scope="col" className="num">{t('analysis.lifeYearsUndiscounted')}</th>
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
          <h2 id="incremental-title">{t('analysis.incremental')}</h2>
          <span className="subtle">{t('analysis.incrementalNote', { effect: effectNoun(result.effect, t) })}</span>
          <TableExport table={() => incrementalTable(result, currency)} testId="export-incremental" />
        </div>
        <div className="card-body flush table-wrap">
          <table className="table" data-testid="incremental-table">
            <thead>
              <tr>
                <th scope="col">{t('results.strategy')}</th>
                <th scope="col">{t('analysis.status')}</th>
                <th scope="col" className="num">{t('results.cost')}</th>
                <th scope="col" className="num">{effectLabel(result.effect, t)}</th>
                <th scope="col" className="num">{t('analysis.incCost')}</th>
                <th scope="col" className="num">{capitalFirst(t('analysis.incEffect', { effect: effectNoun(result.effect, t) }))}</th>
                <th scope="col" className="num">{t('results.icer')}</th>
              </tr>
            </thead>
            <tbody>
              {result.incremental.map((r) => {
                const dominated = r.status === 'dominated' || r.status === 'extendedly-dominated';
                return (
                  <tr key={r.id} data-testid="incremental-row" data-strategy={r.id} data-status={r.status} className={dominated ? 'is-dominated' : undefined}>
                    <th scope="row" className="row-head">{r.label ?? r.id}</th>
                    <td>{statusBadge(r.status, t)}</td>
                    <td className="num">{formatMoney(r.cost, currency)}</td>
                    <td className="num">{formatNumber(r.effect, 3)}</td>
                    <td className="num" data-testid="cell-inc-cost" data-value={r.incCost ?? ''}>{r.incCost === null ? '—' : formatMoneyChange(r.incCost, currency)}</td>
                    <td className="num" data-testid="cell-inc-effect" data-value={r.incEffect ?? ''}>{r.incEffect === null ? '—' : formatNumberChange(r.incEffect, 4)}</td>
                    <td className="num" data-testid="cell-icer" data-value={r.icer ?? ''}>{dominated ? <span className="subtle">{r.status === 'dominated' ? t('analysis.status.dominated') : t('analysis.extDominatedShort')}</span> : formatIcer(r.icer, currency, result.effect)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="table-footer subtle">
          {t('analysis.incrementalFooter', { currency: currency ?? t('analysis.currencyUnits'), unit })}
        </div>
      </section>
      {result.categoryIds.length > 1 && (
        <section className="card" aria-labelledby="categories-title">
          <div className="card-header">
            <h2 id="categories-title">{t('analysis.costsByCategory')}</h2>
            <span className="subtle">{t('analysis.perPatientDiscounted')}</span>
            <TableExport table={() => costCategoryTable(result, currency)} testId="export-categories" />
          </div>
          <div className="card-body flush table-wrap">
            <table className="table" data-testid="category-table">
              <thead>
                <tr>
                  <th scope="col">{t('results.strategy')}</th>
                  {result.categoryIds.map((c) => <th key={c} scope="col" className="num">{humanise(c)}</th>)}
                  <th scope="col" className="num">{t('analysis.total')}</th>
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

export function BaseCaseCharts({ result, currency, deadStates, wtp = [], progressionFreeStates }: {
  result: OkBaseCase;
  currency: string | undefined;
  deadStates: ReadonlySet<string>;
  wtp?: readonly number[];
  /** Progression-free states: with them the survival chart adds PFS (dashed) to OS per strategy. */
  progressionFreeStates?: ReadonlySet<string>;
}) {
  const { t } = useLanguage();
  const [traceStrategy, setTraceStrategy] = useState(result.strategies[0]?.id ?? '');
  const [survivalStrategy, setSurvivalStrategy] = useState('all');
  const selectId = useId();
  const survivalSelectId = useId();
  const plane = cePlanePoints(result.strategies, result.incremental);
  const reference = plane.points.find((p) => result.incremental.some((r) => r.id === p.id && r.status === 'reference'));
  const strategy = result.strategies.find((s) => s.id === traceStrategy) ?? result.strategies[0];
  const trace = useMemo(
    () => (strategy ? thinRows(traceRows(strategy.trace, result.stateIds, result.cycles, result.cycleLength), 400) : []),
    [strategy, result.stateIds, result.cycles, result.cycleLength],
  );
  const survival = useMemo(() => {
    const rows = survivalRows(result.strategies, result.stateIds, deadStates, result.cycles, result.cycleLength);
    if (!rows) return null;
    const pfs = progressionFreeStates ? stateShareRows(result.strategies, result.stateIds, progressionFreeStates, result.cycles, result.cycleLength, PFS_KEY) : null;
    return thinRows(pfs ? rows.map((r, t) => ({ ...r, ...pfs[t] })) : rows, 400);
  }, [result, deadStates, progressionFreeStates]);
  const hasPfs = survival !== null && survival.length > 0 && result.strategies.some((s) => `${s.id}${PFS_KEY}` in survival[0]!);
  const survivalSeries = result.strategies.flatMap((s, i) =>
    survivalStrategy !== 'all' && survivalStrategy !== s.id
      ? []
      : [
          { key: s.id, label: hasPfs ? t('analysis.seriesOs', { strategy: s.label }) : s.label, color: seriesColor(i) },
          ...(hasPfs ? [{ key: `${s.id}${PFS_KEY}`, label: t('analysis.seriesPfs', { strategy: s.label }), color: seriesColor(i), dashed: true }] : []),
        ],
  );
  const sameSurvival = survival ? coincidingSeries(survival, result.strategies.map((s) => s.id), 1e-6) : [];
  const labelOf = (id: string) => result.strategies.find((s) => s.id === id)?.label ?? id;
  const years = (v: number) => formatNumber(v, v % 1 === 0 ? 0 : 1);
  const effect = effectLabel(result.effect, t);
  const hasTrace = result.cycles > 1 && result.stateIds.length > 0;
  return (
    <div className="chart-grid">
      <section className="card chart-card">
        <div className="card-body">
          <CePlaneChart
            testId="chart-ce-plane"
            title={t('analysis.planeTitle')}
            description={t('analysis.planeDescription', { effect: effectNoun(result.effect, t) }) + (reference && wtp.length > 0 ? ` ${t('analysis.planeThresholdLines', { strategy: reference.label })}` : '')}
            summary={t('analysis.planeSummary', { n: plane.points.length, points: plane.points.map((p) => t(p.onFrontier ? 'analysis.planePoint' : 'analysis.planePointDominated', { strategy: p.label, cost: formatMoney(p.cost, currency), effect: `${formatNumber(p.effect, 3)} ${effectNoun(result.effect, t)}` })).join('; ') })}
            series={plane.points.map((p) => ({ id: p.id, label: p.label, points: [{ x: p.effect, y: p.cost }] }))}
            frontier={plane.frontier.map((p) => ({ x: p.effect, y: p.cost }))}
            wtp={reference ? wtp.map((w) => ({ value: w, label: `${formatIcer(w, currency, result.effect)}`, through: { x: reference.effect, y: reference.cost } })) : undefined}
            xLabel={effect}
            yLabel={t('analysis.costAxis', { currency: currency ?? t('analysis.currency') })}
            formatX={(v) => formatNumber(v, 3)}
            formatY={(v) => formatMoney(v, currency)}
          />
        </div>
      </section>
      {survival && (
        <section className="card chart-card">
          <div className="card-body">
            {result.strategies.length > 1 && (
              <div className="chart-controls">
                <div className="field">
                  <label className="field-label" htmlFor={survivalSelectId}>{t('analysis.strategiesShown')}</label>
                  <select id={survivalSelectId} className="select" value={survivalStrategy} onChange={(e) => setSurvivalStrategy(e.target.value)} data-testid="survival-strategy">
                    <option value="all">{t('analysis.allStrategies')}</option>
                    {result.strategies.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
                  </select>
                </div>
              </div>
            )}
            <SeriesLineChart
              testId="chart-survival"
              title={hasPfs ? t('analysis.survivalTitlePfs') : t('analysis.survivalTitle')}
              description={hasPfs ? t('analysis.survivalDescriptionPfs') : t('analysis.survivalDescription')}
              summary={t(hasPfs ? 'analysis.survivalSummaryPfs' : 'analysis.survivalSummary', { n: result.strategies.length, years: years(result.cycles * result.cycleLength) })}
              rows={survival}
              xKey="time"
              xLabel={t('analysis.yearsSinceStart')}
              yLabel={t('analysis.shareOfCohortPct')}
              series={survivalSeries}
              note={sameSurvival.length > 0 && survivalStrategy === 'all' ? t('analysis.sameSurvival', { groups: sameSurvival.map((g) => g.map(labelOf).join(t('analysis.andSeparator'))).join('; ') }) : undefined}
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
                <label className="field-label" htmlFor={selectId}>{t('results.strategy')}</label>
                <select id={selectId} className="select" value={strategy.id} onChange={(e) => setTraceStrategy(e.target.value)} data-testid="trace-strategy">
                  {result.strategies.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
                </select>
              </div>
            </div>
            <SeriesLineChart
              testId="chart-trace"
              title={t('analysis.traceTitle', { strategy: strategy.label })}
              description={t('analysis.traceDescription')}
              summary={t('analysis.traceSummary', { strategy: strategy.label, states: result.stateIds.length, cycles: result.cycles })}
              rows={trace}
              xKey="time"
              xLabel={t('analysis.yearsAxis')}
              yLabel={t('analysis.shareOfCohort')}
              series={result.stateIds.map((id) => ({ key: id, label: stateLabel(id, t) }))}
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
