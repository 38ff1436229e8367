// A strategy's flattened tree as typed arrays, and the distinct expressions of a tree evaluated once per
// evaluation. A diagnostic construct repeats the same few expressions (a test's sensitivity, an uptake) at
// hundreds of nodes: the evaluator reads each value from one array instead of calling a closure per factor, and
// walks children, factors and terms as index ranges instead of object graphs. The arithmetic it then does is the
// node-by-node arithmetic of the PlanNode list (same operations, same order), so results do not change.
import type { CompiledSite } from '../model/parameter-program';
import { ExpressionBatch } from '../expression/inline-forms';
import type { PlanNode } from './flatten-tree';

/**
 * The distinct expression sites of one or more strategies, evaluated together. Two sites with the same source
 * read the same parameters the same way, so with the same parameter values they give the same double (evaluators
 * are pure and never throw); the first site with a source stands for all of them.
 */
export class SiteTable {
  readonly sites: CompiledSite[] = [];
  private readonly bySource = new Map<string, number>();
  values = new Float64Array(0);
  private batch = new ExpressionBatch([]);
  private targets = new Int32Array(0);
  private stale = false;

  /** Index of the value of `site` (adding it when its source is new). */
  indexOf(site: CompiledSite): number {
    const key = typeof site.source === 'number' ? `#${site.source}` : `=${site.source}`;
    let i = this.bySource.get(key);
    if (i === undefined) {
      i = this.sites.push(site) - 1;
      this.bySource.set(key, i);
      this.values = new Float64Array(this.sites.length);
      this.stale = true;
    }
    return i;
  }

  /** values[k] = site k for the program's current parameter values. */
  evaluate(work: Float64Array, vars: Float64Array): void {
    if (this.stale) {
      this.batch = new ExpressionBatch(this.sites);
      this.targets = Int32Array.from(this.sites, (_, k) => k);
      this.stale = false;
    }
    if (this.targets.length > 0) this.batch.evaluate(work, vars, this.values, this.targets);
  }
}

export const TIME_SUM = 0;
export const TIME_MIN = 1;
export const TIME_MAX = 2;

/**
 * A strategy's nodes in pre-order. Ranges are [start[i], start[i + 1]). Factors (a site value, or 1 minus it) are
 * pooled: each product is a range of the pool; `factorSites` keeps the compiled site of each factor for messages.
 */
export interface TreeTape {
  n: number;
  kind: Uint8Array;
  parent: Int32Array;
  childStart: Int32Array;
  children: Int32Array;
  submodel: Int32Array;
  /** 1 when the branch is the complement "C" of its chance parent. */
  complement: Uint8Array;
  /** Probability at a chance parent: factor range per node. */
  probStart: Int32Array;
  probEnd: Int32Array;
  /** One-off cost terms per node: term range; per term its category and factor range. */
  costStart: Int32Array;
  costCategory: Int32Array;
  costFactorStart: Int32Array;
  costFactorEnd: Int32Array;
  /** One-off QALY terms per node: term range; per term its factor range. */
  qalyStart: Int32Array;
  qalyFactorStart: Int32Array;
  qalyFactorEnd: Int32Array;
  /** Time sites per node (values index) and how they combine (TIME_SUM, TIME_MIN, TIME_MAX). */
  timeStart: Int32Array;
  timeValue: Int32Array;
  timeSites: CompiledSite[];
  timeMode: Uint8Array;
  /** Counters per node: range; per counter its index and factor range. */
  counterStart: Int32Array;
  counterId: Int32Array;
  counterFactorStart: Int32Array;
  counterFactorEnd: Int32Array;
  /** The factor pool: value index, 1 for "1 minus the value", and the compiled site. */
  factorValue: Int32Array;
  factorComplement: Uint8Array;
  factorSites: CompiledSite[];
}

