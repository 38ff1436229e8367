import { describe, expect, it } from 'vitest';
import { densityCurve, recentreDistribution, summariseDistribution } from '../../../src/engine/uncertainty/distribution-summary';
import { resolveDistribution } from '../../../src/engine/uncertainty/distributions';

function summary(spec: Parameters<typeof summariseDistribution>[0]) {
  const s = summariseDistribution(spec);
  if (!s.ok) throw new Error(s.message);
  return s.summary;
}

/** Trapezoid area under the density points (covers the 0.5th–99.5th percentile: 0.99). */
function area(points: { x: number; y: number }[]): number {
  let a = 0;
  for (let i = 1; i < points.length; i++) a += ((points[i]!.y + points[i - 1]!.y) / 2) * (points[i]!.x - points[i - 1]!.x);
  return a;
}

describe('distribution summary', () => {
  it('beta by mean and SE: mean and SD as given, 95% interval inside (0, 1)', () => {
    const s = summary({ type: 'beta', mean: 0.69, se: 0.02806 });
    expect(s.mean).toBeCloseTo(0.69, 12);
    expect(s.sd).toBeCloseTo(0.02806, 12);
    expect(s.low95).toBeGreaterThan(0.69 - 2 * 0.02806 - 0.01);
    expect(s.low95).toBeLessThan(0.69 - 1.9 * 0.02806);
    expect(s.high95).toBeGreaterThan(0.69 + 1.9 * 0.02806);
    expect(s.support).toEqual({ min: 0, max: 1 });
  });
  it('the density preview matches closed forms: standard normal 0.3989 at 0, gamma(4, scale 250) at its mode 750', () => {
    const normal = densityCurve(resolveDistribution('x', { type: 'normal', mean: 0, sd: 1 }), 200);
    const atZero = normal.reduce((best, p) => (Math.abs(p.x) < Math.abs(best.x) ? p : best));
    expect(atZero.y).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 2);
    const gamma = densityCurve(resolveDistribution('x', { type: 'gamma', shape: 4, scale: 250 }), 400);
    const nearMode = gamma.reduce((best, p) => (Math.abs(p.x - 750) < Math.abs(best.x - 750) ? p : best));
    // f(x) = x^3 e^(-x/250) / (Γ(4) 250^4) at x = 750: 750^3 e^-3 / (6 · 250^4) = 0.000896
    const exact = (nearMode.x ** 3 * Math.exp(-nearMode.x / 250)) / (6 * 250 ** 4);
    expect(nearMode.y / exact).toBeCloseTo(1, 2);
    expect(area(gamma)).toBeCloseTo(0.99, 2);
  });
  it('a fixed value has no density; an impossible beta says why', () => {
    expect(summary({ type: 'fixed', value: 3 })).toMatchObject({ mean: 3, sd: 0, density: [] });
    const bad = summariseDistribution({ type: 'beta', mean: 0.5, se: 0.6 });
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/se\^2 = 0\.36 must be below mean\(1 - mean\) = 0\.25/) });
  });
});

