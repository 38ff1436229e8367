// The optimised tree/hybrid evaluate (buffers, discount factors and sub-model entries kept between calls with the
// same `out`) must give what a fresh compile + fresh result gives, draw after draw, including after parameter
// changes that change which sub-models are reached and after a draw that fails a run-time check.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import type { ModelResult } from '../../../src/engine/compiled-model';
import { ModelEvaluationError } from '../../../src/engine/errors';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import type { PsaSetup } from '../../../src/engine/psa/psa-setup';
import type { TreeStrategyResult } from '../../../src/engine/tree/compile-tree';
import { strategyDetails } from '../../../src/engine/tree/strategy-details';

const FILE = resolve(__dirname, '../../../resources/examples/liquid-biopsy-nsclc.json');
const model = parseModel(JSON.parse(readFileSync(FILE, 'utf8')));
const REL = 1e-12;

/** Every number of a and b (totals, per-category and per-cycle arrays, trace, details) within REL relative; same shape. */
function differences(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length > 10) return;
  if (typeof a === 'number' && typeof b === 'number') {
    const scale = Math.max(Math.abs(a), Math.abs(b));
    if (!(a === b || (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= REL * scale)) out.push(`${path}: ${a} vs ${b}`);
    return;
  }
  if (a instanceof Float64Array || b instanceof Float64Array) {
    const x = a as Float64Array;
    const y = b as Float64Array;
    if (!(x instanceof Float64Array && y instanceof Float64Array) || x.length !== y.length) {
      out.push(`${path}: typed arrays differ in kind or length`);
      return;
    }
    for (let i = 0; i < x.length; i++) differences(x[i], y[i], `${path}[${i}]`, out);
    return;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    if (a !== b) out.push(`${path}: ${String(a)} vs ${String(b)}`);
    return;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('|') !== kb.join('|')) {
    out.push(`${path}: keys ${ka.join(',')} vs ${kb.join(',')}`);
    return;
  }
  for (const k of ka) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
}

/** A plain copy of everything a result holds (details through strategyDetails, as reports read them). */
function snapshot(r: ModelResult): unknown {
  return r.strategies.map((s) => ({
    id: s.id,
    totals: { ...s.totals },
    costByCategory: Float64Array.from(s.costByCategory),
    costByCategoryUndiscounted: Float64Array.from(s.costByCategoryUndiscounted),
    trace: Float64Array.from(s.trace),
    costPerCycle: Float64Array.from(s.costPerCycle),
    costPerCycleDiscounted: Float64Array.from(s.costPerCycleDiscounted),
    qalysPerCycle: Float64Array.from(s.qalysPerCycle),
    qalysPerCycleDiscounted: Float64Array.from(s.qalysPerCycleDiscounted),
    lifeYearsPerCycle: Float64Array.from(s.lifeYearsPerCycle),
    lifeYearsPerCycleDiscounted: Float64Array.from(s.lifeYearsPerCycleDiscounted),
    details: strategyDetails(s),
  }));
}

function drawParameters(setup: PsaSetup, block: Float64Array, d: number): Float64Array {
  const params = Float64Array.from(setup.base);
  const k = setup.slots.length;
  for (let j = 0; j < k; j++) params[setup.slots[j]!] = block[d * k + j]!;
  return params;
}

/** What a brand-new compiled model gives for these parameters (no buffers or state from earlier calls). */
function freshResult(setup: PsaSetup, params: Float64Array): unknown {
  const inputs = setup.compiled.parameterIds.filter((id, i) => setup.compiled.isInput[i] === 1 && model.parameters.some((p) => p.id === id && p.expression !== undefined));
  return snapshot(compileModel(model, { inputs }).evaluate(params));
}

