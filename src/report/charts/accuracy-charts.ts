// The test-accuracy figures of a report as SVG strings: paired forest plot (sensitivity and specificity), SROC plot,
// QUADAS-2 traffic lights and stacked bars. The geometry shared with the app's charts (SROC points, curve and
// regions; QUADAS-2 shares, colours and symbols) comes from accuracy-chart-data, so screen and report agree.
import type { AccuracyMetaAnalysis } from '../../engine/accuracy/meta-analysis';
import type { ProportionEstimate } from '../../engine/accuracy/two-by-two';
import { quadasDomains, quadasRatings } from '../../dossier/schema';
import { translator } from '../i18n/translate';
import type { Translate } from '../i18n/translate';
import type { Quadas } from '../../dossier/schema';
import type { Chart } from '../document';
import type { NumberFormats } from '../format';
import { axisPercent, quadasBarOrder, quadasBars, quadasColors, quadasSymbols, srocDescription, srocGeometry } from './accuracy-chart-data';
import type { PlotBox } from './accuracy-chart-data';
import { el, fitText, GRID, INK, legend, MUTED_INK, seriesColour, svgDocument, textEl } from './svg';

const WIDTH = 640;
const SENSITIVITY_COLOUR = seriesColour(0);
const SPECIFICITY_COLOUR = seriesColour(1);

function chart(id: string, title: string, description: string, height: number, body: string): Chart {
  return { svg: svgDocument({ id, width: WIDTH, height, title, description }, body), width: WIDTH, height, alt: description };
}

// ---- paired forest plot ----

export interface ForestRow {
  label: string;
  sensitivity: ProportionEstimate;
  specificity: ProportionEstimate;
}

/** "0.97 (0.95–0.99)" in the report's locale. */
export function estimateWithInterval(fmt: NumberFormats, p: ProportionEstimate): string {
  return `${fmt.number(p.estimate, 2)} (${fmt.number(p.lower, 2)}–${fmt.number(p.upper, 2)})`;
}

/**
 * Cochrane-style paired forest plot: one row per study with its estimate and 95% interval of sensitivity and of
 * specificity (numbers and marks), the pooled estimate as a diamond under a rule, an axis from 0 to 1 per panel.
 */
