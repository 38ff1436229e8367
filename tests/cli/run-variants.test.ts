// `hta run --scenario ID --set name=value --trace FILE`: variants of a model without editing it, and per-cycle
// values to compare with another tool (issue 14 item 6).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHta, scratchFiles } from './cli-harness';
import { clone, runJson, threeStateModel } from '../engine/model-fixtures';
import type { MarkovHtaModelInput } from '../../src/engine/model/schema';

const { dir, write } = scratchFiles('run-variants');

const hta = runHta;

type Report = { strategies: { id: string; cost: number; qalys: number; lifeYears: number; costUndiscounted: number; qalysUndiscounted: number; lifeYearsUndiscounted: number }[] };

const withScenario = (): MarkovHtaModelInput => ({
  ...threeStateModel(),
  scenarios: [{ id: 'longer', settings: { cycles: 20 }, parameters: { c_drug: 2000 } }],
});

describe('hta run --scenario and --set', () => {
  const file = write('three-state.json', withScenario());

  it('--scenario runs the named scenario: the same numbers as the model written that way', async () => {
    const r = await hta('run', file, '--scenario', 'longer', '--json');
    expect(r.code).toBe(0);
    const edited = clone(threeStateModel());
    edited.settings.cycles = 20;
    edited.parameters!.find((p) => p.id === 'c_drug')!.value = 2000;
    const expected = runJson(edited).strategies;
    const got = (JSON.parse(r.out) as Report).strategies;
    expect(got.map((s) => s.cost)).toEqual(expected.map((s) => s.totals.cost));
    expect(got.map((s) => s.qalys)).toEqual(expected.map((s) => s.totals.qalys));
    const unknown = await hta('run', file, '--scenario', 'shorter');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown scenario "shorter" \(scenarios: longer\)/);
  });

  it('--set gives parameters numbers or expressions, repeatable, after the scenario', async () => {
    const r = await hta('run', file, '--scenario', 'longer', '--set', 'p_HS=0.2', '--set', 'c_care_S=c_care_H * 10', '--json');
    expect(r.code).toBe(0);
    const edited = clone(threeStateModel());
    edited.settings.cycles = 20;
    const byId = (id: string) => edited.parameters!.find((p) => p.id === id)!;
    byId('c_drug').value = 2000;
    byId('p_HS').value = 0.2;
    delete byId('c_care_S').value;
    byId('c_care_S').expression = 'c_care_H * 10';
    expect((JSON.parse(r.out) as Report).strategies.map((s) => s.cost)).toEqual(runJson(edited).strategies.map((s) => s.totals.cost));
  });

  it('reports a bad --set where it breaks the model, and a misspelt name with a suggestion', async () => {
    const badValue = await hta('run', file, '--set', 'p_HS=1.3');
    expect(badValue.code).toBe(1);
    expect(badValue.err).toMatch(/with --set p_HS=1\.3: invalid model \(\d+ errors?\)/);
    expect(badValue.err).toMatch(/--set p_HS=1\.3: parameters\[0\]\.value: parameter p_HS = 1\.3 is not a probability/);
    const badExpression = await hta('run', file, '--set', 'hr=exp(-0.3 * nope)');
    expect(badExpression.code).toBe(1);
    expect(badExpression.err).toMatch(/--set hr=exp\(-0\.3 \* nope\): parameters\[3\]\.expression: unknown name 'nope'/);
    const unknown = await hta('run', file, '--set', 'p_HX=0.1');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--set p_HX=0\.1: the model has no parameter "p_HX" \(did you mean p_H[SD]\?\)/);
    const syntax = await hta('run', file, '--set', 'p_HS');
    expect(syntax.code).toBe(2);
    expect(syntax.err).toMatch(/write --set name=value/);
  });
});

/** A (cost 100 per cycle, utility 0.8) → D with p = 0.5, 2 cycles, cohort of 10. */
function handModel(counting: string): MarkovHtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'hand' },
    settings: { cycles: 2, counting: counting as 'life-table', cohortSize: 10, discount: { costs: 0.1, effects: 0.05 } },
    parameters: [{ id: 'p', value: 0.5 }],
    model: {
      type: 'markov',
      states: [{ id: 'A' }, { id: 'D', dead: true }],
      initial: { A: 1 },
      transitions: [
        { from: 'A', to: 'A', probability: 'C' },
        { from: 'A', to: 'D', probability: 'p' },
      ],
      stateValues: { A: { costs: { care: 100 }, utility: 0.8 } },
    },
    strategies: [{ id: 's' }],
  };
}

async function traceOf(counting: string): Promise<{ header: string[]; rows: string[][]; report: Report }> {
  const path = join(dir, `trace-${counting}.csv`);
  const r = await hta('run', write(`hand-${counting}.json`, handModel(counting)), '--json', '--trace', path);
  expect(r.code).toBe(0);
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split(','));
  return { header: header!, rows, report: JSON.parse(r.out) as Report };
}

describe('hta run --trace: per-cycle values', () => {
  it('life-table: row t holds cycle t (rows 0 and 1 → cycle 1), for the cohort of 10, discounted from cycle 2', async () => {
    const { header, rows, report } = await traceOf('life-table');
    expect(header).toEqual(['strategy', 'cycle', 'A', 'D', 'cost_care', 'cost_care_discounted', 'qalys', 'qalys_discounted', 'life_years', 'life_years_discounted']);
    expect(rows[0]).toEqual(['s', '0', '10', '0', '', '', '', '', '', '']);
    // Cycle 1: occupancy (1 + 0.5) / 2 = 0.75; cycle 2: 0.375, discounted by 1.1 (costs) and 1.05 (effects).
    const [, , , , cost1, cost1d, q1, q1d, ly1, ly1d] = rows[1]!.map(Number);
    [750, 750, 6, 6, 7.5, 7.5].forEach((expected, k) => expect([cost1, cost1d, q1, q1d, ly1, ly1d][k]).toBeCloseTo(expected, 12));
    const row2 = rows[2]!.map(Number);
    expect(row2[4]).toBeCloseTo(375, 10);
    expect(row2[5]).toBeCloseTo(375 / 1.1, 10);
    expect(row2[7]).toBeCloseTo(3 / 1.05, 10);
    const s = report.strategies[0]!;
    const sum = (k: number) => rows.reduce((a, r) => a + (r[k] === '' ? 0 : Number(r[k])), 0);
    expect(sum(5)).toBeCloseTo(s.cost * 10, 9);
    expect(sum(4)).toBeCloseTo(s.costUndiscounted * 10, 9);
    expect(sum(7)).toBeCloseTo(s.qalys * 10, 9);
    expect(sum(6)).toBeCloseTo(s.qalysUndiscounted * 10, 9);
    expect(sum(9)).toBeCloseTo(s.lifeYears * 10, 9);
    expect(sum(8)).toBeCloseTo(s.lifeYearsUndiscounted * 10, 9);
  });

  it('trapezoidal: row t holds the values of row t (weights ½, 1, ½; discounted by (1 + r)^t)', async () => {
    const { rows, report } = await traceOf('trapezoidal');
    const costs = rows.map((r) => Number(r[4]));
    const discounted = rows.map((r) => Number(r[5]));
    expect(costs).toEqual([500, 500, 125]);
    expect(discounted[1]).toBeCloseTo(500 / 1.1, 10);
    expect(discounted[2]).toBeCloseTo(125 / 1.21, 10);
    expect(discounted.reduce((a, b) => a + b, 0)).toBeCloseTo(report.strategies[0]!.cost * 10, 9);
  });
});
