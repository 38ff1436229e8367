// Safety net for the Markov engine's fast paths (sparse rows, recomputing only what changed, fused trace and
// value loops, reused buffers): on many random parameter draws of the example models, compiled.evaluate must
// equal a deliberately plain reference evaluation that recomputes every parameter, a dense transition matrix
// and every value in every cycle, straight from the model file.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HtaModel, Expression, CostEntry } from '../../src/engine/model/schema';
import type { CompiledModel, StrategyResult } from '../../src/engine/compiled-model';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { ModelEvaluationError } from '../../src/engine/errors';
import { parseExpression } from '../../src/engine/expression/parser';
import { compileExpressionTree, VARIABLE_COUNT, VARIABLE_SLOTS } from '../../src/engine/expression/compile';
import type { Evaluator } from '../../src/engine/expression/compile';
import { compileTable } from '../../src/engine/expression/lookup-table';
import { countingWeights, discountFactors } from '../../src/engine/economics/conventions';
import { costCategoryIds } from '../../src/engine/markov/compile-markov';
import { syntheticModel } from '../../bench/markov-bench';

type MarkovModel = HtaModel & { model: { type: 'markov' } };

interface ReferenceRun {
  totals: { cost: number; costUndiscounted: number; qalys: number; qalysUndiscounted: number; lifeYears: number; lifeYearsUndiscounted: number };
  costByCategory: number[];
  trace: number[][];
  costPerCycle: number[][];
  costPerCycleDiscounted: number[][];
  qalysPerCycle: number[];
  lifeYearsPerCycle: number[];
}

function addTo(xs: number[], k: number, x: number): void {
  xs[k] = xs[k]! + x;
}

/** Thrown by the reference when a probability, row or value is invalid (the engine must throw too). */
class InvalidDraw extends Error {}

