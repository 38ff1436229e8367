// Pure geometry of the test-accuracy charts (forest plots, SROC, QUADAS-2 bars), shared by the app's charts (React)
// and the report's (SVG strings), so both draw the same picture from the same numbers; tested in vitest.
import type { AccuracyMetaAnalysis } from '../../engine/accuracy/meta-analysis';
import type { RocPoint } from '../../engine/accuracy/sroc';
import { quadasDomains, quadasRatings } from '../../dossier/schema';
import type { Quadas, QuadasDomain, QuadasRating } from '../../dossier/schema';
import { translator } from '../i18n/translate';
import type { Translate } from '../i18n/translate';

/** A proportion as a percentage of the axis, clamped to [0, 100]. */
export function axisPercent(p: number): number {
  return Math.max(0, Math.min(100, p * 100));
}

/** Marker radii proportional to the square root of n (area to n), between `min` and `max` pixels. */
export function radiiBySize(ns: readonly number[], min = 3.5, max = 11): number[] {
  const largest = Math.max(...ns, 1);
  return ns.map((n) => Math.max(min, max * Math.sqrt(Math.max(n, 0) / largest)));
}

export interface PlotBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** ROC space to SVG coordinates: x = false-positive rate, y = sensitivity, both 0..1. */
export function rocToSvg(box: PlotBox, p: RocPoint): { x: number; y: number } {
  const w = box.width - box.left - box.right;
  const h = box.height - box.top - box.bottom;
  return { x: box.left + p.fpr * w, y: box.top + (1 - p.sensitivity) * h };
}

/** An SVG path through the points ("M x y L x y …"), closed with Z when `closed`. */
export function svgPath(box: PlotBox, points: readonly RocPoint[], closed = false): string {
  if (points.length === 0) return '';
  const parts = points.map((p, i) => {
    const { x, y } = rocToSvg(box, p);
    return `${i === 0 ? 'M' : 'L'}${x.toFixed(2)} ${y.toFixed(2)}`;
  });
  return `${parts.join(' ')}${closed ? ' Z' : ''}`;
}

export interface QuadasBar {
  part: 'riskOfBias' | 'applicability';
  domain: QuadasDomain;
  label: string;
  /** Share of studies judged low, high, unclear (sums to 1), and the counts. */
  shares: Record<QuadasRating, number>;
  counts: Record<QuadasRating, number>;
}

/** One bar per QUADAS-2 domain (4 risk of bias, 3 applicability): the proportion of studies at each rating. */
export function quadasBars(judgements: readonly Quadas[]): QuadasBar[] {
  const bars: QuadasBar[] = [];
  for (const part of ['riskOfBias', 'applicability'] as const) {
    for (const d of quadasDomains) {
      if (part === 'applicability' && d.key === 'flowAndTiming') continue;
      const counts = { low: 0, high: 0, unclear: 0 } as Record<QuadasRating, number>;
      for (const q of judgements) counts[(q[part] as Record<string, QuadasRating>)[d.key]!]++;
      const total = judgements.length || 1;
      const shares = Object.fromEntries(quadasRatings.map((r) => [r, counts[r] / total])) as Record<QuadasRating, number>;
      bars.push({ part, domain: d.key, label: d.label, shares, counts });
    }
  }
  return bars;
}

/** QUADAS-2 rating colours (each at least 4.5:1 against white text) and the symbol that goes with them, so colour
 * is never the only cue. */
export const quadasColors: Record<QuadasRating, string> = { low: '#1b7f4f', unclear: '#9a6a00', high: '#b3261e' };
export const quadasSymbols: Record<QuadasRating, string> = { low: '+', unclear: '?', high: '−' };
/** Bar order of the stacked QUADAS-2 summary (low first, as in Cochrane reviews). */
export const quadasBarOrder: readonly QuadasRating[] = ['low', 'high', 'unclear'];

export const ROC_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1] as const;

/** What an SROC plot draws, in SVG coordinates of `box`: the app's chart and the report's draw exactly this. */
export interface SrocGeometry {
  box: PlotBox;
  plot: { x: number; y: number; width: number; height: number };
  ticks: { value: number; x: number; y: number }[];
  /** Chance line from (0, 0) to (1, 1). */
  chance: { x1: number; y1: number; x2: number; y2: number };
  studies: { x: number; y: number; r: number }[];
  curve: string | null;
  confidence: string | null;
  prediction: string | null;
  summary: { x: number; y: number };
}

/** Study points (area ∝ n), curve, regions and summary point of a meta-analysis in `box`. */
export function srocGeometry(result: AccuracyMetaAnalysis, box: PlotBox): SrocGeometry {
  const plot = { x: box.left, y: box.top, width: box.width - box.left - box.right, height: box.height - box.top - box.bottom };
  const radii = radiiBySize(result.studies.map((s) => s.n));
  const origin = rocToSvg(box, { fpr: 0, sensitivity: 0 });
  const corner = rocToSvg(box, { fpr: 1, sensitivity: 1 });
  return {
    box,
    plot,
    ticks: ROC_TICKS.map((value) => ({ value, x: plot.x + value * plot.width, y: plot.y + (1 - value) * plot.height })),
    chance: { x1: origin.x, y1: origin.y, x2: corner.x, y2: corner.y },
    studies: result.studies.map((s, i) => ({ ...rocToSvg(box, { fpr: 1 - s.specificity.estimate, sensitivity: s.sensitivity.estimate }), r: radii[i]! })),
    curve: result.sroc.curve.length > 0 ? svgPath(box, result.sroc.curve) : null,
    confidence: result.confidenceRegion ? svgPath(box, result.confidenceRegion, true) : null,
    prediction: result.predictionRegion ? svgPath(box, result.predictionRegion, true) : null,
    summary: rocToSvg(box, result.summaryPoint),
  };
}

/** The sentence both SROC plots use to describe themselves. */
export function srocDescription(result: AccuracyMetaAnalysis, t: Translate = translator('en')): string {
  const level = Math.round(result.level * 100);
  const curve = t(result.sroc.parameters ? 'accuracy.plot.srocCurveRange' : 'accuracy.plot.noSrocCurve');
  return t('accuracy.plot.srocDescription', { n: result.studies.length, curve, level });
}
