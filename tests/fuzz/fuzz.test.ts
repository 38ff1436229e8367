// Acceptance fuzz of issue 9: seeded mutations of the bundled model files through the CLI's main(), and of a
// dossier file and a workspace backup through the import parser. Bounded: a fixed seed and number of cases, each
// run in a worker thread under a generous time limit (the worker is stopped when a case exceeds it, so a hang
// fails the test instead of stalling it). Checks: exit status 0, 1 or 2 only; no stack trace or internal error;
// no null in JSON output where a number belongs; every rejected dossier or backup names where the problem is.
import { Worker } from 'node:worker_threads';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyMutation, damagedText, mutationArb, TEXT_DAMAGE } from './json-mutations';
import type { Json } from './json-mutations';
import type { FuzzJob, FuzzReply, FuzzRequest } from './fuzz-worker';
import { exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';
import { buildBackupFile, buildDossierFile, serializeFile } from '../../src/dossier/file-format';
import { appInfo } from '../../src/dossier/app-info';

// Fixed for the suite; HTA_FUZZ_SEED and HTA_FUZZ_RUNS (a multiplier) let a developer fuzz longer by hand.
const SEED = Number(process.env.HTA_FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.HTA_FUZZ_RUNS ?? 1);
const MODEL_CASES = 160 * RUNS;
const DOSSIER_CASES = 150 * RUNS;
/** Generous: the slowest bundled model runs its psa case in about 2 s on this machine. */
const CASE_LIMIT_MS = 60_000;

const EXAMPLES_DIR = resolve(__dirname, '..', '..', 'resources', 'examples');
const EXAMPLES = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'));
const dir = mkdtempSync(join(tmpdir(), 'hta-fuzz-'));

/**
 * JSON keys whose value may be null by contract ("no value": the ICER of the reference strategy, a missing price
 * year, net health benefit at a threshold of 0, …), from the output types in src/engine and src/cli. A null
 * anywhere else would be a number that could not be printed.
 */
const NULLABLE_KEYS = new Set([
  'currency', 'priceYear', 'icer', 'incCost', 'incEffect', 'nhb', 'incNhb', 'description', 'perspective', 'probabilistic', 'se',
  'evpiPopulation', 'twoWay', 'nmb', 'error', 'role', 'submodel', 'prevalent', 'inhabitants', 'perPatient', 'per100k', 'current',
  'new', 'difference', 'source', 'low', 'high', 'location', 'modelStrategy', 'median', 'medianYears', 'startYear', 'calendarYear',
  'country', 'eligiblePerYear', 'yearSinceStart', 'atLow', 'atHigh', 'optimalAtLow', 'optimalAtHigh', 'impactAtLow', 'impactAtHigh',
  'outcomeLow', 'outcomeHigh', 'yearsAtLow', 'yearsAtHigh', 'swing', 'label',
]);

class FuzzPool {
  private worker: Worker | null = null;
  private nextId = 0;

  private start(): Worker {
    this.worker ??= new Worker(join(__dirname, 'fuzz-worker.ts'), { execArgv: ['--require', 'tsx/cjs'] });
    return this.worker;
  }

  run(request: FuzzJob, describeCase: string): Promise<FuzzReply> {
    const worker = this.start();
    const id = ++this.nextId;
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        void this.stop();
        reject(new Error(`case took more than ${CASE_LIMIT_MS} ms: ${describeCase}`));
      }, CASE_LIMIT_MS);
      const onMessage = (reply: FuzzReply): void => {
        if (reply.id !== id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolvePromise(reply);
      };
      worker.on('message', onMessage);
      const message: FuzzRequest = { ...request, id };
      worker.postMessage(message);
    });
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

/** Paths of nulls whose key is not nullable by contract. */
function misplacedNulls(value: unknown): string[] {
  const out: string[] = [];
  const stack: { v: unknown; path: string; key: string }[] = [{ v: value, path: '', key: '' }];
  while (stack.length > 0) {
    const { v, path, key } = stack.pop()!;
    if (v === null) {
      if (!NULLABLE_KEYS.has(key)) out.push(path);
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: `${path}[${i}]`, key }));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: `${path}.${k}`, key: k });
  }
  return out;
}

function commandLine(command: string, file: string, pick: number): string[] {
  switch (command) {
    case 'psa':
      return ['psa', file, '--iterations', '10', '--seed', String(pick % 5), '--json', ...(pick % 3 === 0 ? ['--wtp', '0,20000'] : [])];
    case 'dsa':
      return ['dsa', file, '--json', ...(pick % 2 === 0 ? ['--wtp', '20000'] : [])];
    default:
      return [command, file, '--json'];
  }
}