/** Plain evaluation of one strategy: everything recomputed every cycle, dense matrix, no caching. */
function referenceRun(model: MarkovModel, si: number, inputs: Float64Array, isInput: Uint8Array): ReferenceRun {
  const { settings } = model;
  const L = settings.cycleLength;
  const T = settings.cycles ?? Math.round(settings.horizon! / L);
  const ids = model.parameters.map((p) => p.id);
  const slotOf = new Map(ids.map((id, i) => [id, i]));
  const tables = new Map(model.tables.map((t) => [t.id, compileTable(t)]));
  const resolver = { cycleLength: L, parameterSlot: (n: string) => slotOf.get(n), table: (n: string) => tables.get(n) };
  const compile = (e: Expression): Evaluator => (typeof e === 'number' ? () => e : compileExpressionTree(parseExpression(e), resolver));
  const strategy = model.strategies[si]!;
  // Derived parameters: file expressions, or the strategy's override (which wins over an input too).
  const derived: [number, Evaluator][] = [];
  model.parameters.forEach((p, i) => {
    const override = strategy.parameters?.[p.id];
    if (override !== undefined) derived.push([i, compile(override)]);
    else if (!isInput[i] && p.expression !== undefined) derived.push([i, compile(p.expression)]);
  });
  const work = new Float64Array(ids.length);
  const vars = new Float64Array(VARIABLE_COUNT);
  const setCycle = (c: number): void => {
    vars[VARIABLE_SLOTS.cycle] = c;
    vars[VARIABLE_SLOTS.time] = (c - 1) * L;
    vars[VARIABLE_SLOTS.age] = (settings.startAge ?? NaN) + (c - 1) * L;
    vars[VARIABLE_SLOTS.state_time] = 1;
    work.set(inputs);
    // As many passes as parameters: enough for any dependency order.
    for (let pass = 0; pass < derived.length; pass++) for (const [i, f] of derived) work[i] = f(work, vars);
  };
  const states = model.model.states.map((s) => s.id);
  const n = states.length;
  const at = (s: string): number => states.indexOf(s);
  const transitions = [...model.model.transitions];
  for (const t of strategy.transitions ?? []) {
    const k = transitions.findIndex((e) => e.from === t.from && e.to === t.to);
    if (k >= 0) transitions[k] = t;
    else transitions.push(t);
  }
  const matrix = (): number[][] => {
    const P = states.map(() => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      const out = transitions.filter((t) => t.from === states[i]);
      if (out.length === 0) P[i]![i] = 1;
      let sum = 0;
      let complement = -1;
      for (const t of out) {
        if (t.probability === 'C') {
          complement = at(t.to);
          continue;
        }
        const x = compile(t.probability)(work, vars);
        if (!(x >= -1e-12 && x <= 1 + 1e-12)) throw new InvalidDraw(`probability ${x}`);
        P[i]![at(t.to)] = x;
        sum += x;
      }
      if (complement >= 0) {
        if (1 - sum < -1e-9) throw new InvalidDraw(`row sum ${sum}`);
        P[i]![complement] = Math.max(0, 1 - sum);
      } else if (out.length > 0 && Math.abs(sum - 1) > 1e-9) throw new InvalidDraw(`row sum ${sum}`);
    }
    return P;
  };
  const categories = costCategoryIds(model);
  const categoryRate = new Map(model.costCategories.map((c) => [c.id, c.discountRate]));
  const entryOf = (e: CostEntry): { value: Expression; rate?: number } => (typeof e === 'object' ? { value: e.value, ...(e.discountRate !== undefined ? { rate: e.discountRate } : {}) } : { value: e });
  // State values: the model's, with the strategy's on top.
  const costs = states.map(() => new Map<string, { value: Expression; rate?: number }>());
  const utility: (Expression | undefined)[] = states.map(() => undefined);
  for (const values of [model.model.stateValues, strategy.stateValues ?? {}]) {
    for (const [s, sv] of Object.entries(values)) {
      for (const [cat, e] of Object.entries(sv.costs ?? {})) costs[at(s)]!.set(cat, entryOf(e));
      if (sv.utility !== undefined) utility[at(s)] = sv.utility;
    }
  }
  const rateOf = (cat: string, own?: number): number => own ?? categoryRate.get(cat) ?? settings.discount.costs;
  const counting = countingWeights(settings.counting, T, []);
  const Tc = counting.valueCycles;
  const factor = (rate: number, c: number): number => discountFactors([rate], Tc, L, settings.discount.firstCycleDiscounted)[c]!;
  const finite = (x: number): number => {
    if (!Number.isFinite(x)) throw new InvalidDraw(`value ${x}`);
    return x;
  };

  setCycle(1);
  const initial = strategy.initial ?? model.model.initial;
  const trace: number[][] = [states.map((s) => (initial[s] === undefined ? 0 : compile(initial[s])(work, vars)))];
  const run: ReferenceRun = {
    totals: { cost: 0, costUndiscounted: 0, qalys: 0, qalysUndiscounted: 0, lifeYears: 0, lifeYearsUndiscounted: 0 },
    costByCategory: categories.map(() => 0),
    trace,
    costPerCycle: [],
    costPerCycleDiscounted: [],
    qalysPerCycle: [],
    lifeYearsPerCycle: [],
  };
  for (let c = 1; c <= Tc; c++) {
    setCycle(c);
    const prev = trace[c - 1]!;
    const cost = categories.map(() => 0);
    const costD = categories.map(() => 0);
    let oneOffQ = 0;
    let oneOffQD = 0;
    if (c <= T) {
      const P = matrix();
      for (const tv of model.model.transitionValues) {
        let flow = 0;
        for (let i = 0; i < n; i++) if (states[i] !== tv.to && (tv.from === undefined || tv.from === states[i])) flow += prev[i]! * P[i]![at(tv.to)]!;
        for (const [cat, e] of Object.entries(tv.costs ?? {})) {
          const { value, rate } = entryOf(e);
          const x = flow * finite(compile(value)(work, vars));
          addTo(cost, categories.indexOf(cat), x);
          addTo(costD, categories.indexOf(cat), x * factor(rateOf(cat, rate), c));
        }
        if (tv.qalys !== undefined) {
          const x = flow * finite(compile(tv.qalys)(work, vars));
          oneOffQ += x;
          oneOffQD += x * factor(settings.discount.effects, c);
        }
      }
      trace.push(states.map((_, j) => prev.reduce((acc, share, i) => acc + share * P[i]![j]!, 0)));
    }
    const next = trace[c];
    let q = 0;
    let ly = 0;
    for (let j = 0; j < n; j++) {
      const o = counting.weightPrev[c]! * prev[j]! + (next ? counting.weightNext[c]! * next[j]! : 0);
      if (!model.model.states[j]!.dead) ly += o;
      const u = utility[j];
      if (u !== undefined) q += o * finite(compile(u)(work, vars));
      for (const [cat, { value, rate }] of costs[j]!) {
        const x = o * finite(compile(value)(work, vars));
        addTo(cost, categories.indexOf(cat), x);
        addTo(costD, categories.indexOf(cat), x * factor(rateOf(cat, rate), c));
      }
    }
    const dfE = factor(settings.discount.effects, c);
    run.costPerCycle.push(cost);
    run.costPerCycleDiscounted.push(costD);
    run.qalysPerCycle.push(q * L + oneOffQ);
    run.lifeYearsPerCycle.push(ly * L);
    run.totals.qalys += q * L * dfE + oneOffQD;
    run.totals.qalysUndiscounted += q * L + oneOffQ;
    run.totals.lifeYears += ly * L * dfE;
    run.totals.lifeYearsUndiscounted += ly * L;
    cost.forEach((x, k) => {
      run.totals.costUndiscounted += x;
      run.totals.cost += costD[k]!;
      addTo(run.costByCategory, k, costD[k]!);
    });
  }
  return run;
}

