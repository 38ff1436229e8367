// @vitest-environment jsdom
// Structure diagrams are drawn from the model: what the boxes and arrows say is checked against hand-computed
// values, and the layout is checked geometrically (no two boxes overlap, no label sits on a box, everything is
// inside the picture, a tree keeps the file's order) so a picture that only looks plausible cannot pass.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { curveBasis, line } from 'd3-shape';
import { diagramGraph, diagramParts, drawModelDiagram } from '../../src/diagram/model-diagram';
import { layoutDiagram } from '../../src/diagram/layout';
import type { LaidOutDiagram } from '../../src/diagram/layout';
import { defaultCollapsed, descendantCount } from '../../src/diagram/tree-graph';
import { parseModel } from '../../src/engine/compile-model';
import { structureValues } from '../../src/engine/model/structure-values';
import { modelTemplate } from '../../src/engine/model/templates';
import type { TreeModel } from '../../src/engine/model/schema';
import { EXAMPLES_DIR, loadExample } from '../engine/model-fixtures';
import { generatedTree } from './generated-tree';

const parseSvg = (svg: string) => {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
};

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every box inside the picture, no two boxes overlapping, no label on a box or on another label. */
function expectTidy(d: LaidOutDiagram): void {
  const problems: string[] = [];
  for (let i = 0; i < d.nodes.length; i++) {
    const a = d.nodes[i]!;
    if (a.x < 0 || a.y < 0 || a.x + a.width > d.width + 0.5 || a.y + a.height > d.height + 0.5) problems.push(`${a.id} outside`);
    for (let j = i + 1; j < d.nodes.length; j++) if (overlap(a, d.nodes[j]!)) problems.push(`${a.id} overlaps ${d.nodes[j]!.id}`);
  }
  const labels = d.edges.filter((e) => e.labelAt).map((e) => ({ x: e.labelAt!.x - e.labelWidth / 2, y: e.labelAt!.y - (e.label.length * 14 + 4) / 2, width: e.labelWidth, height: e.label.length * 14 + 4, id: `${e.from}→${e.to}` }));
  for (const l of labels) for (const n of d.nodes) if (overlap(l, n)) problems.push(`label ${l.id} on ${n.id}`);
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i]!, labels[j]!)) problems.push(`labels ${labels[i]!.id} / ${labels[j]!.id}`);
  expect(problems).toEqual([]);
}

/** Points along an edge as the SVG draws it: d3's curveBasis path, its cubic pieces sampled every few pixels. */
function drawnCurve(points: { x: number; y: number }[]): { x: number; y: number }[] {
  const d = line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y).curve(curveBasis)(points) ?? '';
  const out: { x: number; y: number }[] = [];
  let at = { x: 0, y: 0 };
  for (const [, command, args] of d.matchAll(/([MLC])([^MLC]*)/g)) {
    const v = args!.split(/[ ,]+/).filter((x) => x !== '').map(Number);
    if (command === 'M') at = { x: v[0]!, y: v[1]! };
    const ends = command === 'C' ? [[v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!]] : [[at.x, at.y, v[0]!, v[1]!, v[0]!, v[1]!]];
    for (const [x1, y1, x2, y2, x, y] of ends as number[][]) {
      for (let k = 0; k <= 40; k++) {
        const t = k / 40;
        const u = 1 - t;
        out.push({ x: u * u * u * at.x + 3 * u * u * t * x1! + 3 * u * t * t * x2! + t * t * t * x!, y: u * u * u * at.y + 3 * u * u * t * y1! + 3 * u * t * t * y2! + t * t * t * y! });
      }
      at = { x: x!, y: y! };
    }
  }
  return out;
}

/**
 * Labels no other edge passes under or touches (its line is 1.3 px wide; `room` px around the box are kept clear).
 * An edge may run under its own label, as dagre places it.
 */
function labelsUnderEdges(d: LaidOutDiagram, room = 3): string[] {
  const problems: string[] = [];
  const curves = d.edges.map((e) => drawnCurve(e.points));
  d.edges.forEach((e, i) => {
    if (!e.labelAt) return;
    const h = e.label.length * 14 + 4;
    const box = { x: e.labelAt.x - e.labelWidth / 2, y: e.labelAt.y - h / 2, width: e.labelWidth, height: h };
    curves.forEach((curve, j) => {
      if (j !== i && curve.some((p) => p.x > box.x - room && p.x < box.x + box.width + room && p.y > box.y - room && p.y < box.y + box.height + room)) problems.push(`${d.edges[j]!.from}→${d.edges[j]!.to} under the label of ${e.from}→${e.to}`);
    });
  });
  return problems;
}

