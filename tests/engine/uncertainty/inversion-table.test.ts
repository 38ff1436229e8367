import { describe, expect, it } from 'vitest';
import {
  adoptInversionTables,
  buildInversionTable,
  buildTableShare,
  cachedInversionTables,
  exactTransform,
  gammaTablePointsComputed,
  interpolate,
  inversionTableFor,
  inversionTablesBuilt,
  Z_MAX,
} from '../../../src/engine/uncertainty/inversion-table';
import { createParameterSampler } from '../../../src/engine/uncertainty/sampler';
import { distributionQuantile, resolveDistribution } from '../../../src/engine/uncertainty/distributions';
import type { DistributionSpec } from '../../../src/engine/uncertainty/distribution-spec';

describe('numerical inversion tables', () => {
  it.each([
    { type: 'beta', mean: 0.1, se: 0.03 },
    { type: 'beta', alpha: 2, beta: 50 },
    { type: 'gamma', mean: 1000, se: 200 },
    { type: 'gamma', shape: 0.6, scale: 2 },
  ] as DistributionSpec[])('interpolates Q(Phi(z)) to 1e-8 of the 95 %% range for %o', (spec) => {
    const dist = resolveDistribution('x', spec);
    const table = buildInversionTable(dist);
    expect(table).not.toBeNull();
    const range = distributionQuantile(dist, 0.975) - distributionQuantile(dist, 0.025);
    let worst = 0;
    for (let k = 0; k <= 997; k++) {
      const z = -Z_MAX + 0.05 + (k * (2 * Z_MAX - 0.1)) / 997;
      worst = Math.max(worst, Math.abs(interpolate(table!, z) - exactTransform(dist, z)));
    }
    expect(worst / range).toBeLessThan(1e-8);
  });

  it('h(0) is the median and values outside the table are exact', () => {
    const dist = resolveDistribution('x', { type: 'gamma', shape: 1, rate: 1 });
    const table = buildInversionTable(dist)!;
    expect(interpolate(table, 0)).toBeCloseTo(Math.LN2, 10);
    expect(interpolate(table, Z_MAX + 1)).toBe(exactTransform(dist, Z_MAX + 1));
  });

  it("gammas of one shape share its quantile points: another rate's table computes none and is exact to the bit", () => {
    const shape = 1.2345;
    const first = resolveDistribution('x', { type: 'gamma', shape, rate: 1 / 1701 });
    const second = resolveDistribution('x', { type: 'gamma', shape, rate: 1 / 1055 });
    const before = gammaTablePointsComputed();
    const a = buildInversionTable(first)!;
    expect(gammaTablePointsComputed()).toBeGreaterThan(before);
    const between = gammaTablePointsComputed();
    const b = buildInversionTable(second)!;
    expect(gammaTablePointsComputed()).toBe(between);
    for (const [table, dist] of [[a, first], [b, second]] as const) {
      table.values.forEach((x, k) => expect(Object.is(x, exactTransform(dist, -Z_MAX + (k * 2 * Z_MAX) / (table.values.length - 1)))).toBe(true));
    }
    // Another shape computes its own points.
    buildInversionTable(resolveDistribution('x', { type: 'gamma', shape: shape + 1e-9, rate: 1 / 1055 }));
    expect(gammaTablePointsComputed()).toBeGreaterThan(between);
  });

  it('declines distributions it cannot interpolate accurately (the sampler then uses exact methods)', () => {
    expect(buildInversionTable(resolveDistribution('x', { type: 'beta', alpha: 0.5, beta: 0.7 }))).toBeNull();
  });
});

describe('inversion tables handed to a worker', () => {
  it('are the tables this thread built, and adopted ones are used as they are', () => {
    const dist = resolveDistribution('x', { type: 'gamma', mean: 777, se: 111 });
    const built = inversionTableFor(dist)!;
    const entry = cachedInversionTables().find((e) => e.dist.type === 'gamma' && distributionQuantile(e.dist, 0.5) === distributionQuantile(dist, 0.5))!;
    expect(entry.values).toEqual(built.values);
    // Through a structured clone (as in postMessage) the adopted table reads back the same bits.
    const cloned = structuredClone(entry);
    adoptInversionTables([cloned]);
    expect(inversionTableFor(dist)!.values).toBe(cloned.values);
    expect(interpolate(inversionTableFor(dist)!, 0.3)).toBe(interpolate(built, 0.3));
    // A table of the wrong length is refused.
    adoptInversionTables([{ dist, values: new Float64Array(3) }]);
    expect(inversionTableFor(dist)!.values).toBe(cloned.values);
  });
});

describe('inversion tables built by several workers', () => {
  const gamma = (mean: number) => resolveDistribution('x', { type: 'gamma', mean, se: mean / 5 });

  it('every of-th table from index for each worker; refused tables are handed on too', () => {
    const dists = [gamma(311), gamma(312), resolveDistribution('x', { type: 'beta', alpha: 0.5, beta: 0.7 }), gamma(313)];
    const odd = buildTableShare(dists, { index: 1, of: 2 });
    expect(odd.map((e) => e.dist)).toEqual([dists[1], dists[3]]);
    const even = buildTableShare(dists, { index: 0, of: 2 });
    expect(even.map((e) => e.dist)).toEqual([dists[0], dists[2]]);
    // The refusal travels as null values: the thread adopting it does not build it again.
    expect(even[1]!.values).toBeNull();
    expect(cachedInversionTables().find((e) => e.dist === dists[2])!.values).toBeNull();
    const built = inversionTablesBuilt();
    const refused = resolveDistribution('x', { type: 'beta', alpha: 0.51, beta: 0.7 });
    adoptInversionTables([{ dist: refused, values: null }]);
    expect(inversionTableFor(refused)).toBeNull();
    expect(inversionTablesBuilt()).toBe(built);
  });

  it("the sampler lists each distribution drawn from a table once, in the model's order", () => {
    const sampler = createParameterSampler(
      [
        { name: 'a', dist: { type: 'gamma', mean: 331, se: 30 } },
        { name: 'b', dist: { type: 'normal', mean: 0, sd: 1 } },
        { name: 'c', dist: { type: 'beta', alpha: 3, beta: 9 } },
        { name: 'd', dist: { type: 'gamma', mean: 331, se: 30 } },
        { name: 'e', dist: { type: 'normal', mean: 1, sd: 1, lower: 0 } },
      ],
      [{ name: 'ce', parameters: ['c', 'e'], matrix: [[1, 0.3], [0.3, 1]] }],
    );
    // Correlated ones first (the copula's tables), then the others; the normal without bounds has no table.
    expect(sampler.tableDistributions().map((d) => d.type)).toEqual(['beta', 'normal', 'gamma']);
  });
});
