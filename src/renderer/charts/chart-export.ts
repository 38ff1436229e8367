// A chart on screen as a standalone picture: the drawn SVG with its computed look written as attributes (so it looks the
// same outside the app), under the chart's title and legend, on a white background. PNG is that SVG rasterised at
// twice the size through a canvas (a data: image, which the app's Content-Security-Policy allows).
import { WordedError } from '../db/errors';
import { legendDash } from './chart-frame';
import type { LegendItem } from './chart-frame';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Computed styles that decide how SVG shapes and text look. */
const STYLE_PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility'];
const PAD = 16;
const TITLE_SIZE = 15;
const LEGEND_ROW = 20;

/**
 * Writes the computed look as SVG presentation attributes (fill="…"), not as style attributes: the app's
 * Content-Security-Policy blocks style attributes, and presentation attributes also read in every SVG viewer.
 */
function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  for (const property of STYLE_PROPERTIES) {
    const value = style.getPropertyValue(property);
    if (value !== '' && value !== 'normal' && value !== 'auto') target.setAttribute(property, value);
  }
  target.removeAttribute('style');
  target.removeAttribute('class');
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!);
}

function svgElement<K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function legendMark(doc: Document, item: LegendItem, x: number, y: number): SVGElement {
  switch (item.mark) {
    case 'line':
      return svgElement(doc, 'line', { x1: x, y1: y, x2: x + 18, y2: y, stroke: item.color, 'stroke-width': 2.5 });
    case 'dashed':
      return svgElement(doc, 'line', { x1: x, y1: y, x2: x + 18, y2: y, stroke: item.color, 'stroke-width': 2, 'stroke-dasharray': '5 3' });
    case 'dotted':
      return svgElement(doc, 'line', { x1: x + 1, y1: y, x2: x + 17, y2: y, stroke: item.color, 'stroke-width': 2, 'stroke-dasharray': '1.5 3', 'stroke-linecap': 'round' });
    case 'dashdot':
    case 'longdash':
    case 'dashdotdot':
    case 'longshort':
      return svgElement(doc, 'line', { x1: x, y1: y, x2: x + 18, y2: y, stroke: item.color, 'stroke-width': 1.5, 'stroke-dasharray': legendDash(item.mark)! });
    case 'point':
      return svgElement(doc, 'circle', { cx: x + 9, cy: y, r: 4.5, fill: item.color });
    case 'diamond':
      return svgElement(doc, 'path', { d: `M${x + 9} ${y - 5}l5 5-5 5-5-5z`, fill: item.color });
    case 'bar':
      return svgElement(doc, 'rect', { x: x + 3, y: y - 5, width: 12, height: 10, fill: item.color });
  }
}

export interface StandaloneChart {
  svg: string;
  width: number;
  height: number;
}

/** The chart inside `figure` (a ChartFrame) as one SVG document with its title and legend. */
export function standaloneChartSvg(figure: HTMLElement, title: string, legend: readonly LegendItem[]): StandaloneChart {
  const drawn = figure.querySelector<SVGSVGElement>('.chart-canvas svg.recharts-surface');
  if (!drawn) throw new WordedError({ key: 'shell.error.chartNotDrawn' });
  const doc = figure.ownerDocument;
  const box = drawn.getBoundingClientRect();
  const width = Math.round(box.width);
  const chartHeight = Math.round(box.height);
  const font = getComputedStyle(figure).fontFamily || 'sans-serif';

  // Legend items flow in rows like the HTML legend above the chart.
  const items: { item: LegendItem; x: number; row: number }[] = [];
  let x = PAD;
  let row = 0;
  for (const item of legend) {
    const w = 26 + item.label.length * 6.6 + 16;
    if (x + w > width - PAD && x > PAD) {
      row += 1;
      x = PAD;
    }
    items.push({ item, x, row });
    x += w;
  }
  const legendTop = PAD + TITLE_SIZE + 12;
  const chartTop = legendTop + (legend.length > 0 ? (row + 1) * LEGEND_ROW : 0) + 4;
  const height = chartTop + chartHeight + PAD;

  const root = svgElement(doc, 'svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': font });
  root.append(svgElement(doc, 'rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  root.append(svgElement(doc, 'text', { x: PAD, y: PAD + TITLE_SIZE - 2, 'font-size': TITLE_SIZE, 'font-weight': 600, fill: '#17202b' }, title));
  for (const { item, x: ix, row: r } of items) {
    const cy = legendTop + r * LEGEND_ROW + LEGEND_ROW / 2;
    root.append(legendMark(doc, item, ix, cy));
    root.append(svgElement(doc, 'text', { x: ix + 24, y: cy + 4, 'font-size': 12, fill: '#17202b' }, item.label));
  }
  const chart = drawn.cloneNode(true) as SVGSVGElement;
  inlineStyles(drawn, chart);
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(chartTop));
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(chartHeight));
  chart.setAttribute('overflow', 'visible');
  root.append(chart);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`, width, height };
}

/** The SVG drawn onto a canvas at `scale` times its size, as PNG bytes. */
export async function svgToPng(chart: StandaloneChart, scale = 2): Promise<Uint8Array<ArrayBuffer>> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(chart.width * scale);
  canvas.height = Math.round(chart.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new WordedError({ key: 'shell.error.noCanvas' });
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, chart.width, chart.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new WordedError({ key: 'shell.error.pngFailed' });
  return new Uint8Array(await blob.arrayBuffer());
}
