// Decision tree, left to right: decision (square), chance (circle) and terminal (triangle) nodes, branch
// probabilities with their values, one-off payoffs at the nodes, the sub-model a terminal enters, and each
// diagnostic-test construct as its test sequence (accuracy, no-result rate, cost, turnaround) with its five
// outcome branches. Subtrees fold: a folded node shows how many nodes it hides.
import { DIAGNOSTIC_OUTCOMES } from '../engine/tree/tree-schema';
import type { TreeNode } from '../engine/tree/tree-schema';
import type { HtaModel, TreeModel } from '../engine/model/schema';
import type { StructureValues } from '../engine/model/structure-values';
import { formatMoney, formatPercent } from '../report/format';
import type { NumberFormats } from '../report/format';
import type { DiagramEdge, DiagramGraph, DiagramNode } from './diagram-graph';
import { diagramNumber, expressionLabel, expressionLines, typedNumber } from './diagram-graph';
import { translator } from '../report/i18n/translate';
import type { Translate } from '../report/i18n/translate';

export const OUTCOME_WORDS: Record<(typeof DIAGNOSTIC_OUTCOMES)[number], string> = {
  truePositive: 'True positive',
  falsePositive: 'False positive',
  falseNegative: 'False negative',
  trueNegative: 'True negative',
  noResult: 'No result',
};

const WHEN_KEYS = { positive: 'structure.result.positive', negative: 'structure.result.negative', 'no-result': 'structure.result.no-result' } as const;

/** The children of a tree node with the label of the branch that leads to each. */
export function treeChildren(node: TreeNode): { key: string; node: TreeNode }[] {
  if (node.kind === 'diagnostic') return node.outcomes ? DIAGNOSTIC_OUTCOMES.map((o) => ({ key: o, node: node.outcomes![o] })) : [];
  return (node.branches ?? []).map((b, i) => ({ key: String(i), node: b }));
}

/** Number of nodes below `node`. */
export function descendantCount(node: TreeNode): number {
  return treeChildren(node).reduce((n, c) => n + 1 + descendantCount(c.node), 0);
}

export interface TreeGraphOptions {
  /** Ids (paths such as "root.1.noResult") of folded nodes. */
  collapsed?: ReadonlySet<string>;
  /** The diagram's language (default English). */
  t?: Translate;
  /** The number formats of that language (default English). */
  fmt?: NumberFormats;
}

