// Markov state-transition diagram: states as boxes (absorbing states marked, tunnel states stacked), transitions
// as arrows labelled with their expression and base-case value, staying in a state as a loop.
import type { MarkovModel, Strategy } from '../engine/model/schema';
import type { StructureValues } from '../engine/model/structure-values';
import { formatParameter } from '../report/format';
import type { DiagramEdge, DiagramGraph, DiagramNode } from './diagram-graph';
import { expressionLabel, expressionLines } from './diagram-graph';

/** The states and transitions of a Markov structure (a whole model or a tree's sub-model). */
export function markovGraph(markov: MarkovModel, values: StructureValues | null, strategies: readonly Strategy[] = [], idPrefix = ''): DiagramGraph {
  // The complement ("C") of a row is 1 minus the other probabilities leaving the same state.
  const valueOf = (t: MarkovModel['transitions'][number]): number | null => {
    if (t.probability !== 'C') return values?.value(t.probability) ?? null;
    let rest = 1;
    for (const o of markov.transitions) {
      if (o.from !== t.from || o === t) continue;
      const x = o.probability === 'C' ? null : (values?.value(o.probability) ?? null);
      if (x === null) return null;
      rest -= x;
    }
    return rest;
  };
  const label = (t: MarkovModel['transitions'][number]): string[] => expressionLines(t.probability, valueOf(t), t.probability !== 'C' && (values?.timeVarying(t.probability) ?? false));
  const stateLabel = new Map(markov.states.map((s) => [s.id, s.label ?? s.id]));
  const leaving = new Set(markov.transitions.filter((t) => t.from !== t.to).map((t) => t.from));
  const nodes: DiagramNode[] = markov.states.map((s) => {
    const lines: string[] = [];
    if (s.label && s.label !== s.id) lines.push(s.id);
    const start = markov.initial[s.id];
    if (start !== undefined && start !== 0) lines.push(`start: ${expressionLabel(start, values?.value(start) ?? null)}`);
    const absorbing = s.dead === true || !leaving.has(s.id);
    if (s.dead) lines.push('dead (absorbing)');
    else if (absorbing) lines.push('absorbing');
    const loop = markov.transitions.find((t) => t.from === s.id && t.to === s.id);
    const node: DiagramNode = { id: idPrefix + s.id, shape: absorbing ? 'absorbing' : 'state', title: s.label ?? s.id, lines };
    if (s.maxStateTime !== undefined) node.tunnel = s.maxStateTime;
    if (loop) node.loop = label(loop);
    return node;
  });
  const edges: DiagramEdge[] = markov.transitions
    .filter((t) => t.from !== t.to)
    .map((t) => ({ from: idPrefix + t.from, to: idPrefix + t.to, label: label(t) }));
  const rows = markov.transitions.map((t) => [stateLabel.get(t.from) ?? t.from, stateLabel.get(t.to) ?? t.to, label(t).join(' ')]);
  const notes = strategies.flatMap((s) => {
    const changes = [
      ...Object.entries(s.parameters ?? {}).map(([id, e]) => `${id} = ${typeof e === 'number' ? formatParameter(e) : e}`),
      ...(s.transitions ?? []).map((t) => `${t.from} → ${t.to}: ${t.probability}`),
      ...Object.keys(s.stateValues ?? {}).map((id) => `values of ${id}`),
    ];
    return changes.length > 0 ? [`${s.label ?? s.id}: ${changes.join('; ')}`] : [];
  });
  const tunnels = markov.states.filter((s) => s.maxStateTime !== undefined).length;
  return {
    kind: 'markov',
    nodes,
    edges,
    notes,
    description: `Markov model with ${markov.states.length} states and ${markov.transitions.length} transitions${tunnels > 0 ? `, ${tunnels} with time in state tracked (tunnel states)` : ''}.`,
    rows,
  };
}