const pool = new FuzzPool();
const stats = { models: new Map<number, number>(), dossiers: new Map<string, number>(), slowestMs: 0, slowest: '' };
const count = <K>(m: Map<K, number>, k: K): void => void m.set(k, (m.get(k) ?? 0) + 1);

afterAll(async () => {
  await pool.stop();
  const line = (m: Map<unknown, number>): string => [...m.entries()].map(([k, n]) => `${String(k)}: ${n}`).join(', ');
  console.log(`fuzz (seed ${SEED}): ${MODEL_CASES} model cases, exit status ${line(stats.models)}; ${DOSSIER_CASES} dossier/backup cases, ${line(stats.dossiers)}; slowest case ${Math.round(stats.slowestMs)} ms (${stats.slowest.slice(0, 300)})`);
});

describe('fuzzed model files through the CLI', () => {
  it(`${MODEL_CASES} mutated models: exit 0/1/2 only, no stack trace, no null where a number belongs`, async () => {
    const caseArb = fc.record({
      example: fc.constantFrom(...EXAMPLES),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
      damage: fc.constantFrom(...TEXT_DAMAGE),
      command: fc.constantFrom('validate', 'run', 'run', 'psa', 'dsa', 'bia'),
      pick: fc.nat(),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const doc = JSON.parse(readFileSync(join(EXAMPLES_DIR, c.example), 'utf8')) as Json;
        const changes = c.mutations.map((m) => applyMutation(doc, m));
        const file = join(dir, `case-${++n}.json`);
        writeFileSync(file, damagedText(doc, c.damage, c.pick));
        const argv = commandLine(c.command, file, c.pick);
        const what = `hta ${argv.join(' ')} — ${c.example}: ${changes.join('; ')}; text: ${c.damage}`;
        const t0 = performance.now();
        const r = await pool.run({ kind: 'cli', argv }, what);
        const ms = performance.now() - t0;
        if (ms > stats.slowestMs) Object.assign(stats, { slowestMs: ms, slowest: what });
        count(stats.models, r.code);
        expect(r.thrown, what).toBeNull();
        expect([0, 1, 2], `${what}\n${r.stderr}`).toContain(r.code);
        expect(r.stderr, what).not.toMatch(/internal error|\n\s+at \S+ \(/);
        if (r.code === 1) expect(`${r.stdout}${r.stderr}`.trim(), what).not.toBe('');
        if (r.code === 0 && argv.includes('--json')) {
          const out = JSON.parse(r.stdout) as unknown;
          expect(misplacedNulls(out), what).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: MODEL_CASES, endOnFailure: true },
    );
  }, 600_000);
});

describe('fuzzed dossier and backup files through the import parser', () => {
  it(`${DOSSIER_CASES} mutated files: accepted, or every problem located`, async () => {
    const now = '2026-12-06T00:00:00.000Z';
    const dossierDoc = JSON.parse(serializeFile(buildDossierFile(exampleDossier(), appInfo, now))) as Json;
    const backupDoc = JSON.parse(serializeFile(buildBackupFile({ dossiers: [exampleDossier()], snapshots: [], history: [], models: [], modelVersions: [], modelHistory: [], runs: [], psaImports: [] }, appInfo, now))) as Json;
    // Problems without a path concern the whole file: they say where in the text (line and column), name the
    // unknown top-level field, or say what is wrong with the file as a whole.
    const wholeFile = /line \d+, column \d+|^unknown fields? "|^the file is empty$|^the file ends unexpectedly|^the file is larger than|^not an HTA Workbench file|^…and \d+ more problems$/;
    const caseArb = fc.record({
      backup: fc.boolean(),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
      damage: fc.constantFrom(...TEXT_DAMAGE),
      pick: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const doc = structuredClone(c.backup ? backupDoc : dossierDoc);
        const changes = c.mutations.map((m) => applyMutation(doc, m));
        const text = damagedText(doc, c.damage, c.pick);
        const what = `${c.backup ? 'backup' : 'dossier'}: ${changes.join('; ')}; text: ${c.damage}`;
        const r = await pool.run({ kind: c.backup ? 'backup' : 'dossier', text }, what);
        count(stats.dossiers, r.code === 0 ? 'accepted' : 'rejected');
        expect(r.thrown, what).toBeNull();
        for (const p of r.problems) {
          expect(p.path !== '' || wholeFile.test(p.message), `${what}\nunlocated: ${p.message}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: DOSSIER_CASES, endOnFailure: true },
    );
  }, 600_000);
});
