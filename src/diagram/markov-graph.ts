// Markov state-transition diagram: states as boxes (absorbing states marked, tunnel states stacked), transitions
// as arrows labelled with their expression and base-case value, staying in a state as a loop.
import type { MarkovModel, Strategy } from '../engine/model/schema';
import type { StructureValues } from '../engine/model/structure-values';
import { formatParameter } from '../report/format';
import type { NumberFormats } from '../report/format';
import type { DiagramEdge, DiagramGraph, DiagramNode } from './diagram-graph';
import { expressionLabel, expressionLines } from './diagram-graph';
import { translator } from '../report/i18n/translate';
import type { Translate } from '../report/i18n/translate';

/** The states and transitions of a Markov structure (a whole model or a tree's sub-model). */
export function markovGraph(markov: MarkovModel, values: StructureValues | null, strategies: readonly Strategy[] = [], idPrefix = '', t: Translate = translator('en'), fmt?: NumberFormats): DiagramGraph {
  // The complement ("C") of a row is 1 minus the other probabilities leaving the same state.
  const valueOf = (tr: MarkovModel['transitions'][number]): number | null => {
    if (tr.probability !== 'C') return values?.value(tr.probability) ?? null;
    let rest = 1;
    for (const o of markov.transitions) {
      if (o.from !== tr.from || o === tr) continue;
      const x = o.probability === 'C' ? null : (values?.value(o.probability) ?? null);
      if (x === null) return null;
      rest -= x;
    }
    return rest;
  };
  const label = (tr: MarkovModel['transitions'][number]): string[] => expressionLines(tr.probability, valueOf(tr), tr.probability !== 'C' && (values?.timeVarying(tr.probability) ?? false), fmt, t);
  const stateLabel = new Map(markov.states.map((s) => [s.id, s.label ?? s.id]));
  const leaving = new Set(markov.transitions.filter((tr) => tr.from !== tr.to).map((tr) => tr.from));
  const nodes: DiagramNode[] = markov.states.map((s) => {
    const lines: string[] = [];
    if (s.label && s.label !== s.id) lines.push(s.id);
    const start = markov.initial[s.id];
    if (start !== undefined && start !== 0) lines.push(t('diagram.start', { value: expressionLabel(start, values?.value(start) ?? null, false, fmt, t) }));
    const absorbing = s.dead === true || !leaving.has(s.id);
    if (s.dead) lines.push(t('diagram.deadAbsorbing'));
    else if (absorbing) lines.push(t('diagram.absorbing'));
    const loop = markov.transitions.find((tr) => tr.from === s.id && tr.to === s.id);
    const node: DiagramNode = { id: idPrefix + s.id, shape: absorbing ? 'absorbing' : 'state', title: s.label ?? s.id, lines };
    if (s.maxStateTime !== undefined) node.tunnel = s.maxStateTime;
    if (loop) node.loop = label(loop);
    return node;
  });
  const edges: DiagramEdge[] = markov.transitions
    .filter((tr) => tr.from !== tr.to)
    .map((tr) => ({ from: idPrefix + tr.from, to: idPrefix + tr.to, label: label(tr) }));
  const rows = markov.transitions.map((tr) => [stateLabel.get(tr.from) ?? tr.from, stateLabel.get(tr.to) ?? tr.to, label(tr).join(' ')]);
  const notes = strategies.flatMap((s) => {
    const changes = [
      ...Object.entries(s.parameters ?? {}).map(([id, e]) => `${id} = ${typeof e === 'number' ? (fmt ? fmt.parameter(e) : formatParameter(e)) : e}`),
      ...(s.transitions ?? []).map((tr) => `${tr.from} → ${tr.to}: ${tr.probability}`),
      ...Object.keys(s.stateValues ?? {}).map((id) => t('diagram.valuesOf', { id })),
    ];
    return changes.length > 0 ? [`${s.label ?? s.id}: ${changes.join('; ')}`] : [];
  });
  const tunnels = markov.states.filter((s) => s.maxStateTime !== undefined).length;
  return {
    kind: 'markov',
    nodes,
    edges,
    notes,
    description: t(tunnels > 0 ? 'diagram.markovDescriptionTunnels' : 'diagram.markovDescription', { states: markov.states.length, transitions: markov.transitions.length, tunnels }),
    rows,
  };
}
