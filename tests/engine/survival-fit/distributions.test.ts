// The fitted families: analytic gradients against central differences, the log-likelihood against the engine's
// own densities and survival functions, and the generalised gamma against SciPy / mpmath.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DISTRIBUTION_INFO,
  FIT_DISTRIBUTIONS,
  estimationNames,
  logDensityAndSurvival,
  logLikelihood,
  survivalAt,
  toEstimation,
  toNatural,
} from '../../../src/engine/survival-fit/distributions';
import type { FitDistribution } from '../../../src/engine/survival-fit/distributions';
import { fitDistribution } from '../../../src/engine/survival-fit/fit';
import { readSurvivalCsv } from '../../../src/engine/survival-fit/read-survival-csv';

const FIXTURES = resolve(__dirname, '../../fixtures/survival');
const ovarian = readSurvivalCsv(readFileSync(resolve(FIXTURES, 'ovarian_ipd.csv'), 'utf8')).data;
const aml = readSurvivalCsv(readFileSync(resolve(FIXTURES, 'aml_ipd.csv'), 'utf8')).data;
const gengamma = JSON.parse(readFileSync(resolve(FIXTURES, 'gengamma_scipy.json'), 'utf8')) as {
  datasets: Record<string, { mu: number; sigma: number; Q: number; logLik: number }>;
  points: { dataset: string; mu: number; sigma: number; Q: number; logLik: number }[];
};
const datasets = { ovarian, aml } as const;

/** Natural parameters away from the optimum, in the data's time scale (days for ovarian). */
const TRIAL: Record<FitDistribution, number[]> = {
  exponential: [0.001],
  weibull: [1.3, 900],
  gompertz: [0.0008, 0.0004],
  'log-logistic': [1.6, 700],
  'log-normal': [6.5, 1.1],
  'generalised-gamma': [6.5, 1.2, 0.4],
};

describe('log-likelihood and its gradient', () => {
  for (const dist of FIT_DISTRIBUTIONS) {
    it(`${dist}: sum of log f (events) and log S (censored), with S the model engine's curve`, () => {
      const theta = Float64Array.from(toEstimation(dist, TRIAL[dist]));
      let expected = 0;
      ovarian.time.forEach((t, i) => {
        const { logDensity, logSurvival } = logDensityAndSurvival(dist, TRIAL[dist], t);
        expected += ovarian.event[i] ? logDensity : logSurvival;
        expect(Math.exp(logSurvival)).toBeCloseTo(survivalAt(dist, TRIAL[dist], t), 12);
      });
      expect(logLikelihood(dist, theta, ovarian, null)).toBeCloseTo(expected, 9);
      expect(toNatural(dist, theta).map((v, i) => v / TRIAL[dist][i]!)).toEqual(TRIAL[dist].map(() => expect.closeTo(1, 12)));
      expect(estimationNames(dist)).toHaveLength(DISTRIBUTION_INFO[dist].parameters.length);
    });

    it(`${dist}: gradient on the estimation scale matches central differences (1e-6 relative)`, () => {
      const theta = Float64Array.from(toEstimation(dist, TRIAL[dist]));
      const analytic = new Float64Array(theta.length);
      logLikelihood(dist, theta, ovarian, analytic);
      // Steps relative to each coordinate (a Gompertz shape of 8e-4 needs a step far below 1e-6).
      const numeric = Array.from(theta, (v, i) => {
        const h = 1e-6 * Math.max(Math.abs(v), 1e-3);
        const at = (d: number) => logLikelihood(dist, theta.map((x, j) => (j === i ? x + d : x)), ovarian, null);
        return (at(h) - at(-h)) / (2 * h);
      });
      analytic.forEach((g, i) => expect(Math.abs(g - numeric[i]!) / Math.max(1, Math.abs(numeric[i]!))).toBeLessThan(1e-6));
    });
  }

  it('Gompertz with shape 0 is the exponential', () => {
    const theta = Float64Array.from([0, Math.log(0.001)]);
    expect(logLikelihood('gompertz', theta, aml, null)).toBeCloseTo(logLikelihood('exponential', Float64Array.from([Math.log(0.001)]), aml, null), 10);
  });
});

describe('generalised gamma', () => {
  it('log-likelihood equals mpmath (40 digits) at Q from -0.0015 to 2.5, through the band near Q = 0', () => {
    for (const p of gengamma.points) {
      const data = datasets[p.dataset as keyof typeof datasets];
      const ll = logLikelihood('generalised-gamma', Float64Array.from([p.mu, Math.log(p.sigma), p.Q]), data, null);
      expect(Math.abs(ll - p.logLik) / Math.abs(p.logLik), `${p.dataset} Q = ${p.Q}`).toBeLessThan(1e-9);
    }
  });

  it('Q = 1 is the Weibull with shape 1/sigma and scale e^mu; Q = 0 is the log-normal', () => {
    const ll = (q: number) => logLikelihood('generalised-gamma', Float64Array.from([3, Math.log(0.8), q]), aml, null);
    expect(ll(1)).toBeCloseTo(logLikelihood('weibull', Float64Array.from([Math.log(1 / 0.8), 3]), aml, null), 10);
    expect(ll(0)).toBeCloseTo(logLikelihood('log-normal', Float64Array.from([3, Math.log(0.8)]), aml, null), 10);
    // Smooth through 0 (no step where the quadratic bridge near 0 meets the exact formula).
    expect(Math.abs(ll(0.002 - 1e-9) - ll(0.002 + 1e-9))).toBeLessThan(1e-8);
  });

  for (const name of ['ovarian', 'aml'] as const) {
    it(`${name}: fit equals SciPy's maximum (parameters 1e-6, log-likelihood 1e-10 relative) and beats its nested families`, () => {
      const ref = gengamma.datasets[name]!;
      const fit = fitDistribution('generalised-gamma', datasets[name]);
      expect(fit.converged, fit.message).toBe(true);
      expect(Math.abs(fit.parameters.mu! / ref.mu - 1)).toBeLessThan(1e-6);
      expect(Math.abs(fit.parameters.sigma! / ref.sigma - 1)).toBeLessThan(1e-6);
      expect(Math.abs(fit.parameters.Q! / ref.Q - 1)).toBeLessThan(1e-6);
      expect(Math.abs(fit.logLik / ref.logLik - 1)).toBeLessThan(1e-10);
      expect(fit.logLik).toBeGreaterThan(fitDistribution('weibull', datasets[name]).logLik);
      expect(fit.logLik).toBeGreaterThan(fitDistribution('log-normal', datasets[name]).logLik);
      expect(fit.covariance).not.toBeNull();
      expect(fit.median!.lower).toBeLessThan(fit.median!.estimate);
    });
  }
});
