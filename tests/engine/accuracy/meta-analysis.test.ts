import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccuracyAnalysisError, metaAnalyseAccuracy } from '../../../src/engine/accuracy/meta-analysis';
import { hsrocParameters, logitEllipse, srocSensitivity } from '../../../src/engine/accuracy/sroc';
import type { AccuracyStudy } from '../../../src/engine/accuracy/two-by-two';

const kearon = (JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/dta_bivariate_kearon.json'), 'utf8')) as { all_studies: { data: AccuracyStudy[] } }).all_studies.data;
const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** Studies along a threshold curve (logit sens = 1 + t, logit spec = 2 - t): correlation -1 between studies. */
const thresholdStudies: AccuracyStudy[] = [-1.5, -0.8, -0.2, 0.4, 1.1, 1.7].map((t, i) => {
  const tp = Math.round(400 * expit(1 + t));
  const tn = Math.round(400 * expit(2 - t));
  return { study: `S${i + 1}`, tp, fn: 400 - tp, tn, fp: 400 - tn };
});

/** Point-in-polygon (ray casting) in ROC space. */
function inside(point: { fpr: number; sensitivity: number }, polygon: { fpr: number; sensitivity: number }[]): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.sensitivity > point.sensitivity !== b.sensitivity > point.sensitivity && point.fpr < ((b.fpr - a.fpr) * (point.sensitivity - a.sensitivity)) / (b.sensitivity - a.sensitivity) + a.fpr) hit = !hit;
  }
  return hit;
}

describe('summary ROC curve and regions', () => {
  const result = metaAnalyseAccuracy(kearon, { method: 'reml' });

  it('the Rutter–Gatsonis curve passes through the summary point (Harbord 2007 identity)', () => {
    const h = result.sroc.parameters!;
    expect(srocSensitivity(h, result.summaryPoint.fpr)).toBeCloseTo(result.summaryPoint.sensitivity, 12);
    expect(result.sroc.form).toBe('rutter-gatsonis');
    expect(result.sroc.curve.length).toBeGreaterThan(10);
  });

  it('has the HSROC parameters of the bivariate ones: beta = log(tau_spec / tau_sens), sigma2 of accuracy and threshold', () => {
    const h = hsrocParameters([1, 3], [1.5, 0.6], -0.3)!;
    const tA = Math.sqrt(1.5);
    const tB = Math.sqrt(0.6);
    expect(h.beta).toBeCloseTo(Math.log(tB / tA), 14);
    expect(h.lambda).toBeCloseTo(Math.sqrt(tB / tA) * 1 + Math.sqrt(tA / tB) * 3, 14);
    expect(h.varianceAccuracy).toBeCloseTo(2 * (tA * tB - 0.3 * tA * tB), 14);
    expect(h.varianceThreshold).toBeCloseTo(0.5 * (tA * tB + 0.3 * tA * tB), 14);
  });

  it('draws the curve over the studies’ range of false-positive rates (continuity-corrected)', () => {
    // Kearon: lowest Barnes et al. 1991 (TN 123, FP 0: 0.5 / 124), highest Schindler et al. (TN 27, FP 10, and FN 0,
    // so corrected: 10.5 / 38).
    expect(result.sroc.fprRange[0]).toBeCloseTo(0.5 / 124, 12);
    expect(result.sroc.fprRange[1]).toBeCloseTo(10.5 / 38, 12);
    const curve = result.sroc.curve;
    expect(curve[0]!.fpr).toBeCloseTo(0.5 / 124, 10);
    expect(curve.at(-1)!.fpr).toBeCloseTo(10.5 / 38, 10);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.sensitivity).toBeGreaterThanOrEqual(curve[i - 1]!.sensitivity);
  });

  it('confidence region around the summary point, inside the wider prediction region', () => {
    const confidence = result.confidenceRegion!;
    const prediction = result.predictionRegion!;
    expect(confidence[0]).toEqual(confidence.at(-1));
    expect(inside(result.summaryPoint, confidence)).toBe(true);
    for (const p of confidence) expect(inside(p, prediction)).toBe(true);
  });

  it('ellipse points lie on the chi-squared(2) contour of the logit covariance', () => {
    const mu: [number, number] = [1, 2];
    const c: [[number, number], [number, number]] = [[0.2, -0.05], [-0.05, 0.1]];
    const det = c[0][0] * c[1][1] - c[0][1] ** 2;
    for (const p of logitEllipse(mu, c)!) {
      const d0 = logit(p.sensitivity) - mu[0];
      const d1 = -logit(p.fpr) - mu[1];
      const q = (c[1][1] * d0 * d0 - 2 * c[0][1] * d0 * d1 + c[0][0] * d1 * d1) / det;
      expect(q).toBeCloseTo(-2 * Math.log(0.05), 8);
    }
  });
});

describe('when the bivariate model cannot be used', () => {
  it('falls back to univariate models with a warning when the correlation goes to -1', () => {
    for (const method of ['reml', 'glmm'] as const) {
      const result = metaAnalyseAccuracy(thresholdStudies, { method });
      expect(result.model).toBe('univariate');
      expect(result.rho).toBeNull();
      expect(result.logit.covariance[0][1]).toBe(0);
      expect(result.warnings.join(' ')).toMatch(/fitted univariate random-effects models/);
    }
  });

  it('falls back with fewer than 4 studies, and the univariate sensitivity ignores the specificity data', () => {
    const three = thresholdStudies.slice(0, 3);
    const result = metaAnalyseAccuracy(three, { method: 'reml' });
    expect(result.model).toBe('univariate');
    expect(result.warnings[0]).toMatch(/^only 3 studies: the bivariate model needs at least 4/);
    const changedSpecificity = three.map((s) => ({ ...s, tn: s.tn + 37, fp: s.fp + 5 }));
    const other = metaAnalyseAccuracy(changedSpecificity, { method: 'reml' });
    expect(other.logit.sensitivity).toBeCloseTo(result.logit.sensitivity, 7);
    expect(other.tau2.sensitivity).toBeCloseTo(result.tau2.sensitivity, 6);
    expect(other.logit.specificity).not.toBeCloseTo(result.logit.specificity, 3);
  });

  it('reports no heterogeneity when all studies agree', () => {
    const same = Array.from({ length: 5 }, (_, i) => ({ study: `S${i}`, tp: 40, fn: 10, tn: 80, fp: 20 }));
    for (const method of ['reml', 'glmm'] as const) {
      const result = metaAnalyseAccuracy(same, { method });
      expect(result.tau2.sensitivity).toBe(0);
      expect(result.warnings.join(' ')).toMatch(/between-study variance of logit sensitivity is estimated as 0/);
      expect(result.sensitivity.estimate).toBeCloseTo(0.8, 5);
      // With no heterogeneity the pooled variance is the fixed-effect one: 1 / (5 / (1/40 + 1/10)).
      expect(result.logit.covariance[0][0]).toBeCloseTo((1 / 40 + 1 / 10) / 5, 4);
    }
  });

  it('names the study and cell of bad 2×2 data, and needs two studies', () => {
    const bad = [...kearon.slice(0, 3), { study: 'Broken', tp: 3, fn: -1, tn: 4, fp: 1 }];
    expect(() => metaAnalyseAccuracy(bad)).toThrow(AccuracyAnalysisError);
    expect(() => metaAnalyseAccuracy(bad)).toThrow(/study 4 \(Broken\): FN must be a whole number >= 0 \(got -1\)/);
    expect(() => metaAnalyseAccuracy(kearon.slice(0, 1))).toThrow(/at least 2 studies \(got 1\)/);
  });
});
