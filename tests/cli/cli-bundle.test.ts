// The pre-built `hta` (out/cli/, built by tests/setup/build-cli-bundle.ts as by `npm ci`) against the TypeScript
// sources it is built from: the same bytes on stdout and stderr and the same exit status, worker threads included.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { cliBuildOptions, cliCommandBundleOptions } from '../../scripts/build-cli.mjs';
import { psaThreadEntry } from '../../src/cli/psa-workers';

const ROOT = resolve(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'resources', 'examples');
const HIV = join(EXAMPLES, 'hiv-chancellor-1997.json');
const LIQUID_BIOPSY = join(EXAMPLES, 'liquid-biopsy-nsclc.json');
const THR = join(EXAMPLES, 'total-hip-replacement.json');

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function hta(args: string[], options: { fromSource?: boolean; bin?: string } = {}): Promise<Outcome> {
  const env = { ...process.env };
  delete env.HTA_FROM_SOURCE;
  if (options.fromSource) env.HTA_FROM_SOURCE = '1';
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [options.bin ?? join(ROOT, 'bin', 'hta.cjs'), ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}

const invalidModel = join(mkdtempSync(join(tmpdir(), 'hta-bundle-')), 'invalid.json');
writeFileSync(invalidModel, JSON.stringify({ format: 'HTA Workbench model', version: 1, model: { type: 'markov' } }));

const cases: Array<[string, string[]]> = [
  ['help', ['--help']],
  ['psa help', ['psa', '--help']],
  ['unknown command', ['frobnicate']],
  ['usage error', ['run']],
  ['run (HIV, JSON)', ['run', HIV, '--json']],
  ['run (liquid biopsy, table)', ['run', LIQUID_BIOPSY]],
  ['run (hip replacement, JSON)', ['run', THR, '--json']],
  ['validate (valid)', ['validate', HIV]],
  ['validate (invalid, JSON)', ['validate', invalidModel, '--json']],
  // Long enough for a worker thread (a short run stays in this thread): the bundle's thread entry is used.
  ['psa (liquid biopsy, 2 workers)', ['psa', LIQUID_BIOPSY, '--iterations', '3000', '--seed', '7', '--workers', '2', '--json']],
  ['psa (liquid biopsy, table)', ['psa', LIQUID_BIOPSY, '--iterations', '300', '--seed', '3']],
  ['dsa (liquid biopsy)', ['dsa', LIQUID_BIOPSY, '--wtp', '50000', '--json']],
  ['bia (liquid biopsy)', ['bia', LIQUID_BIOPSY, '--json']],
  ['bia (liquid biopsy, table)', ['bia', LIQUID_BIOPSY]],
  ['countries (HIV, JSON)', ['countries', HIV, '--json']],
];

describe('the bundled hta prints exactly what the TypeScript sources print', () => {
  for (const [name, args] of cases) {
    it(name, async () => {
      const [bundled, fromSource] = await Promise.all([hta(args), hta(args, { fromSource: true })]);
      expect(bundled.stdout).toBe(fromSource.stdout);
      expect(bundled.stderr).toBe(fromSource.stderr);
      expect(bundled.status).toBe(fromSource.status);
      expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
    }, 120000);
  }
});

describe('the bundle', () => {
  const outputs = async () => {
    const result = await esbuild.build({ ...cliBuildOptions(ROOT), write: false, logLevel: 'silent' });
    return result.metafile!.outputs as Record<string, { entryPoint?: string; bytes: number; inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string; external?: boolean }> }>;
  };
  /** Input files that load with an output file: its static imports, transitively. */
  function loadedInputs(outs: Awaited<ReturnType<typeof outputs>>, entry: string): string[] {
    const start = Object.keys(outs).find((file) => outs[file]!.entryPoint === entry)!;
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const i of outs[file]!.imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
    }
    return [...seen].flatMap((file) => Object.keys(outs[file]!.inputs));
  }

  it('loads no engine code for `hta --help`, and no PSA machinery for `hta validate`', async () => {
    const outs = await outputs();
    const forHelp = loadedInputs(outs, 'src/cli/main.ts');
    expect(forHelp.filter((f) => f.startsWith('src/engine/') || f.includes('node_modules'))).toEqual([]);
    const forValidate = loadedInputs(outs, 'src/cli/validate-command.ts');
    expect(forValidate).toContain('src/engine/model/validate.ts');
    expect(forValidate.filter((f) => f.startsWith('src/engine/psa/') || f.includes('psa-workers'))).toEqual([]);
    expect(loadedInputs(outs, 'src/cli/commands/psa-command.ts')).toContain('src/engine/psa/psa-run.ts');
  });

  it('carries no licence comments (they are in THIRD-PARTY-NOTICES.md)', async () => {
    const result = await esbuild.build({ ...cliBuildOptions(ROOT), write: false, logLevel: 'silent' });
    const text = result.outputFiles!.map((f) => f.text).join('\n');
    expect(text).toContain('@stdlib');
    expect(text).not.toMatch(/Licensed under the Apache License|@license|@preserve/);
  });

  it("carries zod's English messages only (the CLI reads no other z.locales)", async () => {
    const inputs = Object.values(await outputs()).flatMap((o) => Object.keys(o.inputs));
    expect(inputs).toContain('node_modules/zod/v4/locales/en.js');
    expect(inputs.filter((f) => f.includes('zod/v4/locales/') && !f.endsWith('/en.js'))).toEqual([]);
  });

  it('starts worker threads from the bundled thread entry, and from TypeScript through tsx when run from source', () => {
    expect(psaThreadEntry(join(ROOT, 'out', 'cli', 'chunk-X.mjs'))).toEqual({ file: join(ROOT, 'out', 'cli', 'psa-workers-thread.mjs'), execArgv: [] });
    // From a command's CommonJS file: the threads' CommonJS file (with its code cache) through bin/psa-thread.cjs.
    expect(psaThreadEntry(join(ROOT, 'out', 'cli', 'psa-command.cjs'))).toEqual({ file: join(ROOT, 'bin', 'psa-thread.cjs'), execArgv: [] });
    // Without that file (a partial build) the ES module build's entry.
    const elsewhere = mkdtempSync(join(tmpdir(), 'hta-no-thread-file-'));
    expect(psaThreadEntry(join(elsewhere, 'psa-command.cjs'))).toEqual({ file: join(elsewhere, 'psa-workers-thread.mjs'), execArgv: [] });
    expect(psaThreadEntry(join(ROOT, 'src', 'cli', 'psa-workers.ts'))).toEqual({ file: join(ROOT, 'src', 'cli', 'psa-workers-thread.ts'), execArgv: ['--require', 'tsx/cjs'] });
  });
});

