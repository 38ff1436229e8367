// What `hta voi` prints: the "voi" JSON object (a public contract, documented in the README: fields are added,
// never renamed) and the human-readable tables.
import type { ExternalPsaDraws } from '../../engine/psa/external-draws';
import type { DrawsAnalysis } from '../../engine/psa/draws-analysis';
import { formatNumber, formatTable } from '../format';
import { evppiJson, strategyMeansJson, thresholdSummariesJson } from './psa-output';

export function voiJson(draws: ExternalPsaDraws, a: DrawsAnalysis) {
  return {
    draws: draws.draws,
    layout: draws.layout,
    parameters: [...draws.parameterDraws.names],
    ignoredColumns: draws.ignoredColumns,
    wtp: a.wtp,
    strategies: strategyMeansJson(a.psa.means),
    incremental: a.incremental.map((r) => ({ id: r.id, cost: r.cost, effect: r.effect, status: r.status, incCost: r.incCost, incEffect: r.incEffect, icer: r.icer })),
    comparator: a.psa.comparator,
    plane: a.psa.plane.map((p) => ({ id: p.id, incCost: p.meanIncCost, incEffect: p.meanIncEffect, icer: p.icer })),
    ...thresholdSummariesJson(draws.strategyIds, a.psa.netBenefit.byWtp),
    evpiPopulation: a.psa.populationEvpi,
    switchPoints: a.switchPoints,
    evppi: evppiJson(a.psa.evppi),
  };
}

/** At most about 21 rows of a long threshold grid in text (every k-th, with the last); --json has all. */
function sampledRows<T>(rows: readonly T[]): { rows: T[]; every: number } {
  const every = Math.max(1, Math.ceil(rows.length / 20));
  return { rows: rows.filter((_, k) => k % every === 0 || k === rows.length - 1), every };
}

export function voiText(file: string, draws: ExternalPsaDraws, a: DrawsAnalysis): string {
  const ids = draws.strategyIds;
  const means = formatTable(
    ['Strategy', 'Mean cost', '95% interval', 'Mean effect', '95% interval'],
    a.psa.means.map((m) => [m.id, formatNumber(m.cost.mean), `${formatNumber(m.cost.lower)} – ${formatNumber(m.cost.upper)}`, formatNumber(m.effect.mean, 6), `${formatNumber(m.effect.lower, 6)} – ${formatNumber(m.effect.upper, 6)}`]),
  );
  const incremental = formatTable(
    ['Strategy', 'Cost', 'Effect', 'Inc. cost', 'Inc. effect', 'ICER', 'Status'],
    a.incremental.map((r) => [r.id, formatNumber(r.cost), formatNumber(r.effect, 6), formatNumber(r.incCost), formatNumber(r.incEffect, 6), formatNumber(r.icer), r.status]),
  );
  const { rows, every } = sampledRows(a.psa.netBenefit.byWtp.map((b, k) => ({ b, k })));
  const pop = a.psa.populationEvpi;
  const ceac = formatTable(
    ['WTP', ...ids.map((id) => `P(${id})`), 'CEAF', 'EVPI per person', ...(pop ? ['EVPI population'] : [])],
    rows.map(({ b, k }) => [formatNumber(b.wtp, 0), ...b.ceac.map((p) => formatNumber(p, 3)), b.optimalId, formatNumber(b.evpi), ...(pop ? [formatNumber(pop[k]!.value)] : [])]),
  );
  const parts = [
    `${file}: ${draws.draws} draws of ${ids.length} strategies (${draws.layout} layout)${draws.parameterDraws.names.length > 0 ? `, ${draws.parameterDraws.names.length} parameter columns` : ''}`,
    '',
    means,
    '',
    'Incremental analysis of the means',
    incremental,
    '',
    `Cost-effectiveness acceptability${every > 1 ? ` (every ${every}th threshold; --json gives all)` : ''}`,
    ceac,
  ];
  if (a.switchPoints.length > 0) parts.push('', `Decision changes at: ${a.switchPoints.map((s) => `${formatNumber(s.wtp, 0)} (${s.fromId} → ${s.toId})`).join(', ')}`);
  if (a.psa.evppi.length > 0) {
    parts.push('', 'EVPPI per person (regression)', formatTable(['Parameter', 'WTP', 'EVPPI', 'SE'], a.psa.evppi.map((e) => [e.parameters.join(' + '), formatNumber(e.wtp, 0), formatNumber(e.evppi), formatNumber(e.se)])));
  }
  return `${parts.join('\n')}\n`;
}