/** The tape of a flattened strategy; its sites are registered in `table`. */
export function buildTreeTape(nodes: readonly PlanNode[], table: SiteTable): TreeTape {
  const n = nodes.length;
  const factorValue: number[] = [];
  const factorComplement: number[] = [];
  const factorSites: CompiledSite[] = [];
  const addFactors = (factors: readonly { site: CompiledSite; complement: boolean }[]): [number, number] => {
    const start = factorValue.length;
    for (const f of factors) {
      factorValue.push(table.indexOf(f.site));
      factorComplement.push(f.complement ? 1 : 0);
      factorSites.push(f.site);
    }
    return [start, factorValue.length];
  };
  const childStart = new Int32Array(n + 1);
  const children: number[] = [];
  const probStart = new Int32Array(n);
  const probEnd = new Int32Array(n);
  const complement = new Uint8Array(n);
  const costStart = new Int32Array(n + 1);
  const costCategory: number[] = [];
  const costFactorStart: number[] = [];
  const costFactorEnd: number[] = [];
  const qalyStart = new Int32Array(n + 1);
  const qalyFactorStart: number[] = [];
  const qalyFactorEnd: number[] = [];
  const timeStart = new Int32Array(n + 1);
  const timeValue: number[] = [];
  const timeSites: CompiledSite[] = [];
  const counterStart = new Int32Array(n + 1);
  const counterId: number[] = [];
  const counterFactorStart: number[] = [];
  const counterFactorEnd: number[] = [];
  nodes.forEach((node, i) => {
    childStart[i] = children.length;
    children.push(...node.children);
    if (node.probability === null) complement[i] = 1;
    else [probStart[i], probEnd[i]] = addFactors(node.probability);
    costStart[i] = costCategory.length;
    for (const term of node.costs) {
      const [a, b] = addFactors(term.factors);
      costCategory.push(term.category);
      costFactorStart.push(a);
      costFactorEnd.push(b);
    }
    qalyStart[i] = qalyFactorStart.length;
    for (const term of node.qalys) {
      const [a, b] = addFactors(term);
      qalyFactorStart.push(a);
      qalyFactorEnd.push(b);
    }
    timeStart[i] = timeValue.length;
    for (const s of node.time) {
      timeValue.push(table.indexOf(s));
      timeSites.push(s);
    }
    counterStart[i] = counterId.length;
    for (const c of node.counters) {
      const [a, b] = addFactors(c.factors);
      counterId.push(c.counter);
      counterFactorStart.push(a);
      counterFactorEnd.push(b);
    }
  });
  childStart[n] = children.length;
  costStart[n] = costCategory.length;
  qalyStart[n] = qalyFactorStart.length;
  timeStart[n] = timeValue.length;
  counterStart[n] = counterId.length;
  return {
    n,
    kind: Uint8Array.from(nodes, (x) => x.kind),
    parent: Int32Array.from(nodes, (x) => x.parent),
    childStart,
    children: Int32Array.from(children),
    submodel: Int32Array.from(nodes, (x) => x.submodel),
    complement,
    probStart,
    probEnd,
    costStart,
    costCategory: Int32Array.from(costCategory),
    costFactorStart: Int32Array.from(costFactorStart),
    costFactorEnd: Int32Array.from(costFactorEnd),
    qalyStart,
    qalyFactorStart: Int32Array.from(qalyFactorStart),
    qalyFactorEnd: Int32Array.from(qalyFactorEnd),
    timeStart,
    timeValue: Int32Array.from(timeValue),
    timeSites,
    timeMode: Uint8Array.from(nodes, (x) => (x.timeMode === 'sum' ? TIME_SUM : x.timeMode === 'min' ? TIME_MIN : TIME_MAX)),
    counterStart,
    counterId: Int32Array.from(counterId),
    counterFactorStart: Int32Array.from(counterFactorStart),
    counterFactorEnd: Int32Array.from(counterFactorEnd),
    factorValue: Int32Array.from(factorValue),
    factorComplement: Uint8Array.from(factorComplement),
    factorSites,
  };
}
