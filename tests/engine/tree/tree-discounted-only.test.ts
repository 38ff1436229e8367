// A PSA, DSA or EVPPI reads discounted cost and effect only: their results are discounted-only, and trees, hybrids
// and partitioned-survival models then skip their undiscounted roll-back and sums. A base-case run still has both.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import type { ModelResult } from '../../../src/engine/compiled-model';
import { treeUndiscountedRollBacks } from '../../../src/engine/tree/compile-tree';
import { psmUndiscountedRuns } from '../../../src/engine/psm/compile-psm';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { createPsaWorkspace } from '../../../src/engine/psa/psa-runner';
import { createDsaSetup } from '../../../src/engine/sensitivity/dsa-setup';

const FILE = resolve(__dirname, '../../../resources/examples/liquid-biopsy-nsclc.json');
const model = parseModel(JSON.parse(readFileSync(FILE, 'utf8')));

const discountedOf = (r: ModelResult) => r.strategies.map((s) => ({ cost: s.totals.cost, qalys: s.totals.qalys, lifeYears: s.totals.lifeYears, effect: s.totals.effect, byCategory: [...s.costByCategory] }));
const undiscountedOf = (r: ModelResult) => r.strategies.map((s) => [s.totals.costUndiscounted, s.totals.qalysUndiscounted, s.totals.lifeYearsUndiscounted, s.totals.effectUndiscounted, ...s.costByCategoryUndiscounted]);

/** Undiscounted tree roll-backs and partitioned-survival runs made by one evaluation. */
function undiscountedWork(run: () => void): { tree: number; psm: number } {
  const tree = treeUndiscountedRollBacks();
  const psm = psmUndiscountedRuns();
  run();
  return { tree: treeUndiscountedRollBacks() - tree, psm: psmUndiscountedRuns() - psm };
}

describe('discounted-only results', () => {
  const compiled = compileModel(model);
  const strategies = compiled.strategyIds.length;

  it('skip the undiscounted tree roll-back and sub-model sums, with the discounted values of a full run', () => {
    const params = compiled.baseParameters();
    const out = compiled.createResult({ totalsOnly: true, discountedOnly: true });
    expect(out.discountedOnly).toBe(true);
    // Draws away from the base case (the PSA's own draws), each against a full evaluation.
    const setup = createPsaSetup(model, 7);
    const block = setup.sampler.fill(0, 20);
    const k = setup.slots.length;
    for (let d = 0; d < 20; d++) {
      for (let j = 0; j < k; j++) params[setup.slots[j]!] = block[d * k + j]!;
      expect(undiscountedWork(() => compiled.evaluate(params, out))).toEqual({ tree: 0, psm: 0 });
      const full = compiled.evaluate(params);
      expect(discountedOf(out)).toEqual(discountedOf(full));
      // Never a stale or plausible value: not computed reads as NaN.
      expect(undiscountedOf(out).flat().every((x) => Number.isNaN(x))).toBe(true);
    }
  });

  it('leave base-case and totals-only runs with both, as before', () => {
    const params = compiled.baseParameters();
    const full = undiscountedWork(() => compiled.evaluate(params));
    expect(full.tree).toBe(strategies);
    expect(full.psm).toBeGreaterThan(0);
    const base = compiled.evaluate(params);
    expect(undiscountedOf(base).flat().every((x) => Number.isFinite(x))).toBe(true);
    // Undiscounted totals differ from discounted ones (the test would see a copy).
    expect(base.strategies[0]!.totals.costUndiscounted).not.toBe(base.strategies[0]!.totals.cost);
    const totals = compiled.createResult({ totalsOnly: true });
    expect(totals.discountedOnly).toBeUndefined();
    expect(undiscountedWork(() => compiled.evaluate(params, totals))).toEqual(full);
    expect(undiscountedOf(totals)).toEqual(undiscountedOf(base));
    // discountedOnly means nothing without totalsOnly: a full result.
    expect(compiled.createResult({ discountedOnly: true }).discountedOnly).toBeUndefined();
  });

  it('are what the PSA and the DSA evaluate into', () => {
    expect(createPsaWorkspace(createPsaSetup(model, 1)).out.discountedOnly).toBe(true);
    expect(createDsaSetup(model).out.discountedOnly).toBe(true);
  });
});
