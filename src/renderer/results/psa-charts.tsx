import type { ReactNode } from 'react';
import type { PsaView } from '../../engine/analysis/psa-view';
import { capitalFirst, formatCount, formatNumber, formatPercent } from '../settings/display-format';
import { CePlaneChart } from '../charts/ce-plane-chart';
import { SeriesLineChart } from '../charts/line-chart';
import { chartInk, seriesColor } from '../charts/palette';
import { useLanguage } from '../i18n/language';

// The PSA chart block (CE plane, CEAC with CEAF, EVPI) of a model's PSA and of PSA results imported from another
// model ("Analyse PSA results…"): one component, so both screens draw the same charts with the same words.

export interface PsaChartsProps {
  view: PsaView;
  testIds: { plane: string; ceac: string; evpi: string };
  /** Who the per-unit figures are for: "patient" (a model) or "person" (imported draws). */
  per: 'patient' | 'person';
  currency: string | undefined;
  /** The effect inside a phrase, e.g. "QALYs", "life-years" or "effect"; its unit "QALY" or "unit of effect". */
  effectNoun: string;
  effectUnit: string;
  /** Decimals of incremental effects on the plane's axis (its table shows one more). */
  effectDigits: number;
  money: (v: number) => string;
  /** Ticks of the threshold axes (one money style per axis: formatMoneyAxis of the largest threshold). */
  moneyTick: (v: number) => string;
  /** Ticks of the plane's cost axis (default moneyTick). */
  costTick?: (v: number) => string;
  /** EVPI amounts (default money). */
  evpiMoney?: (v: number) => string;
  icer: (v: number | null) => string;
  /** Decision thresholds: lines on the plane, markers on the CEAC and EVPI charts. */
  wtpMarkers?: readonly number[];
  evpiDescription: string;
  /** Further charts of the same grid (e.g. the convergence plot). */
  children?: ReactNode;
}

