// Seeded mutations of JSON documents for the fuzz tests (issue 9, acceptance): numbers pushed to extremes, wrong
// types, removed keys, deep nesting, huge arrays (bounded), duplicate ids, names such as toString, and text-level
// damage (byte order mark, a duplicated key, truncation). fast-check draws the mutations from its seed, so a failing
// case is reproducible from the seed and path it prints.
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

export const MUTATION_KINDS = ['extreme-number', 'number-as-text', 'wrong-type', 'remove-key', 'deep-nesting', 'deep-expression', 'huge-array', 'duplicate-item', 'hostile-name'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  kind: MutationKind;
  /** Picks the node (modulo the number of nodes). */
  target: number;
  /** Picks the replacement from the kind's pool. */
  pick: number;
}

export const TEXT_DAMAGE = ['none', 'none', 'none', 'byte-order-mark', 'duplicate-key', 'truncate'] as const;
export type TextDamage = (typeof TEXT_DAMAGE)[number];

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom(...MUTATION_KINDS), target: fc.nat(), pick: fc.nat() });

/** Upper bound on the nodes one huge-array mutation adds. */
const MAX_ADDED_NODES = 200_000;
const EXTREMES = [1e308, -1e308, -1, 0, 5e-324, -5e-324, 1e12, 1e9, 1e15, 0.5, 2, 1.5, -0.001, 100_001];
const NUMBER_TEXTS = ['NaN', 'Infinity', '-Infinity', '1e999', '', ' ', 'x', '1,5', '0x10', '1e308*10'];
const WRONG_TYPES: Json[] = [true, null, [], {}, 'text', 42, [1, 2], { value: 1 }];
const HOSTILE_NAMES = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty', 'C', 'cycle', 'exp', 'prototype'];
const DEEP_EXPRESSIONS = ['('.repeat(5_000) + '1' + ')'.repeat(5_000), '-'.repeat(9_000) + '1', Array(3_000).fill('1').join('+'), '2^'.repeat(2_000) + '2', 'x'.repeat(20_000), 'exp(exp(exp(1000)))', '1/0', '0/0', 'log(-1)'];

interface Node {
  path: Path;
  value: Json;
  parent: Json[] | { [key: string]: Json } | null;
  key: string | number | null;
}

/** Every node of the document in a fixed order (iterative: documents may already be deep). */
function nodesOf(root: Json): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [{ path: [], value: root, parent: null, key: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    const v = node.value;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ path: [...node.path, i], value: v[i]!, parent: v, key: i });
    else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ path: [...node.path, keys[i]!], value: v[keys[i]!]!, parent: v, key: keys[i]! });
    }
  }
  return out;
}