export function pairedForestChart(id: string, fmt: NumberFormats, studies: readonly ForestRow[], pooled: ForestRow, t: Translate = translator('en')): Chart {
  const rowH = 15;
  const labelW = 150;
  const textW = 98;
  const plotW = (WIDTH - labelW - 2 * textW - 2 * 14 - 10) / 2;
  const top = 34;
  const pooledY = top + studies.length * rowH + 10;
  const axisY = pooledY + rowH;
  const height = axisY + 34;
  const panels = [
    { key: 'sensitivity' as const, title: t('reportAccuracy.sensitivity'), colour: SENSITIVITY_COLOUR, x0: labelW },
    { key: 'specificity' as const, title: t('reportAccuracy.specificity'), colour: SPECIFICITY_COLOUR, x0: labelW + textW + plotW + 14 + 10 },
  ];
  const parts: string[] = [textEl(4, top - 10, t('reportAccuracy.study'), { 'font-weight': 700, 'font-size': 10.5 })];
  for (const p of panels) {
    const plotX = p.x0 + textW + 10;
    const xOf = (v: number) => plotX + (axisPercent(v) / 100) * plotW;
    parts.push(textEl(p.x0 + textW, top - 10, t('reportCharts.withCi', { title: p.title }), { 'text-anchor': 'end', 'font-weight': 700, 'font-size': 10.5 }));
    for (const tick of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
      parts.push(el('line', { x1: xOf(tick), x2: xOf(tick), y1: top - 4, y2: axisY, stroke: GRID, 'stroke-width': 1 }));
      parts.push(el('line', { x1: xOf(tick), x2: xOf(tick), y1: axisY, y2: axisY + 4, stroke: MUTED_INK, 'stroke-width': 1 }));
      parts.push(textEl(xOf(tick), axisY + 15, fmt.number(tick, tick === 0 || tick === 1 ? 0 : 1), { 'text-anchor': 'middle', 'font-size': 9.5, fill: MUTED_INK }));
    }
    parts.push(el('line', { x1: plotX, x2: plotX + plotW, y1: axisY, y2: axisY, stroke: MUTED_INK, 'stroke-width': 1 }));
    parts.push(textEl(plotX + plotW / 2, axisY + 29, p.title, { 'text-anchor': 'middle', 'font-size': 10.5 }));
    studies.forEach((s, i) => {
      const y = top + i * rowH + rowH / 2;
      const e = s[p.key];
      parts.push(textEl(p.x0 + textW, y + 3.5, estimateWithInterval(fmt, e), { 'text-anchor': 'end', 'font-size': 10 }));
      parts.push(el('line', { x1: xOf(e.lower), x2: xOf(e.upper), y1: y, y2: y, stroke: p.colour, 'stroke-width': 1.4 }));
      parts.push(el('rect', { x: xOf(e.estimate) - 3, y: y - 3, width: 6, height: 6, fill: p.colour }));
    });
    const e = pooled[p.key];
    const y = pooledY + rowH / 2;
    parts.push(textEl(p.x0 + textW, y + 3.5, estimateWithInterval(fmt, e), { 'text-anchor': 'end', 'font-size': 10, 'font-weight': 700 }));
    parts.push(el('path', { d: `M${xOf(e.lower).toFixed(2)} ${y}L${xOf(e.estimate).toFixed(2)} ${y - 5.5}L${xOf(e.upper).toFixed(2)} ${y}L${xOf(e.estimate).toFixed(2)} ${y + 5.5}Z`, fill: INK }));
  }
  studies.forEach((s, i) => {
    const y = top + i * rowH + rowH / 2;
    if (i % 2 === 1) parts.unshift(el('rect', { x: 0, y: y - rowH / 2, width: WIDTH, height: rowH, fill: '#f5f7fa' }));
    parts.push(textEl(4, y + 3.5, fitText(s.label, labelW - 8, 10), { 'font-size': 10 }));
  });
  parts.push(el('line', { x1: 0, x2: WIDTH, y1: pooledY - 4, y2: pooledY - 4, stroke: MUTED_INK, 'stroke-width': 0.8 }));
  parts.push(textEl(4, pooledY + rowH / 2 + 3.5, fitText(pooled.label, labelW - 8, 10), { 'font-size': 10, 'font-weight': 700 }));
  const description = t('reportCharts.forestDescription', { n: studies.length, sensitivity: estimateWithInterval(fmt, pooled.sensitivity), specificity: estimateWithInterval(fmt, pooled.specificity) });
  return chart(id, t('reportCharts.forestTitle'), description, height, parts.join(''));
}

// ---- SROC ----

const SROC_PLOT = 360;
/** The plot box of the report's SROC plot (a square plot with the legend to its right). */
export const SROC_BOX: PlotBox = { width: WIDTH, height: 14 + SROC_PLOT + 46, left: 58, right: WIDTH - 58 - SROC_PLOT, top: 14, bottom: 46 };
const STUDY_COLOUR = seriesColour(0);
const CURVE_COLOUR = seriesColour(1);
const REGION_COLOUR = '#7a3e9d';

