#!/usr/bin/env node
// Builds the `hta` command into out/cli/ with esbuild: main.mjs (what bin/hta.cjs runs), psa-workers-thread.mjs
// (the PSA worker threads) and shared chunks, so commands load lazily (`hta --help` loads no engine code).
// Runs at `npm ci` (prepare), in `npm run build` and before the unit tests (tests/cli-bundle-setup.ts).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * zod's error messages in English only: zod exposes its 60-odd message languages as `z.locales`, which the CLI
 * never reads (it sets none; zod's default is English, imported by zod itself). Bundling them cost 360 kB of the
 * engine chunk and ~8 ms of CPU at every engine-loading command's start.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales-english', namespace: 'zod-english-only' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: build.initialOptions.absWorkingDir }));
  },
};

export const cliEntryPoints = { main: 'src/cli/main.ts', 'psa-workers-thread': 'src/cli/psa-workers-thread.ts' };

/**
 * esbuild options of the CLI bundle. ESM output, because only ESM output can split lazily loaded commands into
 * chunks that share one copy of every module (instanceof checks across commands keep working).
 * @param {string} rootDir the project folder
 */
export function cliBuildOptions(rootDir) {
  return {
    absWorkingDir: rootDir,
    entryPoints: cliEntryPoints,
    outdir: join(rootDir, 'out', 'cli'),
    outExtension: { '.js': '.mjs' },
    // Chunks sit next to the entries: psa-workers finds its thread entry beside the chunk it is bundled into.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Licences of bundled packages are collected in THIRD-PARTY-NOTICES.md, not repeated in the bundle.
    legalComments: 'none',
    // Loaded from node_modules at run time: resvg ships a native addon (a .node file esbuild cannot bundle), and
    // exceljs's zip reader names an AWS client it requires only for S3 sources, which `hta` never reads.
    external: ['@resvg/resvg-js', '@aws-sdk/client-s3'],
    logLevel: 'warning',
    metafile: true,
    plugins: [zodEnglishOnly],
    // The sources are CommonJS-flavoured TypeScript: give every output file the __filename and require that
    // CommonJS code expects (tsx and vitest provide them when the same code runs from source).
    banner: {
      js: [
        "import { fileURLToPath as __htaFileURLToPath } from 'node:url';",
        "import { createRequire as __htaCreateRequire } from 'node:module';",
        'const __filename = __htaFileURLToPath(import.meta.url);',
        'const require = __htaCreateRequire(import.meta.url);',
      ].join(' '),
    },
  };
}

/**
 * Commands that start from a CommonJS file of their own, out/cli/<name>-command.cjs, which bin/hta.cjs compiles
 * with V8's code cache (<name>-command.cjs.cache): Node 20 keeps no compiled code for ES modules, so every start of
 * `hta psa` parsed and compiled the engine again. Each is listed with the runs (bundled examples) that fill its
 * cache at build time. Other commands and `hta --help` run the ES module build.
 */
const CACHED_COMMANDS = {
  validate: [['validate', 'hiv-chancellor-1997.json']],
  run: [
    ['run', 'hiv-chancellor-1997.json', '--json'],
    ['run', 'total-hip-replacement.json'],
    ['run', 'liquid-biopsy-nsclc.json'],
  ],
  psa: [
    ['psa', 'hiv-chancellor-1997.json', '--iterations', '300', '--json'],
    ['psa', 'hiv-chancellor-1997.json', '--iterations', '100'],
    ['psa', 'liquid-biopsy-nsclc.json', '--iterations', '50', '--json'],
  ],
  dsa: [['dsa', 'hiv-chancellor-1997.json', '--json']],
  bia: [['bia', 'liquid-biopsy-nsclc.json', '--json'], ['bia', 'liquid-biopsy-nsclc.json']],
  countries: [['countries', 'hiv-chancellor-1997.json', '--json'], ['countries', 'hiv-chancellor-1997.json']],
};

/**
 * The PSA worker threads of a command started from its CommonJS file start from a CommonJS file too,
 * out/cli/psa-workers-thread.cjs (through bin/psa-thread.cjs), with its code cache: loading the ES module build
 * parsed and compiled the engine again in every thread. Its cache is filled by a thread's work on these examples
 * (file, draws).
 */
const CACHED_THREAD = {
  name: 'psa-workers-thread',
  entry: cliEntryPoints['psa-workers-thread'],
  warmUps: [
    ['hiv-chancellor-1997.json', 300],
    ['liquid-biopsy-nsclc.json', 50],
  ],
};

/** Leaves every command but `name` out of a command's own bundle (main() loads only the command it runs). */
function onlyCommand(name) {
  return {
    name: 'only-command',
    setup(build) {
      build.onResolve({ filter: /-command$/ }, (args) => (/[\\/]src[\\/]cli[\\/]commands\.ts$/.test(args.importer) && !args.path.endsWith(`/${name}-command`) ? { path: args.path, external: true } : undefined));
    },
  };
}