describe('tree/hybrid evaluate with a reused result equals a fresh compile and evaluate', () => {
  const setup = createPsaSetup(model, 20261128);
  const nDraws = 60;
  const block = setup.sampler.fill(0, nDraws);
  const index = (id: string): number => {
    const i = setup.compiled.parameterIndex.get(id);
    if (i === undefined) throw new Error(`no parameter ${id}`);
    return i;
  };

  it('is a tree with partitioned-survival sub-models whose PSA varies the curve parameters', () => {
    expect(setup.compiled.type).toBe('tree');
    expect(setup.compiled.stateIds).toContain('PF');
    const slotsVaried = [...setup.slots].map((s) => setup.compiled.parameterIds[s]);
    expect(slotsVaried).toEqual(expect.arrayContaining(['m_pfs_tki', 'm_os_cio', 's60_os_alk', 'p_egfr', 'sens_plasma']));
    // The draws differ from each other in the curve parameters (otherwise a stale cache could not show).
    const m = index('m_pfs_tki');
    expect(drawParameters(setup, block, 0)[m]).not.toBe(drawParameters(setup, block, 1)[m]);
  });

  it('gives the same totals, arrays and details as a fresh compile on every PSA draw, one `out` reused throughout', () => {
    const out = setup.compiled.createResult();
    const problems: string[] = [];
    for (let d = 0; d < nDraws; d++) {
      const params = drawParameters(setup, block, d);
      const got = snapshot(setup.compiled.evaluate(params, out));
      differences(got, freshResult(setup, params), `draw ${d}`, problems);
    }
    expect(problems).toEqual([]);
  });

  it('has no stale state when parameters change between calls: base, draw, same draw again, base again', () => {
    const out = setup.compiled.createResult();
    const base = setup.compiled.baseParameters();
    const baseFresh = freshResult(setup, base);
    const problems: string[] = [];
    for (let d = 0; d < 10; d++) {
      const params = drawParameters(setup, block, d);
      const fresh = freshResult(setup, params);
      differences(snapshot(setup.compiled.evaluate(base, out)), baseFresh, `base before draw ${d}`, problems);
      differences(snapshot(setup.compiled.evaluate(params, out)), fresh, `draw ${d}`, problems);
      differences(snapshot(setup.compiled.evaluate(params, out)), fresh, `draw ${d} again`, problems);
    }
    differences(snapshot(setup.compiled.evaluate(base, out)), baseFresh, 'base at the end', problems);
    expect(problems).toEqual([]);
    // And a draw really changes the result (the comparison above could not pass by returning the base case).
    const moved = snapshot(setup.compiled.evaluate(drawParameters(setup, block, 0), out)) as { totals: { cost: number } }[];
    expect(moved[0]!.totals.cost).not.toBe((baseFresh as { totals: { cost: number } }[])[0]!.totals.cost);
  });

  it('rebuilds the reached sub-models when a parameter change makes one unreachable, and restores it after', () => {
    const out = setup.compiled.createResult();
    const base = setup.compiled.baseParameters();
    const none = Float64Array.from(base);
    for (const id of ['p_egfr', 'p_alk', 'p_ros1', 'p_braf', 'p_ret', 'p_met', 'p_ntrk']) none[index(id)] = 0;
    const submodelsOf = (r: ModelResult): string[] => Object.keys((r.strategies[0] as TreeStrategyResult).tree.submodels);
    const all = submodelsOf(setup.compiled.evaluate(base, out));
    expect(all).toContain('targeted_egfr');
    const problems: string[] = [];
    const fresh = freshResult(setup, none);
    const got = setup.compiled.evaluate(none, out);
    differences(snapshot(got), fresh, 'prevalence 0', problems);
    // With no actionable alteration, nobody enters a matched targeted-therapy sub-model (false positives enter
    // targeted_no_target): the reached set changes.
    const shares = (got.strategies[0] as TreeStrategyResult).tree.submodels;
    expect(shares['targeted_egfr']?.probability ?? 0).toBe(0);
    expect(submodelsOf(got)).not.toEqual(all);
    differences(snapshot(setup.compiled.evaluate(base, out)), freshResult(setup, base), 'base after prevalence 0', problems);
    expect(submodelsOf(out)).toEqual(all);
    expect(problems).toEqual([]);
  });

  it('keeps the run-time checks: a probability above 1 throws a located error, and the next call is still right', () => {
    const out = setup.compiled.createResult();
    const bad = drawParameters(setup, block, 3);
    bad[index('sens_plasma')] = 1.5;
    expect(() => setup.compiled.evaluate(bad, out)).toThrow(ModelEvaluationError);
    const nan = drawParameters(setup, block, 4);
    nan[index('m_os_tki')] = NaN;
    expect(() => setup.compiled.evaluate(nan, out)).toThrow(ModelEvaluationError);
    const params = drawParameters(setup, block, 5);
    const problems: string[] = [];
    differences(snapshot(setup.compiled.evaluate(params, out)), freshResult(setup, params), 'after errors', problems);
    expect(problems).toEqual([]);
  });
});
