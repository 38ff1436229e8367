// validateModel: every problem in a model file at once, each located by its path in the file.
// Schema → structure (duplicates, reserved names) → compile (names, syntax, cycles, states, categories) →
// units and ranges → a base-case run of each strategy (row sums, probability ranges, NaN).
import { checkModelSchema } from './schema-check';
import { nearRemoved, salvageForChecks } from './salvage';
import type { Distribution, HtaModel, Parameter, Transition } from './schema';
import { DistributionError, resolveDistribution } from '../uncertainty/distributions';
import { CorrelationError } from '../uncertainty/copula';
import type { CorrelationSpec } from '../uncertainty/copula';
import { createParameterSampler } from '../uncertainty/sampler';
import { sampledParameters } from '../uncertainty/sampled-parameters';
import type { IssuePath, ModelIssue } from '../errors';
import { ModelEvaluationError, describeEvaluationError, evaluationParams, quoteExpression } from '../errors';
import { htaModelSchema } from './schema';
import type { EvaluationErrorDetails } from '../errors';
import type { CompiledModel, ModelResult } from '../compiled-model';
import { baseCaseResultIssues } from './result-checks';
import { compileModelCollecting } from '../compile-model';
import { fromJointScale, jointLabel } from '../uncertainty/joint-distribution';
import { ownValue } from '../own-key';
import { forgetCheckedModel, keepCheckedModel } from './checked-models';
import type { CheckedModel } from './checked-models';

export interface ValidationReport {
  valid: boolean;
  /** Errors first, then warnings; each with a path into the file. */
  issues: ModelIssue[];
  /** The parsed model (defaults filled) when the schema check passed. */
  model?: HtaModel;
}

const YEARS_PER_UNIT: Record<string, number[]> = {
  year: [1],
  month: [1 / 12],
  week: [7 / 365.25, 7 / 365, 1 / 52],
  day: [1 / 365.25, 1 / 365],
};

function isIdentifier(x: unknown): x is string {
  return typeof x === 'string' && /^[A-Za-z][A-Za-z0-9_]*$/.test(x);
}

/** A parameter used directly as a transition probability must be a probability per cycle. */
function transitionUnitIssue(p: Parameter, t: Transition, path: IssuePath, cycleLength: number): ModelIssue | null {
  const move = `transition ${t.from} → ${t.to}`;
  if (p.kind && p.kind !== 'probability' && p.kind !== 'proportion' && p.kind !== 'other') {
    const hint = p.kind === 'rate' ? `; convert it with rate_to_prob(${p.id})` : '';
    return { code: 'unit-mismatch', severity: 'error', path, message: `parameter ${p.id} is a ${p.kind}, used as the probability of ${move}${hint}` };
  }
  if (p.kind === 'probability' && p.timeUnit && p.timeUnit !== 'cycle') {
    const matches = (YEARS_PER_UNIT[p.timeUnit] ?? []).some((y) => Math.abs(y - cycleLength) <= 1e-6 * cycleLength);
    if (!matches) {
      const years = YEARS_PER_UNIT[p.timeUnit]![0]!;
      return {
        code: 'cycle-length-mismatch',
        severity: 'error',
        path,
        message: `parameter ${p.id} is a probability per ${p.timeUnit} but the cycle lasts ${cycleLength} years; used in ${move}, convert it with rescale_prob(${p.id}, ${+years.toPrecision(6)})`,
      };
    }
  }
  return null;
}

function parameterRangeIssues(p: Parameter, i: number): ModelIssue[] {
  const v = p.value;
  if (v === undefined) return [];
  const path = ['parameters', i, 'value'];
  if ((p.kind === 'probability' || p.kind === 'proportion') && (v < 0 || v > 1)) return [{ code: 'not-a-probability', severity: 'error', path, message: `parameter ${p.id} = ${v} is not a ${p.kind} (must lie in [0, 1])`, params: { parameter: p.id, value: v, kind: p.kind } }];
  if ((p.kind === 'rate' || p.kind === 'relative-risk' || p.kind === 'hazard-ratio' || p.kind === 'odds-ratio' || p.kind === 'odds' || p.kind === 'count' || p.kind === 'time') && v < 0) {
    return [{ code: 'negative', severity: 'error', path, message: `parameter ${p.id} = ${v} is a ${p.kind} and cannot be negative`, params: { parameter: p.id, value: v, kind: p.kind } }];
  }
  if (p.kind === 'utility' && v > 1) return [{ code: 'utility-above-one', severity: 'warning', path, message: `parameter ${p.id} = ${v} is a utility above 1 (full health)`, params: { parameter: p.id, value: v } }];
  if (p.kind === 'cost' && v < 0) return [{ code: 'negative-cost', severity: 'warning', path, message: `parameter ${p.id} = ${v} is a negative cost`, params: { parameter: p.id, value: v } }];
  return [];
}

