// Section "Uncertainty": one-way analysis (tornado), threshold values, two-way grid, scenarios, probabilistic
// analysis (means with 95% intervals, CE plane, CEAC with CEAF, EVPI per person and for the population) and EVPPI.
// Summaries of the PSA draws (CEAC on a threshold grid, EVPI) are computed here from the stored or computed draws;
// PSA results of other models imported with the dossier follow the models (imported-psa.ts).
import { BASE_SCENARIO_ID } from '../../engine/sensitivity/scenarios';
import { effectivePopulation, netBenefitSummary } from '../../engine/uncertainty/psa-summary';
import { evpiChart, evppiChart, tornadoFigure, twoWayChart } from '../charts/hta-charts';
import { widestSwings } from '../tornado-inputs';
import { parameterAxis, parameterValueText } from '../model-description';
import type { Block } from '../document';
import type { ReportModel } from '../report-input';
import type { BuildContext, DraftSection } from './context';
import { drawsSummaryBlocks } from './draws-summary';
import { importedPsaParts } from './imported-psa';
import { currencyOf, draft, effectWord, figure, idPart, notice, paragraph, perModel, strategyLabel, table, wtpText } from './context';

function problemNotice(ctx: BuildContext, m: ReportModel, kind: string): Block[] {
  const p = m.problems.find((x) => x.kind === kind);
  return p ? [notice(ctx.t('reportUncertainty.notRun', { message: p.message }), 'warning')] : [];
}

function parameterLabel(m: ReportModel, id: string): string {
  return m.model.parameters.find((p) => p.id === id)?.label ?? id;
}

/** The threshold grid of the CEAC and EVPI curves: 0 to 3 × the highest threshold, 61 points. */
export function wtpGrid(wtps: readonly number[]): number[] {
  const top = wtps.length > 0 ? Math.max(...wtps) * 3 : 100000;
  return Array.from({ length: 61 }, (_, i) => (top * i) / 60);
}