function expectClose(actual: number, expected: number, what: string): void {
  const scale = Math.max(Math.abs(expected), 1e-9);
  if (!(Math.abs(actual - expected) <= 1e-10 * scale)) expect.fail(`${what}: engine ${actual}, reference ${expected}`);
}

function compareStrategy(engine: StrategyResult, ref: ReferenceRun, nStates: number, nCat: number, where: string): void {
  for (const key of Object.keys(ref.totals) as (keyof ReferenceRun['totals'])[]) expectClose(engine.totals[key], ref.totals[key], `${where} totals.${key}`);
  ref.costByCategory.forEach((x, k) => expectClose(engine.costByCategory[k]!, x, `${where} costByCategory[${k}]`));
  ref.trace.forEach((row, t) => row.forEach((x, j) => expectClose(engine.trace[t * nStates + j]!, x, `${where} trace[${t}][${j}]`)));
  ref.costPerCycle.forEach((row, c) =>
    row.forEach((x, k) => {
      expectClose(engine.costPerCycle[c * nCat + k]!, x, `${where} costPerCycle[${c}][${k}]`);
      expectClose(engine.costPerCycleDiscounted[c * nCat + k]!, ref.costPerCycleDiscounted[c]![k]!, `${where} costPerCycleDiscounted[${c}][${k}]`);
    }),
  );
  ref.qalysPerCycle.forEach((x, c) => expectClose(engine.qalysPerCycle[c]!, x, `${where} qalysPerCycle[${c}]`));
  ref.lifeYearsPerCycle.forEach((x, c) => expectClose(engine.lifeYearsPerCycle[c]!, x, `${where} lifeYearsPerCycle[${c}]`));
}

