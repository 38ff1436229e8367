// Issue 9 items 5-10: the reproductions of the reliability review as regression tests, through the CLI's main()
// in-process. Every bad model file is exit 1 with a located message; nothing crashes (exit 70), hangs, or prints
// null where a number belongs; `validate` refuses what `run` would fail on.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runHta } from './cli-harness';
import { commands } from '../../src/cli/commands';
import type { CliCommand } from '../../src/cli/command';
import { clone, loadExample } from '../engine/model-fixtures';

const ROOT = resolve(__dirname, '..', '..');
const HIV = join(ROOT, 'resources', 'examples', 'hiv-chancellor-1997.json');
const dir = mkdtempSync(join(tmpdir(), 'hta-reliability-'));

const hta = runHta;

let fileCount = 0;
function write(json: unknown): string {
  const path = join(dir, `model-${++fileCount}.json`);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  return path;
}

type Json = Record<string, unknown> & { settings: Record<string, unknown>; parameters: Record<string, unknown>[] };
const hiv = (): Json => clone(loadExample('hiv-chancellor-1997.json')) as unknown as Json;

/** validate and run both refuse the file with exit 1 and the same located first problem; no stack trace. */
async function refusedEverywhere(path: string, expected: string): Promise<void> {
  const validate = await hta('validate', path);
  expect(validate.code).toBe(1);
  expect(validate.out).toContain(expected);
  const run = await hta('run', path, '--json');
  expect(run.code).toBe(1);
  expect(run.out).toBe('');
  expect(run.err).toContain(expected);
  expect(run.err).not.toMatch(/\n\s+at /);
}

describe('validate refuses what run would fail on (item 7)', () => {
  it('wtp: [-1] is a schema error, not IncrementalAnalysisError exit 70', async () => {
    const m = hiv();
    m.settings.wtp = [-1];
    await refusedEverywhere(write(m), 'settings.wtp[0]: must be 0 or more');
  });

  it('discount.costs: -1 is a schema error, not an infinite cost', async () => {
    const m = hiv();
    (m.settings.discount as Record<string, unknown>).costs = -1;
    await refusedEverywhere(write(m), 'settings.discount.costs: must be greater than -1');
  });

  it('a cost of 1e308 is located at the number that overflows', async () => {
    const m = hiv();
    const i = m.parameters.findIndex((p) => p.id === 'cost_zido');
    m.parameters[i]!.value = 1e308;
    await refusedEverywhere(write(m), `parameters[${i}].value: strategy mono: the cost total is not a finite number (Infinity): 1e+308 (at parameters[${i}].value) is too large`);
  });
});

describe('validate refuses what psa would fail on', () => {
  it('an impossible distribution and a correlation out of range are located by validate, as psa reports them', async () => {
    const m = hiv();
    const rr = m.parameters.findIndex((p) => p.id === 'rr');
    m.parameters[rr]!.uncertainty = { distribution: { type: 'beta', mean: 0.5, se: 0.9 } };
    const bad = await hta('validate', write(m));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`parameters[${rr}].uncertainty.distribution: Parameter "rr": beta with mean 0.5 and se 0.9 is impossible`);
    m.parameters[rr]!.uncertainty = { distribution: { type: 'lognormal', mean: 0.5, se: 0.1 } };
    m.parameters.find((p) => p.id === 'cost_zido')!.uncertainty = { distribution: { type: 'gamma', mean: 2278, se: 100 } };
    m.correlations = [{ parameters: ['rr', 'cost_zido'], matrix: [[1, 2], [2, 1]] }];
    const path = write(m);
    const validate = await hta('validate', path);
    expect(validate.code).toBe(1);
    expect(validate.out).toContain('correlations[0]: correlation matrix 1 (rr, cost_zido): entry [1, 2] = 2 is not in [-1, 1].');
    expect((await hta('psa', path, '--iterations', '10')).code).toBe(1);
  });
});

describe('no null where a number belongs (item 8)', () => {
  it('wtp: [1e308] is refused at settings.wtp[0] by validate, run and the JSON guard', async () => {
    const m = hiv();
    m.settings.wtp = [20000, 1e308];
    await refusedEverywhere(write(m), 'settings.wtp[1]: at a willingness to pay of 1e+308, the net benefit of strategy mono is not a finite number');
  });

  it('cycleLength: 5e-324 is refused by the schema', async () => {
    const m = hiv();
    m.settings.cycleLength = 5e-324;
    await refusedEverywhere(write(m), 'settings.cycleLength: must be at least 0.0001 years');
  });

  it('hta psa --wtp 1e308: a located PsaSummaryError (exit 1), not a CEAC of 1 for the first strategy', async () => {
    const r = await hta('psa', HIV, '--iterations', '20', '--wtp', '1e308', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/At a willingness to pay of 1e\+308, the net benefit of strategy "mono" in draw 0 is not a finite number/);
  });

  it('a distribution that draws Infinity is blamed, by parameter name, not the expression that reads it', async () => {
    const m = hiv();
    m.parameters.push({ id: 'huge_rr', value: 1, uncertainty: { distribution: { type: 'lognormal', meanlog: 800, sdlog: 1 } } });
    const r = await hta('psa', write(m), '--iterations', '10');
    expect(r.code).toBe(1);
    expect(r.err).toContain('draw 0: the lognormal distribution of parameter huge_rr drew Infinity, not a finite number');
  });
});