export function treeGraph(model: HtaModel, values: StructureValues | null, options: TreeGraphOptions = {}): DiagramGraph {
  const tree = model.model as TreeModel;
  const currency = model.settings.currency;
  const collapsed = options.collapsed ?? new Set<string>();
  const words = options.t ?? translator('en');
  const units = (): string => words(`structure.unit.${tree.timeUnit}`);
  const tests = new Map(tree.tests.map((t) => [t.id, t]));
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const rows: string[][] = [];
  const value = (e: number | string, strategy: string | undefined) => values?.value(e, strategy) ?? null;
  const fmt = options.fmt;
  const expr = (e: number | string, strategy: string | undefined) => expressionLabel(e, value(e, strategy), false, fmt, words);
  const num = (e: number | string, strategy: string | undefined) => {
    const x = value(e, strategy);
    return x === null ? (typeof e === 'number' ? typedNumber(e, fmt) : e) : diagramNumber(x, fmt);
  };
  const money = (costs: Record<string, number | string> | undefined, strategy: string | undefined): string | null => {
    const entries = Object.values(costs ?? {});
    if (entries.length === 0) return null;
    const total = entries.reduce<number | null>((sum, e) => (sum === null || value(e, strategy) === null ? null : sum + value(e, strategy)!), 0);
    return total === null ? entries.join(' + ') : fmt ? fmt.money(total, currency, 0) : formatMoney(total, currency, 0);
  };
  // A test as two lines: its name, then its accuracy, no-result rate, cost and turnaround (values only; the
  // expressions are in the test's form and the parameter table).
  const testLines = (id: string, strategy: string | undefined): [string, string] => {
    const t = tests.get(id);
    if (!t) return [id, words('diagram.unknownTest')];
    const parts = [`Se ${num(t.sensitivity, strategy)}`, `Sp ${num(t.specificity, strategy)}`];
    if (t.noResult !== undefined) {
      const nr = value(t.noResult, strategy);
      parts.push(words('diagram.noResult', { value: nr === null ? String(t.noResult) : (fmt ? fmt.percent(nr, 1) : formatPercent(nr, 1)) }));
    }
    const cost = money(t.costs, strategy);
    if (cost) parts.push(cost);
    if (t.turnaround !== undefined) {
      const tat = value(t.turnaround, strategy);
      parts.push(`${tat === null ? t.turnaround : diagramNumber(tat, fmt)} ${tat === 1 ? words(`modelWords.timeUnit.${tree.timeUnit}`) : units()}`);
    }
    return [t.label ?? t.id, parts.join(' · ')];
  };
  const submodelWords = (id: string): string => {
    const s = tree.submodels[id];
    if (!s) return id;
    return s.type === 'markov' ? words('diagram.submodelMarkov', { id, n: s.states.length }) : words('diagram.submodelPsm', { id });
  };

  // A complement branch ("C") gets 1 minus its siblings' probabilities.
  const branchValue = (parent: TreeNode, child: TreeNode, strategy: string | undefined): number | null => {
    if (child.probability === undefined) return null;
    if (child.probability !== 'C') return value(child.probability, strategy);
    let rest = 1;
    for (const sibling of parent.branches ?? []) {
      if (sibling === child) continue;
      const x = sibling.probability === undefined || sibling.probability === 'C' ? null : value(sibling.probability, strategy);
      if (x === null) return null;
      rest -= x;
    }
    return rest;
  };
  const visit = (node: TreeNode, id: string, strategy: string | undefined, depth: number): void => {
    const lines: string[] = [];
    if (node.kind === 'diagnostic') {
      if (node.prevalence !== undefined) lines.push(words('diagram.prevalence', { value: expr(node.prevalence, strategy) }));
      (node.steps ?? []).forEach((step, i) => {
        const whenWords = (step.when ?? ['no-result']).map((w) => (w in WHEN_KEYS ? words(WHEN_KEYS[w as keyof typeof WHEN_KEYS]) : w));
        const when = i === 0 && !step.when ? '' : ` ${words('diagram.ifWhen', { when: whenWords.reduce((first, next) => words('diagram.or', { first, next })) })}`;
        const uptake = step.uptake !== undefined ? ` ${words('diagram.uptake', { value: expr(step.uptake, strategy) })}` : '';
        step.tests.forEach((t, k) => {
          const [name, figures] = testLines(t, strategy);
          lines.push(`${k === 0 ? `${i + 1}.${when}${uptake}` : `   ${words('diagram.and')}`} ${name}`, `      ${figures}`);
        });
      });
    }
    const cost = money(node.costs, strategy);
    if (cost) lines.push(words('diagram.cost', { value: cost }));
    if (node.qalys !== undefined) lines.push(words('diagram.qalys', { value: expr(node.qalys, strategy) }));
    if (node.time !== undefined) lines.push(words('diagram.time', { value: expr(node.time, strategy), units: units() }));
    if (node.kind === 'terminal') lines.push(node.submodel ? `→ ${submodelWords(node.submodel)}` : words('diagram.endOfPath'));
    const children = treeChildren(node);
    const fold = children.length > 0 && depth > 0 ? { collapsed: collapsed.has(id), hidden: descendantCount(node) } : undefined;
    nodes.push({ id, shape: node.kind, title: node.label ?? node.id ?? (depth === 0 ? words('structure.kind.decision') : node.kind), lines, ...(fold ? { fold } : {}) });
    if (fold?.collapsed) return;
    children.forEach(({ key, node: child }) => {
      const childId = `${id}.${key}`;
      const childStrategy = depth === 0 && node.kind === 'decision' ? (child.id ?? strategy) : strategy;
      const label: string[] = [];
      if (node.kind === 'diagnostic') label.push(key in OUTCOME_WORDS ? words(`reportResults.outcome.${key as keyof typeof OUTCOME_WORDS}`) : key);
      else if (child.probability !== undefined) label.push(...expressionLines(child.probability, branchValue(node, child, childStrategy), false, fmt, words));
      edges.push({ from: id, to: childId, label });
      rows.push([node.label ?? node.id ?? id, child.label ?? child.id ?? childId, label.join(' ') || '—']);
      visit(child, childId, childStrategy, depth + 1);
    });
  };
  visit(tree.root, 'root', undefined, 0);
  const total = 1 + descendantCount(tree.root);
  const strategies = tree.root.kind === 'decision' ? (tree.root.branches ?? []).length : 1;
  return {
    kind: 'tree',
    nodes,
    edges,
    notes: [],
    description: words('diagram.treeDescription', {
      total,
      strategies,
      submodels: Object.keys(tree.submodels).length > 0 ? words('diagram.treeSubmodels', { n: Object.keys(tree.submodels).length }) : '',
      folded: nodes.length < total ? words('diagram.treeFolded', { n: total - nodes.length }) : '',
    }),
    rows,
  };
}

/** Node ids to fold so that a large tree starts readable: every subtree deeper than `depth` when the tree has more than `limit` nodes. */
export function defaultCollapsed(root: TreeNode, limit = 90, depth = 2): Set<string> {
  const out = new Set<string>();
  if (1 + descendantCount(root) <= limit) return out;
  const walk = (node: TreeNode, id: string, d: number) => {
    for (const { key, node: child } of treeChildren(node)) {
      const childId = `${id}.${key}`;
      if (d + 1 >= depth && treeChildren(child).length > 0) out.add(childId);
      else walk(child, childId, d + 1);
    }
  };
  walk(root, 'root', 0);
  return out;
}
