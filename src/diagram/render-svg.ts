// A laid-out diagram as a standalone SVG string (no DOM): the same markup on the model screen, in exported
// SVG/PNG files and in reports. With `interactive`, fold buttons are focusable (the screen handles their clicks).
import { curveBasis, line } from 'd3-shape';
import type { LaidOutDiagram, PlacedEdge, PlacedNode } from './layout';
import { FOLD_SPACE, ICON_SPACE, LINE_HEIGHT, LINE_SIZE, LOOP_SPACE, PAD_X, PLOT_HEIGHT, STACK_OFFSET, TITLE_BASELINE, TITLE_SIZE, TITLE_WIDTH_FACTOR } from './layout';
import { el, fitText, INK, MUTED_INK, svgDocument, textEl } from './svg-markup';

const STROKE = '#52606d';
const FILLS: Record<PlacedNode['shape'], string> = {
  state: '#eef4fb',
  absorbing: '#f1f3f5',
  decision: '#fff7e0',
  chance: '#eef4fb',
  terminal: '#eaf6ee',
  diagnostic: '#f3eefb',
  curve: '#ffffff',
};
const NOTE_SIZE = 11;

export interface RenderOptions {
  /** Unique in the page: ids of the title, description and arrow marker derive from it. */
  id: string;
  title: string;
  interactive?: boolean;
}

function shapeIcon(n: PlacedNode): string {
  const cx = n.x + PAD_X + 7;
  const cy = n.y + 20;
  const common = { fill: '#ffffff', stroke: INK, 'stroke-width': 1.4 };
  switch (n.shape) {
    case 'decision':
      return el('rect', { x: cx - 7, y: cy - 7, width: 14, height: 14, ...common });
    case 'chance':
      return el('circle', { cx, cy, r: 7.5, ...common });
    case 'terminal':
      return el('path', { d: `M${cx + 7},${cy - 7.5}L${cx + 7},${cy + 7.5}L${cx - 7},${cy}Z`, ...common });
    case 'diagnostic':
      return el('path', { d: `M${cx},${cy - 8}L${cx + 8},${cy}L${cx},${cy + 8}L${cx - 8},${cy}Z`, ...common });
    default:
      return '';
  }
}

function plotSvg(n: PlacedNode, top: number): string {
  const plot = n.plot!;
  const left = n.x + PAD_X + 22;
  const right = n.x + n.width - PAD_X;
  const bottom = top + PLOT_HEIGHT - 14;
  const sx = (t: number) => left + ((right - left) * t) / (plot.xMax || 1);
  const sy = (s: number) => bottom - (bottom - top) * Math.max(0, Math.min(1, s));
  const parts = [
    el('line', { x1: left, y1: top, x2: left, y2: bottom, stroke: MUTED_INK, 'stroke-width': 0.8 }),
    el('line', { x1: left, y1: bottom, x2: right, y2: bottom, stroke: MUTED_INK, 'stroke-width': 0.8 }),
    textEl(left - 4, top + 7, '1', { 'text-anchor': 'end', 'font-size': 9, fill: MUTED_INK }),
    textEl(left - 4, bottom, '0', { 'text-anchor': 'end', 'font-size': 9, fill: MUTED_INK }),
    // Axis titles: survival S(t) up the y axis, years along the x axis from 0 to the horizon.
    textEl(left, bottom + 11, '0', { 'text-anchor': 'middle', 'font-size': 9, fill: MUTED_INK }),
    textEl(right, bottom + 11, plot.xLabel ?? `${Math.round(plot.xMax * 10) / 10} years`, { 'text-anchor': 'end', 'font-size': 9, fill: MUTED_INK }),
    textEl(left - 14, (top + bottom) / 2, 'S(t)', { 'text-anchor': 'middle', 'font-size': 9, fill: MUTED_INK, transform: `rotate(-90 ${left - 14} ${(top + bottom) / 2})` }),
  ];
  for (const s of plot.series) {
    const d = s.points.map(([t, v], k) => `${k === 0 ? 'M' : 'L'}${Math.round(sx(t) * 10) / 10},${Math.round(sy(v) * 10) / 10}`).join('');
    parts.push(el('path', { d, fill: 'none', stroke: '#0072B2', 'stroke-width': 1.6 }));
  }
  return el('g', { class: 'curve-plot' }, ...parts);
}

