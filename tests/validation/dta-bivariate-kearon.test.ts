// Kearon et al. (1998), 30 studies of venous ultrasonography for DVT: both bivariate fits against R (metafor rma.mv
// REML; lme4 glmer Laplace), with the reference's tolerances: logits, between-study variances and correlation within
// 1e-4 relative, pooled sensitivity and specificity within 1e-5.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitBinomialGlmm } from '../../src/engine/accuracy/binomial-glmm';
import { metaAnalyseAccuracy } from '../../src/engine/accuracy/meta-analysis';
import { fitReitsmaReml } from '../../src/engine/accuracy/reitsma-reml';
import type { AccuracyStudy } from '../../src/engine/accuracy/two-by-two';

interface Expected {
  logit_sens: number;
  logit_spec: number;
  tau2_sens: number;
  tau2_spec: number;
  rho: number;
  sens: number;
  spec: number;
}
const reference = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/dta_bivariate_kearon.json'), 'utf8')) as {
  all_studies: {
    n_studies: number;
    data: (AccuracyStudy & { year: number; patients: string })[];
    reitsma_reml: Expected & { vcov: [[number, number], [number, number]]; logLik_REML: number };
    glmm: Expected & { logLik: number };
  };
};
const { data, reitsma_reml: reml, glmm } = reference.all_studies;

function expectRelative(actual: number, expected: number, tolerance = 1e-4): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

function expectMatches(result: ReturnType<typeof metaAnalyseAccuracy>, expected: Expected): void {
  expectRelative(result.logit.sensitivity, expected.logit_sens);
  expectRelative(result.logit.specificity, expected.logit_spec);
  expectRelative(result.tau2.sensitivity, expected.tau2_sens);
  expectRelative(result.tau2.specificity, expected.tau2_spec);
  expectRelative(result.rho!, expected.rho);
  expect(Math.abs(result.sensitivity.estimate - expected.sens)).toBeLessThan(1e-5);
  expect(Math.abs(result.specificity.estimate - expected.spec)).toBeLessThan(1e-5);
}

describe('bivariate meta-analysis of Kearon 1998 (venous ultrasonography for DVT)', () => {
  it('has the studies the reference fitted', () => {
    expect(data).toHaveLength(reference.all_studies.n_studies);
  });

  it('normal model, REML: reproduces metafor (logits, tau2, rho, covariance of the logits, REML log-likelihood)', () => {
    const result = metaAnalyseAccuracy(data, { method: 'reml' });
    expect(result.model).toBe('bivariate');
    expect(result.warnings).toEqual([]);
    expectMatches(result, reml);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expectRelative(result.logit.covariance[i]![j]!, reml.vcov[i]![j]!);
    expect(result.logLik).toBeCloseTo(reml.logLik_REML, 6);
  });

  it('binomial GLMM, ML (Laplace): reproduces lme4 (logits, tau2, rho, log-likelihood)', () => {
    const result = metaAnalyseAccuracy(data, { method: 'glmm' });
    expect(result.model).toBe('bivariate');
    expectMatches(result, glmm);
    // lme4 stops within its tolerance of the optimum; ours is at least as high and within 1e-5 of it.
    expect(result.logLik).toBeGreaterThanOrEqual(glmm.logLik - 1e-7);
    expect(result.logLik - glmm.logLik).toBeLessThan(1e-5);
  });

  it('the 95% CIs of the pooled values are expit(logit ± 1.96 se) from the covariance of the logits', () => {
    const result = metaAnalyseAccuracy(data, { method: 'reml' });
    const se = Math.sqrt(reml.vcov[0][0]);
    const expit = (x: number) => 1 / (1 + Math.exp(-x));
    expect(result.sensitivity.lower).toBeCloseTo(expit(reml.logit_sens - 1.959963984540054 * se), 5);
    expect(result.sensitivity.upper).toBeCloseTo(expit(reml.logit_sens + 1.959963984540054 * se), 5);
  });

  it('the GLMM, started far from the optimum, still reaches it', () => {
    const fit = fitBinomialGlmm(data, { mu: [0, 0], tau2: [0.2, 5], rho: 0.6 });
    expectRelative(fit.mu[0], glmm.logit_sens);
    expectRelative(fit.tau2[1], glmm.tau2_spec);
    expectRelative(fit.rho, glmm.rho);
  });

  it('swapping the roles of diseased and non-diseased swaps the results (a structural check of both fits)', () => {
    const swapped = data.map((s) => ({ study: s.study, tp: s.tn, fn: s.fp, tn: s.tp, fp: s.fn }));
    const a = fitReitsmaReml(data);
    const b = fitReitsmaReml(swapped);
    expectRelative(b.mu[0], a.mu[1], 1e-6);
    expectRelative(b.tau2[0], a.tau2[1], 1e-5);
    expectRelative(b.rho, a.rho, 1e-5);
    expectRelative(b.covariance[0][0], a.covariance[1][1], 1e-5);
  });
});