/**
 * esbuild options of the CommonJS file of one command of CACHED_COMMANDS: main() with that command only.
 * @param {string} rootDir the project folder
 * @param {string} name the command
 */
export function cliCommandBundleOptions(rootDir, name) {
  const esm = cliBuildOptions(rootDir);
  return {
    ...commonJsFileOptions(rootDir, cliEntryPoints.main, `${name}-command.cjs`),
    plugins: [...esm.plugins, onlyCommand(name)],
  };
}

/** esbuild options of the CommonJS file of the PSA worker threads (CACHED_THREAD). */
export function cliThreadBundleOptions(rootDir) {
  return commonJsFileOptions(rootDir, CACHED_THREAD.entry, `${CACHED_THREAD.name}.cjs`);
}

/** esbuild options of a CommonJS file in out/cli/ that bin/command-files.cjs compiles with its code cache. */
function commonJsFileOptions(rootDir, entry, fileName) {
  const esm = cliBuildOptions(rootDir);
  return {
    absWorkingDir: esm.absWorkingDir,
    entryPoints: [entry],
    outfile: join(esm.outdir, fileName),
    bundle: true,
    format: 'cjs',
    platform: esm.platform,
    target: esm.target,
    legalComments: esm.legalComments,
    external: esm.external,
    logLevel: esm.logLevel,
    // import() of a package left outside the bundle (resvg) becomes require(): a script compiled with vm has no
    // module loader of its own.
    supported: { 'dynamic-import': false },
    plugins: esm.plugins,
  };
}

/**
 * Writes the code cache of each command's CommonJS file with the node that builds it (V8 refuses a cache from
 * another V8 version or other flags, and the file then compiles as usual). Warns when a cache is not written.
 */
export function writeCodeCaches(rootDir) {
  const examples = join(rootDir, 'resources', 'examples');
  const jobs = [
    ...Object.entries(CACHED_COMMANDS).map(([name, runs]) => ({ name, commandLines: runs.map(([command, file, ...rest]) => [command, join(examples, file), ...rest]) })),
    { name: CACHED_THREAD.name, thread: true, warmUps: CACHED_THREAD.warmUps.map(([file, draws]) => [join(examples, file), draws]) },
  ];
  const writes = jobs.map((job) => {
    const name = job.thread ? `${job.name} (PSA worker threads)` : job.name;
    const child = spawn(process.execPath, [join(rootDir, 'bin', 'hta.cjs')], { env: { ...process.env, HTA_WRITE_CODE_CACHE: JSON.stringify(job) }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    return new Promise((resolvePromise) => {
      const warn = (why) => console.warn(`hta: the code cache of \`hta ${name}\` was not written (the command starts slower): ${why}`);
      child.on('error', (error) => resolvePromise(warn(error.message)));
      child.on('close', (status) => resolvePromise(status === 0 ? undefined : warn(stderr || `status ${status}`)));
    });
  });
  return Promise.all(writes);
}

/**
 * esbuild writes strings and identifiers as ASCII but copies the comments it keeps as they are: spells their other
 * characters as \u escapes, so the file is ASCII and bin/command-files.cjs reads it as Latin-1 (a plain copy)
 * instead of decoding UTF-8 (about 3 ms for 1.5 MB at every start). Outside comments such a character cannot
 * occur; if one did, the file would stay as it is (and be decoded as UTF-8).
 */
function asciiComments(file) {
  const text = readFileSync(file, 'utf8');
  if (!/[^\p{ASCII}]/u.test(text)) return;
  const comment = /^\s*(\/\/|\/\*|\*)/;
  const lines = text.split('\n').map((line) => (comment.test(line) ? line.replace(/[^\p{ASCII}]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`) : line));
  writeFileSync(file, lines.join('\n'));
}

/** Builds out/cli/ from scratch (stale chunks of an earlier build removed). Returns esbuild's metafile. */
export async function buildCli(rootDir, esbuild) {
  const options = cliBuildOptions(rootDir);
  rmSync(options.outdir, { recursive: true, force: true });
  const [result] = await Promise.all([
    esbuild.build(options),
    ...Object.keys(CACHED_COMMANDS).map((name) => esbuild.build(cliCommandBundleOptions(rootDir, name))),
    esbuild.build(cliThreadBundleOptions(rootDir)),
  ]);
  for (const file of [...Object.keys(CACHED_COMMANDS).map((name) => cliCommandBundleOptions(rootDir, name).outfile), cliThreadBundleOptions(rootDir).outfile]) asciiComments(file);
  await writeCodeCaches(rootDir);
  return result.metafile;
}

async function main() {
  const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // An install without development dependencies (npm ci --omit=dev) has no esbuild: bin/hta.cjs then says so.
    console.warn('hta: esbuild is not installed (development dependency), so the command line was not built.');
    return;
  }
  await buildCli(rootDir, esbuild);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
