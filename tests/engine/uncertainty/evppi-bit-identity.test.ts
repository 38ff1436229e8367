// The speed work on the regression EVPPI (issue 16) must not move a bit: estimates, standard errors and EVPI of
// every basis kind, with one and two regressions per group, at several thresholds, equal those of the code before
// it (tests/fixtures/evppi-golden.json, written by tests/engine/golden/generate-evppi-golden.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evppiAcrossThresholds } from '../../../src/engine/uncertainty/evppi';
import type { EvppiResult } from '../../../src/engine/uncertainty/evppi';
import { evppiGoldenCases } from '../golden/evppi-golden-cases';

const fixture = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'fixtures', 'evppi-golden.json'), 'utf8')) as { cases: Record<string, EvppiResult[]> };
const cases = evppiGoldenCases();

describe('regression EVPPI is bit-identical to the code before the speed work', () => {
  it('covers every basis kind, two strategy counts and several thresholds with standard errors', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(fixture.cases).sort());
    const all = Object.values(fixture.cases).flat();
    expect(new Set(all.map((r) => r.method))).toEqual(new Set(['p-spline', 'tensor-p-spline', 'additive-p-spline']));
    expect(new Set(all.map((r) => r.wtp)).size).toBeGreaterThanOrEqual(3);
    expect(all.every((r) => typeof r.se === 'number')).toBe(true);
    expect(all.filter((r) => r.se! > 0).length).toBeGreaterThan(0.8 * all.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const now = evppiAcrossThresholds(c.results, c.parameters, c.groups, c.wtps, { seDraws: c.seDraws, seed: c.seed });
    // JSON numbers round-trip doubles exactly, so toEqual compares every bit.
    expect(now).toEqual(fixture.cases[name]);
  });
});
