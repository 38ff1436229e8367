#!/usr/bin/env node
// Builds the `hta` command into out/cli/ with esbuild: main.mjs (what bin/hta.cjs runs), psa-workers-thread.mjs
// (the PSA worker threads) and shared chunks, so commands load lazily (`hta --help` loads no engine code).
// Runs at `npm ci` (prepare), in `npm run build` and before the unit tests (tests/cli-bundle-setup.ts).
import { rmSync } from 'node:fs';
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

/** Builds out/cli/ from scratch (stale chunks of an earlier build removed). Returns esbuild's metafile. */
export async function buildCli(rootDir, esbuild) {
  const options = cliBuildOptions(rootDir);
  rmSync(options.outdir, { recursive: true, force: true });
  const result = await esbuild.build(options);
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