function unitIssues(model: HtaModel): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const byId = new Map(model.parameters.map((p) => [p.id, p]));
  model.parameters.forEach((p, i) => issues.push(...parameterRangeIssues(p, i)));
  if (model.model.type !== 'markov') return issues;
  const check = (t: Transition, path: IssuePath): void => {
    if (!isIdentifier(t.probability) || t.probability === 'C') return;
    const p = byId.get(t.probability);
    if (!p) return;
    const issue = transitionUnitIssue(p, t, path, model.settings.cycleLength);
    if (issue) issues.push(issue);
  };
  model.model.transitions.forEach((t, i) => check(t, ['model', 'transitions', i, 'probability']));
  model.strategies.forEach((s, si) => (s.transitions ?? []).forEach((t, i) => check(t, ['strategies', si, 'transitions', i, 'probability'])));
  return issues;
}

/** Every expression string in the file with its path, for checks that need only the text. */
function expressionStrings(model: HtaModel): { text: string; path: IssuePath }[] {
  const out: { text: string; path: IssuePath }[] = [];
  const walk = (node: unknown, path: IssuePath): void => {
    if (typeof node === 'string') out.push({ text: node, path });
    else if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, i]));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  model.parameters.forEach((p, i) => p.expression && out.push({ text: p.expression, path: ['parameters', i, 'expression'] }));
  walk(model.model, ['model']);
  model.strategies.forEach((s, i) => {
    walk(s.parameters, ['strategies', i, 'parameters']);
    walk(s.transitions, ['strategies', i, 'transitions']);
    walk(s.stateValues, ['strategies', i, 'stateValues']);
    walk(s.initial, ['strategies', i, 'initial']);
  });
  return out;
}

/**
 * PSA distributions and correlations, checked as `hta psa` and the app's PSA check them: each distribution on
 * its own (so every bad one is reported), then the sampler of them all (Dirichlet groups, correlation matrices).
 */
function uncertaintyIssues(model: HtaModel): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const check = (name: string, spec: Distribution, path: IssuePath): void => {
    try {
      resolveDistribution(name, spec);
    } catch (e) {
      if (!(e instanceof DistributionError)) throw e;
      issues.push({ code: 'bad-distribution', severity: 'error', path, message: e.message });
    }
  };
  model.parameters.forEach((p, i) => p.uncertainty?.distribution && check(p.id, p.uncertainty.distribution, ['parameters', i, 'uncertainty', 'distribution']));
  model.scenarios.forEach((sc, i) => {
    for (const [id, u] of Object.entries(sc.uncertainty ?? {})) if (u.distribution) check(id, u.distribution, ['scenarios', i, 'uncertainty', id, 'distribution']);
  });
  if (issues.length > 0) return issues;
  try {
    createParameterSampler(sampledParameters(model), model.correlations as CorrelationSpec[], 1);
  } catch (e) {
    if (e instanceof DistributionError) {
      const i = model.parameters.findIndex((p) => p.id === e.parameter);
      issues.push({ code: 'bad-distribution', severity: 'error', path: i >= 0 ? ['parameters', i, 'uncertainty', 'distribution'] : ['parameters'], message: e.message });
    } else if (e instanceof CorrelationError) {
      const i = model.correlations.findIndex((c) => (c.name ?? '') === e.matrixName || c.parameters.join() === e.parameters.join());
      issues.push({ code: 'bad-correlation', severity: 'error', path: i >= 0 ? ['correlations', i] : ['correlations'], message: e.message });
    } else throw e;
  }
  return issues;
}

