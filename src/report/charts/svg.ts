// SVG as strings, without a browser: escaping, elements, the plot frame, axes and legends every report chart
// shares. Only presentation attributes are used (no style attribute, no <style>), so the charts pass a strict
// Content-Security-Policy and render the same in a browser, in Word (as PNG) and in resvg.
import type { ScaleLinear } from 'd3-scale';
import { el, estimateTextWidth, fitText, GRID, MUTED_INK, r2, textEl } from '../../diagram/svg-markup';

export { CHART_FONT, el, escapeXml, estimateTextWidth, fitText, GRID, INK, MUTED_INK, r2, seriesColour, SERIES_COLOURS, svgDocument, textEl } from '../../diagram/svg-markup';
export type { SvgMeta } from '../../diagram/svg-markup';

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function frame(width: number, height: number, margin: { top: number; right: number; bottom: number; left: number }): Frame {
  return { width, height, left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
}

export interface AxisSpec {
  label: string;
  format: (value: number) => string;
}

/** Vertical grid lines, tick labels under the plot and the axis title. */
export function xAxis(f: Frame, scale: ScaleLinear<number, number>, axis: AxisSpec, tickCount = 6): string {
  const ticks = scale.ticks(tickCount);
  const parts = ticks.map((t) => {
    const x = scale(t);
    return el('line', { x1: x, x2: x, y1: f.top, y2: f.bottom, stroke: GRID, 'stroke-width': 1 }) + textEl(x, f.bottom + 16, axis.format(t), { 'text-anchor': 'middle', fill: MUTED_INK });
  });
  parts.push(el('line', { x1: f.left, x2: f.right, y1: f.bottom, y2: f.bottom, stroke: MUTED_INK, 'stroke-width': 1 }));
  parts.push(textEl((f.left + f.right) / 2, f.bottom + 36, axis.label, { 'text-anchor': 'middle', 'font-size': 12 }));
  return el('g', { class: 'x-axis' }, ...parts);
}

/** Horizontal grid lines, tick labels left of the plot and the rotated axis title. */
export function yAxis(f: Frame, scale: ScaleLinear<number, number>, axis: AxisSpec, tickCount = 6): string {
  const ticks = scale.ticks(tickCount);
  const parts = ticks.map((t) => {
    const y = scale(t);
    return el('line', { x1: f.left, x2: f.right, y1: y, y2: y, stroke: GRID, 'stroke-width': 1 }) + textEl(f.left - 6, y + 4, axis.format(t), { 'text-anchor': 'end', fill: MUTED_INK });
  });
  parts.push(el('line', { x1: f.left, x2: f.left, y1: f.top, y2: f.bottom, stroke: MUTED_INK, 'stroke-width': 1 }));
  const cx = 14;
  const cy = (f.top + f.bottom) / 2;
  parts.push(textEl(cx, cy, axis.label, { 'text-anchor': 'middle', 'font-size': 12, transform: `rotate(-90 ${r2(cx)} ${r2(cy)})` }));
  return el('g', { class: 'y-axis' }, ...parts);
}

export interface LegendItem {
  label: string;
  colour: string;
  /** line: a short line (with the dash pattern); box: a filled square; dot: a circle. */
  mark: 'line' | 'box' | 'dot';
  dash?: string;
}

/** Legend rows above the plot; returns the SVG and the height it takes. */
export function legend(items: readonly LegendItem[], x0: number, y0: number, maxWidth: number): { svg: string; height: number } {
  const fontSize = 11;
  const rowHeight = 16;
  let x = x0;
  let y = y0;
  const parts: string[] = [];
  for (const item of items) {
    const label = fitText(item.label, maxWidth - 30, fontSize);
    const w = 22 + estimateTextWidth(label, fontSize) + 14;
    if (x > x0 && x + w > x0 + maxWidth) {
      x = x0;
      y += rowHeight;
    }
    const mid = y + rowHeight / 2;
    if (item.mark === 'line') parts.push(el('line', { x1: x, x2: x + 16, y1: mid, y2: mid, stroke: item.colour, 'stroke-width': 2.5, 'stroke-dasharray': item.dash }));
    else if (item.mark === 'dot') parts.push(el('circle', { cx: x + 8, cy: mid, r: 4, fill: item.colour }));
    else parts.push(el('rect', { x: x + 2, y: mid - 6, width: 12, height: 12, fill: item.colour }));
    parts.push(textEl(x + 22, mid + 4, label));
    x += w;
  }
  return { svg: el('g', { class: 'legend' }, ...parts), height: y - y0 + rowHeight };
}

