// The SROC geometry the app's chart and the report's draw: ROC space mapped into the plot box, circles with area
// proportional to n, curve and regions as paths, computed from the engine's fit of the Kearon studies.
import { describe, expect, it } from 'vitest';
import { metaAnalyseAccuracy } from '../../src/engine/accuracy/meta-analysis';
import { srocGeometry } from '../../src/report/charts/accuracy-chart-data';
import { kearonStudies } from './accuracy-fixture';

describe('srocGeometry', () => {
  const result = metaAnalyseAccuracy(kearonStudies, { method: 'reml' });
  // A 200 × 100 plot area at (10, 20).
  const box = { width: 230, height: 150, left: 10, right: 20, top: 20, bottom: 30 };
  const g = srocGeometry(result, box);

  it('maps false-positive rate to x and sensitivity to y (upwards) inside the plot area', () => {
    expect(g.plot).toEqual({ x: 10, y: 20, width: 200, height: 100 });
    expect(g.summary.x).toBeCloseTo(10 + 200 * (1 - result.specificity.estimate), 10);
    expect(g.summary.y).toBeCloseTo(20 + 100 * (1 - result.sensitivity.estimate), 10);
    expect(g.chance).toEqual({ x1: 10, y1: 120, x2: 210, y2: 20 });
    expect(g.ticks.map((t) => [t.value, t.x, t.y])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => [v, 10 + 200 * v, 20 + 100 * (1 - v)]));
  });

  it('places every study at its own sensitivity and false-positive rate, circle area proportional to n', () => {
    expect(g.studies).toHaveLength(30);
    // Elias et al.: 325 / 333 and 22 / 505; n = 838, the largest study, gets the largest radius (11).
    expect(g.studies[0]!.x).toBeCloseTo(10 + (200 * 22) / 505, 10);
    expect(g.studies[0]!.y).toBeCloseTo(20 + 100 * (8 / 333), 10);
    expect(g.studies[0]!.r).toBe(11);
    // Cronan et al. (n = 51): 11 × sqrt(51 / 838) = 2.71, raised to the 3.5 minimum.
    expect(g.studies[2]!.r).toBe(3.5);
    // Lensing et al. (n = 220): 11 × sqrt(220 / 838) = 5.64.
    expect(g.studies[4]!.r).toBeCloseTo(11 * Math.sqrt(220 / 838), 10);
  });

  it('draws the curve open and the regions closed, all inside the box', () => {
    expect(g.curve).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){59}$/);
    expect(g.confidence).toMatch(/ Z$/);
    expect(g.prediction).toMatch(/ Z$/);
    for (const path of [g.curve!, g.confidence!, g.prediction!]) {
      const numbers = [...path.matchAll(/([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      for (const [x, y] of numbers) {
        expect(x).toBeGreaterThanOrEqual(10);
        expect(x).toBeLessThanOrEqual(210);
        expect(y).toBeGreaterThanOrEqual(20);
        expect(y).toBeLessThanOrEqual(120);
      }
    }
  });
});
