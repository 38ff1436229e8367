import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decisionSwitchPoints,
  incrementalPlane,
  netBenefitSummary,
  psaMeans,
} from '../../src/engine/uncertainty/psa-summary';
import type { PsaResults } from '../../src/engine/uncertainty/psa-summary';

const referenceDir = resolve(__dirname, '../fixtures/reference');
const reference = JSON.parse(readFileSync(resolve(referenceDir, 'bcea_vaccine.json'), 'utf8')) as {
  vaccine: {
    expected_published: {
      kstar: number;
      wtp: number;
      ENB: Record<'Status Quo' | 'Vaccination', number>;
      EIB: number;
      CEAC: number;
      ICER: number;
      EVPI: number;
      ce_table: { Vaccination: { cost: number; eff: number }; 'Status Quo': { cost: number; eff: number } };
    };
    expected_derived_grid: Record<
      string,
      { EVPI: number; EIB_Vac_vs_SQ: number; CEAC_Vac_vs_SQ: number; ENB_SQ: number; ENB_Vac: number }
    >;
  };
};

function loadVaccine(): PsaResults {
  const lines = readFileSync(resolve(referenceDir, 'data', 'bcea_vaccine_ce.csv'), 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',').map((h) => h.replace(/"/g, ''));
  const col = (name: string) => header.indexOf(name);
  const rows = lines.slice(1).map((line) => line.split(',').map(Number));
  const draws = rows.length;
  const costs = new Float64Array(draws * 2);
  const effects = new Float64Array(draws * 2);
  rows.forEach((row, i) => {
    effects[i * 2] = row[col('e_SQ')]!;
    effects[i * 2 + 1] = row[col('e_Vac')]!;
    costs[i * 2] = row[col('c_SQ')]!;
    costs[i * 2 + 1] = row[col('c_Vac')]!;
  });
  return { strategyIds: ['Status Quo', 'Vaccination'], draws, costs, effects };
}

const relClose = (actual: number, expected: number, rel: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-12);

describe('BCEA Vaccine example (1000 published draws)', () => {
  const results = loadVaccine();
  const published = reference.vaccine.expected_published;
  const grid = Array.from({ length: 501 }, (_, k) => k * 100); // BCEA default grid 0..50000 by 100

  it('has the 1000 draws', () => {
    expect(results.draws).toBe(1000);
  });

  it('reproduces ENB, EIB, CEAC and EVPI on the derived grid', () => {
    const wtps = Object.keys(reference.vaccine.expected_derived_grid).map(Number);
    const summary = netBenefitSummary(results, wtps);
    summary.byWtp.forEach(({ wtp, expectedNb, ceac, evpi }) => {
      const exp = reference.vaccine.expected_derived_grid[String(wtp)]!;
      relClose(expectedNb[0]!, exp.ENB_SQ, 1e-9);
      relClose(expectedNb[1]!, exp.ENB_Vac, 1e-9);
      relClose(expectedNb[1]! - expectedNb[0]!, exp.EIB_Vac_vs_SQ, 1e-7);
      expect(ceac[1]).toBeCloseTo(exp.CEAC_Vac_vs_SQ, 12);
      relClose(evpi, exp.EVPI, 1e-8);
    });
  });

  it('matches the published figures at k = 25000 to their printed digits', () => {
    const [at] = netBenefitSummary(results, [published.wtp]).byWtp;
    expect(at!.expectedNb[0]).toBeCloseTo(published.ENB['Status Quo'], 3);
    expect(at!.expectedNb[1]).toBeCloseTo(published.ENB.Vaccination, 3);
    expect(at!.expectedNb[1]! - at!.expectedNb[0]!).toBeCloseTo(published.EIB, 4);
    expect(at!.ceac[1]).toBeCloseTo(published.CEAC, 3);
    expect(at!.evpi).toBeCloseTo(published.EVPI, 4);
    expect(at!.optimalId).toBe('Vaccination');
    expect(at!.optimalProbability).toBeCloseTo(published.CEAC, 3);
    const [plane] = incrementalPlane(results, 'Status Quo');
    expect(Math.round(plane!.icer!)).toBe(published.ICER);
    const means = psaMeans(results);
    expect(means[1]!.cost.mean).toBeCloseTo(published.ce_table.Vaccination.cost, 5);
    expect(means[0]!.effect.mean).toBeCloseTo(published.ce_table['Status Quo'].eff, 8);
  });

  it('finds the decision switch point k* = 20100 on the default grid and CEAC sums to 1', () => {
    const summary = netBenefitSummary(results, grid);
    expect(decisionSwitchPoints(summary)).toEqual([{ wtp: published.kstar, fromId: 'Status Quo', toId: 'Vaccination' }]);
    for (const { ceac } of summary.byWtp) expect(ceac[0]! + ceac[1]!).toBeCloseTo(1, 12);
  });
});
