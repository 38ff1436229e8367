// validateModel checks PSA distributions and correlations through the sampler that `hta psa` uses, without building
// the sampler's inversion tables (they are built at the first draw): the same located issues, no table work.
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../src/engine/model/validate';
import { cachedInversionTables } from '../../src/engine/uncertainty/inversion-table';
import { createParameterSampler } from '../../src/engine/uncertainty/sampler';
import type { Distribution } from '../../src/engine/model/schema';
import type { ModelIssue } from '../../src/engine/errors';
import { clone, threeStateModel } from './model-fixtures';

function withDistributions(dists: Record<string, Distribution>, correlations?: unknown[]): unknown {
  const m = clone(threeStateModel()) as unknown as { parameters: { id: string; uncertainty?: unknown }[]; correlations?: unknown[] };
  for (const p of m.parameters) if (dists[p.id]) p.uncertainty = { distribution: dists[p.id] };
  if (correlations) m.correlations = correlations;
  return m;
}

const uncertaintyIssues = (json: unknown): ModelIssue[] => validateModel(json).issues.filter((i) => i.code === 'bad-distribution' || i.code === 'bad-correlation');

/** Whether this thread holds an inversion table for a beta(alpha, beta) (not a refusal to build one). */
const hasBetaTable = (alpha: number, beta: number): boolean =>
  cachedInversionTables().some(({ dist, values }) => values !== null && dist.type === 'beta' && dist.alpha === alpha && dist.beta === beta);

describe('validateModel: PSA distributions and correlations', () => {
  it('locates a Dirichlet group of one parameter at that parameter', () => {
    const issues = uncertaintyIssues(withDistributions({ p_HD: { type: 'dirichlet', group: 'alone', alpha: 2 } }));
    expect(issues).toEqual([
      { code: 'bad-distribution', severity: 'error', path: ['parameters', 1, 'uncertainty', 'distribution'], message: 'Parameter "p_HD": Dirichlet group "alone" needs at least two parameters.' },
    ]);
  });

  it('locates a correlation entry outside [-1, 1] and a parameter correlated twice at their matrices', () => {
    const beta = { type: 'beta', alpha: 2, beta: 5 } as const;
    const dists = { p_HS: beta, p_HD: beta, p_SD: beta };
    const outOfRange = uncertaintyIssues(withDistributions(dists, [{ name: 'c1', parameters: ['p_HS', 'p_HD'], matrix: [[1, 2], [2, 1]] }]));
    expect(outOfRange).toEqual([{ code: 'bad-correlation', severity: 'error', path: ['correlations', 0], message: 'c1 (p_HS, p_HD): entry [1, 2] = 2 is not in [-1, 1].' }]);
    const twice = uncertaintyIssues(
      withDistributions(dists, [
        { name: 'c1', parameters: ['p_HS', 'p_HD'], matrix: [[1, 0.5], [0.5, 1]] },
        { name: 'c2', parameters: ['p_HS', 'p_SD'], matrix: [[1, 0.5], [0.5, 1]] },
      ]),
    );
    expect(twice).toEqual([{ code: 'bad-correlation', severity: 'error', path: ['correlations', 1], message: 'c2: parameter "p_HS" is already correlated in c1.' }]);
  });

  it('accepts a distribution whose inversion table cannot reach its accuracy; drawing it falls back to the exact sampler', () => {
    // Beta(0.01, 0.01) piles its mass at 0 and 1: cubic interpolation of its quantile misses 1e-8 of the range.
    const dist = { type: 'beta', alpha: 0.01, beta: 0.01 } as const;
    expect(uncertaintyIssues(withDistributions({ p_HS: dist }))).toEqual([]);
    const draws = createParameterSampler([{ name: 'p_HS', dist }], [], 1).fill(0, 500);
    expect(draws.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(hasBetaTable(0.01, 0.01)).toBe(false);
  });

  it('builds no inversion table; the first draw of a sampler does', () => {
    // Parameters no other test uses, so no earlier test has cached their table.
    const [alpha, beta] = [3.0625, 7.8125];
    const json = withDistributions({ p_SD: { type: 'beta', alpha, beta }, c_drug: { type: 'gamma', shape: 9.5, rate: 0.0095 } });
    expect(validateModel(json).valid).toBe(true);
    expect(hasBetaTable(alpha, beta)).toBe(false);
    const sampler = createParameterSampler([{ name: 'p_SD', dist: { type: 'beta', alpha, beta } }], [], 1);
    expect(hasBetaTable(alpha, beta)).toBe(false);
    sampler.fill(0, 1);
    expect(hasBetaTable(alpha, beta)).toBe(true);
  });
});