export function srocChart(id: string, fmt: NumberFormats, result: AccuracyMetaAnalysis, t: Translate = translator('en')): Chart {
  const g = srocGeometry(result, SROC_BOX);
  const { plot } = g;
  const level = Math.round(result.level * 100);
  const parts: string[] = [];
  for (const tick of g.ticks) {
    parts.push(el('line', { x1: tick.x, x2: tick.x, y1: plot.y, y2: plot.y + plot.height, stroke: GRID, 'stroke-width': 1 }));
    parts.push(el('line', { x1: plot.x, x2: plot.x + plot.width, y1: tick.y, y2: tick.y, stroke: GRID, 'stroke-width': 1 }));
    parts.push(textEl(tick.x, plot.y + plot.height + 16, fmt.number(tick.value, 1), { 'text-anchor': 'middle', fill: MUTED_INK }));
    parts.push(textEl(plot.x - 6, tick.y + 4, fmt.number(tick.value, 1), { 'text-anchor': 'end', fill: MUTED_INK }));
  }
  parts.push(el('rect', { x: plot.x, y: plot.y, width: plot.width, height: plot.height, fill: 'none', stroke: MUTED_INK, 'stroke-width': 1 }));
  parts.push(el('line', { ...g.chance, stroke: '#9aa5b1', 'stroke-width': 1, 'stroke-dasharray': '2 4' }));
  parts.push(textEl(plot.x + plot.width / 2, plot.y + plot.height + 36, t('reportCharts.fprAxis'), { 'text-anchor': 'middle', 'font-size': 12 }));
  const cy = plot.y + plot.height / 2;
  parts.push(textEl(16, cy, t('reportAccuracy.sensitivity'), { 'text-anchor': 'middle', 'font-size': 12, transform: `rotate(-90 16 ${cy})` }));
  if (g.prediction) parts.push(el('path', { d: g.prediction, fill: 'none', stroke: REGION_COLOUR, 'stroke-width': 1.4, 'stroke-dasharray': '1.5 3', 'stroke-linecap': 'round' }));
  parts.push(el('g', { fill: STUDY_COLOUR, 'fill-opacity': 0.16, stroke: STUDY_COLOUR, 'stroke-width': 1 }, ...g.studies.map((s) => el('circle', { cx: s.x, cy: s.y, r: s.r }))));
  if (g.curve) parts.push(el('path', { d: g.curve, fill: 'none', stroke: CURVE_COLOUR, 'stroke-width': 2.2 }));
  if (g.confidence) parts.push(el('path', { d: g.confidence, fill: 'none', stroke: REGION_COLOUR, 'stroke-width': 1.6, 'stroke-dasharray': '6 3' }));
  const s = g.summary;
  parts.push(el('path', { d: `M${s.x.toFixed(2)} ${(s.y - 7).toFixed(2)}l7 7l-7 7l-7 -7z`, fill: INK, stroke: '#ffffff', 'stroke-width': 1 }));
  // Legend in the free column right of the square plot.
  const lx = plot.x + plot.width + 28;
  const items: { label: string; mark: string }[] = [
    { label: t('reportCharts.studyArea'), mark: el('circle', { cx: lx + 8, cy: 0, r: 5.5, fill: STUDY_COLOUR, 'fill-opacity': 0.16, stroke: STUDY_COLOUR }) },
    ...(g.curve ? [{ label: t('reportCharts.srocCurve'), mark: el('line', { x1: lx, x2: lx + 16, y1: 0, y2: 0, stroke: CURVE_COLOUR, 'stroke-width': 2.2 }) }] : []),
    { label: t('reportAccuracy.summaryPoint'), mark: el('path', { d: `M${lx + 8} -6l6 6l-6 6l-6 -6z`, fill: INK }) },
    ...(g.confidence ? [{ label: t('reportCharts.confidenceRegion', { level }), mark: el('line', { x1: lx, x2: lx + 16, y1: 0, y2: 0, stroke: REGION_COLOUR, 'stroke-width': 1.6, 'stroke-dasharray': '6 3' }) }] : []),
    ...(g.prediction ? [{ label: t('reportCharts.predictionRegion', { level }), mark: el('line', { x1: lx, x2: lx + 18, y1: 0, y2: 0, stroke: REGION_COLOUR, 'stroke-width': 1.4, 'stroke-dasharray': '1.5 3', 'stroke-linecap': 'round' }) }] : []),
  ];
  items.forEach((item, i) => {
    const y = plot.y + 10 + i * 20;
    parts.push(el('g', { transform: `translate(0 ${y})` }, item.mark));
    parts.push(textEl(lx + 24, y + 4, item.label));
  });
  const notes = [
    t('reportCharts.summarySensitivity', { value: fmt.number(result.sensitivity.estimate, 2) }),
    t('reportCharts.summarySpecificity', { value: fmt.number(result.specificity.estimate, 2) }),
    t(result.model === 'bivariate' ? 'reportCharts.studiesBivariate' : 'reportCharts.studiesUnivariate', { n: result.studies.length }),
  ];
  notes.forEach((n, i) => parts.push(textEl(lx, plot.y + 10 + items.length * 20 + 14 + i * 15, n, { fill: MUTED_INK, 'font-size': 10 })));
  return chart(id, t('reportCharts.srocTitle'), srocDescription(result, t), SROC_BOX.height, parts.join(''));
}

