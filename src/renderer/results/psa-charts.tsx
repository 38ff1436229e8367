import type { ReactNode } from 'react';
import type { PsaView } from '../../engine/analysis/psa-view';
import { formatCount, formatNumber, formatPercent } from '../settings/display-format';
import { CePlaneChart } from '../charts/ce-plane-chart';
import { SeriesLineChart } from '../charts/line-chart';
import { chartInk } from '../charts/palette';

// The PSA chart block (CE plane, CEAC with CEAF, EVPI) of a model's PSA and of PSA results imported from another
// model ("Analyse PSA results…"): one component, so both screens draw the same charts with the same words.

export interface PsaChartsProps {
  view: PsaView;
  testIds: { plane: string; ceac: string; evpi: string };
  /** Who the per-unit figures are for: "patient" (a model) or "person" (imported draws). */
  per: string;
  currency: string | undefined;
  /** e.g. "QALYs" or "effect"; "QALY" or "unit of effect". */
  effectLabel: string;
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

export function PsaCharts({ view, testIds, per, currency, effectLabel, effectUnit, effectDigits, money, moneyTick, costTick = moneyTick, evpiMoney = money, icer, wtpMarkers = [], evpiDescription, children }: PsaChartsProps) {
  const labelOf = new Map(view.strategies.map((s) => [s.id, s.label]));
  const markers = wtpMarkers.length > 0 ? wtpMarkers.map((w) => ({ x: w, label: money(w) })) : undefined;
  const ceacRows = view.ceac.map((r, i) => ({ ...r, ceaf: view.ceaf[i]!.probability }));
  const switches = view.ceaf.filter((c, i) => i > 0 && c.optimalId !== view.ceaf[i - 1]!.optimalId);
  const optimalText = switches.length === 0
    ? `${labelOf.get(view.ceaf[0]?.optimalId ?? '') ?? ''} has the highest expected net benefit across the range.`
    : `The strategy with the highest expected net benefit changes at ${switches.map((s) => `${money(s.wtp)} (to ${labelOf.get(s.optimalId)})`).join(', ')}.`;
  const wtpLabel = `Willingness to pay (${currency ?? 'currency'} per ${effectUnit})`;
  return (
    <div className="chart-grid">
      <CePlaneChart
        testId={testIds.plane}
        title={`Incremental cost-effectiveness plane vs ${view.comparatorLabel}`}
        description={`Each point is one draw; diamonds are the mean increments.${wtpMarkers.length > 0 ? ` Threshold lines: ${wtpMarkers.map((w) => icer(w)).join(', ')} (points below a line are cost-effective at it).` : ''}`}
        summary={`Incremental CE plane of ${view.plane.length} strategies against ${view.comparatorLabel}: ${view.plane.map((s) => `${s.label} mean incremental cost ${money(s.meanIncCost)}, ${formatNumber(s.meanIncEffect, effectDigits + 1)} ${effectLabel}`).join('; ')}.`}
        series={view.plane.map((s) => ({ id: s.id, label: s.label, points: s.points.map((p) => ({ x: p.incEffect, y: p.incCost })) }))}
        highlights={view.plane.map((s) => ({ id: s.id, label: `Mean: ${s.label}`, x: s.meanIncEffect, y: s.meanIncCost }))}
        wtp={wtpMarkers.map((w) => ({ value: w, label: `WTP ${money(w)}` }))}
        xLabel={`Incremental ${effectLabel}`}
        yLabel={`Incremental cost (${currency ?? 'currency'})`}
        formatX={(v) => formatNumber(v, effectDigits)}
        formatY={costTick}
        table={{
          headers: ['Strategy', 'Mean incremental cost', `Mean incremental ${effectLabel}`, 'ICER (ratio of means)'],
          rows: view.plane.map((s) => [s.label, money(s.meanIncCost), formatNumber(s.meanIncEffect, effectDigits + 1), icer(s.icer)]),
        }}
        note={view.plottedPoints < view.draws * view.plane.length ? `Showing ${formatCount(view.plottedPoints)} of ${formatCount(view.draws * view.plane.length)} points (evenly spaced draws); means use every draw.` : `All ${formatCount(view.draws)} draws shown.`}
      />
      <SeriesLineChart
        testId={testIds.ceac}
        title="Cost-effectiveness acceptability curves and frontier"
        description="Probability that each strategy has the highest net benefit; the dashed black line (CEAF) follows the strategy with the highest expected net benefit."
        summary={`CEAC of ${view.strategies.length} strategies from ${money(0)} to ${money(view.ceac[view.ceac.length - 1]?.wtp ?? 0)}. ${optimalText}`}
        rows={ceacRows}
        xKey="wtp"
        xLabel={wtpLabel}
        yLabel="Probability cost-effective"
        series={[...view.strategies.map((s) => ({ key: s.id, label: s.label })), { key: 'ceaf', label: 'CEAF (optimal strategy)', color: chartInk.text, dashed: true }]}
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
        title={`Expected value of perfect information (per ${per})`}
        description={evpiDescription}
        summary={`EVPI per ${per} from ${evpiMoney(view.evpi[0]?.evpi ?? 0)} to a maximum of ${evpiMoney(Math.max(...view.evpi.map((e) => e.evpi)))}.`}
        rows={view.evpi}
        xKey="wtp"
        xLabel={wtpLabel}
        yLabel={`EVPI (${currency ?? 'currency'})`}
        series={[{ key: 'evpi', label: `EVPI per ${per}` }]}
        formatX={moneyTick}
        formatTableX={money}
        formatY={evpiMoney}
        yDomain={[0, 'auto']}
        markers={markers}
      />
      {children}
    </div>
  );
}
