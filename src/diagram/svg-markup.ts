// SVG as strings, without a browser: escaping, elements, text and the outer labelled <svg>. Shared by the model
// diagrams (src/diagram) and the report charts (src/report/charts/svg.ts re-exports these). Only presentation
// attributes are used (no style attribute, no <style>), so the pictures pass a strict Content-Security-Policy and
// render the same in a browser, in Word (as PNG) and in resvg.

export const CHART_FONT = "'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";
export const INK = '#1f2933';
export const MUTED_INK = '#52606d';
export const GRID = '#d9dee3';

/** Okabe–Ito colours (distinguishable with common colour-vision deficiencies), darkest first. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999933'];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

type AttrValue = string | number | undefined | null | false;

/** Coordinates to two decimals: small files, no "1e-7" in attributes. */
export function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function el(name: string, attrs: Record<string, AttrValue>, ...children: string[]): string {
  const parts = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? r2(v) : escapeXml(String(v))}"`)
    .join('');
  return children.length === 0 ? `<${name}${parts}/>` : `<${name}${parts}>${children.join('')}</${name}>`;
}

export function textEl(x: number, y: number, text: string, attrs: Record<string, AttrValue> = {}): string {
  return el('text', { x, y, 'font-family': CHART_FONT, 'font-size': 11, fill: INK, ...attrs }, escapeXml(text));
}

/** Width of a text line estimated from its length (no font metrics without a browser); generous on purpose. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}

/** Cuts text to fit a width, with an ellipsis. */
export function fitText(text: string, width: number, fontSize: number): string {
  const max = Math.max(4, Math.floor(width / (fontSize * 0.56)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface SvgMeta {
  /** Unique in the page (title and description ids derive from it). */
  id: string;
  width: number;
  height: number;
  title: string;
  description: string;
}

/** The outer <svg>: sized, labelled for assistive technology, white background (for PNG conversion). */
export function svgDocument(meta: SvgMeta, body: string): string {
  const titleId = `${meta.id}-title`;
  const descId = `${meta.id}-desc`;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${meta.width} ${meta.height}`,
      width: meta.width,
      height: meta.height,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
    },
    el('title', { id: titleId }, escapeXml(meta.title)),
    el('desc', { id: descId }, escapeXml(meta.description)),
    el('rect', { x: 0, y: 0, width: meta.width, height: meta.height, fill: '#ffffff' }),
    body,
  );
}