// ---- QUADAS-2 ----

const applicabilityDomains = quadasDomains.filter((d) => d.key !== 'flowAndTiming');
/** A QUADAS-2 domain's column heading on two lines (the catalogue text splits at its line break). */
function twoLines(t: Translate, key: string): string[] {
  return t(`reportCharts.quadasHeading.${key as 'patientSelection'}`).split('\n');
}

function ratingMark(cx: number, cy: number, rating: keyof typeof quadasColors, r = 8): string {
  return el('circle', { cx, cy, r, fill: quadasColors[rating] }) + textEl(cx, cy + 4, quadasSymbols[rating], { 'text-anchor': 'middle', fill: '#ffffff', 'font-weight': 700, 'font-size': 12 });
}

/** Traffic-light table: one row per study, a coloured mark with a symbol per domain (colour is never the only cue). */
export function quadasTrafficLightChart(id: string, studies: readonly { label: string; quadas: Quadas }[], t: Translate = translator('en')): Chart {
  const rowH = 20;
  const colW = 54;
  const gap = 16;
  const labelW = WIDTH - 7 * colW - gap - 8;
  const top = 50;
  const keyY = top + studies.length * rowH + 16;
  const height = keyY + 22;
  const robX = (i: number) => labelW + i * colW + colW / 2;
  const appX = (i: number) => labelW + 4 * colW + gap + i * colW + colW / 2;
  const parts: string[] = [];
  const group = (x0: number, n: number, title: string) => {
    parts.push(textEl(x0 + (n * colW) / 2, 12, title, { 'text-anchor': 'middle', 'font-weight': 700 }));
    parts.push(el('line', { x1: x0 + 4, x2: x0 + n * colW - 4, y1: 17, y2: 17, stroke: MUTED_INK, 'stroke-width': 0.8 }));
  };
  group(labelW, 4, t('reportAccuracy.riskOfBias'));
  group(labelW + 4 * colW + gap, 3, t('reportCharts.applicabilityConcerns'));
  quadasDomains.forEach((d, i) => twoLines(t, d.key).forEach((line, j) => parts.push(textEl(robX(i), 30 + j * 11, line, { 'text-anchor': 'middle', 'font-size': 9.5, fill: MUTED_INK }))));
  applicabilityDomains.forEach((d, i) => twoLines(t, d.key).forEach((line, j) => parts.push(textEl(appX(i), 30 + j * 11, line, { 'text-anchor': 'middle', 'font-size': 9.5, fill: MUTED_INK }))));
  parts.push(textEl(4, 41, t('reportAccuracy.study'), { 'font-weight': 700 }));
  studies.forEach((s, i) => {
    const y = top + i * rowH + rowH / 2;
    if (i % 2 === 1) parts.push(el('rect', { x: 0, y: y - rowH / 2, width: WIDTH, height: rowH, fill: '#f5f7fa' }));
    parts.push(textEl(4, y + 4, fitText(s.label, labelW - 10, 11)));
    quadasDomains.forEach((d, j) => parts.push(ratingMark(robX(j), y, s.quadas.riskOfBias[d.key])));
    applicabilityDomains.forEach((d, j) => parts.push(ratingMark(appX(j), y, s.quadas.applicability[d.key])));
  });
  let x = labelW;
  for (const r of quadasBarOrder) {
    parts.push(ratingMark(x + 8, keyY, r, 7));
    parts.push(textEl(x + 20, keyY + 4, t(`reportAccuracy.rating.${r}`)));
    x += 78;
  }
  const description = t('reportCharts.lightsDescription', { n: studies.length });
  return chart(id, t('reportAccuracy.lightsDataCaption'), description, height, parts.join(''));
}

