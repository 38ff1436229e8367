// `hta bia <model.json> [--json]`: the public JSON contract, the table, and exit 1 with located messages.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHta, scratchFiles } from './cli-harness';
import { formatBiaPath } from '../../src/cli/commands/bia-command';
import { carrierModel } from '../engine/budget/bia-fixtures';

const { dir, write } = scratchFiles('bia');

const hta = runHta;

// Entrants 10, 20; A: test 100; B: test 250. Current: all A; new: B 50% then 100%.
const valid = carrierModel({
  horizonYears: 2,
  startYear: 2027,
  population: { eligible: { perYear: [10, 20] } },
  strategies: [{ id: 'A', costs: { test: 100 } }, { id: 'B', costs: { test: 250 } }],
  currentWorld: { shares: { A: 1 } },
  newWorld: { shares: { A: 'rest', B: { shape: 'series', values: [0.5, 1] } } },
});

describe('hta bia', () => {
  it('--json prints {"budgetImpact": {"years": [{year, current, new, impact}], "cumulative"}} with hand-checked values', async () => {
    const { code, out } = await hta('bia', write('valid.json', valid), '--json');
    expect(code).toBe(0);
    const bi = JSON.parse(out).budgetImpact;
    expect(bi.years.map((y: Record<string, number>) => [y.year, y.current, y.new, y.impact])).toEqual([
      [1, 1000, 1750, 750],
      [2, 2000, 5000, 3000],
    ]);
    expect(bi.cumulative).toMatchObject({ current: 3000, new: 6750, impact: 3750 });
    expect(bi.years[1].calendarYear).toBe(2028);
    expect(bi.years[0].byCategory.test).toEqual({ current: 1000, new: 1750, impact: 750 });
  });

  it('prints a table without --json', async () => {
    const { code, out } = await hta('bia', write('valid.json', valid));
    expect(code).toBe(0);
    expect(out).toMatch(/Budget impact/);
    expect(out).toMatch(/1 \(2027\)\s+10\s+1,000\s+1,750\s+750\s+750/);
    expect(out).toMatch(/Total over 2 years: current 3,000, new 6,750, impact 3,750\./);
  });

  it('exits 1 with the located share error when the new world sums to 95% in year 3', async () => {
    const bad = carrierModel({
      horizonYears: 3,
      population: { eligible: { value: 10 } },
      strategies: [{ id: 'A' }, { id: 'B' }],
      currentWorld: { shares: { A: 1 } },
      newWorld: { shares: { A: { shape: 'series', values: [0.5, 0.5, 0.45] }, B: 0.5 } },
    });
    const { code, err, out } = await hta('bia', write('bad.json', bad), '--json');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('budgetImpact.newWorld.shares[year 3]: shares sum to 95%, expected 100%');
  });

  it('exits 1 with located messages for semantic problems (unknown strategy)', async () => {
    const bad = carrierModel({ horizonYears: 1, population: { eligible: { value: 10 } }, strategies: [{ id: 'A' }], currentWorld: { shares: { A: 1 } }, newWorld: { shares: { X: 1 } } });
    const { code, err } = await hta('bia', write('unknown.json', bad));
    expect(code).toBe(1);
    expect(err).toMatch(/budgetImpact\.newWorld\.shares\.X: unknown strategy 'X'/);
  });

  it('exits 1 when the model has no budgetImpact section, 2 on a missing file', async () => {
    const none = carrierModel(undefined);
    delete none.budgetImpact;
    expect((await hta('bia', write('none.json', none))).code).toBe(1);
    expect((await hta('bia', join(dir, 'missing.json'))).code).toBe(2);
  });

  it('formats virtual year locations as [year N]', () => {
    expect(formatBiaPath(['budgetImpact', 'scenarios', 0, 'newWorld', 'shares', 'year 2'])).toBe('budgetImpact.scenarios[0].newWorld.shares[year 2]');
    expect(formatBiaPath(['budgetImpact', 'newWorld', 'shares', 'B', 'values'])).toBe('budgetImpact.newWorld.shares.B.values');
  });
});
