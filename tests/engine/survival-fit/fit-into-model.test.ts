// "Use this fit": the fitted curve, its parameters and their joint PSA distribution written into a model, and the
// PSA draws reproducing the fit's covariance.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { validateModel } from '../../../src/engine/model/validate';
import type { HtaModelInput } from '../../../src/engine/model/schema';
import type { PsmStrategyResult } from '../../../src/engine/psm/compile-psm';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { runPsa } from '../../../src/engine/psa/psa-run';
import { fitDistribution } from '../../../src/engine/survival-fit/fit';
import type { SurvivalFit } from '../../../src/engine/survival-fit/fit';
import { readSurvivalCsv } from '../../../src/engine/survival-fit/read-survival-csv';
import { FitIntoModelError, fitChangeText, fitModelFragment, writeFitIntoModel } from '../../../src/engine/survival-fit/fit-into-model';
import type { FitIntoModelOptions } from '../../../src/engine/survival-fit/fit-into-model';

const ovarian = readSurvivalCsv(readFileSync(resolve(__dirname, '../../fixtures/survival/ovarian_ipd.csv'), 'utf8')).data;
const weibull = fitDistribution('weibull', ovarian);

function psmModel(): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'PSM with a fitted OS curve' },
    settings: { cycleLength: 1 / 12, cycles: 120, counting: 'life-table', effect: 'life-years' },
    parameters: [{ id: 'pfs_rate', value: 0.8, kind: 'rate', timeUnit: 'year' }],
    model: {
      type: 'psm',
      curves: { pfs: { dist: 'exponential', rate: 'pfs_rate' }, os: { dist: 'exponential', rate: 0.3 } },
      pfs: 'pfs',
      os: 'os',
      stateValues: { PF: { costs: { care: 100 } }, PD: { costs: { care: 300 } } },
    },
    strategies: [{ id: 'S' }],
  } as HtaModelInput;
}

const options: FitIntoModelOptions = {
  curveId: 'os_fit',
  timeUnit: 'day',
  role: 'os',
  provenance: { dataset: 'ovarian_ipd.csv', n: 26, events: 12, aicRank: 5, candidates: 6 },
};

describe('use this fit', () => {
  const { model, changes } = writeFitIntoModel(psmModel(), weibull, options);

  it('adds parameters, a joint distribution on (log shape, log scale) and the curve, and the model validates', () => {
    const report = validateModel(model);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.issues.filter((i) => i.code === 'joint-centre')).toEqual([]);
    expect(model.parameters!.map((p) => p.id)).toEqual(['pfs_rate', 'os_fit_shape', 'os_fit_scale']);
    expect(model.jointDistributions).toEqual([
      expect.objectContaining({ type: 'multivariate-normal', parameters: ['os_fit_shape', 'os_fit_scale'], scale: ['log', 'log'], mean: weibull.estimationScale.estimates, covariance: weibull.covariance }),
    ]);
    const curve = (model.model as { curves: Record<string, Record<string, unknown>> }).curves.os_fit!;
    expect(curve).toMatchObject({ dist: 'weibull', shape: 'os_fit_shape', scale: 'os_fit_scale', timeUnit: 'day' });
    expect(String(curve.source)).toMatch(/Weibull fitted by maximum likelihood to ovarian_ipd.csv \(n = 26, 12 events; times in days\): AIC 199\.908, rank 5 of 6/);
    expect((model.model as { os: string }).os).toBe('os_fit');
    expect(changes.map(fitChangeText)).toContain('added curve os_fit (Weibull)');
  });

  it('the base case follows the fitted curve (days converted to the model years)', () => {
    const compiled = compileModel(parseModel(model));
    const s = compiled.evaluate(compiled.baseParameters()).strategies[0] as PsmStrategyResult;
    const { shape, scale } = weibull.parameters;
    for (const k of [0, 12, 30, 60]) {
      const years = k / 12;
      expect(1 - s.trace[3 * k + 2]!).toBeCloseTo(Math.exp(-(((years * 365.25) / scale!) ** shape!)), 12);
    }
  });

  it('PSA draws of (log shape, log scale) reproduce the fit mean and covariance within 4 standard errors of each moment', () => {
    const setup = createPsaSetup(parseModel(model), 20260601);
    const n = 40_000;
    const block = setup.sampler.fill(0, n);
    const width = setup.sampler.parameterCount;
    const cols = [setup.sampler.columnOf('os_fit_shape'), setup.sampler.columnOf('os_fit_scale')];
    const logs = cols.map((c) => Float64Array.from({ length: n }, (_, i) => Math.log(block[i * width + c]!)));
    const mean = logs.map((x) => x.reduce((a, b) => a + b, 0) / n);
    const cov = [0, 1].map((i) => [0, 1].map((j) => logs[i]!.reduce((acc, x, k) => acc + (x - mean[i]!) * (logs[j]![k]! - mean[j]!), 0) / (n - 1)));
    const target = weibull.covariance!;
    for (let i = 0; i < 2; i++) {
      // SE of a sample mean: sqrt(S_ii / n).
      expect(Math.abs(mean[i]! - weibull.estimationScale.estimates[i]!)).toBeLessThan(4 * Math.sqrt(target[i]![i]! / n));
      for (let j = 0; j < 2; j++) {
        // SE of a normal sample covariance: sqrt((S_ii S_jj + S_ij^2) / n).
        const se = Math.sqrt((target[i]![i]! * target[j]![j]! + target[i]![j]! ** 2) / n);
        expect(Math.abs(cov[i]![j]! - target[i]![j]!), `cov[${i}][${j}]`).toBeLessThan(4 * se);
      }
    }
    // The correlation is far from 0 (-0.46 for ovarian), so independent draws would fail the off-diagonal check.
    expect(target[0]![1]! / Math.sqrt(target[0]![0]! * target[1]![1]!)).toBeLessThan(-0.4);
  });

  it('a PSA of the model runs on the drawn curves', () => {
    const run = runPsa(createPsaSetup(parseModel(model), 1), { iterations: 500 });
    expect(run.effects.every(Number.isFinite)).toBe(true);
    expect(new Set(run.effects).size).toBeGreaterThan(400);
  });

  it('using a fit again replaces its parameters and distribution instead of adding more', () => {
    const again = writeFitIntoModel(model, fitDistribution('log-logistic', ovarian), { ...options, provenance: { ...options.provenance, aicRank: 3 } });
    expect(again.model.parameters!.map((p) => p.id)).toEqual(['pfs_rate', 'os_fit_shape', 'os_fit_scale']);
    expect(again.model.jointDistributions).toHaveLength(1);
    expect(again.changes.map(fitChangeText)).toContain('replaced parameter os_fit_shape');
    expect(validateModel(again.model).valid).toBe(true);
  });
});

