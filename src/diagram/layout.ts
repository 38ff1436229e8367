// Automatic layout of a diagram graph, left to right, with node boxes sized from their text. State diagrams use
// dagre (layered layout of graphs with cycles; edge labels are placed as boxes of their own so they never sit on
// a node or on each other). Trees use d3-hierarchy's tidy tree (Reingold–Tilford, linear time: a 200-node tree
// in a few milliseconds where dagre takes hundreds), one column per depth, branches in the order of the file.
// Deterministic: the same graph always gives the same picture. Runs in the renderer and under Node alike.
import dagre from '@dagrejs/dagre';
import { hierarchy, tree as tidyTree } from 'd3-hierarchy';
import { curveBasis, line } from 'd3-shape';
import { estimateTextWidth } from './svg-markup';
import type { DiagramEdge, DiagramGraph, DiagramNode } from './diagram-graph';

export const TITLE_SIZE = 12.5;
export const LINE_SIZE = 11;
export const LINE_HEIGHT = 14;
export const PAD_X = 12;
/** Room for a tree node's shape symbol left of its text. */
export const ICON_SPACE = 24;
/** Room above a state for the loop arrow and its label. */
export const LOOP_SPACE = 40;
export const PLOT_HEIGHT = 74;
/** Tunnel states are drawn as a short stack of boxes. */
export const STACK_OFFSET = 5;
export const FOLD_SPACE = 30;
/** Length of a tree connector's first horizontal stretch. */
export const TREE_ELBOW = 14;
const MAX_NODE_WIDTH = 680;
const MAX_CARD_WIDTH = 340;

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode extends DiagramNode {
  /** Top-left corner and size of the node's box (without the loop area above it). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge extends DiagramEdge {
  points: Point[];
  /** Centre of the label. */
  labelAt: Point | null;
  labelWidth: number;
}

export interface LaidOutDiagram {
  graph: DiagramGraph;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

const hasIcon = (n: DiagramNode) => n.shape === 'decision' || n.shape === 'chance' || n.shape === 'terminal' || n.shape === 'diagnostic';

/** Width and height of a node's box. */
/** Bold titles run wider than the plain-text estimate. */
export const TITLE_WIDTH_FACTOR = 1.08;
/** Baseline of the title below the box's top edge; detail lines follow every LINE_HEIGHT after a 16 px gap. */
export const TITLE_BASELINE = 22;

export function nodeSize(n: DiagramNode): { width: number; height: number } {
  const text = Math.max(estimateTextWidth(n.title, TITLE_SIZE) * TITLE_WIDTH_FACTOR, ...n.lines.map((l) => estimateTextWidth(l, LINE_SIZE)), n.loop ? Math.max(...n.loop.map((l) => estimateTextWidth(l, LINE_SIZE))) - 40 : 0);
  const extra = (hasIcon(n) ? ICON_SPACE : 0) + (n.fold ? FOLD_SPACE : 0) + (n.tunnel ? STACK_OFFSET * 2 : 0);
  const width = Math.ceil(Math.min(n.shape === 'curve' ? MAX_CARD_WIDTH : MAX_NODE_WIDTH, Math.max(n.plot ? 230 : 96, text + 2 * PAD_X + extra + 4)));
  const height = TITLE_BASELINE + 10 + (n.lines.length > 0 ? 6 + n.lines.length * LINE_HEIGHT : 0) + (n.plot ? PLOT_HEIGHT + 4 : 0) + (n.tunnel ? STACK_OFFSET * 2 : 0);
  return { width, height };
}

export function edgeLabelSize(e: DiagramEdge): { width: number; height: number } {
  if (e.label.length === 0) return { width: 0, height: 0 };
  return { width: Math.max(...e.label.map((l) => estimateTextWidth(l, LINE_SIZE))) + 8, height: e.label.length * LINE_HEIGHT + 4 };
}

const MARGIN = 16;
/** Vertical gap between sibling boxes (twice that between cousins). */
const TREE_GAP = 12;

function layoutTree(graph: DiagramGraph): LaidOutDiagram {
  const sizes = new Map(graph.nodes.map((n) => [n.id, nodeSize(n)]));
  const children = new Map<string, string[]>();
  for (const e of graph.edges) children.set(e.from, [...(children.get(e.from) ?? []), e.to]);
  const root = hierarchy<string>(graph.nodes[0]!.id, (id) => children.get(id));
  // A branch label sits above the connector into its node, so a node takes at least twice its label's height.
  const labelHeight = new Map(graph.edges.map((e) => [e.to, edgeLabelSize(e).height]));
  const heightOf = (id: string) => Math.max(sizes.get(id)!.height, 2 * (labelHeight.get(id) ?? 0));
  // nodeSize [1, 1] makes the separation a distance in pixels between the centres of neighbouring boxes.
  tidyTree<string>()
    .nodeSize([1, 1])
    .separation((a, b) => (heightOf(a.data) + heightOf(b.data)) / 2 + TREE_GAP * (a.parent === b.parent ? 1 : 2))(root);
  const all = root.descendants();
  const columnWidth: number[] = [];
  for (const n of all) columnWidth[n.depth] = Math.max(columnWidth[n.depth] ?? 0, sizes.get(n.data)!.width);
  const widestLabel = Math.max(0, ...graph.edges.map((e) => edgeLabelSize(e).width));
  const gap = widestLabel + TREE_ELBOW + 16;
  const columnLeft: number[] = [];
  columnWidth.forEach((w, d) => (columnLeft[d] = d === 0 ? MARGIN : columnLeft[d - 1]! + columnWidth[d - 1]! + gap));
  const top = Math.min(...all.map((n) => n.x! - heightOf(n.data) / 2));
  const boxHeight = (id: string) => sizes.get(id)!.height;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes: PlacedNode[] = all.map((n) => ({ ...byId.get(n.data)!, x: columnLeft[n.depth]!, y: n.x! - boxHeight(n.data) / 2 - top + MARGIN, ...sizes.get(n.data)! }));
  const height = Math.ceil(Math.max(...all.map((n) => n.x! + heightOf(n.data) / 2 - top)) + 2 * MARGIN);
  const width = Math.ceil(columnLeft[columnWidth.length - 1]! + columnWidth[columnWidth.length - 1]! + MARGIN);
  // Keep the graph's node order (callers and tests look nodes up by id, not by position in the list).
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  nodes.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { graph, nodes, edges: treeEdges(graph, nodes), width, height };
}

/** Elbow connectors: out of the parent's right side, down or up, into the child's left side; label over the last stretch. */
function treeEdges(graph: DiagramGraph, nodes: PlacedNode[]): PlacedEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return graph.edges.map((e) => {
    const label = edgeLabelSize(e);
    const a = byId.get(e.from)!;
    const b = byId.get(e.to)!;
    const ay = a.y + a.height / 2;
    const by = b.y + b.height / 2;
    const elbow = a.x + a.width + TREE_ELBOW;
    const points = [{ x: a.x + a.width, y: ay }, { x: elbow, y: ay }, { x: elbow, y: by }, { x: b.x, y: by }];
    return { ...e, points, labelAt: label.width > 0 ? { x: elbow + 6 + label.width / 2, y: by - label.height / 2 } : null, labelWidth: label.width };
  });
}

