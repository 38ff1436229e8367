// Turns one strategy's tree (user nodes and diagnostic-test constructs) into a flat, pre-ordered node list the
// evaluator walks with typed arrays. A diagnostic construct is expanded here into ordinary chance nodes
// (condition present/absent → per step: uptake → joint results of the step's tests), so the tree engine does
// the arithmetic once and every derived probability is a product of located model expressions.
import type { IssuePath, ModelIssue } from '../errors';
import type { CompiledSite, StrategyParameterProgram } from '../model/parameter-program';
import { COMPLEMENT } from '../model/schema';
import type { TreeModel } from '../model/schema';
import { DIAGNOSTIC_OUTCOMES } from './tree-schema';
import { MAX_TREE_NODES } from '../model/limits';
import type { DiagnosticStep, TestOverride, TreeNode } from './tree-schema';
import { TEST_OVERRIDE_FIELDS } from './tree-schema';

export const KIND_CHANCE = 0;
export const KIND_DECISION = 1;
export const KIND_TERMINAL = 2;

/** A factor of a product: the site's value, or 1 minus it. Probability factors are range-checked. */
export interface Factor {
  site: CompiledSite;
  complement: boolean;
}

export interface PlanNode {
  kind: number;
  parent: number;
  children: number[];
  /** Probability at a chance parent: product of factors; null when the branch is the complement "C". */
  probability: Factor[] | null;
  costs: { category: number; factors: Factor[] }[];
  qalys: Factor[][];
  /** Time spent at the node (model time unit): sum / min / max of the sites. */
  timeMode: 'sum' | 'min' | 'max';
  time: CompiledSite[];
  counters: { counter: number; factors: Factor[] }[];
  submodel: number;
  path: IssuePath;
  label: string;
}

/** Thrown when a strategy's tree expands past MAX_TREE_NODES (concurrent tests and steps multiply the branches). */
export class TreeTooLargeError extends Error {
  constructor(readonly path: IssuePath) {
    super(`the tree expands to more than ${MAX_TREE_NODES.toLocaleString('en-US')} branches (each test of a diagnostic step doubles or triples them, and steps multiply); use fewer concurrent tests or steps`);
    this.name = 'TreeTooLargeError';
  }
}

function pushNode(nodes: PlanNode[], node: PlanNode, path: IssuePath): number {
  if (nodes.length >= MAX_TREE_NODES) throw new TreeTooLargeError(path);
  return nodes.push(node) - 1;
}

export interface FlattenContext {
  model: TreeModel;
  program: StrategyParameterProgram;
  categoryIndex: Map<string, number>;
  categories: string[];
  submodelIndex: Map<string, number>;
  counterIndex: Map<string, number>;
  issues: ModelIssue[];
}

type Status = 'positive' | 'negative' | 'no-result';

function counterOf(ctx: FlattenContext, name: string): number {
  let i = ctx.counterIndex.get(name);
  if (i === undefined) {
    i = ctx.counterIndex.size;
    ctx.counterIndex.set(name, i);
  }
  return i;
}

function emptyNode(kind: number, parent: number, path: IssuePath, label: string): PlanNode {
  return { kind, parent, children: [], probability: [], costs: [], qalys: [], timeMode: 'sum', time: [], counters: [], submodel: -1, path, label };
}

function site(ctx: FlattenContext, expr: number | string, path: IssuePath): CompiledSite | null {
  const s = ctx.program.compileSite(expr, path, ctx.issues, false);
  if (s && s.timeVarying) {
    ctx.issues.push({ code: 'time-varying-tree', severity: 'error', path, message: `tree values cannot depend on cycle, age or time ("${expr}")`, params: { expression: `"${expr}"` } });
    return null;
  }
  return s;
}

const one = (s: CompiledSite | null): Factor[] => (s ? [{ site: s, complement: false }] : []);