function oneWayParts(ctx: BuildContext, m: ReportModel, prefix: string): DraftSection[] {
  const { fmt, t } = ctx;
  const p = idPart(prefix);
  const cur = currencyOf(m);
  const ow = m.analyses['one-way'];
  const out: DraftSection[] = [];
  if (!ow) {
    const blocks = problemNotice(ctx, m, 'one-way');
    if (blocks.length > 0) out.push(draft(`${prefix}-one-way`, t('reportUncertainty.oneWay'), blocks));
    return out;
  }
  const what = t('reportUncertainty.what', { strategy: strategyLabel(m, ow.strategy), comparator: strategyLabel(m, ow.comparator), wtp: wtpText(ctx, m, ow.wtp) });
  // The chart and its data table list the same inputs, as many as the screen's tornado.
  const bars = widestSwings(ow.rows);
  // An input's values in its unit ("€3,000 per month"), as the budget tornado's table and the screen say them.
  const value = (id: string, v: number) => parameterValueText(m.model.parameters.find((q) => q.id === id) ?? {}, v, cur, fmt);
  const failed = ow.rows.filter((r) => r.errors.length > 0);
  out.push(
    draft(`${prefix}-one-way`, t('reportUncertainty.oneWay'), [
      paragraph(t('reportUncertainty.oneWayIntro', { what, base: fmt.money(ow.base.incNmb, cur), n: ow.rows.length, shown: bars.length })),
      figure(
        `fig-${p}-tornado`,
        t('reportUncertainty.tornadoCaption', { what }),
        tornadoFigure(`fig-${p}-tornado-svg`, t('reportUncertainty.tornado'), t('reportUncertainty.tornadoDescription', { n: bars.length }), bars.map((r) => ({ label: r.label, atLow: r.outcomeLow, atHigh: r.outcomeHigh })), ow.base.incNmb, t('reportUncertainty.incNmb'), (v) => fmt.moneyCompact(v, cur), t),
        table({
          id: `tab-${p}-tornado-data`,
          caption: t('reportUncertainty.oneWay'),
          header: [t('report.limits.input'), t('reportUncertainty.base'), t('reportAccuracy.rating.low'), t('reportAccuracy.rating.high'), t('reportUncertainty.atLow'), t('reportUncertainty.atHigh'), t('reportUncertainty.swing'), t('reportUncertainty.decisionChanges')],
          rows: bars.map((r) => [r.label, value(r.parameter, r.base), value(r.parameter, r.low), value(r.parameter, r.high), fmt.money(r.outcomeLow, cur), fmt.money(r.outcomeHigh, cur), fmt.money(r.swing, cur), r.decisionChanges ? t('reportText.yes') : t('reportText.no')]),
          numeric: true,
          align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
          widths: [3, 1, 1, 1, 1.3, 1.3, 1.2, 1],
        }),
      ),
      ...(failed.length > 0 ? [notice(t(failed.length === 1 ? 'reportUncertainty.failedOne' : 'reportUncertainty.failed', { n: failed.length, messages: failed.map((r) => r.errors[0]!.message).join('; ') }), 'warning')] : []),
    ]),
  );
  const thresholds = m.analyses.threshold;
  if (thresholds) {
    out.push(
      draft(`${prefix}-threshold`, t('reportUncertainty.thresholds'), [
        thresholds.length === 0
          ? paragraph(t('reportUncertainty.noThreshold'))
          : table({
              id: `tab-${p}-thresholds`,
              caption: t('reportUncertainty.thresholdsCaption', { wtp: wtpText(ctx, m, ow.wtp) }),
              header: [t('report.limits.input'), t('reportUncertainty.rangeSearched'), t('reportUncertainty.thresholdValue'), t('reportUncertainty.optimalBelow'), t('reportUncertainty.optimalAbove')],
              rows: thresholds.flatMap((th) =>
                th.thresholds.length === 0
                  ? [[parameterLabel(m, th.parameter), `${fmt.parameter(th.low)} – ${fmt.parameter(th.high)}`, t('reportUncertainty.noneInRange'), th.optimalAtLow ? strategyLabel(m, th.optimalAtLow) : '—', th.optimalAtHigh ? strategyLabel(m, th.optimalAtHigh) : '—']]
                  : th.thresholds.map((c) => [parameterLabel(m, th.parameter), `${fmt.parameter(th.low)} – ${fmt.parameter(th.high)}`, c.exact ? fmt.parameter(c.value) : t('reportUncertainty.approximate', { value: fmt.parameter(c.value) }), strategyLabel(m, c.from), strategyLabel(m, c.to)]),
              ),
              align: ['left', 'right', 'right', 'left', 'left'],
              widths: [3, 1.6, 1.4, 2.2, 2.2],
            }),
      ]),
    );
  }
  const tw = m.analyses['two-way'];
  if (tw) {
    const strategies = tw.strategyIds.map((id) => ({ id, label: strategyLabel(m, id) }));
    const short = new Map(strategies.map((s, i) => [s.id, `S${i + 1}`]));
    const base = m.analyses['base-case']?.parameterValues ?? {};
    // Axes and the table's heads in the parameters' units ("€7,000"; "Targeted therapy cost (per month)").
    const axisOf = (id: string) => parameterAxis(m.model.parameters.find((q) => q.id === id) ?? { id }, cur, fmt);
    const xAxis = axisOf(tw.x.parameter);
    const yAxis = axisOf(tw.y.parameter);
    out.push(
      draft(`${prefix}-two-way`, t('reportUncertainty.twoWay'), [
        paragraph(t('reportUncertainty.twoWayIntro', { nx: tw.x.values.length, ny: tw.y.values.length, wtp: wtpText(ctx, m, tw.wtp) })),
        figure(
          `fig-${p}-two-way`,
          t('reportUncertainty.twoWayCaption', { x: parameterLabel(m, tw.x.parameter), y: parameterLabel(m, tw.y.parameter) }),
          twoWayChart(`fig-${p}-two-way-svg`, fmt, {
            xLabel: xAxis.label,
            yLabel: yAxis.label,
            xFormat: xAxis.format,
            yFormat: yAxis.format,
            xValues: tw.x.values,
            yValues: tw.y.values,
            cells: tw.cells.map((col) => col.map((c) => c.optimal)),
            strategies,
            base: { x: base[tw.x.parameter] ?? tw.x.values[Math.floor(tw.x.values.length / 2)]!, y: base[tw.y.parameter] ?? tw.y.values[Math.floor(tw.y.values.length / 2)]! },
            wtpText: wtpText(ctx, m, tw.wtp),
          }, t),
          table({
            id: `tab-${p}-two-way-data`,
            caption: t('reportUncertainty.twoWayDataCaption', { y: parameterLabel(m, tw.y.parameter), x: parameterLabel(m, tw.x.parameter) }),
            header: [`${parameterLabel(m, tw.y.parameter)} \\ ${parameterLabel(m, tw.x.parameter)}`, ...tw.x.values.map((v) => xAxis.format(v))],
            rows: [...tw.y.values.keys()].reverse().map((j) => [yAxis.format(tw.y.values[j]!), ...tw.x.values.map((_, i) => {
              const id = tw.cells[i]![j]!.optimal;
              return id === null ? '—' : (short.get(id) ?? id);
            })]),
            numeric: true,
            widths: [3, ...tw.x.values.map(() => 1)],
            notes: [strategies.map((s, i) => `S${i + 1}: ${s.label}`).join('; ')],
          }),
        ),
      ]),
    );
  }
  return out;
}

