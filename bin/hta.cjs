#!/usr/bin/env node
// The `hta` command: runs the pre-built bundle in out/cli/ (built by `npm ci` through the prepare script, and by
// `npm run build` / `npm run build:cli`). Without the bundle it says so and runs the TypeScript sources through
// tsx, a development dependency; HTA_FROM_SOURCE=1 asks for the sources on purpose (tests compare the two).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry point that must run before any loader */
const { existsSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'out', 'cli', 'main.mjs');

// A reader that stops early (`hta run … | head`) closes the pipe: end quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function loadFromSource() {
  try {
    require.resolve('tsx');
  } catch {
    return null;
  }
  // tsx's hooks for CommonJS (the sources' static imports) and ESM (the commands' lazy import() calls).
  require('tsx/cjs/api').register();
  (await import('tsx/esm/api')).register();
  return require(path.join(root, 'src', 'cli', 'main.ts'));
}

function loadCli() {
  if (process.env.HTA_FROM_SOURCE !== '1') {
    const commandFiles = require('./command-files.cjs');
    const file = commandFiles.commandFile(root, process.argv[2]);
    if (file) return Promise.resolve({ main: commandFiles.compileCommandFile(file, process.env.HTA_CODE_CACHE !== '0').cli.main, exitWhenWritten: true });
    if (existsSync(bundle)) return import(pathToFileURL(bundle).href);
    process.stderr.write('hta: the pre-built command line (out/cli/main.mjs) is missing; running from the TypeScript sources, which starts slower. `npm run build:cli` builds it.\n');
  }
  return loadFromSource().then((cli) => {
    if (cli) return cli;
    process.stderr.write('hta: cannot start: the pre-built command line (out/cli/main.mjs) is missing and the development dependencies that run the sources are not installed. Run `npm ci` (or `npm run build:cli`) in the project folder.\n');
    process.exit(70);
  });
}

/** Calls `done` once everything written to stdout and stderr so far has been handed to the system. */
function whenWritten(done) {
  let open = 2;
  const flushed = () => {
    open -= 1;
    if (open === 0) done();
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

function runCli() {
  loadCli()
    .then(({ main, exitWhenWritten }) => main(process.argv.slice(2)).then((code) => ({ code, exitWhenWritten })))
    .then(
      ({ code, exitWhenWritten }) => {
        process.exitCode = code;
        // These commands write everything synchronously: end once stdout and stderr are flushed, instead of
        // waiting for V8's garbage collection tasks still queued on the event loop (10-15 ms after a PSA).
        if (exitWhenWritten) whenWritten(() => process.exit(code));
      },
      (error) => {
        // main() reports every failure itself; this is the last resort (e.g. the engine failed to load).
        const details = process.argv.includes('--debug') && error && error.stack ? `\n${error.stack}` : '';
        process.stderr.write(`hta: internal error (${error && error.message ? error.message : String(error)}); please report it to the HTA Workbench maintainers.${details}\n`);
        process.exitCode = 70;
      },
    );
}

if (process.env.HTA_WRITE_CODE_CACHE) {
  require('./command-files.cjs').writeCodeCache(root, JSON.parse(process.env.HTA_WRITE_CODE_CACHE)).catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  });
} else {
  runCli();
}
