// Survival functions in the expression language: closed forms, located NaN on bad parameters, and a Markov
// model whose death probability comes from a Weibull reproducing the Weibull curve of a PSM.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { validateModel } from '../../../src/engine/model/validate';
import type { HtaModelInput } from '../../../src/engine/model/schema';

function withParameter(expression: string): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'functions' },
    settings: { cycleLength: 1, cycles: 12, effect: 'life-years' },
    parameters: [
      { id: 'x', expression },
      { id: 'k', value: 1.4 },
      { id: 'lam', value: 6 },
    ],
    model: {
      type: 'markov',
      states: [{ id: 'Alive' }, { id: 'Dead', dead: true }],
      initial: { Alive: 1 },
      transitions: [
        { from: 'Alive', to: 'Dead', probability: '1 - surv_weibull(time + cycle_length, k, lam) / surv_weibull(time, k, lam)' },
        { from: 'Alive', to: 'Alive', probability: 'C' },
      ],
    },
    strategies: [{ id: 'S' }],
  };
}

function valueOf(expression: string): number {
  const compiled = compileModel(parseModel(withParameter(expression)));
  return compiled.baseParameters()[0]!;
}

describe('survival functions in expressions', () => {
  it('evaluate the closed forms', () => {
    expect(valueOf('surv_exp(2, 0.3)')).toBeCloseTo(Math.exp(-0.6), 15);
    expect(valueOf('surv_weibull(2, 1.5, 3)')).toBeCloseTo(Math.exp(-((2 / 3) ** 1.5)), 15);
    expect(valueOf('surv_llogis(3, 2, 3)')).toBeCloseTo(0.5, 15);
    expect(valueOf('surv_lnorm(exp(1.2), 1.2, 0.5)')).toBeCloseTo(0.5, 12);
    expect(valueOf('surv_gompertz(1, 0, 0.2)')).toBeCloseTo(Math.exp(-0.2), 15);
    expect(valueOf('surv_weibull(0, 1.5, 3)')).toBe(1);
    // Generalised gamma: Q = 1 is the Weibull with shape 1/sigma and scale e^mu.
    expect(valueOf('surv_gengamma(2, log(3), 1 / 1.5, 1)')).toBeCloseTo(Math.exp(-((2 / 3) ** 1.5)), 13);
    expect(valueOf('surv_gengamma(exp(1.2), 1.2, 0.5, 0)')).toBeCloseTo(0.5, 12);
  });

  it('give NaN for impossible parameters, which validation reports where the expression is', () => {
    const json = withParameter('1');
    (json.model as { transitions: { probability: string }[] }).transitions[0]!.probability = '1 - surv_weibull(1, -2, 3)';
    const issue = validateModel(json).issues.find((i) => i.severity === 'error');
    expect(issue?.code).toBe('not-a-number');
    expect(issue?.path).toEqual(['model', 'transitions', 0, 'probability']);
    const arity = validateModel(withParameter('surv_weibull(1, 2)')).issues.find((i) => i.severity === 'error');
    expect(arity?.path).toEqual(['parameters', 0, 'expression']);
  });

  it('a Markov model with Weibull death probabilities has the same survival as a PSM with that Weibull OS', () => {
    const markov = compileModel(parseModel(withParameter('1')));
    const m = markov.evaluate(markov.baseParameters()).strategies[0]!;
    const psm = compileModel(
      parseModel({
        ...withParameter('1'),
        model: { type: 'psm', curves: { os: { dist: 'weibull', shape: 'k', scale: 'lam' }, pfs: { dist: 'exponential', rate: 100 } }, pfs: 'pfs', os: 'os', stateValues: {} },
      }),
    );
    const p = psm.evaluate(psm.baseParameters()).strategies[0]!;
    for (let t = 0; t <= 12; t++) expect(m.trace[2 * t]!).toBeCloseTo(1 - p.trace[3 * t + 2]!, 13);
    expect(m.totals.lifeYears).toBeCloseTo(p.totals.lifeYears, 12);
  });
});