describe('edges and labels of the bundled examples\' state diagrams', () => {
  const examples = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.htad.json'));
  it.each(examples)('%s: no edge passes under another edge\'s label; boxes and labels tidy', (file) => {
    const graph = diagramGraph(parseModel(loadExample(file)));
    if (!graph || graph.kind === 'tree') return;
    const d = layoutDiagram(graph);
    expect(d.edges.length).toBeGreaterThan(0);
    expect(labelsUnderEdges(d)).toEqual([]);
    expectTidy(d);
  });

  it('the HIV example: the B→C label clears the B→D edge, and stays on its own edge', () => {
    const d = layoutDiagram(diagramGraph(parseModel(loadExample('hiv-chancellor-1997.json')))!);
    const bc = d.edges.find((e) => e.from === 'B' && e.to === 'C')!;
    const h = bc.label.length * 14 + 4;
    const own = drawnCurve(bc.points);
    expect(own.some((p) => Math.abs(p.x - bc.labelAt!.x) < bc.labelWidth / 2 && Math.abs(p.y - bc.labelAt!.y) < h / 2)).toBe(true);
  });
});

describe('Markov state-transition diagram', () => {
  const model = parseModel(loadExample('hiv-chancellor-1997.json'));

  it('has the states, the transitions labelled with expression and value, loops and the absorbing state', () => {
    const g = diagramGraph(model)!;
    expect(g.nodes.map((n) => n.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(g.nodes.find((n) => n.id === 'D')!.shape).toBe('absorbing');
    expect(g.edges.map((e) => `${e.from}${e.to}`)).toEqual(['AB', 'AC', 'AD', 'BC', 'BD', 'CD']);
    // p_AB = 350 / (1251 + 350 + 116 + 17) = 0.2018 (treatment_rr is 1 in the model itself).
    expect(g.edges[0]!.label).toEqual(['p_AB * treatment_rr', '= 0.2018']);
    // Staying in A is the complement: 1251 / 1734 = 0.7215.
    expect(g.nodes[0]!.loop).toEqual(['C (the rest)', '= 0.7215']);
    expect(g.nodes[3]!.loop).toEqual(['1']);
    expect(g.notes.join(' ')).toContain('treatment_rr = cycle <= effect_years ? rr : 1');
    expect(g.rows).toHaveLength(10);
  });

  it('lays out without overlapping boxes or labels, and draws well-formed SVG with a title and description', () => {
    expectTidy(layoutDiagram(diagramGraph(model)!));
    const drawn = drawModelDiagram(model, 'hiv')!;
    const doc = parseSvg(drawn.svg);
    expect(doc.querySelector('title')!.textContent).toBe('State transitions');
    expect(doc.querySelector('desc')!.textContent).toBe('Markov model with 4 states and 10 transitions.');
    expect(doc.querySelectorAll('g.node')).toHaveLength(4);
    expect(drawn.svg).not.toContain('NaN');
    expect(drawn.svg).not.toContain('data-fold'); // not interactive unless asked
  });

  it('is stable: the same model gives the same picture', () => {
    expect(drawModelDiagram(model, 'a')!.svg).toBe(drawModelDiagram(model, 'a')!.svg);
  });
});

describe('structure values', () => {
  const model = parseModel(loadExample('hiv-chancellor-1997.json'));
  it('evaluates expressions under a strategy at cycle 1 and marks time-varying ones', () => {
    const v = structureValues(model);
    expect(v.value('p_AB * treatment_rr')).toBeCloseTo(350 / 1734, 12);
    expect(v.value('p_AB * treatment_rr', 'comb')).toBeCloseTo((350 / 1734) * 0.509, 12);
    expect(v.timeVarying('p_AB * treatment_rr', 'comb')).toBe(true);
    expect(v.timeVarying('p_AB * treatment_rr', 'mono')).toBe(false);
    expect(v.value('no_such_name')).toBeNull();
  });
});

describe('decision tree diagram', () => {
  const model = parseModel(modelTemplate('tree-hybrid')!.create());

  it('draws every node with its shape, branch labels and the sub-model each terminal enters', () => {
    const g = diagramGraph(model)!;
    const tree = model.model as TreeModel;
    expect(g.nodes).toHaveLength(1 + descendantCount(tree.root));
    expect(g.nodes[0]!.shape).toBe('decision');
    const test = g.nodes.find((n) => n.shape === 'diagnostic')!;
    expect(test.lines).toContain('Prevalence prevalence = 0.2');
    expect(test.lines.join('\n')).toContain('Se 0.9 · Sp 0.98 · no result 5.0% · €500 · 10 days');
    expect(test.lines.join('\n')).toContain('2. if no result Molecular test');
    expect(g.edges.filter((e) => e.from === test.id).map((e) => e.label[0])).toEqual(['True positive', 'False positive', 'False negative', 'True negative', 'No result']);
    expect(g.nodes.find((n) => n.id === `${test.id}.truePositive`)!.lines).toContain('→ targeted (Markov, 2 states)');
    expect(diagramParts(model).map((p) => p.key)).toEqual(['model', 'submodel:targeted', 'submodel:standard']);
    expect(diagramGraph(model, { part: 'submodel:targeted' })!.nodes.map((n) => n.id)).toEqual(['Alive', 'Dead']);
  });

  it('keeps the order of the file from top to bottom and lines ranks up on their left edge', () => {
    const d = layoutDiagram(diagramGraph(model)!);
    const outcomes = d.nodes.filter((n) => n.id.startsWith('root.1.'));
    const ys = outcomes.map((n) => n.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(outcomes.map((n) => n.x)).size).toBe(1);
    expectTidy(d);
  });

  it('folds a subtree: its nodes disappear and the folded node says how many it holds', () => {
    const g = diagramGraph(model, { collapsed: new Set(['root.1']) })!;
    expect(g.nodes).toHaveLength(3);
    expect(g.nodes.find((n) => n.id === 'root.1')!.fold).toEqual({ collapsed: true, hidden: 5 });
    const svg = drawModelDiagram(model, 't', { collapsed: new Set(['root.1']), interactive: true })!.svg;
    const fold = parseSvg(svg).querySelector('[data-fold="root.1"]')!;
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    expect(fold.getAttribute('aria-label')).toBe('+5 nodes folded under Test and treat: expand');
    expect(fold.getAttribute('tabindex')).toBe('0');
  });

  it('lays out a generated 200-node tree tidily, and folds it by default below the second level', () => {
    const base = parseModel(modelTemplate('tree-hybrid')!.create());
    const root = generatedTree(200);
    const big = { ...base, model: { ...base.model, root } } as typeof base;
    const total = 1 + descendantCount(root);
    expect(total).toBeGreaterThanOrEqual(150);
    const d = layoutDiagram(diagramGraph(big, { values: null })!);
    expect(d.nodes).toHaveLength(total);
    expectTidy(d);
    const folded = defaultCollapsed(root);
    expect(folded.size).toBeGreaterThan(0);
    expect(diagramGraph(big, { values: null, collapsed: folded })!.nodes.length).toBeLessThan(total);
  });
});

describe('the bundled liquid-biopsy tree', () => {
  const model = parseModel(loadExample('liquid-biopsy-nsclc.json'));
  const tree = model.model as TreeModel;

  it('draws every strategy as a branch of the root decision, in order, and every sub-model a terminal enters', () => {
    const g = diagramGraph(model, { values: null })!;
    const strategies = g.edges.filter((e) => e.from === 'root').map((e) => g.nodes.find((n) => n.id === e.to)!.title);
    expect(strategies).toEqual(model.strategies.map((s) => s.label ?? s.id));
    expect(strategies.length).toBeGreaterThanOrEqual(4);
    const entered = new Set(g.nodes.flatMap((n) => n.lines.filter((l) => l.startsWith('→ ')).map((l) => l.slice(2).split(' ')[0])));
    const used = new Set<string>();
    const walk = (node: typeof tree.root) => {
      if (node.submodel) used.add(node.submodel);
      for (const b of node.branches ?? []) walk(b);
      for (const o of Object.values(node.outcomes ?? {})) walk(o);
    };
    walk(tree.root);
    expect([...entered].sort()).toEqual([...used].sort());
    expect(g.nodes).toHaveLength(1 + descendantCount(tree.root));
    expectTidy(layoutDiagram(g));
  });

  it('draws well-formed SVG with a diagram per sub-model', () => {
    for (const part of diagramParts(model)) {
      const drawn = drawModelDiagram(model, `lb-${part.key.replace(':', '-')}`, { part: part.key })!;
      parseSvg(drawn.svg);
      expect(drawn.svg).not.toContain('NaN');
    }
  });
});

describe('partitioned survival diagram', () => {
  const model = parseModel(modelTemplate('psm')!.create());

  it('shows the three states and a plot of each curve, computed as the engine does', () => {
    const g = diagramGraph(model)!;
    expect(g.nodes.slice(0, 3).map((n) => n.title)).toEqual(['Progression-free', 'Progressed', 'Dead']);
    const curves = g.nodes.filter((n) => n.shape === 'curve');
    expect(curves.map((c) => c.id)).toEqual(['curve:pfs_soc', 'curve:os_soc', 'curve:pfs_new', 'curve:os_new']);
    // Weibull S(t) = exp(-(t / 1.1)^1.2); the hazard-ratio curve is S^0.7 (new treatment's overrides apply).
    const pfs = curves[0]!.plot!.series[0]!.points;
    const [t, s] = pfs[12]!;
    expect(t).toBeCloseTo(2.5, 12); // 10-year horizon in 48 steps
    expect(s).toBeCloseTo(Math.exp(-((2.5 / 1.1) ** 1.2)), 12);
    expect(curves[2]!.plot!.series[0]!.points[12]![1]).toBeCloseTo(Math.exp(-((2.5 / 1.1) ** 1.2)) ** 0.7, 12);
    expect(curves[0]!.lines).toContain('PFS of Standard care');
    expect(curves[2]!.lines).toContain('PFS of New treatment');
    expectTidy(layoutDiagram(g));
  });
});