function scenarioParts(ctx: BuildContext, m: ReportModel, prefix: string): DraftSection[] {
  const sc = m.analyses.scenarios;
  const { fmt, t } = ctx;
  const cur = currencyOf(m);
  const e = effectWord(m, t);
  if (!sc) {
    const blocks = m.model.scenarios.length === 0 ? [paragraph(t('reportUncertainty.noScenarios'))] : problemNotice(ctx, m, 'scenarios');
    return [draft(`${prefix}-scenarios`, t('run.kind.scenarios'), blocks)];
  }
  const wtps = m.model.settings.wtp;
  // The engine names the base case "Base case" unless the model labels a scenario with its id.
  const scenarioLabel = (s: { id: string; label: string }) => (s.id === BASE_SCENARIO_ID && !m.model.scenarios.some((x) => x.id === s.id) ? t('run.kind.base-case') : s.label);
  return [
    draft(`${prefix}-scenarios`, t('run.kind.scenarios'), [
      table({
        id: `tab-${idPart(prefix)}-scenarios`,
        caption: t('reportUncertainty.scenariosCaption'),
        header: [t('reportUncertainty.scenario'), t('reportText.strategy'), t('results.cost'), e.label, t('reportResults.icerPer', { unit: e.unit }), t('reportEvidence.status')],
        rows: sc.flatMap((s) => s.incremental.map((r, i) => [i === 0 ? scenarioLabel(s) : '', strategyLabel(m, r.id), fmt.money(r.cost, cur), fmt.number(r.effect, 4), r.icer === null ? '—' : fmt.money(r.icer, cur), t(`reportUncertainty.scenarioStatus.${r.status}`)])),
        align: ['left', 'left', 'right', 'right', 'right', 'left'],
        notes: wtps.length > 0 ? sc.map((s) => t('reportUncertainty.scenarioOptimal', { scenario: scenarioLabel(s), optimal: s.optimal.map((o) => t('reportUncertainty.optimalAtWtp', { wtp: fmt.moneyCompact(o.wtp, cur), strategy: strategyLabel(m, o.id) })).join(', ') })) : [],
      }),
    ]),
  ];
}