describe('re-centring a distribution on a new mean keeps its relative SE', () => {
  const ok = (r: ReturnType<typeof recentreDistribution>) => {
    if (!r.ok) throw new Error(r.message);
    return r.spec;
  };
  it('beta by mean and SE: 0.69 (SE 0.02806) → 0.85 gives SE 0.02806 × 0.85 / 0.69 = 0.0345667 (8 significant digits)', () => {
    const spec = ok(recentreDistribution({ type: 'beta', mean: 0.69, se: 0.02806 }, 0.85));
    expect(spec).toEqual({ type: 'beta', mean: 0.85, se: 0.034566667 });
  });
  it('beta by alpha and beta: α 10, β 20 (mean 1/3, SD 0.0846668) → 0.5, SD 1.5 × 0.0846668 = 0.12700013, written as mean and SE', () => {
    const spec = ok(recentreDistribution({ type: 'beta', alpha: 10, beta: 20 }, 0.5));
    expect(spec).toEqual({ type: 'beta', mean: 0.5, se: 0.12700013 });
  });
  it('refuses a beta whose SE would no longer fit, and means outside (0, 1)', () => {
    const r = recentreDistribution({ type: 'beta', mean: 0.5, se: 0.2 }, 0.95);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/needs an SE below 0\.218/) });
    expect(recentreDistribution({ type: 'beta', mean: 0.5, se: 0.1 }, 1)).toEqual({ ok: false, message: 'a beta distribution needs a mean below 1' });
  });
  it('gamma keeps its parameterisation: shape/scale scales the scale, shape/rate divides the rate', () => {
    expect(ok(recentreDistribution({ type: 'gamma', shape: 4, scale: 250 }, 2000))).toEqual({ type: 'gamma', shape: 4, scale: 500 });
    expect(ok(recentreDistribution({ type: 'gamma', shape: 4, rate: 0.004 }, 2000))).toEqual({ type: 'gamma', shape: 4, rate: 0.002 });
    expect(ok(recentreDistribution({ type: 'gamma', mean: 1000, se: 229.59184 }, 1500))).toEqual({ type: 'gamma', mean: 1500, se: 344.38776 });
    expect(recentreDistribution({ type: 'gamma', mean: 10, se: 1 }, -1)).toEqual({ ok: false, message: 'a gamma distribution needs a mean above 0' });
  });
  it('log-normal: μ moves by ln(k) and σ stays; mean and SE scale', () => {
    const spec = ok(recentreDistribution({ type: 'lognormal', meanlog: 1, sdlog: 0.5 }, 2 * Math.exp(1.125)));
    expect(spec).toEqual({ type: 'lognormal', meanlog: expect.closeTo(1 + Math.log(2), 7), sdlog: 0.5 });
    expect(summary(spec).mean / (2 * Math.exp(1.125))).toBeCloseTo(1, 7);
    expect(ok(recentreDistribution({ type: 'lognormal', mean: 18.9, se: 6.27551 }, 37.8))).toEqual({ type: 'lognormal', mean: 37.8, se: 12.55102 });
  });
  it('normal: SD scales with the mean, except around 0 where it is kept; bounds are respected', () => {
    expect(ok(recentreDistribution({ type: 'normal', mean: 10, sd: 2 }, 15))).toEqual({ type: 'normal', mean: 15, sd: 3 });
    expect(ok(recentreDistribution({ type: 'normal', mean: 0, se: 1 }, 2))).toEqual({ type: 'normal', mean: 2, se: 1 });
    expect(recentreDistribution({ type: 'normal', mean: 0.5, sd: 0.1, lower: 0, upper: 1 }, 1.5)).toEqual({ ok: false, message: '1.5 is outside the truncation bounds of the normal distribution' });
  });
  it('uniform and triangular scale about 0, or shift when the mean is 0; fixed takes the value', () => {
    expect(ok(recentreDistribution({ type: 'uniform', min: 2, max: 4 }, 6))).toEqual({ type: 'uniform', min: 4, max: 8 });
    expect(ok(recentreDistribution({ type: 'uniform', min: -1, max: 1 }, 2))).toEqual({ type: 'uniform', min: 1, max: 3 });
    expect(ok(recentreDistribution({ type: 'triangular', min: 1, mode: 2, max: 6 }, 6))).toEqual({ type: 'triangular', min: 2, mode: 4, max: 12 });
    expect(ok(recentreDistribution({ type: 'fixed', value: 1 }, 7))).toEqual({ type: 'fixed', value: 7 });
  });
  it('a Dirichlet category is not moved alone', () => {
    expect(recentreDistribution({ type: 'dirichlet', group: 'from_A', alpha: 10 }, 0.5)).toEqual({ ok: false, message: expect.stringMatching(/Dirichlet group “from_A”/) });
  });
});
