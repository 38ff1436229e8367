import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';
import { handModel, incNmb, BASE } from '../engine/sensitivity/dsa-fixtures';

const HIV = resolve(__dirname, '..', '..', 'resources', 'examples', 'hiv-chancellor-1997.json');

async function dsa(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['dsa', ...args], { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

function handFile(): string {
  const json = handModel();
  json.scenarios = [{ id: 'cheap', label: 'Price cut', parameters: { c_new: 2000 } }];
  const file = join(mkdtempSync(join(tmpdir(), 'hta-dsa-')), 'hand.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe('hta dsa', () => {
  it('adds tornado rows, thresholds and scenarios to the run report', async () => {
    const r = await dsa([handFile(), '--wtp', '20000', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.strategies).toHaveLength(2);
    const d = json.dsa;
    expect(d).toMatchObject({ wtp: 20000, comparator: 'std', strategy: 'new' });
    expect(d.tornado.map((t: { parameter: string }) => t.parameter)).toEqual(['c_new', 'p', 'rr', 'c_std']);
    const top = d.tornado[0];
    expect(top).toMatchObject({ parameter: 'c_new', low: 2000, high: 6000 });
    expect(top.outcomeLow).toBeCloseTo(incNmb(20000, { ...BASE, c_new: 2000 }), 8);
    expect(top.outcomeHigh).toBeCloseTo(incNmb(20000, { ...BASE, c_new: 6000 }), 8);
    expect(top.swing).toBeCloseTo(3600, 8);
    // c_new, p and rr change the decision over their ranges: each gets a threshold.
    const c = d.thresholds.find((t: { parameter: string }) => t.parameter === 'c_new');
    expect(c.thresholds[0].value).toBeCloseTo(2800 / 0.9, 5);
    expect(d.scenarios.map((s: { id: string }) => s.id)).toEqual(['base', 'cheap']);
  });

  it('prints a readable tornado table, a two-way grid and usage errors', async () => {
    const r = await dsa([handFile(), '--two-way', 'c_new,rr', '--steps', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('One-way sensitivity');
    expect(r.stdout).toContain('decision changes');
    expect(r.stdout).toContain('Two-way: optimal strategy');
    expect((await dsa([handFile(), '--comparator', 'zzz'])).code).toBe(2);
    expect((await dsa([handFile(), '--two-way', 'c_new'])).stderr).toContain('--two-way needs two parameter ids');
  });

  it('runs on the HIV example (Dirichlet, gamma and log-normal ranges)', async () => {
    const r = await dsa([HIV, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout).dsa;
    expect(d.wtp).toBe(2000);
    expect(d.tornado.length).toBeGreaterThan(10);
    for (const row of d.tornado) expect(row.errors).toEqual([]);
  });

  it('finds a threshold over an explicit range, or says there is none', async () => {
    // Price of lamivudine in the HIV example at which combination therapy stops being optimal at wtp 10000.
    const r = await dsa([HIV, '--wtp', '10000', '--threshold', 'cost_lami:0:20000,rr', '--json']);
    expect(r.code).toBe(0);
    const [lami, rr] = JSON.parse(r.stdout).dsa.thresholds;
    expect(lami).toMatchObject({ parameter: 'cost_lami', low: 0, high: 20000, status: 'found' });
    expect(lami.thresholds[0]).toMatchObject({ from: 'comb', to: 'mono', exact: true });
    // At the threshold the two strategies have equal net benefit: check by running the model there.
    const compiled = compileModel(parseModel(JSON.parse(readFileSync(HIV, 'utf8'))));
    const params = compiled.baseParameters();
    params[compiled.parameterIndex.get('cost_lami')!] = lami.thresholds[0].value;
    const [mono, comb] = compiled.evaluate(params).strategies.map((s) => 10000 * s.totals.effect - s.totals.cost);
    expect(comb! - mono!).toBeCloseTo(0, 4);
    expect(rr.status).toBe('no-threshold-in-range');
    expect((await dsa([HIV, '--threshold', 'rr:1'])).stderr).toContain('must be a parameter id or id:low:high');
  });
});
