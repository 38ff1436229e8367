import type { TreeNode } from '../../src/engine/tree/tree-schema';

/** A generated tree of about `n` nodes: chance nodes with three branches (the last one the complement). */
export function generatedTree(n: number): TreeNode {
  let made = 1;
  const grow = (depth: number): TreeNode => {
    if (made + 3 > n || depth > 6) return { kind: 'terminal', id: `t${made}`, costs: { c: made } };
    const branches: TreeNode[] = [];
    for (let k = 0; k < 3; k++) {
      made++;
      branches.push({ ...grow(depth + 1), probability: k === 2 ? 'C' : 0.3 });
    }
    return { kind: 'chance', id: `n${made}`, branches };
  };
  const strategies = [0, 1].map((s) => ({ ...grow(1), id: `s${s}`, label: `Strategy ${s}` }));
  return { kind: 'decision', id: 'root', branches: strategies };
}
