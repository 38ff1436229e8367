// "Use this fit": a pure model transform that writes a fitted survival curve into a model document: one parameter
// per natural parameter (value, label, source), the fit's uncertainty as a PSA distribution on flexsurv's estimation
// scale (a multivariate normal with the fit's covariance, scale log or identity per parameter, so draws of shape and
// scale stay correlated; a log-normal for the one-parameter exponential), and the curve referring to those
// parameters. The source text records the data set, the method and the fit's AIC rank.
import type { HtaModelInput } from '../model/schema';
import type { JointDistributionSpec } from '../uncertainty/joint-distribution';
import type { TimeUnit } from '../psm/survival';
import { DISTRIBUTION_INFO } from './distributions';
import type { SurvivalFit, SurvivalFitProblem } from './fit';

export interface FitProvenance {
  /** Name of the data set, e.g. the CSV file or "reconstructed from Smith 2021 fig. 2". */
  dataset: string;
  n: number;
  events: number;
  /** 1 = lowest AIC among the `candidates` fitted. */
  aicRank: number;
  candidates: number;
}

export interface FitIntoModelOptions {
  /** Curve id in the model (model.curves, or the sub-model's curves). */
  curveId: string;
  /** Parameter ids are `${prefix}_${name}` (default: the curve id), e.g. os_shape, os_scale. */
  parameterPrefix?: string;
  /** Unit of the data's times, which is the unit of the fitted parameters. */
  timeUnit: Exclude<TimeUnit, 'cycle'>;
  provenance: FitProvenance;
  /** For a decision tree: the partitioned-survival sub-model (id in model.submodels) that gets the curve. */
  submodel?: string;
  /** Also make this curve the model's (or sub-model's) PFS or OS curve. */
  role?: 'pfs' | 'os';
  /** The texts written into the model, in the display language (the app passes them); English by default. */
  words?: FitWords;
}

/**
 * Texts a fit writes into the model that users see and edit. Plain data, so they cross to the engine's worker.
 */
export interface FitWords {
  /** The family's name ("Weibull"). */
  family: string;
  /** A parameter's label, with {name} filled in here ("os: Weibull {name}"). */
  parameterLabel: string;
  /** A parameter's name in {name} of the label and the description, by the model format's name (default: that name). */
  parameterNames: Record<string, string>;
  /** The curve's label. */
  curveLabel: string;
  /** The citation written into the parameters, the distribution and the curve. */
  source: string;
  /** A parameter's description, with {name}, {scaleName} and {estimate} filled in here. */
  parameterDescription: string;
  /** The decimal mark of {estimate}. */
  decimalMark: string;
  /** The name of the joint PSA distribution. */
  jointName: string;
}

export interface ModelFragment {
  parameters: NonNullable<HtaModelInput['parameters']>;
  jointDistributions: JointDistributionSpec[];
  curve: Record<string, unknown>;
}

/** Why a fit cannot be written into a model, as data (the app words it in the display language). */
export type FitIntoModelProblem =
  | { code: 'fit-not-usable'; distribution: SurvivalFit['distribution']; problem?: SurvivalFitProblem }
  | { code: 'curve-id-invalid'; id: string }
  | { code: 'prefix-invalid'; prefix: string }
  | { code: 'no-submodel'; submodel: string; submodels: string[] }
  | { code: 'submodel-not-psm'; submodel: string; type: string };

export class FitIntoModelError extends Error {
  constructor(
    message: string,
    readonly problem: FitIntoModelProblem,
  ) {
    super(message);
    this.name = 'FitIntoModelError';
  }
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The expression-language function of each family (src/engine/psm/survival-functions.ts). */
const EXPRESSION_FUNCTION: Record<SurvivalFit['distribution'], string> = {
  exponential: 'surv_exp',
  weibull: 'surv_weibull',
  gompertz: 'surv_gompertz',
  'log-logistic': 'surv_llogis',
  'log-normal': 'surv_lnorm',
  'generalised-gamma': 'surv_gengamma',
};

function roundTo(x: number, digits: number): string {
  return Number(x.toPrecision(digits)).toString();
}

/** The citation written into the parameters, the distribution and the curve. */
export function fitSourceText(fit: SurvivalFit, p: FitProvenance, timeUnit: string): string {
  return (
    `${fit.label} fitted by maximum likelihood to ${p.dataset} (n = ${p.n}, ${p.events} events; times in ${timeUnit}s): ` +
    `AIC ${roundTo(fit.aic, 6)}, rank ${p.aicRank} of ${p.candidates}; BIC ${roundTo(fit.bic, 6)}; log-likelihood ${roundTo(fit.logLik, 8)}`
  );
}

/** The texts a fit writes, in English (as the app words them in English: tests/renderer/survival). */
export function englishFitWords(fit: SurvivalFit, options: Pick<FitIntoModelOptions, 'curveId' | 'timeUnit' | 'provenance'>): FitWords {
  return {
    family: fit.label,
    parameterLabel: `${options.curveId}: ${fit.label} {name}`,
    parameterNames: {},
    curveLabel: `${fit.label} fit to ${options.provenance.dataset}`,
    source: fitSourceText(fit, options.provenance, options.timeUnit),
    parameterDescription: `${fit.label} {name} ({scaleName} = {estimate} on the estimation scale)`,
    decimalMark: '.',
    jointName: `${options.curveId} ${fit.label} fit`,
  };
}

const filled = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/gu, (whole, key: string) => (Object.hasOwn(values, key) ? values[key]! : whole));

