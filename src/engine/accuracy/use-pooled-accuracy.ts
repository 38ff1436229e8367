// "Use the pooled accuracy": a pure model transform that writes a test-accuracy meta-analysis into a model. The
// test's sensitivity and specificity parameters take the pooled values (one-way ranges: their confidence intervals)
// and one joint PSA distribution, bivariate normal on (logit sensitivity, logit specificity) with the covariance of
// the pooled logits, replaces whatever distributions they had; the source names the studies, the method and the date.
import type { HtaModel } from '../model/schema';
import type { JointDistributionSpec } from '../uncertainty/joint-distribution';
import type { AccuracyMetaAnalysis } from './meta-analysis';

export class PooledAccuracyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PooledAccuracyError';
  }
}

export interface PooledAccuracyTarget {
  /** Parameter ids that hold the test's sensitivity and specificity. */
  sensitivity: string;
  specificity: string;
  /** Name of the joint distribution, e.g. "Plasma ctDNA NGS accuracy". */
  name: string;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The parameters a diagnostic test of a tree model reads its sensitivity and specificity from. */
export function accuracyTargetOfTest(model: HtaModel, testId: string): PooledAccuracyTarget {
  if (model.model.type !== 'tree') throw new PooledAccuracyError(`the model has no diagnostic tests (it is a ${model.model.type} model)`);
  const test = model.model.tests.find((t) => t.id === testId);
  if (!test) throw new PooledAccuracyError(`the model has no test "${testId}" (tests: ${model.model.tests.map((t) => t.id).join(', ') || 'none'})`);
  const parameterOf = (field: 'sensitivity' | 'specificity'): string => {
    const expression = test[field];
    if (typeof expression !== 'string' || !IDENTIFIER.test(expression) || !model.parameters.some((p) => p.id === expression)) {
      throw new PooledAccuracyError(`test "${testId}": its ${field} is ${JSON.stringify(expression)}, not a parameter; give it a parameter of its own first`);
    }
    return expression;
  };
  return { sensitivity: parameterOf('sensitivity'), specificity: parameterOf('specificity'), name: `${test.label ?? test.id} accuracy` };
}

function percent(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}

/** The sentence recorded as the source of the pooled values and of their joint distribution. */
export function pooledAccuracySource(analysis: AccuracyMetaAnalysis, date: string): string {
  const names = analysis.studies.map((s) => s.study).join('; ');
  const model = analysis.model === 'univariate' ? ' (fallback: univariate models, correlation 0)' : '';
  return (
    `Meta-analysis of ${analysis.studies.length} studies (${names}): ${analysis.methodLabel}${model}, run ${date}. ` +
    `Pooled sensitivity ${percent(analysis.sensitivity.estimate)} (95% CI ${percent(analysis.sensitivity.lower)}–${percent(analysis.sensitivity.upper)}), ` +
    `specificity ${percent(analysis.specificity.estimate)} (${percent(analysis.specificity.lower)}–${percent(analysis.specificity.upper)})`
  );
}

/** The model with the pooled accuracy written in; `date` is recorded as given (e.g. "2026-05-01"). */
export function usePooledAccuracy(model: HtaModel, target: PooledAccuracyTarget, analysis: AccuracyMetaAnalysis, date: string): HtaModel {
  const members = [target.sensitivity, target.specificity];
  if (target.sensitivity === target.specificity) throw new PooledAccuracyError('sensitivity and specificity must be two different parameters');
  for (const id of members) {
    const p = model.parameters.find((q) => q.id === id);
    if (!p) throw new PooledAccuracyError(`the model has no parameter "${id}"`);
    if (p.expression !== undefined) throw new PooledAccuracyError(`parameter ${id} is an expression (${p.expression}); the pooled value needs a parameter given as a number`);
    const correlation = model.correlations.find((c) => c.parameters.includes(id));
    if (correlation) throw new PooledAccuracyError(`parameter ${id} is in the correlation matrix ${correlation.name ?? '(unnamed)'}; remove it from there first`);
  }
  const overlapping = model.jointDistributions.find((j) => j.parameters.some((id) => members.includes(id)) && j.parameters.some((id) => !members.includes(id)));
  if (overlapping) throw new PooledAccuracyError(`${overlapping.name ?? 'a joint distribution'} also draws ${overlapping.parameters.filter((id) => !members.includes(id)).join(', ')}; remove it first`);
  const source = pooledAccuracySource(analysis, date);
  const pooled = { [target.sensitivity]: analysis.sensitivity, [target.specificity]: analysis.specificity };
  const joint: JointDistributionSpec = {
    type: 'multivariate-normal',
    name: target.name,
    parameters: members,
    scale: ['logit', 'logit'],
    mean: [analysis.logit.sensitivity, analysis.logit.specificity],
    covariance: analysis.logit.covariance.map((row) => [...row]),
    source,
  };
  return {
    ...model,
    parameters: model.parameters.map((p) => {
      const estimate = pooled[p.id];
      if (!estimate) return p;
      const uncertainty = { ...p.uncertainty, low: estimate.lower, high: estimate.upper, source: 'Range: 95% confidence interval of the pooled estimate' };
      delete uncertainty.distribution;
      return { ...p, value: estimate.estimate, kind: p.kind ?? 'probability', source, uncertainty };
    }),
    // A joint distribution that held either parameter is replaced, not duplicated.
    jointDistributions: [...model.jointDistributions.filter((j) => !j.parameters.some((id) => members.includes(id))), joint],
  };
}