/** Deterministic uniform draws (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const examplesDir = resolve(__dirname, '..', '..', 'resources', 'examples');
const markovExamples: [string, unknown][] = readdirSync(examplesDir)
  // Model files only (resources/examples also holds the example dossier file, *.htad.json).
  .filter((f) => f.endsWith('.json') && !f.endsWith('.htad.json'))
  .map((f): [string, unknown] => [f, JSON.parse(readFileSync(resolve(examplesDir, f), 'utf8')) as unknown])
  .filter(([, json]) => (json as { model: { type: string } }).model.type === 'markov');

describe('optimised Markov evaluation equals a plain reference evaluation', () => {
  it('covers the Markov examples (guards against a silently empty test)', () => {
    expect(markovExamples.length).toBeGreaterThanOrEqual(5);
  });

  const cases: [string, unknown][] = [...markovExamples, ['synthetic 10-state benchmark model', syntheticModel()]];
  it.each(cases)('%s: base case and 25 random draws (inputs × U(0.85, 1.15)), buffers reused', (_name, json) => {
    const model = parseModel(json) as MarkovModel;
    const compiled: CompiledModel = compileModel(model);
    const base = compiled.baseParameters();
    const out = compiled.createResult();
    const random = lcg(2026);
    let compared = 0;
    let rejected = 0;
    for (let draw = 0; draw <= 25; draw++) {
      const params = Float64Array.from(base);
      if (draw > 0) for (let i = 0; i < params.length; i++) if (compiled.isInput[i]) params[i] = params[i]! * (0.85 + 0.3 * random());
      let refs: ReferenceRun[];
      try {
        refs = model.strategies.map((_, si) => referenceRun(model, si, params, compiled.isInput));
      } catch (e) {
        if (!(e instanceof InvalidDraw)) throw e;
        // The engine must reject the draw too, with its located error.
        expect(() => compiled.evaluate(params, out)).toThrow(ModelEvaluationError);
        rejected++;
        continue;
      }
      const result = compiled.evaluate(params, out);
      expect(result).toBe(out);
      refs.forEach((ref, si) => compareStrategy(result.strategies[si]!, ref, compiled.stateIds.length, compiled.categoryIds.length, `draw ${draw}, ${compiled.strategyIds[si]}`));
      compared++;
    }
    expect(compared).toBeGreaterThan(rejected);
  }, 180_000); // a reference interpreter evaluates each draw: slow on a shared machine

  it('gives identical results for the same draw after other draws (no state leaks between evaluations)', () => {
    const compiled = compileModel(parseModel(markovExamples.find(([f]) => f === 'hiv-chancellor-1997.json')![1]));
    const base = compiled.baseParameters();
    const first = compiled.evaluate(base);
    const out = compiled.createResult();
    const other = Float64Array.from(base);
    other[compiled.parameterIndex.get('rr')!] = 0.7;
    other[compiled.parameterIndex.get('effect_years')!] = 5;
    compiled.evaluate(other, out);
    compiled.evaluate(base, out);
    first.strategies.forEach((s, si) => {
      expect(out.strategies[si]!.totals).toEqual(s.totals);
      expect(Array.from(out.strategies[si]!.costPerCycle)).toEqual(Array.from(s.costPerCycle));
      expect(Array.from(out.strategies[si]!.trace)).toEqual(Array.from(s.trace));
    });
  });
});

describe('expression shortcuts for constant operands (fewer closure calls) keep the operators\' results', () => {
  const slotOf = new Map([['x', 0]]);
  const resolver = { cycleLength: 1, parameterSlot: (n: string) => slotOf.get(n), table: () => undefined };
  const vars = new Float64Array(VARIABLE_COUNT);
  const at = (src: string, x: number): number => compileExpressionTree(parseExpression(src), resolver)(Float64Array.of(x), vars);
  const cases: [string, (x: number) => number][] = [
    ['2 + x', (x) => 2 + x],
    ['3 / x', (x) => 3 / x],
    ['2 ^ x', (x) => 2 ** x],
    ['x ^ 2', (x) => x ** 2],
    ['x < 0.5', (x) => (x < 0.5 ? 1 : 0)],
    ['x > 0.5', (x) => (x > 0.5 ? 1 : 0)],
    ['x >= 0.5', (x) => (x >= 0.5 ? 1 : 0)],
    ['min(1, x * 2)', (x) => (Number.isNaN(x) ? NaN : Math.min(1, x * 2))],
    ['max(x, 0.25)', (x) => (Number.isNaN(x) ? NaN : Math.max(x, 0.25))],
    ['min(x, 0 / 0)', () => NaN],
  ];
  it.each(cases)('%s', (src, expected) => {
    for (const x of [-1.5, 0, 0.25, 0.5, 0.75, 3, NaN]) expect(at(src, x)).toBe(expected(x));
  });
});