function settingsIssues(model: HtaModel): ModelIssue[] {
  const issues: ModelIssue[] = [];
  if (model.settings.startAge === undefined) {
    for (const { text, path } of expressionStrings(model)) {
      if (/(^|[^A-Za-z0-9_])age([^A-Za-z0-9_(]|$)/.test(text)) {
        issues.push({ code: 'missing-value', severity: 'error', path, message: `${quoteExpression(text)} uses age, but settings.startAge is not set` });
      }
    }
  }
  if (model.model.type === 'markov' && model.settings.effect === 'qalys') {
    const markov = model.model;
    model.model.states.forEach((s, i) => {
      if (s.dead) return;
      const given = ownValue(markov.stateValues, s.id)?.utility !== undefined || model.strategies.every((st) => ownValue(st.stateValues, s.id)?.utility !== undefined);
      if (!given) issues.push({ code: 'missing-value', severity: 'error', path: ['model', 'states', i], message: `state ${s.id} has no utility, but the effect measure is QALYs (give stateValues.${s.id}.utility, or mark the state dead)`, params: { state: s.id, missing: 'utility' } });
    });
  }
  return issues;
}

/** Members of joint distributions: real parameters, drawn by one distribution only, base value at the centre. */
function jointDistributionIssues(model: HtaModel): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const byId = new Map(model.parameters.map((p) => [p.id, p]));
  const owner = new Map<string, string>();
  model.correlations.forEach((c, i) => c.parameters.forEach((name) => owner.set(name, c.name ?? `correlations[${i}]`)));
  model.jointDistributions.forEach((joint, i) => {
    const label = jointLabel(joint, i);
    joint.parameters.forEach((name, k) => {
      const path = ['jointDistributions', i, 'parameters', k];
      const p = byId.get(name);
      if (!p) {
        issues.push({ code: 'unknown-name', severity: 'error', path, message: `${label}: "${name}" is not a parameter of the model` });
        return;
      }
      if (p.uncertainty?.distribution) {
        issues.push({ code: 'joint-conflict', severity: 'error', path, message: `${label}: parameter ${name} also has a distribution of its own (remove one)` });
      }
      const other = owner.get(name);
      if (other !== undefined) issues.push({ code: 'joint-conflict', severity: 'error', path, message: `${label}: parameter ${name} is already drawn by ${other}` });
      owner.set(name, label);
      const centre = fromJointScale(joint.scale?.[k] ?? 'identity', joint.mean[k] ?? Number.NaN);
      if (p.value !== undefined && Math.abs(p.value - centre) > 1e-6 * Math.max(1, Math.abs(centre))) {
        issues.push({ code: 'joint-centre', severity: 'warning', path: ['parameters', model.parameters.indexOf(p), 'value'], message: `parameter ${name} = ${p.value}, but ${label} is centred on ${+centre.toPrecision(6)}` });
      }
    });
  });
  return issues;
}

/**
 * Runs each strategy alone at base case so each one's first failing check is reported. A failure in the shared
 * model (e.g. a row of model.transitions that does not sum to 1) is reported once, naming every strategy it
 * happens in, not once per strategy.
 */