function nodeSvg(n: PlacedNode, interactive: boolean): string {
  const parts: string[] = [];
  const fill = FILLS[n.shape];
  const stack = n.tunnel ? STACK_OFFSET : 0;
  if (n.tunnel) {
    for (const k of [2, 1]) parts.push(el('rect', { x: n.x + k * STACK_OFFSET, y: n.y + (2 - k) * STACK_OFFSET, width: n.width - 2 * STACK_OFFSET, height: n.height - 2 * STACK_OFFSET, rx: 8, fill, stroke: STROKE, 'stroke-width': 1 }));
  }
  const box = { x: n.x, y: n.y + 2 * stack, width: n.width - 2 * stack, height: n.height - 2 * stack };
  const rx = n.shape === 'state' || n.shape === 'absorbing' ? 10 : n.shape === 'curve' ? 4 : 6;
  parts.push(el('rect', { ...box, rx, fill, stroke: n.shape === 'absorbing' ? INK : STROKE, 'stroke-width': n.shape === 'absorbing' ? 1.6 : 1.1 }));
  if (n.shape === 'absorbing') parts.push(el('rect', { x: box.x + 3, y: box.y + 3, width: box.width - 6, height: box.height - 6, rx: rx - 2, fill: 'none', stroke: INK, 'stroke-width': 0.8 }));
  const icon = shapeIcon({ ...n, y: box.y });
  if (icon) parts.push(icon);
  const textLeft = box.x + PAD_X + (icon ? ICON_SPACE : 0);
  const textWidth = box.width - 2 * PAD_X - (icon ? ICON_SPACE : 0) - (n.fold ? FOLD_SPACE : 0);
  const centred = !icon && n.shape !== 'curve';
  const x = centred ? box.x + box.width / 2 - (n.fold ? FOLD_SPACE / 2 : 0) : textLeft;
  const anchor = centred ? 'middle' : 'start';
  parts.push(textEl(x, box.y + TITLE_BASELINE, fitText(n.title, textWidth / TITLE_WIDTH_FACTOR, TITLE_SIZE), { 'text-anchor': anchor, 'font-size': TITLE_SIZE, 'font-weight': 700, fill: INK }));
  n.lines.forEach((l, i) => {
    // Leading spaces indent a line (SVG collapses them, so they become an offset).
    const indent = centred ? 0 : (l.length - l.trimStart().length) * 3;
    parts.push(textEl(x + indent, box.y + TITLE_BASELINE + 16 + i * LINE_HEIGHT, fitText(l.trimStart(), textWidth - indent, LINE_SIZE), { 'text-anchor': anchor, 'font-size': LINE_SIZE, fill: MUTED_INK }));
  });
  if (n.tunnel) parts.push(textEl(box.x + box.width - 8, box.y + 13, `×${n.tunnel}`, { 'text-anchor': 'end', 'font-size': 9.5, fill: MUTED_INK }));
  if (n.plot) parts.push(plotSvg({ ...n, y: box.y }, box.y + TITLE_BASELINE + 12 + n.lines.length * LINE_HEIGHT));
  if (n.fold) {
    const cx = box.x + box.width - FOLD_SPACE / 2 - 2;
    const cy = box.y + box.height / 2;
    const text = `+${n.fold.hidden}`;
    const attrs = interactive
      ? { 'data-fold': n.id, tabindex: 0, role: 'button', 'aria-expanded': String(!n.fold.collapsed), 'aria-label': n.fold.collapsed ? `${text} nodes folded under ${n.title}: expand` : `Collapse the subtree of ${n.title} (${n.fold.hidden} nodes)`, cursor: 'pointer' }
      : {};
    parts.push(
      el(
        'g',
        { class: 'fold', ...attrs },
        // On screen the button's aria-label names it, starting with its visible "+N" (axe label-content-name-mismatch);
        // a <title> would add text the name does not contain.
        interactive ? '' : el('title', {}, n.fold.collapsed ? `${n.fold.hidden} nodes folded` : 'Fold this subtree'),
        el('rect', { x: cx - 13, y: cy - 10, width: 26, height: 20, rx: 10, fill: n.fold.collapsed ? '#1f5fa8' : '#ffffff', stroke: '#1f5fa8', 'stroke-width': 1.2 }),
        // The fold mark is drawn as a line, not a "−" character the button's name would have to contain.
        n.fold.collapsed
          ? textEl(cx, cy + 4, text, { 'text-anchor': 'middle', 'font-size': 10, 'font-weight': 700, fill: '#ffffff' })
          : el('line', { x1: cx - 4.5, y1: cy, x2: cx + 4.5, y2: cy, stroke: '#1f5fa8', 'stroke-width': 2, 'stroke-linecap': 'round' }),
      ),
    );
  }
  if (n.loop) {
    // Staying in the state: a loop over the box's top edge, its label above it.
    const cx = box.x + box.width / 2;
    const top = box.y;
    parts.push(el('path', { d: `M${cx - 14},${top}C${cx - 30},${top - 30} ${cx + 30},${top - 30} ${cx + 14},${top}`, fill: 'none', stroke: STROKE, 'stroke-width': 1.3, 'marker-end': 'url(#MARKER)' }));
    n.loop.forEach((l, i) => parts.push(textEl(cx, top - LOOP_SPACE + 10 + i * LINE_HEIGHT - (n.loop!.length - 1) * LINE_HEIGHT, l, { 'text-anchor': 'middle', 'font-size': LINE_SIZE, fill: INK })));
  }
  return el('g', { class: `node node-${n.shape}`, 'data-node-id': n.id }, ...parts);
}