/** Where the line from the box's centre towards `toward` leaves the box. */
function toBoxEdge(box: PlacedNode, toward: Point): Point {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(dx === 0 ? Infinity : box.width / 2 / Math.abs(dx), dy === 0 ? Infinity : box.height / 2 / Math.abs(dy));
  return { x: cx + dx * scale, y: cy + dy * scale };
}

export function layoutDiagram(graph: DiagramGraph): LaidOutDiagram {
  if (graph.kind === 'tree' && graph.nodes.length > 0) return layoutTree(graph);
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 64, edgesep: 14, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  const sizes = new Map(graph.nodes.map((n) => [n.id, nodeSize(n)]));
  // Curve cards (partitioned survival) are not part of the flow: they go in rows under the states.
  const cards = graph.nodes.filter((n) => n.shape === 'curve');
  for (const n of graph.nodes) {
    if (n.shape === 'curve') continue;
    const size = sizes.get(n.id)!;
    g.setNode(n.id, { width: size.width, height: size.height + (n.loop ? LOOP_SPACE : 0) });
  }
  graph.edges.forEach((e, i) => {
    const label = edgeLabelSize(e);
    g.setEdge(e.from, e.to, { width: label.width, height: label.height, labelpos: 'c', weight: e.dashed ? 0.5 : 1 }, `e${i}`);
  });
  dagre.layout(g);
  const info = g.graph();
  let width = Math.ceil(info.width ?? 0);
  let height = Math.ceil(info.height ?? 0);
  const cardAt = new Map<string, { x: number; y: number }>();
  if (cards.length > 0) {
    const gap = 16;
    const rowWidth = Math.max(width - 32, Math.min(4, cards.length) * (Math.max(...cards.map((c) => sizes.get(c.id)!.width)) + gap));
    let x = 16;
    let y = height + 4;
    let rowHeight = 0;
    for (const c of cards) {
      const size = sizes.get(c.id)!;
      if (x > 16 && x + size.width > 16 + rowWidth) {
        x = 16;
        y += rowHeight + gap;
        rowHeight = 0;
      }
      cardAt.set(c.id, { x, y });
      x += size.width + gap;
      rowHeight = Math.max(rowHeight, size.height);
      width = Math.max(width, Math.ceil(x + 16 - gap));
    }
    height = Math.ceil(y + rowHeight + 16);
  }
  const nodes: PlacedNode[] = graph.nodes.map((n) => {
    const card = cardAt.get(n.id);
    if (card) return { ...n, ...card, ...sizes.get(n.id)! };
    const p = g.node(n.id);
    const size = sizes.get(n.id)!;
    const loop = n.loop ? LOOP_SPACE : 0;
    return { ...n, x: p.x - size.width / 2, y: p.y - (size.height + loop) / 2 + loop, width: size.width, height: size.height };
  });
  const placed = new Map(nodes.map((n) => [n.id, n]));
  const edges: PlacedEdge[] = graph.edges.map((e, i) => {
    const label = edgeLabelSize(e);
    const data = g.edge({ v: e.from, w: e.to, name: `e${i}` });
    const points: Point[] = (data.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y }));
    // dagre ends edges on the node's layout box, which includes the loop area above a state: end them on the state's own box.
    if (points.length >= 2) {
      points[0] = toBoxEdge(placed.get(e.from)!, points[1]!);
      points[points.length - 1] = toBoxEdge(placed.get(e.to)!, points[points.length - 2]!);
    }
    return { ...e, points, labelAt: label.width > 0 && data.x !== undefined && data.y !== undefined ? { x: data.x, y: data.y } : null, labelWidth: label.width };
  });
  clearLabels(edges, nodes, width, height);
  return { graph, nodes, edges, width, height };
}