function psaParts(ctx: BuildContext, m: ReportModel, prefix: string): DraftSection[] {
  const psa = m.analyses.psa;
  const { fmt, t } = ctx;
  const p = idPart(prefix);
  const cur = currencyOf(m);
  const e = effectWord(m, t);
  const money = { fmt, currency: cur, effectUnit: e.unit, effectNoun: e.plural, t };
  if (!psa) {
    const blocks = problemNotice(ctx, m, 'psa');
    return blocks.length > 0 ? [draft(`${prefix}-psa`, t('run.kind.psa'), blocks)] : [];
  }
  const wtps = m.model.settings.wtp;
  const comparator = m.decision?.comparator ?? psa.strategyIds[0]!;
  const grid = netBenefitSummary(psa, wtpGrid(wtps));
  const atThresholds = wtps.length > 0 ? netBenefitSummary(psa, wtps) : null;
  const bia = m.analyses['budget-impact'];
  const population = bia && bia.population.entering.length > 0 ? { populationPerYear: bia.population.entering.reduce((a, b) => a + b, 0) / bia.population.entering.length, years: bia.horizonYears, discountRate: m.model.settings.discount.costs } : null;
  const effective = population ? effectivePopulation(population) : null;
  // The inputs this PSA drew (joint distributions' members included), as the EVPPI list names them.
  const sampled = psa.parameterDraws.names.length;
  const parts: DraftSection[] = [];
  parts.push(
    draft(`${prefix}-psa`, t('run.kind.psa'), [
      paragraph(t('reportUncertainty.psaIntro', { draws: fmt.number(psa.draws, 0), seed: psa.seed, n: sampled })),
      ...drawsSummaryBlocks(ctx, p, psa, { labelOf: (id) => strategyLabel(m, id), comparator, currency: cur, effect: e, wtps, grid }),
    ]),
  );
  const evpiDigits = centsBelow100((atThresholds?.byWtp ?? []).map((s) => s.evpi));
  const evpiRows = (atThresholds?.byWtp ?? []).map((s) => [wtpText(ctx, m, s.wtp), fmt.money(s.evpi, cur, evpiDigits), effective === null ? '—' : fmt.money(s.evpi * effective, cur)]);
  parts.push(
    draft(`${prefix}-evpi`, t('reportUncertainty.voi'), [
      paragraph(
        population
          ? t('reportUncertainty.populationEvpi', { people: fmt.number(population.populationPerYear, 0), years: population.years, rate: fmt.percent(population.discountRate), discounted: fmt.number(effective, 0) })
          : t('reportUncertainty.noPopulation'),
      ),
      figure(
        `fig-${p}-evpi`,
        t('reportCharts.evpi'),
        evpiChart(`fig-${p}-evpi-svg`, money, grid.byWtp.map((g) => ({ wtp: g.wtp, evpi: g.evpi }))),
        table({ id: `tab-${p}-evpi-data`, caption: t('reportUncertainty.evpiDataCaption'), header: [t('reportUncertainty.threshold'), t('reportCharts.evpiPerPerson'), t('reportUncertainty.populationEvpiHeader')], rows: evpiRows, numeric: true }),
      ),
    ]),
  );
  const evppi = m.analyses.evppi;
  if (evppi && evppi.length > 0 && wtps.length > 0) {
    const label = (ids: string[]) => ids.map((id) => parameterLabel(m, id)).join(' + ');
    const byGroup = new Map<string, Map<number, number>>();
    for (const r of evppi) {
      const key = r.parameters.join(',');
      if (!byGroup.has(key)) byGroup.set(key, new Map());
      byGroup.get(key)!.set(r.wtp, r.evppi);
    }
    // The chart's threshold: the first one at which any EVPPI is above zero (all bars at zero show nothing).
    const chartWtp = wtps.find((w) => evppi.some((r) => r.wtp === w && r.evppi > 0)) ?? wtps[0]!;
    const at = (r: { parameters: string[] }, w: number) => byGroup.get(r.parameters.join(','))?.get(w) ?? 0;
    // Largest first by the largest value at any threshold: ranking by the first threshold alone listed fifteen
    // zeros at €30,000 and left out the one input worth €4 per person at €50,000.
    const ranked = evppi.filter((r) => r.wtp === wtps[0]).sort((a, b) => Math.max(...wtps.map((w) => at(b, w))) - Math.max(...wtps.map((w) => at(a, w))) || at(b, wtps[0]!) - at(a, wtps[0]!));
    const top = ranked.slice(0, 15);
    const evppiDigits = centsBelow100(evppi.map((r) => r.evppi));
    parts.push(
      draft(`${prefix}-evppi`, t('run.kind.evppi'), [
        paragraph(t('reportUncertainty.evppiNote'), 'note'),
        figure(
          `fig-${p}-evppi`,
          t('reportUncertainty.evppiCaption', { wtp: wtpText(ctx, m, chartWtp) }),
          evppiChart(`fig-${p}-evppi-svg`, money, wtpText(ctx, m, chartWtp), [...ranked].sort((a, b) => at(b, chartWtp) - at(a, chartWtp)).slice(0, 10).map((r) => ({ label: label(r.parameters), value: at(r, chartWtp) }))),
          table({
            id: `tab-${p}-evppi-data`,
            caption: t('reportUncertainty.evppiDataCaption'),
            header: [t('reportUncertainty.parameters'), ...wtps.map((w) => t('reportUncertainty.evppiAt', { wtp: fmt.moneyCompact(w, cur) }))],
            rows: top.map((r) => [label(r.parameters), ...wtps.map((w) => fmt.money(byGroup.get(r.parameters.join(','))?.get(w) ?? null, cur, evppiDigits))]),
            numeric: true,
          }),
        ),
      ]),
    );
  } else {
    const blocks = problemNotice(ctx, m, 'evppi');
    if (blocks.length > 0) parts.push(draft(`${prefix}-evppi`, t('run.kind.evppi'), blocks));
  }
  return parts;
}

/** Per-person value-of-information amounts below 100 keep their cents: "€0.04", not a row of "€0". */
function centsBelow100(amounts: readonly number[]): number {
  return amounts.every((v) => !Number.isFinite(v) || Math.abs(v) < 100) ? 2 : 0;
}

export function uncertaintySection(ctx: BuildContext): DraftSection[] {
  const imported = importedPsaParts(ctx);
  if (ctx.input.models.length === 0) return [draft('sec-uncertainty-none', ctx.t('reportText.models'), [paragraph(ctx.t('report.methods.noModel'))]), ...imported];
  return [...perModel(ctx, 'uncertainty', (m, prefix) => [...oneWayParts(ctx, m, prefix), ...scenarioParts(ctx, m, prefix), ...psaParts(ctx, m, prefix)]), ...imported];
}
