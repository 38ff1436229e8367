// What `hta psa` prints: the "psa" JSON section (a public contract: fields are added, never renamed), the
// human-readable tables, and the per-draw CSV of --samples.
import type { PsaRun } from '../../engine/psa/psa-run';
import type { PsaAnalysis } from '../../engine/psa/psa-analysis';
import type { RunReport } from '../run-report';
import { RNG_ALGORITHM } from '../../engine/uncertainty/rng';
import { formatNumber, formatTable } from '../format';

function byId(ids: readonly string[], values: readonly number[]): Record<string, number> {
  return Object.fromEntries(ids.map((id, j) => [id, values[j]!]));
}

// The pieces of the "psa" and "voi" JSON sections that are the same analysis (PsaAnalysis), written once.

/** Mean cost and effect of each strategy with their 95 % intervals. */
export function strategyMeansJson(means: PsaAnalysis['means']) {
  return means.map((m) => ({
    id: m.id,
    cost: m.cost.mean,
    effect: m.effect.mean,
    costInterval: { lower: m.cost.lower, upper: m.cost.upper },
    effectInterval: { lower: m.effect.lower, upper: m.effect.upper },
  }));
}

/** Per threshold: expected net benefit, CEAC, CEAF, expected loss and EVPI, keyed by strategy id where per strategy. */
export function thresholdSummariesJson(ids: readonly string[], byWtp: PsaAnalysis['netBenefit']['byWtp']) {
  return {
    expectedNetBenefit: byWtp.map((b) => ({ wtp: b.wtp, values: byId(ids, b.expectedNb) })),
    ceac: byWtp.map((b) => ({ wtp: b.wtp, probabilities: byId(ids, b.ceac) })),
    ceaf: byWtp.map((b) => ({ wtp: b.wtp, id: b.optimalId, probability: b.optimalProbability })),
    expectedLoss: byWtp.map((b) => ({ wtp: b.wtp, values: byId(ids, b.expectedLoss) })),
    evpi: byWtp.map((b) => ({ wtp: b.wtp, value: b.evpi })),
  };
}

export function evppiJson(evppi: PsaAnalysis['evppi']) {
  return evppi.map((e) => ({ parameters: e.parameters, wtp: e.wtp, value: e.evppi, se: e.se, method: e.method, ...(e.seNote ? { seNote: e.seNote } : {}) }));
}

/** The "psa" section of `hta psa --json`. */
export function psaJson(run: PsaRun, a: PsaAnalysis) {
  const byWtp = a.netBenefit.byWtp;
  return {
    iterations: run.draws,
    seed: run.seed,
    rng: RNG_ALGORITHM,
    sampledParameters: [...run.parameterDraws.names],
    wtp: byWtp.map((b) => b.wtp),
    mean: strategyMeansJson(a.means),
    comparator: a.comparator,
    incremental: a.plane.map((p) => ({ id: p.id, incCost: p.meanIncCost, incEffect: p.meanIncEffect, icer: p.icer })),
    ...thresholdSummariesJson(run.strategyIds, byWtp),
    evpiPopulation: a.populationEvpi,
    evppi: evppiJson(a.evppi),
    convergence: a.convergence.map((c) => ({
      wtp: c.wtp,
      series: c.series.map((s) => ({ id: s.id, draws: s.draws, runningMeanIncNb: s.runningMeanIncNb })),
    })),
  };
}

export function psaText(report: RunReport, run: PsaRun, a: PsaAnalysis): string {
  const unit = report.model.effect === 'qalys' ? 'QALYs' : 'LYs';
  const cur = report.model.currency ? ` (${report.model.currency})` : '';
  const means = formatTable(
    ['Strategy', `Mean cost${cur}`, '95% interval', `Mean ${unit}`, '95% interval'],
    a.means.map((m) => [
      m.id,
      formatNumber(m.cost.mean),
      `${formatNumber(m.cost.lower)} – ${formatNumber(m.cost.upper)}`,
      formatNumber(m.effect.mean, 4),
      `${formatNumber(m.effect.lower, 4)} – ${formatNumber(m.effect.upper, 4)}`,
    ]),
  );
  const ids = run.strategyIds;
  const ceac = formatTable(
    ['WTP', ...ids.map((id) => `P(${id})`), 'CEAF', 'EVPI per person', ...(a.populationEvpi ? ['EVPI population'] : [])],
    a.netBenefit.byWtp.map((b, k) => [
      formatNumber(b.wtp, 0),
      ...b.ceac.map((p) => formatNumber(p, 3)),
      b.optimalId,
      formatNumber(b.evpi),
      ...(a.populationEvpi ? [formatNumber(a.populationEvpi[k]!.value)] : []),
    ]),
  );
  const parts = [
    `${report.model.title}`,
    `Probabilistic analysis: ${run.draws} draws, seed ${run.seed}, ${run.parameterDraws.names.length} sampled parameters.`,
    '',
    means,
    '',
    'Cost-effectiveness acceptability (share of draws in which each strategy has the highest net benefit)',
    ceac,
  ];
  if (a.evppi.length > 0) {
    parts.push(
      '',
      'EVPPI per person (regression)',
      formatTable(
        ['Parameters', 'WTP', 'EVPPI', 'SE'],
        a.evppi.map((e) => [e.parameters.join(' + '), formatNumber(e.wtp, 0), formatNumber(e.evppi), formatNumber(e.se)]),
      ),
    );
  }
  return `${parts.join('\n')}\n`;
}

/** One row per draw: draw index, cost and effect of each strategy, then the sampled parameter values. */
export function psaSamplesCsv(run: PsaRun): string {
  const ids = run.strategyIds;
  const names = run.parameterDraws.names;
  const s = ids.length;
  const p = names.length;
  const lines = [['draw', ...ids.flatMap((id) => [`cost_${id}`, `effect_${id}`]), ...names].join(',')];
  for (let i = 0; i < run.draws; i++) {
    const cells = [String(i)];
    for (let j = 0; j < s; j++) cells.push(String(run.costs[i * s + j]), String(run.effects[i * s + j]));
    for (let k = 0; k < p; k++) cells.push(String(run.parameterDraws.values[i * p + k]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