describe('bin/hta.cjs without the bundle', () => {
  /** A copy of the project with bin/ and, optionally, the sources and node_modules, but no out/cli/. */
  function checkoutWithoutBundle(withDevDependencies: boolean): string {
    const dir = mkdtempSync(join(tmpdir(), 'hta-nobundle-'));
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
    if (withDevDependencies) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    return dir;
  }

  it('says the bundle is missing and runs the TypeScript sources', async () => {
    const r = await hta(['validate', HIV], { bin: join(checkoutWithoutBundle(true), 'bin', 'hta.cjs') });
    expect(r.stderr).toContain('the pre-built command line (out/cli/main.mjs) is missing');
    expect(r.stderr).toContain('npm run build:cli');
    expect(r.stdout).toBe(`${HIV}: valid\n`);
    expect(r.status).toBe(0);
  });

  it('ends with a clear message when the sources cannot run either', async () => {
    const r = await hta(['--help'], { bin: join(checkoutWithoutBundle(false), 'bin', 'hta.cjs') });
    expect(r.stderr).toMatch(/cannot start: .* Run `npm ci`/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(70);
  });
});

describe('commands started from a CommonJS file of their own with V8\'s code cache', () => {
  const commandFiles = join(ROOT, 'bin', 'command-files.cjs');
  /** In a fresh node (the test runner's V8 flags would make V8 refuse any cache): the file and whether its cache was used. */
  function startFile(name: string, folder = ROOT): { file: string | null; cacheUsed: boolean | null } {
    const script = `const c = require(${JSON.stringify(commandFiles)}); const file = c.commandFile(${JSON.stringify(folder)}, ${JSON.stringify(name)});
      process.stdout.write(JSON.stringify({ file, cacheUsed: file && c.compileCommandFile(file, true).cacheUsed }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { file: string | null; cacheUsed: boolean | null };
  }

  it('psa, run, validate, dsa, bia and countries start from their own file, and V8 takes its code cache', () => {
    for (const name of ['psa', 'run', 'validate', 'dsa', 'bia', 'countries']) expect(startFile(name)).toEqual({ file: join(ROOT, 'out', 'cli', `${name}-command.cjs`), cacheUsed: true });
    // Other commands and names that are no command run the ES module build.
    expect(startFile('report').file).toBeNull();
    expect(startFile('../psa').file).toBeNull();
  });

  it("the PSA worker threads' file has its code cache too, and a thread started from it works", () => {
    const script = `const c = require(${JSON.stringify(commandFiles)}); const file = c.threadFile(${JSON.stringify(ROOT)});
      const { cli, cacheUsed } = c.compileCommandFile(file, true);
      process.stdout.write(JSON.stringify({ file, cacheUsed, warmUp: typeof cli.warmUpForCodeCache }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ file: join(ROOT, 'out', 'cli', 'psa-workers-thread.cjs'), cacheUsed: true, warmUp: 'function' });
    // A real thread from bin/psa-thread.cjs answers init with ready (the worker-thread cases above compare whole runs).
    const thread = `const { Worker } = require('node:worker_threads');
      const w = new Worker(${JSON.stringify(join(ROOT, 'bin', 'psa-thread.cjs'))});
      w.on('message', (m) => { process.stdout.write(m.type); w.terminate(); });
      w.postMessage({ type: 'init', model: { bad: 'model' }, seed: 1 });`;
    const t = spawnSync(process.execPath, ['-e', thread], { encoding: 'utf8' });
    expect(t.stderr).toBe('');
    expect(t.stdout).toBe('error');
  });

  /** A copy of psa-command.cjs and its cache in a folder of its own. */
  function copyOfPsaFile(): { folder: string; copy: string } {
    const folder = mkdtempSync(join(tmpdir(), 'hta-code-cache-'));
    mkdirSync(join(folder, 'out', 'cli'), { recursive: true });
    const copy = join(folder, 'out', 'cli', 'psa-command.cjs');
    copyFileSync(join(ROOT, 'out', 'cli', 'psa-command.cjs'), copy);
    copyFileSync(join(ROOT, 'out', 'cli', 'psa-command.cjs.cache'), `${copy}.cache`);
    return { folder, copy };
  }

  it('compiles without the cache when the file is not the one the cache was made from', () => {
    const { folder, copy } = copyOfPsaFile();
    expect(startFile('psa', folder)).toEqual({ file: copy, cacheUsed: true });
    appendFileSync(copy, '\n// edited\n');
    expect(startFile('psa', folder)).toEqual({ file: copy, cacheUsed: false });
  });

  it('compiles without the cache when the cache is damaged (V8 would crash on it)', () => {
    const { folder, copy } = copyOfPsaFile();
    const bytes = readFileSync(`${copy}.cache`);
    for (let i = bytes.length >> 1; i < bytes.length; i += 4096) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(`${copy}.cache`, bytes);
    expect(startFile('psa', folder)).toEqual({ file: copy, cacheUsed: false });
    writeFileSync(`${copy}.cache`, bytes.subarray(0, 3));
    expect(startFile('psa', folder)).toEqual({ file: copy, cacheUsed: false });
  });

  it('prints the same with and without the cache', async () => {
    const args = ['psa', HIV, '--iterations', '500', '--seed', '9', '--json'];
    const withCache = await hta(args);
    process.env.HTA_CODE_CACHE = '0';
    try {
      expect(await hta(args)).toEqual(withCache);
    } finally {
      delete process.env.HTA_CODE_CACHE;
    }
    expect(withCache.status).toBe(0);
  });

  it('command files are ASCII (read as Latin-1, not decoded as UTF-8), with the comments esbuild keeps escaped', () => {
    for (const name of ['psa-command', 'run-command', 'validate-command', 'dsa-command', 'bia-command', 'countries-command', 'psa-workers-thread']) {
      const bytes = readFileSync(join(ROOT, 'out', 'cli', `${name}.cjs`));
      expect(bytes.every((b) => b < 0x80)).toBe(true);
    }
    // The sources do have non-ASCII characters in comments esbuild keeps (e.g. survival's "k·step").
    expect(readFileSync(join(ROOT, 'out', 'cli', 'psa-command.cjs'), 'latin1')).toMatch(/\\u\{[0-9a-f]+\}/);
  });

  it('bundles only its own command into a command file', async () => {
    const result = await esbuild.build({ ...cliCommandBundleOptions(ROOT, 'psa'), write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs).toContain('src/cli/commands/psa-command.ts');
    expect(inputs.filter((f) => /-command\.ts$/.test(f))).toEqual(['src/cli/commands/psa-command.ts']);
  });
});
