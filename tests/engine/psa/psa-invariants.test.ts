// TECH-VER style invariants checked in every PSA draw of the HIV example (not only the base case).
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { loadExample, clone } from '../model-fixtures';
import type { HtaModelInput } from '../../../src/engine/model/schema';

const DRAWS = 1000;

/** Evaluates each draw itself to inspect the full result (trace, per-cycle values). */
function eachDraw(json: HtaModelInput, check: (result: ReturnType<ReturnType<typeof createPsaSetup>['compiled']['evaluate']>, draw: number) => void): void {
  const setup = createPsaSetup(parseModel(json), 3);
  const block = setup.sampler.fill(0, DRAWS);
  const params = Float64Array.from(setup.base);
  const out = setup.compiled.createResult();
  const p = setup.sampler.parameterCount;
  for (let d = 0; d < DRAWS; d++) {
    for (let k = 0; k < p; k++) params[setup.slots[k]!] = block[d * p + k]!;
    check(setup.compiled.evaluate(params, out), d);
  }
}

describe('invariants in every sampled draw (HIV example)', () => {
  it('the trace sums to the cohort, stays in [0, 1], and the dead state never empties', () => {
    const json = loadExample('hiv-chancellor-1997.json');
    const problems: string[] = [];
    eachDraw(json, (r, draw) => {
      for (const s of r.strategies) {
        const n = 4;
        let prevDead = 0;
        for (let t = 0; t * n < s.trace.length; t++) {
          let sum = 0;
          for (let j = 0; j < n; j++) {
            const x = s.trace[t * n + j]!;
            if (!(x >= -1e-12 && x <= 1 + 1e-12)) problems.push(`draw ${draw} ${s.id} cycle ${t}: share ${x}`);
            sum += x;
          }
          if (!(Math.abs(sum - 1) < 1e-9)) problems.push(`draw ${draw} ${s.id} cycle ${t}: trace sums to ${sum}`);
          const dead = s.trace[t * n + 3]!;
          if (dead < prevDead - 1e-15) problems.push(`draw ${draw} ${s.id} cycle ${t}: dead share falls`);
          prevDead = dead;
        }
        // Life-years cannot exceed the horizon; costs are positive.
        expect(s.totals.lifeYearsUndiscounted).toBeLessThanOrEqual(20 + 1e-9);
        expect(s.totals.cost).toBeGreaterThan(0);
        expect(s.totals.cost).toBeLessThanOrEqual(s.totals.costUndiscounted + 1e-9);
      }
    });
    expect(problems).toEqual([]);
  });

  it('all costs zero -> every draw costs zero', () => {
    const json = clone(loadExample('hiv-chancellor-1997.json'));
    for (const p of json.parameters!) {
      if (p.id.startsWith('cost_')) {
        p.value = 0;
        delete p.uncertainty;
      }
    }
    let draws = 0;
    eachDraw(json, (r) => {
      draws++;
      for (const s of r.strategies) {
        expect(s.totals.cost).toBe(0);
        expect(s.totals.lifeYears).toBeGreaterThan(0);
      }
    });
    expect(draws).toBe(DRAWS);
  });

  it('no treatment effect and no extra drug cost -> both strategies equal in every draw', () => {
    const json = clone(loadExample('hiv-chancellor-1997.json'));
    for (const p of json.parameters!) {
      if (p.id === 'rr') p.uncertainty = { distribution: { type: 'fixed', value: 1 } };
      if (p.id === 'cost_lami') p.uncertainty = { distribution: { type: 'fixed', value: 0 } };
    }
    eachDraw(json, (r) => {
      const [a, b] = r.strategies;
      expect(b!.totals.cost).toBeCloseTo(a!.totals.cost, 9);
      expect(b!.totals.effect).toBeCloseTo(a!.totals.effect, 12);
    });
  });

  it('the combination (rr < 1 in every draw) never gives fewer life-years than monotherapy', () => {
    eachDraw(loadExample('hiv-chancellor-1997.json'), (r) => {
      expect(r.strategies[1]!.totals.lifeYears).toBeGreaterThanOrEqual(r.strategies[0]!.totals.lifeYears - 1e-12);
    });
  });
});