function baseCaseIssues(model: HtaModel, compiled: CompiledModel | null): { issues: ModelIssue[]; result: ModelResult | null } {
  // The whole model at once first: when every strategy runs, there is nothing to report strategy by strategy.
  if (compiled) {
    try {
      return { issues: [], result: compiled.evaluate(compiled.baseParameters()) };
    } catch (e) {
      if (!(e instanceof ModelEvaluationError)) throw e;
    }
  }
  const groups = new Map<string, { error: ModelEvaluationError; details: EvaluationErrorDetails; strategies: string[] }>();
  const seenIds = new Set<string>();
  model.strategies.forEach((strategy, si) => {
    if (seenIds.has(strategy.id)) return; // a repeated id is reported as such; its copy runs the same way
    seenIds.add(strategy.id);
    const single: HtaModel = { ...model, strategies: [strategy] };
    const { compiled } = compileModelCollecting(single);
    if (!compiled) return;
    try {
      compiled.evaluate(compiled.baseParameters());
    } catch (e) {
      if (!(e instanceof ModelEvaluationError)) throw e;
      // A strategy index of 0 in the single-strategy copy is strategy si in the file.
      const relocate = (path: IssuePath): IssuePath => (path[0] === 'strategies' ? ['strategies', si, ...path.slice(2)] : path);
      const details: EvaluationErrorDetails = { ...e.details, path: relocate(e.details.path), ...(e.details.rowEntries ? { rowEntries: e.details.rowEntries.map(relocate) } : {}) };
      const key = `${details.code}|${JSON.stringify(details.path)}|${details.fromState ?? ''}|${details.toState ?? ''}`;
      const group = groups.get(key);
      if (group) group.strategies.push(strategy.id);
      else groups.set(key, { error: e, details, strategies: [strategy.id] });
    }
  });
  const issues = [...groups.values()].map(({ error, details, strategies }) => ({
    code: details.code,
    severity: 'error' as const,
    path: details.path,
    message: strategies.length === 1 ? error.message : error.constructor === ModelEvaluationError ? describeEvaluationError({ ...details, strategies }) : `${error.message} (also in strategies ${strategies.slice(1).join(', ')})`,
    params: evaluationParams({ ...details, strategies }),
  }));
  return { issues, result: null };
}

export function validateModel(json: unknown): ValidationReport {
  const { model, issues } = checkModelSchema(json);
  if (!model) {
    // The rest of the file is checked too, on a copy without the refused fields (salvage.ts).
    const salvaged = issues.some((i) => i.code === 'too-deep') ? null : salvageForChecks(json);
    const later = salvaged ? checkParsedModel(htaModelSchema.parse(salvaged.json), [], !salvaged.valuesRemoved).filter((i) => !nearRemoved(i.path, salvaged.removed)) : [];
    const unique = dedupe([...issues, ...later]);
    unique.sort(byPlace);
    return { valid: false, issues: unique };
  }
  const unique = dedupe(checkParsedModel(model, issues, true, (checked) => keepCheckedModel(model, checked)));
  unique.sort(byPlace);
  const valid = !unique.some((i) => i.severity === 'error');
  if (!valid) forgetCheckedModel(model);
  return { valid, issues: unique, model };
}

/** Every check after the schema's: compile (names, syntax, cycles), units, settings, uncertainty, then the base case. */
function checkParsedModel(model: HtaModel, issues: ModelIssue[], runBaseCase: boolean, keep?: (checked: CheckedModel) => void): ModelIssue[] {
  const { compiled, issues: compileIssues } = compileModelCollecting(model);
  issues.push(...compileIssues, ...unitIssues(model), ...settingsIssues(model), ...uncertaintyIssues(model), ...jointDistributionIssues(model));
  if (!runBaseCase) return issues;
  // Per-cycle checks run for every strategy that compiles, even when other checks failed: every problem at once.
  const run = baseCaseIssues(model, compiled);
  issues.push(...run.issues);
  // Then the checks of what `hta run` reports (finite totals, ICERs, net benefit at each threshold).
  if (run.result && !issues.some((i) => i.severity === 'error')) {
    issues.push(...baseCaseResultIssues(model, run.result));
    if (compiled) keep?.({ compiled, baseResult: run.result });
  }
  return issues;
}

/** Sections of the file in the order they are written, so problems read top to bottom. */
const SECTION_ORDER = Object.keys(htaModelSchema.shape);

/** Errors before warnings; within each, grouped by place: file section, then path (numbers in numeric order). */
function byPlace(a: ModelIssue, b: ModelIssue): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  const section = (i: ModelIssue): number => {
    const k = SECTION_ORDER.indexOf(String(i.path[0] ?? ''));
    return k < 0 ? -1 : k;
  };
  return section(a) - section(b) || comparePaths(a.path, b.path);
}

/** Element by element: numbers in numeric order, names in code-point order; a path before the paths inside it. */
function comparePaths(a: IssuePath, b: IssuePath): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function dedupe(issues: ModelIssue[]): ModelIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${JSON.stringify(i.path)}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