/** Costs, QALYs, time and counters written on a user node. */
function addNodeValues(ctx: FlattenContext, node: TreeNode, path: IssuePath, out: PlanNode): void {
  for (const [cat, expr] of Object.entries(node.costs ?? {})) {
    const c = ctx.categoryIndex.get(cat);
    if (c === undefined) {
      ctx.issues.push({ code: 'unknown-category', severity: 'error', path: [...path, 'costs', cat], message: `unknown cost category '${cat}' (declared: ${ctx.categories.join(', ')})` });
      continue;
    }
    const s = site(ctx, expr, [...path, 'costs', cat]);
    if (s) out.costs.push({ category: c, factors: one(s) });
  }
  if (node.qalys !== undefined) {
    const s = site(ctx, node.qalys, [...path, 'qalys']);
    if (s) out.qalys.push(one(s));
  }
  if (node.time !== undefined) {
    const s = site(ctx, node.time, [...path, 'time']);
    if (s) out.time.push(s);
  }
  for (const name of node.count ?? []) out.counters.push({ counter: counterOf(ctx, name), factors: [] });
}

/** Appends `node` (and its subtree) to `nodes` under `parent`; returns its index. */
export function flattenNode(ctx: FlattenContext, node: TreeNode, path: IssuePath, parent: number, parentKind: number, nodes: PlanNode[], label: string): number {
  const kind = node.kind === 'decision' ? KIND_DECISION : node.kind === 'terminal' ? KIND_TERMINAL : KIND_CHANCE;
  const flat = emptyNode(kind, parent, path, label);
  const index = pushNode(nodes, flat, path);
  if (parent >= 0) nodes[parent]!.children.push(index);
  // Probability of the branch at its parent.
  if (parentKind === KIND_CHANCE) {
    if (node.probability === undefined) ctx.issues.push({ code: 'missing-value', severity: 'error', path, message: `branch '${label}' of a chance node needs a probability (or "C" for the complement)`, params: { branch: label, missing: 'probability' } });
    else if (node.probability === COMPLEMENT) flat.probability = null;
    else flat.probability = one(site(ctx, node.probability, [...path, 'probability']));
  } else if (parentKind === KIND_DECISION && node.probability !== undefined) {
    ctx.issues.push({ code: 'probability-at-decision', severity: 'warning', path: [...path, 'probability'], message: `branch '${label}' of a decision node has a probability; it is ignored (a decision node chooses one branch)`, params: { branch: label } });
  }
  addNodeValues(ctx, node, path, flat);
  const has = (field: keyof TreeNode): boolean => node[field] !== undefined;
  const misplaced = (fields: (keyof TreeNode)[]): void => {
    for (const f of fields) if (has(f)) ctx.issues.push({ code: 'misplaced-field', severity: 'error', path: [...path, f], message: `'${f}' does not belong on a ${node.kind} node` });
  };
  switch (node.kind) {
    case 'terminal': {
      misplaced(['branches', 'prevalence', 'steps', 'outcomes', 'overrides']);
      if (node.submodel !== undefined) {
        const m = ctx.submodelIndex.get(node.submodel);
        if (m === undefined) ctx.issues.push({ code: 'unknown-submodel', severity: 'error', path: [...path, 'submodel'], message: `unknown sub-model '${node.submodel}' (defined: ${[...ctx.submodelIndex.keys()].join(', ') || 'none'})` });
        else flat.submodel = m;
      }
      break;
    }
    case 'chance':
    case 'decision': {
      misplaced(['submodel', 'prevalence', 'steps', 'outcomes', 'overrides']);
      const branches = node.branches ?? [];
      if (branches.length === 0) ctx.issues.push({ code: 'no-branches', severity: 'error', path, message: `${node.kind} node '${label}' has no branches`, params: { node: label, kind: node.kind } });
      if (kind === KIND_CHANCE && branches.filter((b) => b.probability === COMPLEMENT).length > 1) {
        ctx.issues.push({ code: 'two-complements', severity: 'error', path: [...path, 'branches'], message: `more than one complement "C" among the branches of chance node '${label}'`, params: { node: label } });
      }
      branches.forEach((b, i) => flattenNode(ctx, b, [...path, 'branches', i], index, kind, nodes, `${label} → ${b.id ?? b.label ?? `branch ${i + 1}`}`));
      break;
    }
    case 'diagnostic':
      misplaced(['submodel', 'branches']);
      expandDiagnostic(ctx, node, path, index, nodes, label);
      break;
  }
  return index;
}

