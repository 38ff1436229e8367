// Meta-analysis of test-accuracy studies: checks the 2×2 tables, fits the bivariate model (normal model by REML or
// binomial GLMM by ML), and falls back to two univariate random-effects models (correlation fixed at 0) with a
// warning when there are too few studies or the bivariate fit does not converge or reaches a correlation of ±1, as
// the Cochrane DTA handbook advises. Returns everything the CLI, the screens and the PSA need.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { fitBinomialGlmm } from './binomial-glmm';
import type { BivariateFit, Matrix2 } from './bivariate-fit';
import { fitReitsmaReml } from './reitsma-reml';
import { hsrocParameters, logitEllipse, srocCurve } from './sroc';
import type { HsrocParameters, RocPoint } from './sroc';
import { expit } from '../numeric/logistic';
import { studyLogits, studySensitivity, studySpecificity, twoByTwoProblems } from './two-by-two';
import type { AccuracyStudy, IntervalMethod, ProportionEstimate } from './two-by-two';

export type AccuracyMethod = 'reml' | 'glmm';

export const accuracyMethodLabels: Record<AccuracyMethod, string> = {
  reml: 'Bivariate normal model on logits (Reitsma), REML',
  glmm: 'Bivariate binomial GLMM (Chu & Cole), ML with Laplace approximation',
};

/** Fewer studies than this leave the three between-study parameters barely identified: fit univariate models. */
export const MIN_BIVARIATE_STUDIES = 4;
/** A fitted |rho| above this is on the boundary (the model is over-parameterised for the data). */
const RHO_BOUNDARY = 0.995;
/** A between-study variance below this is reported as zero. */
const TAU2_ZERO = 1e-6;

export interface AccuracyOptions {
  method?: AccuracyMethod;
  /** Interval of each study's own sensitivity and specificity (default Clopper–Pearson). */
  studyInterval?: IntervalMethod;
  /** Confidence level of intervals and regions (default 0.95). */
  level?: number;
}

export interface StudyAccuracy extends AccuracyStudy {
  sensitivity: ProportionEstimate;
  specificity: ProportionEstimate;
  /** Participants: TP + FN + TN + FP. */
  n: number;
  /** 0.5 was added to every cell in the normal model (a zero cell). */
  continuityCorrected: boolean;
}

export interface AccuracyMetaAnalysis {
  method: AccuracyMethod;
  methodLabel: string;
  /** "bivariate", or "univariate" when the correlation was fixed at 0 (see warnings). */
  model: 'bivariate' | 'univariate';
  level: number;
  sensitivity: ProportionEstimate;
  specificity: ProportionEstimate;
  logit: { sensitivity: number; specificity: number; covariance: Matrix2 };
  tau2: { sensitivity: number; specificity: number };
  /** Between-study correlation of the logits; null when not estimated (univariate). */
  rho: number | null;
  logLik: number;
  iterations: number;
  /** Curve over fprRange: the studies' false-positive rates (continuity-corrected where a cell is zero). */
  sroc: { form: 'rutter-gatsonis'; parameters: HsrocParameters | null; fprRange: [number, number]; curve: RocPoint[] };
  summaryPoint: RocPoint;
  confidenceRegion: RocPoint[] | null;
  predictionRegion: RocPoint[] | null;
  studies: StudyAccuracy[];
  warnings: string[];
  /** Each warning's stable code and values, in the order of `warnings` (for a translated text). */
  warningDetails: AccuracyWarning[];
}

/** A meta-analysis warning as code and values: few-studies {min}, zero-tau2 {measure}, bivariate-failed {reason, cause…}. */
export interface AccuracyWarning {
  code: 'few-studies' | 'zero-tau2' | 'bivariate-failed';
  params: Record<string, string | number>;
}

