// Pure geometry of the test-accuracy charts (forest plots, SROC, QUADAS-2 bars), tested in vitest; the React
// components only draw what these return.
import type { RocPoint } from '../../engine/accuracy/sroc';
import { quadasDomains, quadasRatings } from '../../dossier/schema';
import type { Quadas, QuadasRating } from '../../dossier/schema';

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
  domain: string;
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