describe('bounded inputs give located errors, not hangs or crashes (items 5 and 6)', () => {
  it('cycles: 1e12 and 1e9 are exit 1 at settings.cycles (was RangeError: Invalid typed array length, exit 70)', async () => {
    for (const cycles of [1e12, 1e9]) {
      const m = hiv();
      m.settings.cycles = cycles;
      await refusedEverywhere(write(m), "settings.cycles: must be at most 100,000 (the engine's limit)");
    }
  });

  it('budgetImpact.horizonYears: 1e15 is exit 1 at once (was an endless loop)', async () => {
    const m = clone(loadExample('liquid-biopsy-nsclc.json')) as unknown as { budgetImpact: Record<string, unknown> };
    m.budgetImpact.horizonYears = 1e15;
    const path = write(m);
    await refusedEverywhere(path, 'budgetImpact.horizonYears: must be at most 10');
    const bia = await hta('bia', path, '--json');
    expect(bia.code).toBe(1);
  });

  it('an expression nested 10,000 deep is exit 1 with its location (was a stack overflow in collectNames)', async () => {
    const m = hiv();
    const i = m.parameters.findIndex((p) => p.id === 'rr');
    m.parameters[i] = { id: 'rr', expression: `${'('.repeat(4_990)}0.509${')'.repeat(4_990)}` };
    await refusedEverywhere(write(m), `parameters[${i}].expression: cannot read expression "((((`);
    const validate = await hta('validate', write(m));
    expect(validate.out).toContain('nested too deeply (more than 200 levels)');
  });

  it('a model file nested 10,000 levels deep is exit 1 with the path', async () => {
    const text = JSON.stringify(hiv()).replace('"metadata":{', `"deep":${'['.repeat(10_000)}${']'.repeat(10_000)},"metadata":{`);
    const r = await hta('validate', write(text));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`  deep${'[0]'.repeat(199)}: nested more than 200 levels deep`);
  });
});

describe('own keys: names such as toString (item 9)', () => {
  it('parameters named toString, constructor and valueOf plus a scenario work with run, dsa and psa --scenario', async () => {
    const m = hiv();
    m.parameters.push({ id: 'toString', value: 1 }, { id: 'constructor', value: 2, uncertainty: { distribution: { type: 'normal', mean: 2, sd: 0.1 } } }, { id: 'valueOf', value: 3 });
    m.scenarios = [{ id: 'low_rr', parameters: { rr: 0.6, toString: 4 } }];
    const path = write(m);
    expect((await hta('validate', path)).code).toBe(0);
    const psa = await hta('psa', path, '--scenario', 'low_rr', '--iterations', '40', '--json');
    expect(psa.err).toBe('');
    expect(psa.code).toBe(0);
    const out = JSON.parse(psa.out) as { psa: { sampledParameters: string[] } };
    expect(out.psa.sampledParameters).toContain('constructor');
    expect((await hta('dsa', path, '--wtp', '20000', '--json')).code).toBe(0);
    expect((await hta('run', path, '--json')).code).toBe(0);
  });

  it('a state named toString without utility is still reported as missing its utility', async () => {
    const m = clone(loadExample('heemod-intro-two-state.json')) as unknown as { model: { states: { id: string }[]; stateValues: Record<string, unknown>; transitions: { from: string; to: string }[]; initial: Record<string, unknown> } };
    m.model.states.push({ id: 'toString' });
    m.model.transitions.push({ from: 'toString', to: 'toString', probability: 'C' } as never);
    const r = await hta('validate', write(m));
    expect(r.code).toBe(1);
    expect(r.out).toContain('state toString has no utility');
  });
});

describe('JSON files (item 10)', () => {
  it('a UTF-8 byte order mark is accepted, as the app accepts it', async () => {
    const r = await hta('validate', write(`\ufeff${JSON.stringify(hiv())}`));
    expect(r.code).toBe(0);
  });

  it('a syntax error has line and column; a duplicate key is refused with its path', async () => {
    const broken = await hta('validate', write('{\n  "format": "hta-workbench-model",\n  "version": 1,\n}'), '--json');
    expect(broken.code).toBe(1);
    const issue = (JSON.parse(broken.out) as { issues: { message: string }[] }).issues[0]!;
    expect(issue.message).toBe('not valid JSON: invalid JSON at line 4, column 1 near "}": expected a key in double quotes');
    const text = JSON.stringify(hiv(), null, 2).replace('"cycles": 20,', '"cycles": 20,\n    "cycles": 40,');
    const dup = await hta('validate', write(text));
    expect(dup.code).toBe(1);
    expect(dup.out).toMatch(/settings\.cycles: the key "cycles" is given twice in the same object \(line \d+, column 5 and line \d+, column 5\); keep one/);
  });
});

describe('internal errors (item 6)', () => {
  const crashing: CliCommand = {
    name: 'crash-for-test',
    summary: 'test only',
    usage: 'hta crash-for-test',
    help: [],
    options: {},
    positionals: 0,
    run() {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    },
  };
  const entry = { name: crashing.name, summary: crashing.summary, load: () => Promise.resolve(crashing) };
  afterEach(() => {
    const i = commands.indexOf(entry);
    if (i >= 0) commands.splice(i, 1);
  });

  it('print one sentence and where to report, exit 70; the stack only with --debug', async () => {
    commands.push(entry);
    const plain = await hta('crash-for-test');
    expect(plain.code).toBe(70);
    expect(plain.err.trim().split('\n')).toHaveLength(1);
    expect(plain.err).toContain("hta: internal error (TypeError: Cannot read properties of undefined (reading 'x')). This is a fault of HTA Workbench, not of your model: please report it to the HTA Workbench maintainers");
    const debug = await hta('crash-for-test', '--debug');
    expect(debug.code).toBe(70);
    expect(debug.err).toMatch(/\n\s+at /);
  });
});
