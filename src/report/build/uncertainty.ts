// Section "Uncertainty": one-way analysis (tornado), threshold values, two-way grid, scenarios, probabilistic
// analysis (means with 95% intervals, CE plane, CEAC with CEAF, EVPI per person and for the population) and EVPPI.
// Summaries of the PSA draws (CEAC on a threshold grid, EVPI) are computed here from the stored or computed draws.
import { effectivePopulation, incrementalPlane, netBenefitSummary, psaMeans } from '../../engine/uncertainty/psa-summary';
import { cePlaneChart, ceacChart, evpiChart, evppiChart, tornadoFigure, twoWayChart } from '../charts/hta-charts';
import type { Block } from '../document';
import type { ReportModel } from '../report-input';
import type { BuildContext, DraftSection } from './context';
import { currencyOf, draft, effectWord, figure, idPart, notice, paragraph, perModel, strategyLabel, table, wtpText } from './context';

function problemNotice(m: ReportModel, kind: string): Block[] {
  const p = m.problems.find((x) => x.kind === kind);
  return p ? [notice(`This analysis could not be run: ${p.message}.`, 'warning')] : [];
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
  const { fmt } = ctx;
  const p = idPart(prefix);
  const cur = currencyOf(m);
  const ow = m.analyses['one-way'];
  const out: DraftSection[] = [];
  if (!ow) {
    const blocks = problemNotice(m, 'one-way');
    if (blocks.length > 0) out.push(draft(`${prefix}-one-way`, 'One-way sensitivity analysis', blocks));
    return out;
  }
  const what = `incremental net monetary benefit of ${strategyLabel(m, ow.strategy)} against ${strategyLabel(m, ow.comparator)} at ${wtpText(ctx, m, ow.wtp)}`;
  const bars = ow.rows.filter((r) => r.swing !== null).slice(0, 10);
  const failed = ow.rows.filter((r) => r.errors.length > 0);
  out.push(
    draft(`${prefix}-one-way`, 'One-way sensitivity analysis', [
      paragraph(`Each input is set to the low and then the high end of its range, the others staying at their base-case values. The outcome is the ${what}; base case ${fmt.money(ow.base.incNmb, cur)}. ${ow.rows.length} inputs were varied; the ${bars.length} with the largest swing are shown.`),
      figure(
        `fig-${p}-tornado`,
        `Tornado diagram: ${what}`,
        tornadoFigure(`fig-${p}-tornado-svg`, 'Tornado diagram', `Incremental net monetary benefit when each of the ${bars.length} most influential inputs is at its low or high value; the vertical line is the base case.`, bars.map((r) => ({ label: r.label, atLow: r.outcomeLow, atHigh: r.outcomeHigh })), ow.base.incNmb, 'Incremental net monetary benefit', (v) => fmt.moneyCompact(v, cur)),
        table({
          id: `tab-${p}-tornado-data`,
          caption: 'One-way sensitivity analysis',
          header: ['Input', 'Base', 'Low', 'High', 'iNMB at low', 'iNMB at high', 'Swing', 'Decision changes'],
          rows: ow.rows.slice(0, 15).map((r) => [r.label, fmt.parameter(r.base), fmt.parameter(r.low), fmt.parameter(r.high), fmt.money(r.outcomeLow, cur), fmt.money(r.outcomeHigh, cur), fmt.money(r.swing, cur), r.decisionChanges ? 'yes' : 'no']),
          numeric: true,
          align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
          widths: [3, 1, 1, 1, 1.3, 1.3, 1.2, 1],
        }),
      ),
      ...(failed.length > 0 ? [notice(`${failed.length} input${failed.length === 1 ? '' : 's'} could not be evaluated at an end of the range: ${failed.map((r) => r.errors[0]!.message).join('; ')}.`, 'warning')] : []),
    ]),
  );
  const thresholds = m.analyses.threshold;
  if (thresholds) {
    out.push(
      draft(`${prefix}-threshold`, 'Threshold values', [
        thresholds.length === 0
          ? paragraph('No input changes the optimal strategy within its range, so there is no threshold value to report.')
          : table({
              id: `tab-${p}-thresholds`,
              caption: `Values at which the optimal strategy changes (at ${wtpText(ctx, m, ow.wtp)})`,
              header: ['Input', 'Range searched', 'Threshold value', 'Optimal below', 'Optimal above'],
              rows: thresholds.flatMap((t) =>
                t.thresholds.length === 0
                  ? [[parameterLabel(m, t.parameter), `${fmt.parameter(t.low)} – ${fmt.parameter(t.high)}`, 'none in range', t.optimalAtLow ? strategyLabel(m, t.optimalAtLow) : '—', t.optimalAtHigh ? strategyLabel(m, t.optimalAtHigh) : '—']]
                  : t.thresholds.map((c) => [parameterLabel(m, t.parameter), `${fmt.parameter(t.low)} – ${fmt.parameter(t.high)}`, `${fmt.parameter(c.value)}${c.exact ? '' : ' (approximate)'}`, strategyLabel(m, c.from), strategyLabel(m, c.to)]),
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
    out.push(
      draft(`${prefix}-two-way`, 'Two-way sensitivity analysis', [
        paragraph(`The two inputs with the largest one-way swing vary together over their ranges (${tw.x.values.length} × ${tw.y.values.length} grid); each cell shows the strategy with the highest net monetary benefit at ${wtpText(ctx, m, tw.wtp)}.`),
        figure(
          `fig-${p}-two-way`,
          `Optimal strategy as ${parameterLabel(m, tw.x.parameter)} and ${parameterLabel(m, tw.y.parameter)} vary`,
          twoWayChart(`fig-${p}-two-way-svg`, fmt, {
            xLabel: parameterLabel(m, tw.x.parameter),
            yLabel: parameterLabel(m, tw.y.parameter),
            xValues: tw.x.values,
            yValues: tw.y.values,
            cells: tw.cells.map((col) => col.map((c) => c.optimal)),
            strategies,
            base: { x: base[tw.x.parameter] ?? tw.x.values[Math.floor(tw.x.values.length / 2)]!, y: base[tw.y.parameter] ?? tw.y.values[Math.floor(tw.y.values.length / 2)]! },
            wtpText: wtpText(ctx, m, tw.wtp),
          }),
          table({
            id: `tab-${p}-two-way-data`,
            caption: `Optimal strategy by ${parameterLabel(m, tw.y.parameter)} (rows) and ${parameterLabel(m, tw.x.parameter)} (columns)`,
            header: [`${parameterLabel(m, tw.y.parameter)} \\ ${parameterLabel(m, tw.x.parameter)}`, ...tw.x.values.map((v) => fmt.parameter(v))],
            rows: [...tw.y.values.keys()].reverse().map((j) => [fmt.parameter(tw.y.values[j]!), ...tw.x.values.map((_, i) => {
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
  const { fmt } = ctx;
  const cur = currencyOf(m);
  const e = effectWord(m);
  if (!sc) {
    const blocks = m.model.scenarios.length === 0 ? [paragraph('The model defines no named scenarios.')] : problemNotice(m, 'scenarios');
    return [draft(`${prefix}-scenarios`, 'Scenarios', blocks)];
  }
  const wtps = m.model.settings.wtp;
  return [
    draft(`${prefix}-scenarios`, 'Scenarios', [
      table({
        id: `tab-${idPart(prefix)}-scenarios`,
        caption: 'Scenario analyses: costs, effects and ICERs per strategy',
        header: ['Scenario', 'Strategy', 'Cost', e.label, `ICER (per ${e.unit})`, 'Status'],
        rows: sc.flatMap((s) => s.incremental.map((r, i) => [i === 0 ? s.label : '', strategyLabel(m, r.id), fmt.money(r.cost, cur), fmt.number(r.effect, 4), r.icer === null ? '—' : fmt.money(r.icer, cur), r.status])),
        align: ['left', 'left', 'right', 'right', 'right', 'left'],
        notes: wtps.length > 0 ? sc.map((s) => `${s.label}: optimal ${s.optimal.map((o) => `at ${fmt.moneyCompact(o.wtp, cur)} ${strategyLabel(m, o.id)}`).join(', ')}.`) : [],
      }),
    ]),
  ];
}

function psaParts(ctx: BuildContext, m: ReportModel, prefix: string): DraftSection[] {
  const psa = m.analyses.psa;
  const { fmt } = ctx;
  const p = idPart(prefix);
  const cur = currencyOf(m);
  const e = effectWord(m);
  const money = { fmt, currency: cur, effectUnit: e.unit, effectLabel: e.label };
  if (!psa) {
    const blocks = problemNotice(m, 'psa');
    return blocks.length > 0 ? [draft(`${prefix}-psa`, 'Probabilistic analysis', blocks)] : [];
  }
  const labels = psa.strategyIds.map((id) => strategyLabel(m, id));
  const means = psaMeans(psa);
  const wtps = m.model.settings.wtp;
  const comparator = m.decision?.comparator ?? psa.strategyIds[0]!;
  const plane = incrementalPlane(psa, comparator);
  const grid = netBenefitSummary(psa, wtpGrid(wtps));
  const atThresholds = wtps.length > 0 ? netBenefitSummary(psa, wtps) : null;
  const bia = m.analyses['budget-impact'];
  const population = bia && bia.population.entering.length > 0 ? { populationPerYear: bia.population.entering.reduce((a, b) => a + b, 0) / bia.population.entering.length, years: bia.horizonYears, discountRate: m.model.settings.discount.costs } : null;
  const effective = population ? effectivePopulation(population) : null;
  const sampled = m.model.parameters.filter((x) => x.uncertainty?.distribution).length;
  const parts: DraftSection[] = [];
  const planeRows = plane.map((s) => {
    let nePositive = 0;
    for (let i = 0; i < s.incCost.length; i++) if (s.incCost[i]! > 0 && s.incEffect[i]! > 0) nePositive++;
    return [`${strategyLabel(m, s.id)} vs ${strategyLabel(m, comparator)}`, fmt.moneyChange(s.meanIncCost, cur), fmt.numberChange(s.meanIncEffect, 4), s.icer === null ? '—' : fmt.money(s.icer, cur), fmt.percent(nePositive / s.incCost.length)];
  });
  const ceacRows = grid.byWtp.filter((_, i) => i % 5 === 0).map((g) => [fmt.money(g.wtp, cur), ...g.ceac.map((c) => fmt.percent(c)), strategyLabel(m, g.optimalId)]);
  parts.push(
    draft(`${prefix}-psa`, 'Probabilistic analysis', [
      paragraph(`${fmt.number(psa.draws, 0)} draws (seed ${psa.seed}) of the ${sampled} parameters with a distribution; means with 95% intervals (2.5th and 97.5th percentiles).`),
      table({
        id: `tab-${p}-psa-means`,
        caption: 'Probabilistic results per person: means and 95% intervals',
        header: ['Strategy', 'Mean cost', '95% interval', `Mean ${e.plural}`, '95% interval'],
        rows: means.map((x, j) => [labels[j]!, fmt.money(x.cost.mean, cur), `${fmt.money(x.cost.lower, cur)} – ${fmt.money(x.cost.upper, cur)}`, fmt.number(x.effect.mean, 4), `${fmt.number(x.effect.lower, 4)} – ${fmt.number(x.effect.upper, 4)}`]),
        numeric: true,
      }),
      figure(
        `fig-${p}-ce-plane`,
        `Cost-effectiveness plane against ${strategyLabel(m, comparator)}`,
        cePlaneChart(`fig-${p}-ce-plane-svg`, money, strategyLabel(m, comparator), plane.map((s) => ({ label: strategyLabel(m, s.id), incCost: s.incCost, incEffect: s.incEffect, meanIncCost: s.meanIncCost, meanIncEffect: s.meanIncEffect, colourIndex: psa.strategyIds.indexOf(s.id) })), wtps),
        table({ id: `tab-${p}-ce-plane-data`, caption: 'Cost-effectiveness plane', header: ['Comparison', 'Mean incremental cost', `Mean incremental ${e.plural}`, 'ICER of the means', 'Share more costly and more effective'], rows: planeRows, numeric: true }),
      ),
      figure(
        `fig-${p}-ceac`,
        'Cost-effectiveness acceptability curves (CEAC) and frontier (CEAF)',
        ceacChart(`fig-${p}-ceac-svg`, money, psa.strategyIds.map((id, j) => ({ id, label: labels[j]! })), grid.byWtp),
        table({ id: `tab-${p}-ceac-data`, caption: 'Probability cost-effective', header: ['Willingness to pay', ...labels, 'CEAF strategy'], rows: ceacRows, numeric: true }),
      ),
    ]),
  );
  const evpiRows = (atThresholds?.byWtp ?? []).map((s) => [wtpText(ctx, m, s.wtp), fmt.money(s.evpi, cur), effective === null ? '—' : fmt.money(s.evpi * effective, cur)]);
  parts.push(
    draft(`${prefix}-evpi`, 'Value of information', [
      paragraph(
        population
          ? `Population EVPI uses the budget-impact population: ${fmt.number(population.populationPerYear, 0)} people a year (mean of the yearly eligible patients) over ${population.years} years, discounted at ${fmt.percent(population.discountRate)} (${fmt.number(effective, 0)} discounted people).`
          : 'Population EVPI needs the number of people affected; the model has no budget-impact population, so only the per-person EVPI is given.',
      ),
      figure(
        `fig-${p}-evpi`,
        'Expected value of perfect information per person',
        evpiChart(`fig-${p}-evpi-svg`, money, grid.byWtp.map((g) => ({ wtp: g.wtp, evpi: g.evpi }))),
        table({ id: `tab-${p}-evpi-data`, caption: 'EVPI at the thresholds', header: ['Threshold', 'EVPI per person', 'Population EVPI'], rows: evpiRows, numeric: true }),
      ),
    ]),
  );
  const evppi = m.analyses.evppi;
  if (evppi && evppi.length > 0 && wtps.length > 0) {
    const label = (ids: string[]) => ids.map((id) => parameterLabel(m, id)).join(' + ');
    const first = evppi.filter((r) => r.wtp === wtps[0]).sort((a, b) => b.evppi - a.evppi);
    const byGroup = new Map<string, Map<number, number>>();
    for (const r of evppi) {
      const key = r.parameters.join(',');
      if (!byGroup.has(key)) byGroup.set(key, new Map());
      byGroup.get(key)!.set(r.wtp, r.evppi);
    }
    const top = first.slice(0, 15);
    parts.push(
      draft(`${prefix}-evppi`, 'Partial EVPI', [
        paragraph(`EVPPI by non-parametric regression (Strong, Oakley and Brennan 2014) on the same draws, for each sampled parameter and each group sampled jointly; per person.`, 'note'),
        figure(
          `fig-${p}-evppi`,
          `Partial EVPI at ${wtpText(ctx, m, wtps[0]!)}`,
          evppiChart(`fig-${p}-evppi-svg`, money, wtpText(ctx, m, wtps[0]!), first.slice(0, 10).map((r) => ({ label: label(r.parameters), value: r.evppi }))),
          table({
            id: `tab-${p}-evppi-data`,
            caption: 'Partial EVPI per person (largest first)',
            header: ['Parameter(s)', ...wtps.map((w) => `EVPPI at ${fmt.moneyCompact(w, cur)}`)],
            rows: top.map((r) => [label(r.parameters), ...wtps.map((w) => fmt.money(byGroup.get(r.parameters.join(','))?.get(w) ?? null, cur))]),
            numeric: true,
          }),
        ),
      ]),
    );
  } else {
    const blocks = problemNotice(m, 'evppi');
    if (blocks.length > 0) parts.push(draft(`${prefix}-evppi`, 'Partial EVPI', blocks));
  }
  return parts;
}

export function uncertaintySection(ctx: BuildContext): DraftSection[] {
  if (ctx.input.models.length === 0) return [draft('sec-uncertainty-none', 'Models', [paragraph('The dossier links no model the report could read.')])];
  return perModel(ctx, 'uncertainty', (m, prefix) => [...oneWayParts(ctx, m, prefix), ...scenarioParts(ctx, m, prefix), ...psaParts(ctx, m, prefix)]);
}
