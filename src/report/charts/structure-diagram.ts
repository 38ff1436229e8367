// A model's structure as a small diagram: Markov states with their transitions, the three states of a partitioned
// survival model, or a decision tree's strategies (with their test sequence) and the sub-models they lead to.
// Laid out on a fixed grid (no graph-layout library needed for these shapes); the edges double as the data table.
import type { HtaModel } from '../../engine/model/schema';
import type { Chart } from '../document';
import { el, fitText, INK, MUTED_INK, svgDocument, textEl } from './svg';

const WIDTH = 640;

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
}

function boxSvg(b: Box, fill: string): string {
  const text = b.lines.map((line, i) => textEl(b.x + b.w / 2, b.y + 18 + i * 15, fitText(line, b.w - 12, i === 0 ? 12 : 10.5), { 'text-anchor': 'middle', 'font-size': i === 0 ? 12 : 10.5, fill: i === 0 ? INK : MUTED_INK })).join('');
  return el('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 6, fill, stroke: '#52606d', 'stroke-width': 1 }) + text;
}

function arrowMarker(id: string): string {
  return el('defs', {}, el('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, el('path', { d: 'M0,0L10,5L0,10z', fill: '#52606d' })));
}

function line(x1: number, y1: number, x2: number, y2: number, marker: string): string {
  return el('line', { x1, y1, x2, y2, stroke: '#52606d', 'stroke-width': 1.3, 'marker-end': `url(#${marker})` });
}

function arc(x1: number, x2: number, y: number, up: boolean, marker: string): string {
  const lift = Math.min(60, 18 + Math.abs(x2 - x1) / 6);
  const cy = up ? y - lift : y + lift;
  return el('path', { d: `M${Math.round(x1)},${y}Q${Math.round((x1 + x2) / 2)},${Math.round(cy)} ${Math.round(x2)},${y}`, fill: 'none', stroke: '#52606d', 'stroke-width': 1.3, 'marker-end': `url(#${marker})` });
}

type Node = { kind?: string; submodel?: string; branches?: Node[]; outcomes?: Record<string, Node>; steps?: { tests: string[]; when?: string[] }[]; label?: string; id?: string };

function submodelsReached(node: Node, out: Set<string>): void {
  if (node.submodel) out.add(node.submodel);
  for (const b of node.branches ?? []) submodelsReached(b, out);
  for (const o of Object.values(node.outcomes ?? {})) submodelsReached(o, out);
}

function testSequence(node: Node, testLabels: Map<string, string>): string {
  const steps: string[] = [];
  const walk = (n: Node) => {
    for (const s of n.steps ?? []) steps.push(`${s.tests.map((t) => testLabels.get(t) ?? t).join(' + ')}${s.when ? ` (if ${s.when.join('/')})` : ''}`);
    for (const b of n.branches ?? []) walk(b);
  };
  walk(node);
  return steps.join(' → ');
}

function treeDiagram(id: string, model: HtaModel): { chart: Chart; edges: string[][] } | null {
  const s = model.model as unknown as { root: Node; submodels?: Record<string, { type: string }>; tests?: { id: string; label?: string }[] };
  const root = s.root;
  const strategies = root.kind === 'decision' ? (root.branches ?? []) : [root];
  const subIds = Object.keys(s.submodels ?? {});
  if (strategies.length === 0) return null;
  const testLabels = new Map((s.tests ?? []).map((t) => [t.id, t.label ?? t.id]));
  const left: Box[] = strategies.map((b, i) => ({ id: b.id ?? `branch ${i + 1}`, x: 10, y: 20 + i * 64, w: 330, h: 48, lines: [b.label ?? b.id ?? `Branch ${i + 1}`, testSequence(b, testLabels) || 'no diagnostic steps'] }));
  const rightTop = 20;
  const right: Box[] = subIds.map((sid, i) => ({ id: sid, x: 430, y: rightTop + i * 52, w: 200, h: 38, lines: [sid, s.submodels![sid]!.type === 'psm' ? 'partitioned survival' : s.submodels![sid]!.type] }));
  const height = Math.max(left.length * 64, right.length * 52) + 40;
  const marker = `${id}-arrow`;
  const edges: string[][] = [];
  const lines: string[] = [];
  strategies.forEach((b, i) => {
    const reached = new Set<string>();
    submodelsReached(b, reached);
    for (const sid of reached) {
      const target = right.find((r) => r.id === sid);
      if (!target) continue;
      edges.push([left[i]!.lines[0]!, `${sid} (${target.lines[1]})`]);
      lines.push(line(left[i]!.x + left[i]!.w, left[i]!.y + left[i]!.h / 2, target.x - 2, target.y + target.h / 2, marker));
    }
  });
  const body = arrowMarker(marker) + el('g', {}, ...lines) + left.map((b) => boxSvg(b, '#eef4fb')).join('') + right.map((b) => boxSvg(b, '#f5f7fa')).join('');
  const chart: Chart = {
    svg: svgDocument({ id, width: WIDTH, height, title: 'Model structure', description: `Decision tree: ${strategies.length} strategies (with their test sequences) leading to ${subIds.length} sub-models.` }, body),
    width: WIDTH,
    height,
    alt: `Decision tree: ${strategies.length} strategies leading to ${subIds.length} sub-models.`,
  };
  return { chart, edges };
}

function stateDiagram(id: string, states: { id: string; label: string }[], transitions: [string, string][], description: string): { chart: Chart; edges: string[][] } {
  const n = states.length;
  const gap = 16;
  const w = Math.min(150, (WIDTH - 20 - gap * (n - 1)) / n);
  const height = 190;
  const y = 75;
  const boxes: Box[] = states.map((s, i) => ({ id: s.id, x: 10 + i * (w + gap), y, w, h: 40, lines: [s.label] }));
  const marker = `${id}-arrow`;
  const parts: string[] = [];
  const edges: string[][] = [];
  for (const [from, to] of transitions) {
    const a = boxes.find((b) => b.id === from);
    const b = boxes.find((x) => x.id === to);
    if (!a || !b || a === b) continue;
    edges.push([a.lines[0]!, b.lines[0]!]);
    const ia = boxes.indexOf(a);
    const ib = boxes.indexOf(b);
    if (Math.abs(ia - ib) === 1 && ib > ia) parts.push(line(a.x + a.w, y + 20, b.x - 2, y + 20, marker));
    else parts.push(arc(a.x + a.w / 2, b.x + b.w / 2, ib > ia ? y : y + 40, ib > ia, marker));
  }
  const body = arrowMarker(marker) + el('g', {}, ...parts) + boxes.map((b) => boxSvg(b, '#eef4fb')).join('');
  return { chart: { svg: svgDocument({ id, width: WIDTH, height, title: 'Model structure', description }, body), width: WIDTH, height, alt: description }, edges };
}

/** The structure diagram of a model, or null when the structure has nothing to draw. */
export function structureDiagram(id: string, model: HtaModel): { chart: Chart; edges: string[][] } | null {
  const s = model.model as unknown as { type: string; states?: unknown; transitions?: { from: string; to: string }[] };
  if (s.type === 'tree') return treeDiagram(id, model);
  if (s.type === 'psm') {
    const st = (s.states ?? {}) as { progressionFree?: string; progressed?: string; dead?: string };
    const pf = st.progressionFree ?? 'PF';
    const pd = st.progressed ?? 'PD';
    const dead = st.dead ?? 'Dead';
    return stateDiagram(
      id,
      [
        { id: pf, label: `${pf}: progression-free` },
        { id: pd, label: `${pd}: progressed` },
        { id: dead, label: `${dead}: dead` },
      ],
      [
        [pf, pd],
        [pd, dead],
        [pf, dead],
      ],
      'Partitioned survival: progression-free, progressed and dead, with occupancy read from the PFS and OS curves.',
    );
  }
  if (s.type === 'markov' && Array.isArray(s.states)) {
    const states = (s.states as { id: string; label?: string }[]).map((x) => ({ id: x.id, label: x.label ?? x.id }));
    if (states.length === 0 || states.length > 8) return null;
    const transitions = (s.transitions ?? []).map((t) => [t.from, t.to] as [string, string]);
    return stateDiagram(id, states, transitions, `Markov model with ${states.length} states and ${transitions.length} transitions.`);
  }
  return null;
}