export function PsaCharts({ view, testIds, per, currency, effectNoun, effectUnit, effectDigits, money, moneyTick, costTick = moneyTick, evpiMoney = money, icer, wtpMarkers = [], evpiDescription, children }: PsaChartsProps) {
  const { t } = useLanguage();
  const perPatient = per === 'patient';
  const labelOf = new Map(view.strategies.map((s) => [s.id, s.label]));
  const markers = wtpMarkers.length > 0 ? wtpMarkers.map((w) => ({ x: w, label: money(w) })) : undefined;
  const ceacRows = view.ceac.map((r, i) => ({ ...r, ceaf: view.ceaf[i]!.probability }));
  const switches = view.ceaf.filter((c, i) => i > 0 && c.optimalId !== view.ceaf[i - 1]!.optimalId);
  const optimalText = switches.length === 0
    ? t('uncertainty.optimalThroughout', { strategy: labelOf.get(view.ceaf[0]?.optimalId ?? '') ?? '' })
    : t('uncertainty.optimalChanges', { switches: switches.map((s) => t('uncertainty.switchTo', { wtp: money(s.wtp), strategy: labelOf.get(s.optimalId) ?? s.optimalId })).join(', ') });
  // A strategy keeps its colour on every chart: the plane leaves the comparator out, the CEAC does not.
  const colorOf = (id: string) => seriesColor(Math.max(0, view.strategies.findIndex((s) => s.id === id)));
  // EVPI zero at every threshold: a flat line on the axis says nothing a sentence does not say better.
  const evpiZero = view.evpi.length > 0 && view.evpi.every((e) => e.evpi === 0);
  const wtpLabel = t('uncertainty.wtpAxis', { currency: currency ?? t('analysis.currency'), unit: effectUnit });
  return (
    <div className="chart-grid">
      <CePlaneChart
        testId={testIds.plane}
        title={t('uncertainty.psaPlaneTitle', { comparator: view.comparatorLabel })}
        description={t('uncertainty.psaPlaneDescription') + (wtpMarkers.length > 0 ? ` ${t('uncertainty.psaPlaneLines', { lines: wtpMarkers.map((w) => icer(w)).join(', ') })}` : '')}
        summary={t('uncertainty.psaPlaneSummary', { n: view.plane.length, comparator: view.comparatorLabel, points: view.plane.map((s) => t('uncertainty.psaPlanePoint', { strategy: s.label, cost: money(s.meanIncCost), effect: `${formatNumber(s.meanIncEffect, effectDigits + 1)} ${effectNoun}` })).join('; ') })}
        series={view.plane.map((s) => ({ id: s.id, label: s.label, color: colorOf(s.id), points: s.points.map((p) => ({ x: p.incEffect, y: p.incCost })) }))}
        highlights={view.plane.map((s) => ({ id: s.id, label: t('uncertainty.meanOf', { strategy: s.label }), color: colorOf(s.id), x: s.meanIncEffect, y: s.meanIncCost }))}
        wtp={wtpMarkers.map((w) => ({ value: w, label: t('uncertainty.wtpLine', { wtp: money(w) }) }))}
        xLabel={capitalFirst(t('analysis.incEffect', { effect: effectNoun }))}
        yLabel={t('uncertainty.incCostAxis', { currency: currency ?? t('analysis.currency') })}
        formatX={(v) => formatNumber(v, effectDigits)}
        formatY={costTick}
        formatTooltipY={money}
        table={{
          headers: [t('results.strategy'), t('uncertainty.meanIncCost'), capitalFirst(t('uncertainty.meanIncEffect', { effect: effectNoun })), t('uncertainty.icerOfMeans')],
          rows: view.plane.map((s) => [s.label, money(s.meanIncCost), formatNumber(s.meanIncEffect, effectDigits + 1), icer(s.icer)]),
        }}
        note={view.plottedPoints < view.draws * view.plane.length ? t('uncertainty.pointsShown', { shown: formatCount(view.plottedPoints), total: formatCount(view.draws * view.plane.length) }) : t('uncertainty.allDrawsShown', { n: formatCount(view.draws) })}
      />
      <SeriesLineChart
        testId={testIds.ceac}
        title={t('uncertainty.ceacTitle')}
        description={t('uncertainty.ceacDescription')}
        summary={`${t('uncertainty.ceacSummary', { n: view.strategies.length, from: money(0), to: money(view.ceac[view.ceac.length - 1]?.wtp ?? 0) })} ${optimalText}`}
        rows={ceacRows}
        xKey="wtp"
        xLabel={wtpLabel}
        yLabel={t('uncertainty.probCe')}
        series={[...view.strategies.map((s) => ({ key: s.id, label: s.label })), { key: 'ceaf', label: t('uncertainty.ceaf'), color: chartInk.text, dashed: true }]}
        formatX={moneyTick}
        formatTableX={money}
        formatY={(v) => formatPercent(v, 0)}
        formatTable={(v) => formatPercent(v, 1)}
        yDomain={[0, 1]}
        markers={markers}
        note={optimalText}
      />
      <SeriesLineChart
        testId={testIds.evpi}
        title={t(perPatient ? 'uncertainty.evpiTitlePatient' : 'uncertainty.evpiTitlePerson')}
        description={evpiDescription}
        summary={t(perPatient ? 'uncertainty.evpiSummaryPatient' : 'uncertainty.evpiSummaryPerson', { from: evpiMoney(view.evpi[0]?.evpi ?? 0), max: evpiMoney(Math.max(...view.evpi.map((e) => e.evpi))) })}
        rows={view.evpi}
        xKey="wtp"
        xLabel={wtpLabel}
        yLabel={t('uncertainty.evpiAxis', { currency: currency ?? t('analysis.currency') })}
        series={[{ key: 'evpi', label: t(perPatient ? 'uncertainty.evpiPerPatient' : 'uncertainty.evpiPerPerson') }]}
        formatX={moneyTick}
        formatTableX={money}
        formatY={evpiMoney}
        yDomain={[0, 'auto']}
        markers={markers}
        drawn={!evpiZero}
        note={evpiZero ? <span data-testid="evpi-all-zero">{t('uncertainty.evpiAllZero', { from: money(view.evpi[0]!.wtp), to: money(view.evpi[view.evpi.length - 1]!.wtp) })}</span> : undefined}
      />
      {children}
    </div>
  );
}
