// Orders parameters so each is computed after the ones it reads; reports every cycle with the names in it.

export interface TopologicalOrder {
  order: string[];
  /** Each cycle as the list of names around it, e.g. ["a", "b", "a"]. */
  cycles: string[][];
}

/** deps: for each node, the nodes it reads. Nodes not in deps are ignored. Depth-first, iterative. */
export function topologicalOrder(nodes: string[], deps: ReadonlyMap<string, readonly string[]>): TopologicalOrder {
  const state = new Map<string, 0 | 1 | 2>(); // 0 new, 1 on stack, 2 done
  const order: string[] = [];
  const cycles: string[][] = [];
  const seenCycles = new Set<string>();
  for (const root of nodes) {
    if (state.get(root)) continue;
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const children = (deps.get(top.node) ?? []).filter((c) => deps.has(c));
      if (top.next < children.length) {
        const child = children[top.next++]!;
        const s = state.get(child) ?? 0;
        if (s === 0) {
          state.set(child, 1);
          stack.push({ node: child, next: 0 });
        } else if (s === 1) {
          const from = stack.findIndex((f) => f.node === child);
          const cycle = [...stack.slice(from).map((f) => f.node), child];
          const key = [...new Set(cycle)].sort().join(',');
          if (!seenCycles.has(key)) {
            seenCycles.add(key);
            cycles.push(cycle);
          }
        }
      } else {
        state.set(top.node, 2);
        order.push(top.node);
        stack.pop();
      }
    }
  }
  return { order, cycles };
}