/** Stacked bars: the share of studies at low, high and unclear risk (and concern) per domain. */
export function quadasBarChart(id: string, fmt: NumberFormats, studies: readonly { quadas: Quadas }[], t: Translate = translator('en')): Chart {
  const bars = quadasBars(studies.map((s) => s.quadas));
  const leg = legend(quadasBarOrder.map((r) => ({ label: t(`reportAccuracy.rating.${r}`), colour: quadasColors[r], mark: 'box' as const })), 170, 4, WIDTH - 190);
  const labelW = 170;
  const barW = WIDTH - labelW - 24;
  const rowH = 24;
  let y = leg.height + 14;
  const parts: string[] = [leg.svg];
  const rows: string[] = [];
  for (const [part, title] of [['riskOfBias', t('reportAccuracy.riskOfBias')], ['applicability', t('reportCharts.applicabilityConcerns')]] as const) {
    rows.push(textEl(4, y + 12, title, { 'font-weight': 700 }));
    y += 18;
    for (const b of bars.filter((x) => x.part === part)) {
      rows.push(textEl(labelW - 8, y + rowH / 2 + 2, t(`reportAccuracy.quadas.${b.domain}`), { 'text-anchor': 'end' }));
      let x = labelW;
      for (const r of quadasBarOrder) {
        const w = b.shares[r] * barW;
        if (w <= 0) continue;
        rows.push(el('rect', { x, y: y + 2, width: w, height: rowH - 6, fill: quadasColors[r] }));
        if (b.shares[r] >= 0.1) rows.push(textEl(x + w / 2, y + rowH / 2 + 2, fmt.percent(b.shares[r], 0), { 'text-anchor': 'middle', fill: '#ffffff', 'font-size': 10.5, 'font-weight': 700 }));
        x += w;
      }
      y += rowH;
    }
    y += 6;
  }
  const axisTop = leg.height + 14;
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = labelW + tick * barW;
    parts.push(el('line', { x1: x, x2: x, y1: axisTop, y2: y, stroke: GRID, 'stroke-width': 1 }));
    parts.push(textEl(x, y + 14, fmt.percent(tick, 0), { 'text-anchor': 'middle', fill: MUTED_INK, 'font-size': 10 }));
  }
  parts.push(...rows);
  parts.push(textEl(labelW + barW / 2, y + 32, t('reportCharts.shareOfStudies', { n: studies.length }), { 'text-anchor': 'middle', 'font-size': 11 }));
  const summary = bars
    .map((b) => `${(b.part === 'riskOfBias' ? t('reportAccuracy.riskOfBias') : t('reportAccuracy.applicability')).toLowerCase()}, ${t(`reportAccuracy.quadas.${b.domain}`).toLowerCase()}: ${quadasRatings.map((r) => `${b.counts[r]} ${t(`reportAccuracy.rating.${r}`).toLowerCase()}`).join(', ')}`)
    .join('; ');
  const description = t('reportCharts.barsDescription', { n: studies.length, summary });
  return chart(id, t('reportCharts.barsTitle'), description, y + 42, parts.join(''));
}
