// The summaries of a set of PSA draws, shown alike for a model's PSA and for draws imported from another model:
// means with 95% intervals, the CE plane and the CEAC with CEAF, each with its data table.
import { incrementalPlane, psaMeans } from '../../engine/uncertainty/psa-summary';
import type { NetBenefitSummary, PsaResults } from '../../engine/uncertainty/psa-summary';
import { cePlaneChart, ceacChart } from '../charts/hta-charts';
import { capitalFirst } from '../format';
import type { Block } from '../document';
import type { BuildContext } from './context';
import { figure, table } from './context';

/** What the summaries of a set of PSA draws are shown with: strategy names, the comparator, the units, the thresholds. */
export interface DrawsSummaryOptions {
  labelOf: (id: string) => string;
  comparator: string;
  currency: string | undefined;
  effect: { unit: string; plural: string; label: string };
  /** Thresholds drawn on the CE plane. */
  wtps: readonly number[];
  /** The CEAC's threshold grid, summarised. */
  grid: NetBenefitSummary;
  /** Decimals of money amounts (default: whole units) and of effects (default 4). */
  moneyDigits?: number;
  effectDigits?: number;
  /** Every how many grid points the CEAC's data table has a row (default 5). */
  tableEvery?: number;
}

/** Means with 95% intervals, the CE plane and the CEAC with their data: of a model's PSA, or of draws imported from another model. */
export function drawsSummaryBlocks(ctx: BuildContext, p: string, psa: PsaResults, o: DrawsSummaryOptions): Block[] {
  const { fmt, t } = ctx;
  const cur = o.currency;
  const e = o.effect;
  const amount = (v: number) => fmt.money(v, cur, o.moneyDigits);
  const effectDigits = o.effectDigits ?? 4;
  const every = o.tableEvery ?? 5;
  const money = { fmt, currency: cur, effectUnit: e.unit, effectNoun: e.plural, t };
  const labels = psa.strategyIds.map(o.labelOf);
  const means = psaMeans(psa);
  const plane = incrementalPlane(psa, o.comparator);
  const planeRows = plane.map((s) => {
    let nePositive = 0;
    for (let i = 0; i < s.incCost.length; i++) if (s.incCost[i]! > 0 && s.incEffect[i]! > 0) nePositive++;
    return [t('reportAccuracy.versus', { index: o.labelOf(s.id), reference: o.labelOf(o.comparator) }), fmt.moneyChange(s.meanIncCost, cur, o.moneyDigits), fmt.numberChange(s.meanIncEffect, effectDigits), s.icer === null ? '—' : fmt.money(s.icer, cur), fmt.percent(nePositive / s.incCost.length)];
  });
  const ceacRows = o.grid.byWtp.filter((_, i) => i % every === 0).map((g) => [fmt.money(g.wtp, cur), ...g.ceac.map((c) => fmt.percent(c)), o.labelOf(g.optimalId)]);
  return [
    table({
      id: `tab-${p}-psa-means`,
      caption: t('reportUncertainty.psaCaption'),
      header: [t('reportText.strategy'), t('reportUncertainty.meanCost'), t('reportUncertainty.interval'), capitalFirst(t('reportUncertainty.meanEffect', { effect: e.plural })), t('reportUncertainty.interval')],
      rows: means.map((x, j) => [labels[j]!, amount(x.cost.mean), `${amount(x.cost.lower)} – ${amount(x.cost.upper)}`, fmt.number(x.effect.mean, effectDigits), `${fmt.number(x.effect.lower, effectDigits)} – ${fmt.number(x.effect.upper, effectDigits)}`]),
      numeric: true,
    }),
    figure(
      `fig-${p}-ce-plane`,
      t('reportCharts.plane', { comparator: o.labelOf(o.comparator) }),
      cePlaneChart(`fig-${p}-ce-plane-svg`, money, o.labelOf(o.comparator), plane.map((s) => ({ label: o.labelOf(s.id), incCost: s.incCost, incEffect: s.incEffect, meanIncCost: s.meanIncCost, meanIncEffect: s.meanIncEffect, colourIndex: psa.strategyIds.indexOf(s.id) })), o.wtps),
      table({ id: `tab-${p}-ce-plane-data`, caption: t('reportUncertainty.planeDataCaption'), header: [t('reportUncertainty.comparison'), t('reportUncertainty.meanIncCost'), capitalFirst(t('reportUncertainty.meanIncEffect', { effect: e.plural })), t('reportUncertainty.icerOfMeans'), t('reportUncertainty.shareNe')], rows: planeRows, numeric: true }),
    ),
    figure(
      `fig-${p}-ceac`,
      t('reportUncertainty.ceacCaption'),
      ceacChart(`fig-${p}-ceac-svg`, money, psa.strategyIds.map((id, j) => ({ id, label: labels[j]! })), o.grid.byWtp),
      table({ id: `tab-${p}-ceac-data`, caption: t('reportCharts.probabilityCe'), header: [t('reportUncertainty.wtp'), ...labels, t('reportUncertainty.ceafStrategy')], rows: ceacRows, numeric: true }),
    ),
  ];
}
