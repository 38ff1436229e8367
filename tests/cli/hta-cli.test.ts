// The `hta` command as a user runs it: a child process through bin/hta.cjs, checking output and exit status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExample, threeStateModel } from '../engine/model-fixtures';

const ROOT = resolve(__dirname, '..', '..');
const HIV = join(ROOT, 'resources', 'examples', 'hiv-chancellor-1997.json');
const dir = mkdtempSync(join(tmpdir(), 'hta-cli-'));

function hta(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'hta.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeModel(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('hta run', () => {
  it('prints the HIV results as JSON with the published values, and writes the trace', () => {
    const tracePath = join(dir, 'trace.csv');
    const r = hta('run', HIV, '--json', '--trace', tracePath);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      strategies: { id: string; label: string; cost: number; effect: number; lifeYears: number }[];
      incremental: { id: string; status: string; incCost: number | null; incEffect: number | null; icer: number | null }[];
    };
    const mono = out.strategies.find((s) => s.id === 'mono')!;
    const comb = out.strategies.find((s) => s.id === 'comb')!;
    expect(rel(mono.cost, 44663.4535637)).toBeLessThanOrEqual(1e-7);
    expect(rel(comb.cost, 50601.6513312)).toBeLessThanOrEqual(1e-7);
    expect(rel(mono.lifeYears, 7.9912066)).toBeLessThanOrEqual(1e-7);
    expect(rel(comb.lifeYears, 8.9373889)).toBeLessThanOrEqual(1e-7);
    expect(mono.effect).toBe(mono.lifeYears);
    expect(out.incremental.map((i) => [i.id, i.status])).toEqual([
      ['mono', 'reference'],
      ['comb', 'nondominated'],
    ]);
    expect(out.incremental[0]!.icer).toBeNull();
    expect(rel(out.incremental[1]!.icer!, 6275.9556)).toBeLessThanOrEqual(1e-7);

    const lines = readFileSync(tracePath, 'utf8').trim().split('\n');
    // The state columns first; per-cycle values follow them (added by issue 14).
    expect(lines[0]!.startsWith('strategy,cycle,A,B,C,D,cost_')).toBe(true);
    expect(lines).toHaveLength(1 + 2 * 21);
    expect(lines[1]!.startsWith('mono,0,1,0,0,0,')).toBe(true);
    const [, , a] = lines[2]!.split(',');
    expect(Number(a)).toBeCloseTo(1251 / 1734, 12);
  });

  it('prints a readable table by default', () => {
    const r = hta('run', HIV);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('44,663.45');
    expect(r.stdout).toContain('6,275.96');
    expect(r.stdout).toMatch(/comb\s+nondominated/);
  });

  it('refuses an invalid model with exit 1 and located problems', () => {
    const m = threeStateModel();
    m.model.transitions[4]!.probability = 'p_SDD';
    const r = hta('run', writeModel('unknown-name.json', m));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("model.transitions[4].probability: unknown name 'p_SDD'");
    expect(r.stdout).toBe('');
  });
});

describe('hta validate', () => {
  it('accepts a valid model (exit 0)', () => {
    const r = hta('validate', HIV);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid');
  });

  it('lists every problem of a bad model with its location (exit 1)', () => {
    const m = threeStateModel();
    m.model.transitions[4]!.probability = 'p_SDD'; // unknown name
    m.parameters!.push({ id: 'x', expression: 'y * 2' }, { id: 'y', expression: 'x + 1' }); // dependency cycle
    m.parameters!.push({ id: 'r_event', value: 0.2, kind: 'rate', timeUnit: 'year' });
    m.model.transitions[2]!.probability = 'r_event'; // rate used as a probability
    m.model.transitions.push({ from: 'Sick', to: 'Dead', probability: 'C' }); // second complement + duplicate
    const r = hta('validate', writeModel('many.json', m));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("model.transitions[4].probability: unknown name 'p_SDD' in \"p_SDD\" (did you mean p_SD?)");
    expect(r.stdout).toMatch(/parameters\[\d+\]: parameters depend on each other in a cycle: x → y → x/);
    expect(r.stdout).toContain('model.transitions[2].probability: parameter r_event is a rate, used as the probability of transition Healthy → Dead; convert it with rate_to_prob(r_event)');
    expect(r.stdout).toContain('model.transitions[6]: transition Sick → Dead is defined more than once');
  });

  it('reports a probability out of range at run time with strategy, transition and parameter values', () => {
    const m = threeStateModel();
    m.parameters!.push({ id: 'p_progress', value: 0.1 });
    m.model.transitions[1]!.probability = 'p_progress';
    m.strategies[1]!.parameters = { p_progress: 1.3 };
    const r = hta('validate', writeModel('range.json', m), '--json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { valid: boolean; issues: { location: string; message: string; severity: string }[] };
    expect(report.valid).toBe(false);
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        location: 'model.transitions[1].probability',
        message: expect.stringContaining('parameter p_progress = 1.3 is not a probability (transition Healthy → Sick, strategy new, cycle 1)'),
      }),
    );
  });

  it('treats malformed JSON and schema errors as invalid models (exit 1)', () => {
    const bad = hta('validate', writeModel('bad.json', '{ "format": '));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('not valid JSON');
    const m = loadExample('heemod-intro-two-state.json') as unknown as Record<string, Record<string, unknown>>;
    m.settings!.counting = 'halfway';
    const schema = hta('validate', writeModel('schema.json', m));
    expect(schema.status).toBe(1);
    expect(schema.stdout).toContain('settings.counting:');
  });
});

describe('usage errors exit with 2', () => {
  it.each([
    [['run']],
    [['run', HIV, '--frobnicate']],
    [['run', join(dir, 'missing.json')]],
    [['teleport', HIV]],
    [[]],
  ])('hta %j', (args) => {
    const r = hta(...args);
    expect(r.status).toBe(2);
    expect(r.stderr + r.stdout).toMatch(/Usage: hta/);
  });

  it('prints help with the command table (exit 0)', () => {
    const r = hta('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/run\s+run a model/);
    expect(r.stdout).toMatch(/validate\s+check a model file/);
  });
});