/** Sets an own property, also for "__proto__" (plain assignment would change the prototype instead). */
function setOwn(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function replace(node: Node, value: Json): void {
  if (node.parent === null) return;
  if (Array.isArray(node.parent)) node.parent[node.key as number] = value;
  else setOwn(node.parent, node.key as string, value);
}

/** A marker replaced by the nested text when the document is written (JSON.stringify itself would recurse). */
function nestedMarker(depth: number, pick: number): string {
  return `@@nested:${depth}:${pick % 2 === 0 ? 'array' : 'object'}@@`;
}

function nestedText(depth: number, kind: string): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Applies one mutation in place; returns a short description for failure messages. */
export function applyMutation(root: Json, m: Mutation): string {
  const nodes = nodesOf(root);
  const node = nodes[m.target % nodes.length]!;
  const where = node.path.join('.') || '(root)';
  switch (m.kind) {
    case 'extreme-number': {
      // Prefer a number near the chosen node, so most mutations hit a value the engine reads.
      const numbers = nodes.filter((n) => typeof n.value === 'number');
      const target = numbers.length > 0 ? numbers[m.target % numbers.length]! : node;
      const value = EXTREMES[m.pick % EXTREMES.length]!;
      replace(target, value);
      return `${target.path.join('.')} = ${value}`;
    }
    case 'number-as-text': {
      const numbers = nodes.filter((n) => typeof n.value === 'number');
      const target = numbers.length > 0 ? numbers[m.target % numbers.length]! : node;
      const value = NUMBER_TEXTS[m.pick % NUMBER_TEXTS.length]!;
      replace(target, value);
      return `${target.path.join('.')} = ${JSON.stringify(value)}`;
    }
    case 'wrong-type': {
      const value = WRONG_TYPES[m.pick % WRONG_TYPES.length]!;
      replace(node, value);
      return `${where} = ${JSON.stringify(value)}`;
    }
    case 'remove-key': {
      if (node.parent && !Array.isArray(node.parent)) delete node.parent[node.key as string];
      else if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
      return `remove ${where}`;
    }
    case 'deep-nesting': {
      const depth = [50, 250, 10_000][m.pick % 3]!;
      replace(node, nestedMarker(depth, m.pick));
      return `${where} nested ${depth} deep`;
    }
    case 'deep-expression': {
      const strings = nodes.filter((n) => typeof n.value === 'string' && n.key !== 'format' && n.key !== 'type');
      const target = strings.length > 0 ? strings[m.target % strings.length]! : node;
      const value = DEEP_EXPRESSIONS[m.pick % DEEP_EXPRESSIONS.length]!;
      replace(target, value);
      return `${target.path.join('.')} = ${JSON.stringify(value.slice(0, 20))}… (${value.length} characters)`;
    }
    case 'huge-array': {
      const arrays = nodes.filter((n) => Array.isArray(n.value) && (n.value as Json[]).length > 0);
      const target = arrays.length > 0 ? arrays[m.target % arrays.length]! : node;
      const items = Array.isArray(target.value) ? target.value : [0];
      // Bounded by the nodes added, so a second huge-array mutation inside the first cannot multiply them (5,000 ×
      // 5,000 items exhausts the test's own memory before any file is written).
      const perItem = Math.max(1, nodesOf(items).length / items.length);
      const size = Math.max(items.length, Math.min([500, 2_000, 5_000][m.pick % 3]!, Math.floor(MAX_ADDED_NODES / perItem)));
      replace(target, Array.from({ length: size }, (_, i) => structuredClone(items[i % items.length]!)));
      return `${target.path.join('.')} repeated to ${size} items`;
    }
    case 'duplicate-item': {
      const withIds = nodes.filter((n) => Array.isArray(n.parent) && n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value) && Object.hasOwn(n.value, 'id'));
      const target = withIds.length > 0 ? withIds[m.target % withIds.length]! : node;
      if (Array.isArray(target.parent)) target.parent.push(structuredClone(target.value));
      return `duplicate ${target.path.join('.')}`;
    }
    case 'hostile-name': {
      const name = HOSTILE_NAMES[m.pick % HOSTILE_NAMES.length]!;
      const ids = nodes.filter((n) => n.key === 'id' && typeof n.value === 'string');
      if (m.pick % 2 === 0 && ids.length > 0) {
        const target = ids[m.target % ids.length]!;
        replace(target, name);
        return `${target.path.join('.')} = ${name}`;
      }
      const objects = nodes.filter((n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value));
      const target = objects[m.target % objects.length]!;
      setOwn(target.value as { [key: string]: Json }, name, 1);
      return `${target.path.join('.') || '(root)'}.${name} = 1`;
    }
  }
}

/** The document as file text, with optional damage to the text itself. */
export function damagedText(doc: Json, damage: TextDamage, pick: number): string {
  const text = JSON.stringify(doc, null, 2).replace(/"@@nested:(\d+):(\w+)@@"/g, (_, depth: string, kind: string) => nestedText(Number(depth), kind));
  switch (damage) {
    case 'none':
      return text;
    case 'byte-order-mark':
      return `\ufeff${text}`;
    case 'duplicate-key': {
      // Repeat the first "key": value line of the first object (same key twice in that object).
      const lines = text.split('\n');
      const at = lines.findIndex((l, i) => i > 0 && /^\s*"[^"]+": [^{[]*,$/.test(l));
      if (at > 0) lines.splice(at, 0, lines[at]!);
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, pick % Math.max(1, text.length));
  }
}

export type { Json };
