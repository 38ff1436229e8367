// Survival distributions as expression functions, so any model (a Markov model with a Weibull time to
// revision, a tree with a time-dependent probability) can use the parametrisations of the PSM engine:
// surv_weibull(t, shape, scale) = S(t); a per-cycle probability is 1 - surv_x(time + cycle_length, ...) / surv_x(time, ...).
// Invalid parameters give NaN, which the engines report as a located not-a-number error.
import type { FunctionSpec } from '../expression/functions';
import { CURVE_PARAMETER_NAMES, parametricProblem, parametricSurvival } from './survival';
import type { ParametricDistribution } from './survival';

const NAMES: [string, ParametricDistribution, string][] = [
  ['surv_exp', 'exponential', 'surv_exp(t, rate) = exp(-rate t)'],
  ['surv_weibull', 'weibull', 'surv_weibull(t, shape, scale) = exp(-(t/scale)^shape)'],
  ['surv_gompertz', 'gompertz', 'surv_gompertz(t, shape, rate) = exp(-rate/shape (e^(shape t) - 1))'],
  ['surv_llogis', 'log-logistic', 'surv_llogis(t, shape, scale) = 1 / (1 + (t/scale)^shape)'],
  ['surv_lnorm', 'log-normal', 'surv_lnorm(t, meanlog, sdlog) = 1 - Phi((log t - meanlog) / sdlog)'],
  ['surv_gengamma', 'generalised-gamma', 'surv_gengamma(t, mu, sigma, Q): generalised gamma (flexsurv gengamma)'],
];

/** The survival functions to register in the expression language. */
export function survivalFunctionSpecs(): [string, FunctionSpec][] {
  return NAMES.map(([name, dist, description]) => {
    const n = 1 + CURVE_PARAMETER_NAMES[dist].length;
    const spec: FunctionSpec = {
      minArgs: n,
      maxArgs: n,
      description: `${description} (survival at time t, same time unit as the parameters)`,
      apply: (a) => {
        const b = n >= 3 ? a[2]! : 0;
        const c = n >= 4 ? a[3]! : 0;
        if (parametricProblem(dist, a[1]!, b, c) !== null || !(a[0]! - a[0]! === 0)) return NaN;
        return parametricSurvival(dist, a[1]!, b, a[0]!, c);
      },
    };
    return [name, spec];
  });
}