interface TestPlan {
  id: string;
  sens: CompiledSite | null;
  spec: CompiledSite | null;
  noResult: CompiledSite | null;
  turnaround: CompiledSite | null;
  costs: { category: number; factors: Factor[] }[];
  qalys: Factor[][];
  counters: { counter: number; factors: Factor[] }[];
  ruleOut: boolean;
}

/** Where each overridable value of a test comes from: the test itself, or an override (with its path). */
interface TestValueSources {
  values: TestOverride;
  paths: Record<(typeof TEST_OVERRIDE_FIELDS)[number], IssuePath>;
}

function compileTest(ctx: FlattenContext, i: number, sources: TestValueSources): TestPlan {
  const t = ctx.model.tests[i]!;
  const path: IssuePath = ['model', 'tests', i];
  const { values, paths } = sources;
  const plan: TestPlan = {
    id: t.id,
    sens: site(ctx, values.sensitivity!, paths.sensitivity),
    spec: site(ctx, values.specificity!, paths.specificity),
    noResult: values.noResult === undefined ? null : site(ctx, values.noResult, paths.noResult),
    turnaround: values.turnaround === undefined ? null : site(ctx, values.turnaround, paths.turnaround),
    costs: [],
    qalys: [],
    counters: [{ counter: counterOf(ctx, `test_${t.id}`), factors: [] }],
    ruleOut: t.ruleOut,
  };
  const addCosts = (costs: Record<string, number | string> | undefined, base: IssuePath, prefix: Factor[]): void => {
    for (const [cat, expr] of Object.entries(costs ?? {})) {
      const c = ctx.categoryIndex.get(cat);
      if (c === undefined) {
        ctx.issues.push({ code: 'unknown-category', severity: 'error', path: [...base, 'costs', cat], message: `unknown cost category '${cat}' (declared: ${ctx.categories.join(', ')})` });
        continue;
      }
      const s = site(ctx, expr, [...base, 'costs', cat]);
      if (s) plan.costs.push({ category: c, factors: [...prefix, ...one(s)] });
    }
  };
  addCosts(t.costs, path, []);
  if (t.qalys !== undefined) plan.qalys.push(one(site(ctx, t.qalys, [...path, 'qalys'])));
  (t.adverseEvents ?? []).forEach((ae, k) => {
    const aePath: IssuePath = [...path, 'adverseEvents', k];
    const p = one(site(ctx, ae.probability, [...aePath, 'probability']));
    addCosts(ae.costs, aePath, p);
    if (ae.qalys !== undefined) plan.qalys.push([...p, ...one(site(ctx, ae.qalys, [...aePath, 'qalys']))]);
    plan.counters.push({ counter: counterOf(ctx, `ae_${ae.id}`), factors: p });
  });
  return plan;
}

const RESULT_LABEL = { pos: 'positive', neg: 'negative', fail: 'no result' } as const;
type TestResult = keyof typeof RESULT_LABEL;

/**
 * Expands a diagnostic construct. Tests are conditionally independent given the true condition. A step runs
 * when the result so far is in its `when` list (default: first step always, later ones on no result); the
 * step's result is positive if any test is positive, else negative if a rule-out test is negative, else the
 * earlier result stands. Time of a step: the fastest positive test's turnaround when one is positive
 * (treatment can start), else the slowest test's.
 */