/** The parameters, PSA distribution and curve of a fit, before they are merged into a model. */
export function fitModelFragment(fit: SurvivalFit, options: FitIntoModelOptions): ModelFragment {
  const covariance = fit.covariance;
  if (!fit.converged || !covariance) {
    throw new FitIntoModelError(`the ${fit.label} fit cannot be used: ${fit.message}`, { code: 'fit-not-usable', distribution: fit.distribution, ...(fit.problem ? { problem: fit.problem } : {}) });
  }
  if (!IDENTIFIER.test(options.curveId)) throw new FitIntoModelError(`curve id "${options.curveId}" must start with a letter and contain only letters, digits and _`, { code: 'curve-id-invalid', id: options.curveId });
  const prefix = options.parameterPrefix ?? options.curveId;
  if (!IDENTIFIER.test(prefix)) throw new FitIntoModelError(`parameter prefix "${prefix}" must start with a letter and contain only letters, digits and _`, { code: 'prefix-invalid', prefix });
  const info = DISTRIBUTION_INFO[fit.distribution];
  const words = options.words ?? englishFitWords(fit, options);
  const source = words.source;
  const ids = info.parameters.map((name) => `${prefix}_${name}`);
  const parameters = info.parameters.map((name, i) => ({
    id: ids[i]!,
    label: filled(words.parameterLabel, { name: words.parameterNames[name] ?? name }),
    value: fit.parameters[name]!,
    kind: name === 'rate' ? ('rate' as const) : ('other' as const),
    ...(name === 'rate' ? { timeUnit: options.timeUnit } : {}),
    description: filled(words.parameterDescription, { name: words.parameterNames[name] ?? name, scaleName: fit.estimationScale.names[i]!, estimate: String(fit.estimationScale.estimates[i]).replace('.', words.decimalMark) }),
    source,
    ...(info.parameters.length === 1
      ? { uncertainty: { distribution: { type: 'lognormal' as const, meanlog: fit.estimationScale.estimates[0]!, sdlog: Math.sqrt(covariance[0]![0]!) }, source } }
      : {}),
  }));
  const jointDistributions: JointDistributionSpec[] =
    info.parameters.length === 1
      ? []
      : [
          {
            type: 'multivariate-normal',
            name: words.jointName,
            parameters: ids,
            scale: [...info.transforms],
            mean: [...fit.estimationScale.estimates],
            covariance: covariance.map((row) => [...row]),
            source,
          },
        ];
  const curve: Record<string, unknown> = { dist: fit.distribution };
  info.parameters.forEach((name, i) => (curve[name] = ids[i]));
  curve.timeUnit = options.timeUnit;
  curve.label = words.curveLabel;
  curve.source = source;
  return { parameters, jointDistributions, curve };
}

interface CurveHolder {
  curves: Record<string, unknown>;
  pfs?: string;
  os?: string;
}

function curveHolder(model: HtaModelInput, submodel: string | undefined): CurveHolder | null {
  const structure = model.model as unknown as { type: string; curves?: Record<string, unknown>; submodels?: Record<string, { type: string; curves?: Record<string, unknown> }> };
  if (submodel !== undefined) {
    const sub = structure.submodels?.[submodel];
    const submodels = Object.keys(structure.submodels ?? {});
    if (!sub) throw new FitIntoModelError(`the model has no sub-model "${submodel}" (sub-models: ${submodels.join(', ') || 'none'})`, { code: 'no-submodel', submodel, submodels });
    if (sub.type !== 'psm') throw new FitIntoModelError(`sub-model "${submodel}" is a ${sub.type} model; survival curves belong to partitioned survival models`, { code: 'submodel-not-psm', submodel, type: sub.type });
    return sub as unknown as CurveHolder;
  }
  if (structure.type === 'psm') return structure as unknown as CurveHolder;
  return null;
}