const pathOf = line<{ x: number; y: number }>()
  .x((p) => Math.round(p.x * 10) / 10)
  .y((p) => Math.round(p.y * 10) / 10)
  .curve(curveBasis);

function edgeSvg(e: PlacedEdge, elbow: boolean): string {
  if (e.points.length < 2) return '';
  const d = elbow ? e.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join('') : (pathOf(e.points) ?? '');
  return el('path', { d, fill: 'none', stroke: STROKE, 'stroke-width': e.dashed ? 1 : 1.3, 'stroke-dasharray': e.dashed ? '4 3' : undefined, 'marker-end': e.dashed ? undefined : 'url(#MARKER)' });
}

function edgeLabelSvg(e: PlacedEdge): string {
  if (!e.labelAt || e.label.length === 0) return '';
  const h = e.label.length * LINE_HEIGHT + 4;
  const parts = [el('rect', { x: e.labelAt.x - e.labelWidth / 2, y: e.labelAt.y - h / 2, width: e.labelWidth, height: h, rx: 3, fill: '#ffffff', 'fill-opacity': 0.92 })];
  e.label.forEach((l, i) => parts.push(textEl(e.labelAt!.x, e.labelAt!.y - h / 2 + 13 + i * LINE_HEIGHT, l, { 'text-anchor': 'middle', 'font-size': LINE_SIZE, fill: INK })));
  return el('g', { class: 'edge-label' }, ...parts);
}

/** The diagram as an SVG document; notes are written under the picture. */
export function renderDiagramSvg(d: LaidOutDiagram, options: RenderOptions): { svg: string; width: number; height: number } {
  const notes = d.graph.notes;
  const width = Math.max(d.width, 320, ...notes.map((n) => Math.min(900, n.length * NOTE_SIZE * 0.56 + 32)));
  const height = d.height + (notes.length > 0 ? notes.length * 16 + 10 : 0);
  const marker = `${options.id}-arrow`;
  const defs = el('defs', {}, el('marker', { id: marker, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, el('path', { d: 'M0,0L10,5L0,10z', fill: STROKE })));
  const body = [
    defs,
    el('g', { class: 'edges' }, ...d.edges.map((e) => edgeSvg(e, d.graph.kind === 'tree'))),
    el('g', { class: 'nodes' }, ...d.nodes.map((n) => nodeSvg(n, options.interactive === true).replaceAll('url(#MARKER)', `url(#${marker})`))),
    el('g', { class: 'edge-labels' }, ...d.edges.map(edgeLabelSvg)),
    ...notes.map((n, i) => textEl(16, d.height + 6 + i * 16, fitText(n, width - 32, NOTE_SIZE), { 'font-size': NOTE_SIZE, fill: MUTED_INK })),
  ]
    .join('')
    .replaceAll('url(#MARKER)', `url(#${marker})`);
  return { svg: svgDocument({ id: options.id, width, height, title: options.title, description: d.graph.description, interactive: options.interactive === true }, body), width, height };
}
