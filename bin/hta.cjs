#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's programmatic register API, so `npx hta` works right after
// `npm ci`, without a build step.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry point that must run before any loader */
const path = require('node:path');
const { register } = require('tsx/cjs/api');

// A reader that stops early (`hta run … | head`) closes the pipe: end quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // main() reports every failure itself; this is the last resort (e.g. the engine failed to load).
    const details = process.argv.includes('--debug') && error && error.stack ? `\n${error.stack}` : '';
    process.stderr.write(`hta: internal error (${error && error.message ? error.message : String(error)}); please report it to the HTA Workbench maintainers.${details}\n`);
    process.exitCode = 70;
  },
);