/** Bad input or a fit that cannot be made: the message says which study or why. */
export class AccuracyAnalysisError extends Error {
  constructor(
    message: string,
    readonly problems: { study: number; field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'AccuracyAnalysisError';
  }
}

function fitWith(method: AccuracyMethod, studies: readonly AccuracyStudy[], fixRhoZero: boolean): BivariateFit {
  const reml = fitReitsmaReml(studies, { fixRhoZero });
  if (method === 'reml') return reml;
  return fitBinomialGlmm(studies, reml, { fixRhoZero });
}

function finiteCovariance(c: Matrix2): boolean {
  return c.every((row) => row.every(Number.isFinite)) && c[0][0] > 0 && c[1][1] > 0;
}

/**
 * Why a bivariate fit cannot be used (in English, and as `cause` and its values for wording it in another
 * language: zero-variance {measure}, correlation-boundary {rho}, not-converged, no-covariance), or null when it can.
 */
function bivariateFailure(fit: BivariateFit): { reason: string; cause: Record<string, string | number> } | null {
  const zero = fit.tau2.findIndex((t) => t < TAU2_ZERO);
  if (zero >= 0) {
    const measure = zero === 0 ? 'sensitivity' : 'specificity';
    return { reason: `the between-study variance of logit ${measure} is 0, so no correlation can be estimated`, cause: { cause: 'zero-variance', measure } };
  }
  if (Math.abs(fit.rho) > RHO_BOUNDARY) return { reason: `the between-study correlation went to ${fit.rho.toFixed(3)} (the boundary of ±1)`, cause: { cause: 'correlation-boundary', rho: fit.rho.toFixed(3) } };
  if (!fit.converged) return { reason: `the bivariate fit ${fit.message}`, cause: { cause: 'not-converged' } };
  if (!finiteCovariance(fit.covariance)) return { reason: 'the covariance of the pooled logits could not be estimated', cause: { cause: 'no-covariance' } };
  return null;
}

export function metaAnalyseAccuracy(studies: readonly AccuracyStudy[], options: AccuracyOptions = {}): AccuracyMetaAnalysis {
  const method = options.method ?? 'reml';
  const level = options.level ?? 0.95;
  const problems = studies.flatMap((s, i) => twoByTwoProblems(s).map((p) => ({ study: i, field: p.field, message: p.message })));
  if (problems.length > 0) {
    const lines = problems.map((p) => `study ${p.study + 1} (${studies[p.study]!.study || 'unnamed'}): ${p.message}`);
    throw new AccuracyAnalysisError(`invalid 2×2 data:\n${lines.join('\n')}`, problems);
  }
  if (studies.length < 2) {
    throw new AccuracyAnalysisError(`a meta-analysis needs at least 2 studies (got ${studies.length})`);
  }
  const warnings: string[] = [];
  const details: AccuracyWarning[] = [];
  let fit: BivariateFit;
  if (studies.length < MIN_BIVARIATE_STUDIES) {
    warnings.push(
      `only ${studies.length} studies: the bivariate model needs at least ${MIN_BIVARIATE_STUDIES}; fitted univariate random-effects models for sensitivity and specificity instead (correlation assumed 0)`,
    );
    details.push({ code: 'few-studies', params: { n: studies.length, min: MIN_BIVARIATE_STUDIES } });
    fit = fitWith(method, studies, true);
  } else {
    fit = fitWith(method, studies, false);
    const failure = bivariateFailure(fit);
    if (failure !== null) {
      warnings.push(`${failure.reason}; fitted univariate random-effects models for sensitivity and specificity instead (correlation assumed 0)`);
      details.push({ code: 'bivariate-failed', params: { reason: failure.reason, ...failure.cause } });
      fit = fitWith(method, studies, true);
    }
  }
  if (!fit.converged || !finiteCovariance(fit.covariance)) {
    throw new AccuracyAnalysisError(`the ${fit.rhoEstimated ? 'bivariate' : 'univariate'} model could not be fitted: ${fit.message}`);
  }
  for (const [index, name] of ['sensitivity', 'specificity'].entries()) {
    if (fit.tau2[index]! < TAU2_ZERO) {
      warnings.push(`the between-study variance of logit ${name} is estimated as 0 (no heterogeneity beyond chance)`);
      details.push({ code: 'zero-tau2', params: { measure: name! } });
    }
  }
  return { ...summarise(method, level, fit, studies, options.studyInterval ?? 'clopper-pearson', warnings), warningDetails: details };
}

function summarise(
  method: AccuracyMethod,
  level: number,
  fit: BivariateFit,
  studies: readonly AccuracyStudy[],
  studyInterval: IntervalMethod,
  warnings: string[],
): Omit<AccuracyMetaAnalysis, 'warningDetails'> {
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const pooled = (mu: number, variance: number): ProportionEstimate => {
    const se = Math.sqrt(variance);
    return { estimate: expit(mu), lower: expit(mu - z * se), upper: expit(mu + z * se) };
  };
  const tau2: [number, number] = [fit.tau2[0] < TAU2_ZERO ? 0 : fit.tau2[0], fit.tau2[1] < TAU2_ZERO ? 0 : fit.tau2[1]];
  const perStudy: StudyAccuracy[] = studies.map((s) => ({
    ...s,
    sensitivity: studySensitivity(s, studyInterval),
    specificity: studySpecificity(s, studyInterval),
    n: s.tp + s.fn + s.tn + s.fp,
    continuityCorrected: studyLogits(s).corrected,
  }));
  // The range of false-positive rates the model sees (0.5 added to the cells of studies with a zero cell), so a
  // study with no false positives does not stretch the curve to FPR 0.
  const fprs = studies.map((s) => expit(-studyLogits(s).logitSpecificity));
  const fprRange: [number, number] = [Math.min(...fprs), Math.max(...fprs)];
  const hsroc = hsrocParameters(fit.mu, tau2, fit.rho);
  const cross = fit.rho * Math.sqrt(tau2[0] * tau2[1]);
  const prediction: Matrix2 = [
    [tau2[0] + fit.covariance[0][0], cross + fit.covariance[0][1]],
    [cross + fit.covariance[1][0], tau2[1] + fit.covariance[1][1]],
  ];
  return {
    method,
    methodLabel: accuracyMethodLabels[method],
    model: fit.rhoEstimated ? 'bivariate' : 'univariate',
    level,
    sensitivity: pooled(fit.mu[0], fit.covariance[0][0]),
    specificity: pooled(fit.mu[1], fit.covariance[1][1]),
    logit: { sensitivity: fit.mu[0], specificity: fit.mu[1], covariance: fit.covariance },
    tau2: { sensitivity: tau2[0], specificity: tau2[1] },
    rho: fit.rhoEstimated ? fit.rho : null,
    logLik: fit.logLik,
    iterations: fit.iterations,
    sroc: { form: 'rutter-gatsonis', parameters: hsroc, fprRange, curve: hsroc ? srocCurve(hsroc, fprRange[0], fprRange[1]) : [] },
    summaryPoint: { fpr: expit(-fit.mu[1]), sensitivity: expit(fit.mu[0]) },
    confidenceRegion: logitEllipse(fit.mu, fit.covariance, level),
    predictionRegion: logitEllipse(fit.mu, prediction, level),
    studies: perStudy,
    warnings,
  };
}