/** One thing writing a fit changed in the model (worded by fitChangeText in English, by the app in the display language). */
export type FitChange =
  | { kind: 'parameter'; id: string; replaced: boolean; value: number }
  | { kind: 'joint-replaced'; ids: string[] }
  | { kind: 'joint-added'; ids: string[] }
  | { kind: 'curve'; curve: string; replaced: boolean; distribution: SurvivalFit['distribution'] }
  | { kind: 'role'; curve: string; role: 'pfs' | 'os' }
  | { kind: 'no-curves'; modelType: string; example: string };

/** A change in English words. */
export function fitChangeText(change: FitChange): string {
  switch (change.kind) {
    case 'parameter':
      return change.replaced ? `replaced parameter ${change.id}` : `added parameter ${change.id} = ${change.value}`;
    case 'joint-replaced':
      return `replaced the joint distribution of ${change.ids.join(', ')}`;
    case 'joint-added':
      return `added a multivariate normal PSA distribution of ${change.ids.join(', ')} on the estimation scale`;
    case 'curve':
      return `${change.replaced ? 'replaced' : 'added'} curve ${change.curve} (${DISTRIBUTION_INFO[change.distribution].label})`;
    case 'role':
      return `curve ${change.curve} is now the ${change.role.toUpperCase()} curve`;
    case 'no-curves':
      return `the model has no survival curves (${change.modelType}): use the parameters in expressions, e.g. ${change.example}`;
  }
}

export interface FitIntoModelResult {
  model: HtaModelInput;
  /** What was added or replaced (fitChangeText words one in English). */
  changes: FitChange[];
}

/**
 * Writes the fit into a copy of `model`. Parameters with the same ids are replaced (their own distributions go);
 * a joint distribution over any of them is replaced. Models without survival curves (Markov) get the parameters
 * and distribution only: use them through surv_weibull(t, shape, scale) and the like.
 */
export function writeFitIntoModel(model: HtaModelInput, fit: SurvivalFit, options: FitIntoModelOptions): FitIntoModelResult {
  const fragment = fitModelFragment(fit, options);
  const next = JSON.parse(JSON.stringify(model)) as HtaModelInput;
  const changes: FitChange[] = [];
  const parameters = [...(next.parameters ?? [])];
  for (const p of fragment.parameters) {
    const at = parameters.findIndex((q) => q.id === p.id);
    if (at >= 0) parameters[at] = p;
    else parameters.push(p);
    changes.push({ kind: 'parameter', id: p.id, replaced: at >= 0, value: p.value! });
  }
  next.parameters = parameters;
  const ids = new Set(fragment.parameters.map((p) => p.id));
  const joints = (next.jointDistributions ?? []) as JointDistributionSpec[];
  const kept = joints.filter((j) => !j.parameters.some((name) => ids.has(name)));
  if (kept.length < joints.length) changes.push({ kind: 'joint-replaced', ids: [...ids] });
  next.jointDistributions = [...kept, ...fragment.jointDistributions];
  if (fragment.jointDistributions.length > 0) changes.push({ kind: 'joint-added', ids: [...ids] });
  // A parameter in a copula correlation cannot also be drawn jointly.
  next.correlations = (next.correlations ?? []).filter((c) => !c.parameters.some((name) => ids.has(name)));

  const holder = curveHolder(next, options.submodel);
  if (holder) {
    const replaced = options.curveId in holder.curves;
    holder.curves[options.curveId] = fragment.curve;
    changes.push({ kind: 'curve', curve: options.curveId, replaced, distribution: fit.distribution });
    if (options.role) {
      holder[options.role] = options.curveId;
      changes.push({ kind: 'role', curve: options.curveId, role: options.role });
    }
  } else {
    const args = fragment.parameters.map((p) => p.id).join(', ');
    changes.push({ kind: 'no-curves', modelType: (next.model as { type: string }).type, example: `${EXPRESSION_FUNCTION[fit.distribution]}(t, ${args})` });
  }
  return { model: next, changes };
}
