// The commands that start from a CommonJS file of their own (out/cli/<name>-command.cjs, built by
// scripts/build-cli.mjs) and V8's code cache of each (<name>-command.cjs.cache, written at build time).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded by bin/hta.cjs before any bundle */
const { existsSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

/** First 16 bytes of a code cache: size and modification time of the file it was made from. */
function cacheHeader(stat) {
  const header = Buffer.alloc(16);
  header.writeDoubleLE(stat.size, 0);
  header.writeDoubleLE(stat.mtimeMs, 8);
  return header;
}

/**
 * A command with a CommonJS file of its own (out/cli/<name>-command.cjs, see scripts/build-cli.mjs) is compiled as
 * Node compiles a CommonJS module, but with V8's code cache when one was made from this very file (same size and
 * time): no parsing and compiling of the engine at every start. V8 refuses a cache from another V8 version or
 * other flags; the file then compiles as usual.
 */
function compileCommandFile(file, useCache) {
  const stat = statSync(file);
  let cachedData;
  if (useCache) {
    try {
      const cache = readFileSync(`${file}.cache`);
      if (cache.subarray(0, 16).equals(cacheHeader(stat))) cachedData = cache.subarray(16);
    } catch {
      // no cache yet: compile as usual
    }
  }
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return { cli: module.exports, script, stat, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** The command's own CommonJS file, when the build made one (a plain lower-case command name only). */
function commandFile(root, name) {
  if (typeof name !== 'string' || !/^[a-z]+$/.test(name)) return null;
  const file = path.join(root, 'out', 'cli', `${name}-command.cjs`);
  return existsSync(file) ? file : null;
}

/** Build time (scripts/build-cli.mjs): runs a command's file on examples, quietly, then saves the code compiled. */
async function writeCodeCache(root, { name, commandLines }) {
  const file = commandFile(root, name);
  if (!file) throw new Error(`out/cli/${name}-command.cjs is missing`);
  const { cli, script, stat } = compileCommandFile(file, false);
  const quiet = { out: () => undefined, err: () => undefined };
  for (const argv of commandLines) {
    const code = await cli.main(argv, quiet);
    if (code !== 0) throw new Error(`hta ${argv.join(' ')} ended with status ${code}`);
  }
  writeFileSync(`${file}.cache.tmp`, Buffer.concat([cacheHeader(stat), script.createCachedData()]));
  renameSync(`${file}.cache.tmp`, `${file}.cache`);
}

module.exports = { commandFile, compileCommandFile, writeCodeCache };