describe('fragments of other families', () => {
  it('exponential: one rate parameter with a log-normal distribution (var(log rate) = 1 / events)', () => {
    const fit = fitDistribution('exponential', ovarian);
    const fragment = fitModelFragment(fit, options);
    expect(fragment.jointDistributions).toEqual([]);
    expect(fragment.parameters[0]).toMatchObject({ id: 'os_fit_rate', kind: 'rate', timeUnit: 'day' });
    expect(fragment.parameters[0]!.uncertainty!.distribution).toEqual({ type: 'lognormal', meanlog: Math.log(fit.parameters.rate!), sdlog: expect.closeTo(Math.sqrt(1 / 12), 9) });
  });

  it('generalised gamma and Gompertz: identity scale where flexsurv estimates without a transform', () => {
    expect(fitModelFragment(fitDistribution('generalised-gamma', ovarian), options).jointDistributions[0]!.scale).toEqual(['identity', 'log', 'identity']);
    expect(fitModelFragment(fitDistribution('gompertz', ovarian), options).jointDistributions[0]!.scale).toEqual(['identity', 'log']);
    const { model } = writeFitIntoModel(psmModel(), fitDistribution('generalised-gamma', ovarian), options);
    expect(validateModel(model).valid).toBe(true);
  });

  it('a Markov model gets the parameters and distribution, and is told how to use them', () => {
    const markov = JSON.parse(readFileSync(resolve(__dirname, '../../../resources/examples/hiv-chancellor-1997.json'), 'utf8')) as HtaModelInput;
    const { model, changes } = writeFitIntoModel(markov, weibull, { ...options, role: undefined });
    expect(validateModel(model).valid).toBe(true);
    expect(fitChangeText(changes.at(-1)!)).toMatch(/has no survival curves \(markov\): use the parameters in expressions, e.g. surv_weibull\(t, os_fit_shape, os_fit_scale\)/);
  });

  it('refuses a fit that did not converge, and names bad ids', () => {
    const broken: SurvivalFit = { ...weibull, converged: false, message: 'Weibull fit did not converge: no step lowered the objective further' };
    expect(() => fitModelFragment(broken, options)).toThrow(FitIntoModelError);
    expect(() => fitModelFragment(broken, options)).toThrow(/did not converge/);
    expect(() => fitModelFragment(weibull, { ...options, curveId: '2os' })).toThrow(/curve id "2os"/);
    expect(() => writeFitIntoModel(psmModel(), weibull, { ...options, submodel: 'x' })).toThrow(/no sub-model "x"/);
  });
});