/** Points along an edge as it is drawn (a B-spline through its points, d3's curveBasis), about every 2 px. */
export function edgeCurvePoints(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  let at: Point = { x: 0, y: 0 };
  const context = {
    moveTo(x: number, y: number) {
      at = { x, y };
      out.push(at);
    },
    lineTo(x: number, y: number) {
      const steps = Math.max(1, Math.ceil(Math.hypot(x - at.x, y - at.y) / 2));
      for (let k = 1; k <= steps; k++) out.push({ x: at.x + ((x - at.x) * k) / steps, y: at.y + ((y - at.y) * k) / steps });
      at = { x, y };
    },
    bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number) {
      const steps = Math.max(1, Math.ceil((Math.hypot(x1 - at.x, y1 - at.y) + Math.hypot(x2 - x1, y2 - y1) + Math.hypot(x - x2, y - y2)) / 2));
      for (let k = 1; k <= steps; k++) {
        const t = k / steps;
        const u = 1 - t;
        out.push({ x: u * u * u * at.x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x, y: u * u * u * at.y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y });
      }
      at = { x, y };
    },
    closePath() {},
  };
  line<Point>()
    .x((p) => p.x)
    .y((p) => p.y)
    .curve(curveBasis)
    .context(context as unknown as CanvasRenderingContext2D)([...points]);
  return out;
}

type Box = { x: number; y: number; width: number; height: number };
/** Room kept between a label and another edge passing by. */
const LABEL_CLEARANCE = 6;
const boxesOverlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inBox = (p: Point, b: Box, room: number) => p.x > b.x - room && p.x < b.x + b.width + room && p.y > b.y - room && p.y < b.y + b.height + room;

/** The box a label is drawn in, centred on `at`. */
export function labelBox(e: PlacedEdge, at: Point): Box {
  const height = edgeLabelSize(e).height;
  return { x: at.x - e.labelWidth / 2, y: at.y - height / 2, width: e.labelWidth, height };
}

/**
 * dagre keeps labels off other edges, but the edges' ends are moved afterwards (from the layout box, loop area
 * included, to the state's own box), which can bring another edge under a label (HIV example: B→D under B→C's label).
 * Such a label is moved up or down, the least that clears every other edge, every box and every other label, and
 * stays in the picture; a label that has no such place nearby stays where dagre put it.
 */
function clearLabels(edges: PlacedEdge[], nodes: PlacedNode[], width: number, height: number): void {
  const curves = edges.map((e) => edgeCurvePoints(e.points));
  const free = (i: number, box: Box): boolean =>
    box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height &&
    curves.every((curve, j) => j === i || !curve.some((p) => inBox(p, box, LABEL_CLEARANCE))) &&
    nodes.every((n) => !boxesOverlap(box, { x: n.x, y: n.y - (n.loop ? LOOP_SPACE : 0), width: n.width, height: n.height + (n.loop ? LOOP_SPACE : 0) })) &&
    edges.every((other, j) => j === i || !other.labelAt || !boxesOverlap(box, labelBox(other, other.labelAt)));
  edges.forEach((e, i) => {
    if (!e.labelAt || free(i, labelBox(e, e.labelAt))) return;
    const at = e.labelAt;
    for (let shift = 2; shift <= 40; shift += 2) {
      const next = [{ x: at.x, y: at.y + shift }, { x: at.x, y: at.y - shift }].find((p) => free(i, labelBox(e, p)));
      if (next) {
        e.labelAt = next;
        return;
      }
    }
  });
}