function expandDiagnostic(ctx: FlattenContext, node: TreeNode, path: IssuePath, index: number, nodes: PlanNode[], label: string): void {
  const testIndex = new Map(ctx.model.tests.map((t, i) => [t.id, i]));
  const steps = node.steps ?? [];
  const checkOverrides = (overrides: Record<string, TestOverride> | undefined, at: IssuePath): void => {
    for (const id of Object.keys(overrides ?? {})) {
      if (!testIndex.has(id)) ctx.issues.push({ code: 'unknown-test', severity: 'error', path: [...at, 'overrides', id], message: `overrides name unknown test '${id}' (defined: ${[...testIndex.keys()].join(', ') || 'none'})` });
    }
  };
  checkOverrides(node.overrides, path);
  steps.forEach((s, k) => checkOverrides(s.overrides, [...path, 'steps', k]));
  // A test's values: its own, then the construct's overrides, then the step's (the closest wins).
  const cache = new Map<string, TestPlan>();
  const testPlan = (i: number, k: number): TestPlan => {
    const t = ctx.model.tests[i]!;
    const sources: TestValueSources = {
      values: { sensitivity: t.sensitivity, specificity: t.specificity, noResult: t.noResult, turnaround: t.turnaround },
      paths: { sensitivity: ['model', 'tests', i, 'sensitivity'], specificity: ['model', 'tests', i, 'specificity'], noResult: ['model', 'tests', i, 'noResult'], turnaround: ['model', 'tests', i, 'turnaround'] },
    };
    const layers: [TestOverride | undefined, IssuePath][] = [
      [node.overrides?.[t.id], [...path, 'overrides', t.id]],
      [steps[k]?.overrides?.[t.id], [...path, 'steps', k, 'overrides', t.id]],
    ];
    let key = `${i}`;
    layers.forEach(([o, at], layer) => {
      for (const f of TEST_OVERRIDE_FIELDS) {
        if (o?.[f] === undefined) continue;
        sources.values[f] = o[f];
        sources.paths[f] = [...at, f];
        key += layer === 0 ? `|node.${f}` : `|step${k}.${f}`;
      }
    });
    let p = cache.get(key);
    if (!p) cache.set(key, (p = compileTest(ctx, i, sources)));
    return p;
  };
  if (steps.length === 0) ctx.issues.push({ code: 'missing-value', severity: 'error', path, message: `diagnostic node '${label}' needs steps (the tests and when they are done)` });
  if (node.prevalence === undefined) ctx.issues.push({ code: 'missing-value', severity: 'error', path, message: `diagnostic node '${label}' needs a prevalence` });
  if (!node.outcomes) {
    ctx.issues.push({ code: 'missing-value', severity: 'error', path, message: `diagnostic node '${label}' needs outcomes (${DIAGNOSTIC_OUTCOMES.join(', ')})` });
    return;
  }
  const stepTests: TestPlan[][] = steps.map((s, k) =>
    s.tests.flatMap((id, j) => {
      const i = testIndex.get(id);
      if (i === undefined) {
        ctx.issues.push({ code: 'unknown-test', severity: 'error', path: [...path, 'steps', k, 'tests', j], message: `unknown test '${id}' (defined: ${[...testIndex.keys()].join(', ') || 'none'})` });
        return [];
      }
      return [testPlan(i, k)];
    }),
  );
  const uptake = steps.map((s, k) => (s.uptake === undefined ? null : site(ctx, s.uptake, [...path, 'steps', k, 'uptake'])));
  const prevalence = node.prevalence === undefined ? null : site(ctx, node.prevalence, [...path, 'prevalence']);
  if (!prevalence) return;
  const outcomes = node.outcomes;

  const child = (parent: number, probability: Factor[], childLabel: string): number => {
    const n = emptyNode(KIND_CHANCE, parent, path, childLabel);
    n.probability = probability;
    const i = pushNode(nodes, n, path);
    nodes[parent]!.children.push(i);
    return i;
  };

  const finish = (parent: number, status: Status, present: boolean, trail: string): void => {
    const outcome = status === 'no-result' ? 'noResult' : status === 'positive' ? (present ? 'truePositive' : 'falsePositive') : present ? 'falseNegative' : 'trueNegative';
    // The outcome subtree hangs under the last node with probability 1 (a single-branch chance node).
    const sub = outcomes[outcome as keyof typeof outcomes];
    const subPath: IssuePath = [...path, 'outcomes', outcome];
    const before = ctx.issues.length;
    const at = flattenNode(ctx, { ...sub, probability: 1 }, subPath, parent, KIND_CHANCE, nodes, `${trail} → ${outcome}${sub.id ? ` (${sub.id})` : ''}`);
    // Classified when the result is known: counted on the outcome node, after the last test's turnaround.
    nodes[at]!.counters.push({ counter: counterOf(ctx, outcome), factors: [] });
    if (present && outcome !== 'truePositive') nodes[at]!.counters.push({ counter: counterOf(ctx, 'missed'), factors: [] });
    // The same outcome subtree is flattened at many leaves: keep its issues once.
    const seen = new Set(ctx.issues.slice(0, before).map((i) => `${i.code}|${JSON.stringify(i.path)}|${i.message}`));
    const added = ctx.issues.splice(before).filter((i) => !seen.has(`${i.code}|${JSON.stringify(i.path)}|${i.message}`));
    ctx.issues.push(...added);
  };

  const expand = (k: number, parent: number, status: Status, present: boolean, trail: string): void => {
    if (k === steps.length) return finish(parent, status, present, trail);
    const step: DiagnosticStep = steps[k]!;
    const when = step.when ?? (k === 0 ? ['positive', 'negative', 'no-result'] : ['no-result']);
    if (!when.includes(status)) return expand(k + 1, parent, status, present, trail);
    let at = parent;
    if (uptake[k]) {
      const decline = child(parent, [{ site: uptake[k]!, complement: true }], `${trail} → step ${k + 1} not done`);
      expand(k + 1, decline, status, present, `${trail} → step ${k + 1} not done`);
      at = child(parent, [{ site: uptake[k]!, complement: false }], `${trail} → step ${k + 1}`);
    }
    const tests = stepTests[k]!;
    const stepNode = child(at, [], `${trail} → ${step.label ?? tests.map((t) => t.id).join(' + ')}`);
    const sn = nodes[stepNode]!;
    for (const t of tests) {
      sn.costs.push(...t.costs);
      sn.qalys.push(...t.qalys);
      sn.counters.push(...t.counters);
    }
    // Every combination of results of the step's tests.
    const comboCount = tests.reduce((n, t) => n * (t.noResult ? 3 : 2), 1);
    if (nodes.length + comboCount > MAX_TREE_NODES) throw new TreeTooLargeError([...path, 'steps', k, 'tests']);
    const combos: TestResult[][] = [[]];
    for (const t of tests) {
      const results: TestResult[] = t.noResult ? ['pos', 'neg', 'fail'] : ['pos', 'neg'];
      combos.splice(0, combos.length, ...combos.flatMap((c) => results.map((r) => [...c, r])));
    }
    for (const combo of combos) {
      const factors: Factor[] = [];
      combo.forEach((r, j) => factors.push(...resultFactors(tests[j]!, r, present)));
      const comboLabel = tests.map((t, j) => `${t.id} ${RESULT_LABEL[combo[j]!]}`).join(', ');
      const c = child(stepNode, factors, `${trail} → ${comboLabel}`);
      const positives = tests.filter((_, j) => combo[j] === 'pos');
      const cn = nodes[c]!;
      cn.timeMode = positives.length > 0 ? 'min' : 'max';
      cn.time = (positives.length > 0 ? positives : tests).flatMap((t) => (t.turnaround ? [t.turnaround] : []));
      const ruledOut = tests.some((t, j) => combo[j] === 'neg' && t.ruleOut);
      const next: Status = positives.length > 0 || status === 'positive' ? 'positive' : ruledOut || status === 'negative' ? 'negative' : 'no-result';
      expand(k + 1, c, next, present, `${trail} → ${comboLabel}`);
    }
  };

  const presentNode = child(index, [{ site: prevalence, complement: false }], `${label}: condition present`);
  expand(0, presentNode, 'no-result', true, `${label}: condition present`);
  const absentNode = child(index, [{ site: prevalence, complement: true }], `${label}: condition absent`);
  expand(0, absentNode, 'no-result', false, `${label}: condition absent`);
}

/** P(result | condition): positive = (1 - fail)·sens or (1 - fail)·(1 - spec); negative the rest; no result = fail. */
function resultFactors(t: TestPlan, r: TestResult, present: boolean): Factor[] {
  const out: Factor[] = [];
  if (r === 'fail') return t.noResult ? [{ site: t.noResult, complement: false }] : [];
  if (t.noResult) out.push({ site: t.noResult, complement: true });
  const acc = present ? t.sens : t.spec;
  if (!acc) return out;
  // Present: positive with sensitivity; absent: negative with specificity.
  const complement = present ? r === 'neg' : r === 'pos';
  out.push({ site: acc, complement });
  return out;
}
