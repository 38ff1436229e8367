// Loop-invariant code motion for expressions evaluated every cycle (issue 16). In a time-dependent Markov model the
// same age-table lookup, e.g. rescale_prob(mort(age), 1), sits in the death transition of every state, and parts
// of a time-varying probability, e.g. r_prog * hr in rate_to_prob(r_prog * hr * (1 + 0.001 * cycle)), do not
// vary with the cycle at all. The rewrite below replaces such subexpressions by hidden temporaries that the
// parameter program computes once per evaluation (no model time) or once per cycle (shared across sites), so
// they are computed once instead of once per state per cycle. Every function of the language is pure and a
// subexpression's compiled value does not depend on where it sits, so the results are the same doubles.
import type { Expression } from './schema';
import type { ExprNode } from '../expression/parser';
import { parseExpression, ExpressionSyntaxError } from '../expression/parser';

/** How often a subexpression's value can change: 0 constant, 1 per evaluation, 2 per cycle, 3 per time in state. */
export type VariationLevel = 0 | 1 | 2 | 3;
export const LEVEL_CONSTANT = 0;
export const LEVEL_EVALUATION = 1;
export const LEVEL_CYCLE = 2;
export const LEVEL_STATE_TIME = 3;

/** Prefix of the names of hidden temporaries: not a name character, so no expression can spell one. */
export const TEMPORARY_PREFIX = '#';

/** The same string for structurally equal subexpressions (numbers by their exact value, -0 apart from 0). */
export function subexpressionKey(node: ExprNode): string {
  switch (node.kind) {
    case 'number':
      return Object.is(node.value, -0) ? '-0' : String(node.value);
    case 'name':
      return node.name;
    case 'unary':
      return `${node.op}(${subexpressionKey(node.arg)})`;
    case 'binary':
      return `(${subexpressionKey(node.left)}${node.op}${subexpressionKey(node.right)})`;
    case 'conditional':
      return `(${subexpressionKey(node.test)}?${subexpressionKey(node.then)}:${subexpressionKey(node.otherwise)})`;
    case 'call':
      return `${node.name}(${node.args.map(subexpressionKey).join(',')})`;
  }
}

function childrenOf(node: ExprNode): ExprNode[] {
  switch (node.kind) {
    case 'number':
    case 'name':
      return [];
    case 'unary':
      return [node.arg];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.test, node.then, node.otherwise];
    case 'call':
      return node.args;
  }
}

const isLeaf = (node: ExprNode): boolean => node.kind === 'number' || node.kind === 'name';

/**
 * Keys of the compound subexpressions that occur in two or more of `sources` (an expression counts once however
 * often it repeats one): the candidates for a temporary shared across sites. Unparsable sources are skipped (their
 * compile reports them).
 */
export function sharedSubexpressions(sources: readonly Expression[]): Set<string> {
  const seen = new Map<string, number>();
  for (const source of sources) {
    if (typeof source !== 'string') continue;
    let tree: ExprNode;
    try {
      tree = parseExpression(source);
    } catch (e) {
      if (e instanceof ExpressionSyntaxError) continue;
      throw e;
    }
    const keys = new Set<string>();
    const walk = (node: ExprNode): void => {
      if (isLeaf(node)) return;
      keys.add(subexpressionKey(node));
      childrenOf(node).forEach(walk);
    };
    walk(tree);
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= 2).map(([k]) => k));
}

/** Variation level of every node, from the levels of the names it reads. */
export function variationLevel(node: ExprNode, levelOfName: (name: string) => VariationLevel): VariationLevel {
  if (node.kind === 'number') return LEVEL_CONSTANT;
  if (node.kind === 'name') return levelOfName(node.name);
  let level: VariationLevel = LEVEL_CONSTANT;
  for (const c of childrenOf(node)) {
    const l = variationLevel(c, levelOfName);
    if (l > level) level = l;
  }
  return level;
}

/**
 * True when a subexpression reads only names that no evaluation can change (`fixedName`: cycle, age, time and the
 * model's constants; no parameter) besides numbers and tables: its value at a given model time is the same in
 * every evaluation (e.g. rescale_prob(mort(age), 1) or 1 + 0.001 * cycle).
 */
export function readsOnlyFixedNames(node: ExprNode, fixedName: (name: string) => boolean): boolean {
  if (node.kind === 'name') return fixedName(node.name);
  return childrenOf(node).every((c) => readsOnlyFixedNames(c, fixedName));
}

/**
 * The tree with its loop invariants replaced by temporaries, for a site evaluated every cycle (or per time in
 * state): each largest compound subexpression that varies only per evaluation, and each largest one that varies
 * per cycle but not with time in state when it is `shared` (or the site is evaluated per time in state). The
 * whole site is replaced only when `fixedName` is given and the site varies per cycle reading nothing but fixed
 * names (readsOnlyFixedNames): such a temporary can keep its value per cycle from one evaluation to the next, as
 * can any per-cycle one that reads only fixed names (hoisted even when not shared). `temporary(node, key, level)`
 * returns the name of the temporary that holds the node's value (the same one for the same key). Sites fixed
 * within an evaluation are returned unchanged.
 */
export function hoistInvariants(
  tree: ExprNode,
  levelOfName: (name: string) => VariationLevel,
  shared: ReadonlySet<string>,
  temporary: (node: ExprNode, key: string, level: VariationLevel) => string,
  fixedName?: (name: string) => boolean,
): ExprNode {
  const siteLevel = variationLevel(tree, levelOfName);
  if (siteLevel < LEVEL_CYCLE) return tree;
  const visit = (node: ExprNode, isRoot: boolean): ExprNode => {
    if (isLeaf(node)) return node;
    const level = variationLevel(node, levelOfName);
    if (level === LEVEL_CYCLE && fixedName && readsOnlyFixedNames(node, fixedName)) {
      return { kind: 'name', name: temporary(node, subexpressionKey(node), level), pos: node.pos };
    }
    if (!isRoot) {
      if (level === LEVEL_EVALUATION) return { kind: 'name', name: temporary(node, subexpressionKey(node), level), pos: node.pos };
      if (level === LEVEL_CYCLE) {
        const key = subexpressionKey(node);
        if (siteLevel === LEVEL_STATE_TIME || shared.has(key)) return { kind: 'name', name: temporary(node, key, level), pos: node.pos };
      }
    }
    switch (node.kind) {
      case 'unary':
        return { ...node, arg: visit(node.arg, false) };
      case 'binary':
        return { ...node, left: visit(node.left, false), right: visit(node.right, false) };
      case 'conditional':
        return { ...node, test: visit(node.test, false), then: visit(node.then, false), otherwise: visit(node.otherwise, false) };
      case 'call':
        return { ...node, args: node.args.map((a) => visit(a, false)) };
      default:
        return node;
    }
  };
  return visit(tree, true);
}
