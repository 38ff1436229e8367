import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { handModel } from '../engine/sensitivity/dsa-fixtures';

const ROOT = resolve(__dirname, '..', '..');
const HIV = join(ROOT, 'resources', 'examples', 'hiv-chancellor-1997.json');

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out(text: string) {
      io.stdout += text.endsWith('\n') ? text : `${text}\n`;
    },
    err(text: string) {
      io.stderr += text.endsWith('\n') ? text : `${text}\n`;
    },
  };
  return io;
}

async function psa(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = capture();
  const code = await main(['psa', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

interface PsaJson {
  strategies: { id: string }[];
  incremental: unknown[];
  psa: {
    iterations: number;
    seed: number;
    mean: { id: string; cost: number; effect: number }[];
    ceac: { wtp: number; probabilities: Record<string, number> }[];
    evpi: { wtp: number; value: number }[];
    evppi: { parameters: string[]; wtp: number; value: number }[];
  };
}

describe('hta psa', () => {
  it('prints the run report plus the psa section; CEAC sums to 1 at every threshold', async () => {
    const r = await psa([HIV, '--iterations', '2000', '--seed', '1', '--wtp', '0,5000,20000,100000', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as PsaJson;
    expect(json.strategies.map((s) => s.id)).toEqual(['mono', 'comb']);
    expect(json.incremental.length).toBe(2);
    expect(json.psa.iterations).toBe(2000);
    expect(json.psa.seed).toBe(1);
    expect(json.psa.mean.map((m) => m.id)).toEqual(['mono', 'comb']);
    expect(json.psa.ceac.map((c) => c.wtp)).toEqual([0, 5000, 20000, 100000]);
    for (const c of json.psa.ceac) expect(Object.values(c.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const e of json.psa.evpi) expect(e.value).toBeGreaterThanOrEqual(0);
    // The PSA means are close to the deterministic base case (costs are linear, probabilities near their means).
    expect(Math.abs(json.psa.mean[0]!.cost / 44663 - 1)).toBeLessThan(0.1);
  });

  it('is identical with 1 and 4 workers, and run to run', async () => {
    const args = [HIV, '--iterations', '5000', '--seed', '9', '--json'];
    const one = await psa(args);
    const again = await psa(args);
    const four = await psa([...args, '--workers', '4']);
    expect(one.code).toBe(0);
    expect(four.code).toBe(0);
    expect(again.stdout).toBe(one.stdout);
    expect(four.stdout).toBe(one.stdout);
    const other = await psa([HIV, '--iterations', '5000', '--seed', '10', '--json']);
    expect(other.stdout).not.toBe(one.stdout);
  });

  it('writes per-draw samples as CSV and adds EVPPI on request (EVPI >= EVPPI >= 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hta-psa-'));
    const csv = join(dir, 'draws.csv');
    const r = await psa([HIV, '--iterations', '300', '--seed', '2', '--samples', csv, '--evppi', '--wtp', '20000', '--json']);
    expect(r.code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(301);
    expect(lines[0]!.startsWith('draw,cost_mono,effect_mono,cost_comb,effect_comb,p_AA')).toBe(true);
    const json = JSON.parse(r.stdout) as PsaJson;
    const evpi = json.psa.evpi[0]!.value;
    expect(json.psa.evppi.length).toBeGreaterThan(10);
    expect(r.stderr).toMatch(new RegExp(`^EVPPI: ${json.psa.evppi.length} parameter groups x 1 threshold in \\d+\\.\\d\\d s$`, 'm'));
    for (const e of json.psa.evppi) {
      expect(e.value).toBeGreaterThanOrEqual(0);
      expect(e.value).toBeLessThanOrEqual(evpi + 1e-9);
    }
    // The CSV's mean cost of monotherapy is the JSON mean.
    const costs = lines.slice(1).map((l) => Number(l.split(',')[1]));
    expect(costs.reduce((a, b) => a + b, 0) / costs.length).toBeCloseTo(json.psa.mean[0]!.cost, 6);
  });

  it('prints tables without --json and reports bad options and failing draws clearly', async () => {
    const text = await psa([HIV, '--iterations', '200']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Probabilistic analysis: 200 draws, seed 1');
    expect(text.stdout).toContain('P(comb)');
    expect((await psa([HIV, '--iterations', '0'])).code).toBe(2);
    expect((await psa([HIV, '--wtp', '1,x'])).stderr).toContain('--wtp: "x" is not a number');
    expect((await psa([HIV, '--scenario', 'nope'])).stderr).toContain('unknown scenario "nope"');
    const unwritable = await psa([HIV, '--iterations', '10', '--samples', join(tmpdir(), 'no-such-dir', 'x.csv')]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('cannot write');
    const dir = mkdtempSync(join(tmpdir(), 'hta-psa-'));
    const bad = JSON.parse(readFileSync(HIV, 'utf8')) as { parameters: { id: string; uncertainty?: unknown }[] };
    bad.parameters.find((p) => p.id === 'rr')!.uncertainty = { distribution: { type: 'normal', mean: 1.5, sd: 2 } };
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const failing = await psa([file, '--iterations', '500']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/draw \d+: .*rr = /);
  });

  it('the bundled command prints, byte for byte, what it printed before the speed work of issue 16 (1 and 2 cores)', () => {
    // tests/fixtures/cli/hta-psa-hiv-5000-seed3.json: stdout of the command at commit b4ba29f (3 sampler streams).
    const expected = readFileSync(join(ROOT, 'tests', 'fixtures', 'cli', 'hta-psa-hiv-5000-seed3.json'), 'utf8');
    for (const workers of ['1', '2']) {
      const stdout = execFileSync(process.execPath, [join(ROOT, 'bin', 'hta.cjs'), 'psa', HIV, '--iterations', '5000', '--seed', '3', '--json', '--workers', workers], { encoding: 'utf8' });
      expect(stdout).toBe(expected);
    }
  }, 120000);

  it('runs from the npx entry point with worker threads', () => {
    // A run long enough for a worker thread (the hybrid model's draws cost ~0.3 ms: 3,000 of them outlast the
    // thread's start-up; a short HIV run stays in one thread).
    const model = join(ROOT, 'resources', 'examples', 'liquid-biopsy-nsclc.json');
    const run = (workers: string) =>
      execFileSync(process.execPath, [join(ROOT, 'bin', 'hta.cjs'), 'psa', model, '--iterations', '3000', '--seed', '4', '--workers', workers, '--json'], { encoding: 'utf8' });
    const one = run('1');
    expect(run('2')).toBe(one);
    expect(JSON.parse(one).psa.iterations).toBe(3000);
  }, 120000);

  it('done-when: `hta psa <HIV> --iterations 10000 --seed 1 --json` is identical run to run, CEAC sums to 1', () => {
    const run = () =>
      execFileSync(process.execPath, [join(ROOT, 'bin', 'hta.cjs'), 'psa', 'resources/examples/hiv-chancellor-1997.json', '--iterations', '10000', '--seed', '1', '--json'], {
        encoding: 'utf8',
        cwd: ROOT,
      });
    const first = run();
    expect(run()).toBe(first);
    const json = JSON.parse(first) as PsaJson;
    expect(json.psa.ceac.length).toBe(5);
    for (const c of json.psa.ceac) expect(Object.values(c.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  }, 120000);

  it('runs the PSA of a named scenario (--scenario)', async () => {
    const json = handModel();
    json.parameters![3] = { id: 'c_new', value: 3000, kind: 'cost', uncertainty: { distribution: { type: 'gamma', mean: 3000, se: 600 } } };
    json.scenarios = [{ id: 'cheap', parameters: { c_new: 2000 } }];
    const file = join(mkdtempSync(join(tmpdir(), 'hta-psa-')), 'hand.json');
    writeFileSync(file, JSON.stringify(json));
    const base = JSON.parse((await psa([file, '--iterations', '500', '--json'])).stdout) as PsaJson;
    const cheap = JSON.parse((await psa([file, '--iterations', '500', '--scenario', 'cheap', '--json'])).stdout) as PsaJson;
    // Base: c_new sampled, so the mean cost of "new" varies around 3000 x 0.9; scenario: fixed at 2000 x 0.9.
    expect(base.psa.mean[1]!.cost).not.toBeCloseTo(2700, 6);
    expect(Math.abs(base.psa.mean[1]!.cost - 2700)).toBeLessThan(150);
    expect(cheap.psa.mean[1]!.cost).toBeCloseTo(1800, 9);
  });

  it('prints progress of long runs on stderr, never in the JSON on stdout', async () => {
    const r = await psa([HIV, '--iterations', '50000', '--wtp', '20000', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('psa: 10% (');
    expect(r.stderr).toContain('psa: 100% (50000/50000 draws)');
    expect((JSON.parse(r.stdout) as PsaJson).psa.iterations).toBe(50000);
  }, 60000);
});
