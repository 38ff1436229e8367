// Partitioned survival: the three states (occupancy read from the curves, not from transitions) and each curve
// with a small plot of S(t) over the horizon, per strategy that uses it.
import type { HtaModel, PsmModel, Strategy } from '../engine/model/schema';
import type { StructureValues } from '../engine/model/structure-values';
import { PSM_STATE_IDS } from '../engine/psm/psm-schema';
import type { CurvePlot, DiagramEdge, DiagramGraph, DiagramNode } from './diagram-graph';
import { diagramNumber, typedNumber } from './diagram-graph';
import type { NumberFormats } from '../report/format';
import { translator } from '../report/i18n/translate';
import type { Translate } from '../report/i18n/translate';

const PLOT_POINTS = 48;

function curveWords(spec: PsmModel['curves'][string], values: StructureValues | null, strategy: string | undefined, t: Translate, fmt?: NumberFormats): string[] {
  const v = (e: number | string) => {
    const x = values?.value(e, strategy) ?? null;
    if (typeof e === 'number') return typedNumber(e, fmt);
    return x === null ? e : `${e} = ${diagramNumber(x, fmt)}`;
  };
  switch (spec.dist) {
    case 'hazard-ratio':
      return [t('diagram.hazardRatioOn', { curve: spec.curve }), `HR ${v(spec.hr)}`];
    case 'table':
      return [t('diagram.tablePoints', { n: spec.times.length, interpolation: spec.interpolation })];
    case 'join':
      return [spec.curves.reduce((first, next) => t('diagram.then', { first, next })), t('diagram.cutAt', { times: spec.at.map((a) => v(a)).join(', '), units: t(`structure.unit.${spec.timeUnit}`) })];
    default: {
      const rec = spec as unknown as Record<string, number | string>;
      const names = spec.dist === 'exponential' ? ['rate'] : spec.dist === 'log-normal' ? ['meanlog', 'sdlog'] : spec.dist === 'generalised-gamma' ? ['mu', 'sigma', 'Q'] : spec.dist === 'gompertz' ? ['shape', 'rate'] : ['shape', 'scale'];
      return [t('diagram.timeIn', { dist: spec.dist, units: t(`structure.unit.${spec.timeUnit}`) }), ...names.map((n) => `${n} ${v(rec[n]!)}`)];
    }
  }
}

/** The partitioned-survival structure of a model or sub-model; `horizonYears` sets the plots' time axis. */
export function psmGraph(psm: PsmModel, model: HtaModel, values: StructureValues | null, strategies: readonly Strategy[], idPrefix = '', t: Translate = translator('en'), fmt?: NumberFormats): DiagramGraph {
  const ids = { ...PSM_STATE_IDS, ...(psm.states ?? {}) };
  const s = model.settings;
  const horizon = s.horizon ?? (s.cycles ?? 1) * s.cycleLength;
  const times = Array.from({ length: PLOT_POINTS + 1 }, (_, k) => (k * horizon) / PLOT_POINTS);
  // Which strategies use which curve as PFS or OS.
  const roleUses = new Map<string, { role: string; name: string }[]>();
  const arms = strategies.length > 0 ? strategies.map((st) => ({ strategy: st, arm: psm.strategyCurves?.[st.id] ?? { pfs: psm.pfs, os: psm.os } })) : [{ strategy: undefined, arm: { pfs: psm.pfs, os: psm.os } }];
  for (const { strategy, arm } of arms) {
    const name = strategy ? (strategy.label ?? strategy.id) : t('diagram.theModel');
    for (const [role, curve] of [['PFS', arm.pfs], ['OS', arm.os]] as const) roleUses.set(curve, [...(roleUses.get(curve) ?? []), { role, name }]);
  }
  // A curve every strategy uses in the same role is said once.
  const uses = new Map<string, string[]>();
  for (const [curve, list] of roleUses) {
    const roles = new Set(list.map((u) => u.role));
    uses.set(curve, arms.length > 1 && list.length === arms.length && roles.size === 1 ? [t('diagram.roleOfEvery', { role: list[0]!.role })] : list.map((u) => t('diagram.roleOf', u)));
  }
  const nodes: DiagramNode[] = [
    { id: `${idPrefix}${ids.progressionFree}`, shape: 'state', title: t('modelWords.state.progressionFree'), lines: [ids.progressionFree, 'share = S_PFS(t)'] },
    { id: `${idPrefix}${ids.progressed}`, shape: 'state', title: t('modelWords.state.progressed'), lines: [ids.progressed, 'share = S_OS(t) − S_PFS(t)'] },
    { id: `${idPrefix}${ids.dead}`, shape: 'absorbing', title: t('modelWords.state.dead'), lines: [ids.dead, 'share = 1 − S_OS(t)'] },
  ];
  const edges: DiagramEdge[] = [
    { from: nodes[0]!.id, to: nodes[1]!.id, label: [t('diagram.progression')] },
    { from: nodes[1]!.id, to: nodes[2]!.id, label: [t('diagram.death')] },
    { from: nodes[0]!.id, to: nodes[2]!.id, label: [t('diagram.deathBeforeProgression')] },
  ];
  const curveIds = Object.keys(psm.curves);
  for (const id of curveIds) {
    const spec = psm.curves[id]!;
    const strategyUsing = arms.find((a) => a.arm.pfs === id || a.arm.os === id)?.strategy?.id;
    const points = values?.survival(psm.curves, id, times, strategyUsing) ?? null;
    const plot: CurvePlot | undefined = points ? { xMax: horizon, xLabel: t('modelWords.years', { n: Math.round(horizon * 10) / 10 }), series: [{ label: id, points: times.map((time, k) => [time, points[k]!] as [number, number]) }] } : undefined;
    const role = uses.get(id);
    nodes.push({ id: `${idPrefix}curve:${id}`, shape: 'curve', title: id, lines: [...(spec.label ? [spec.label] : []), ...curveWords(spec, values, strategyUsing, t, fmt), role ? role.join('; ') : t('diagram.referenceCurve')], ...(plot ? { plot } : {}) });
  }
  const rows = curveIds.map((id) => [psm.curves[id]!.label ?? id, (uses.get(id) ?? [t('diagram.referenceCurve')]).join('; '), curveWords(psm.curves[id]!, values, undefined, t, fmt).join(', ')]);
  return {
    kind: 'psm',
    nodes,
    edges,
    notes: [t('diagram.psmNote')],
    description: t('diagram.psmDescription', { n: curveIds.length }),
    rows,
  };
}
