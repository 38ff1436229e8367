// The commands that start from a CommonJS file of their own (out/cli/<name>-command.cjs, built by
// scripts/build-cli.mjs) and V8's code cache of each (<name>-command.cjs.cache, written at build time).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded by bin/hta.cjs before any bundle */
// node:vm, node:module and node:crypto load only when a command file runs: `hta --help` needs none of them.
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/**
 * What a code cache was made from: the file's bytes (SHA-1) and the Node that made it. V8 refuses a cache of another
 * V8 version or flags by itself; two Node builds of one V8 version are told apart here.
 */
function cacheKey(source) {
  return JSON.stringify({ source: sha1(source), node: process.version, v8: process.versions.v8, arch: process.arch });
}

function sha1(bytes) {
  return require('node:crypto').createHash('sha1').update(bytes).digest('hex');
}

/** The cache file: 4-byte length of the header, the header (key and SHA-1 of the data) as JSON, the V8 data. */
function cacheFileBytes(key, data) {
  const header = Buffer.from(JSON.stringify({ key, sha1: sha1(data) }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  return Buffer.concat([length, header, data]);
}

/**
 * The V8 data of the cache when it was made from this file by this Node and arrived intact (V8 does not check a
 * cache's bytes: a damaged one would crash the process), else undefined.
 */
function readCache(file, key) {
  let bytes;
  try {
    bytes = readFileSync(`${file}.cache`);
  } catch {
    return undefined; // no cache (yet): compile as usual
  }
  try {
    const end = 4 + bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, end).toString('utf8'));
    const data = bytes.subarray(end);
    return header.key === key && header.sha1 === sha1(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A command with a CommonJS file of its own (out/cli/<name>-command.cjs, see scripts/build-cli.mjs) is compiled as
 * Node compiles a CommonJS module, but with V8's code cache when one was made from these very bytes by this Node:
 * no parsing and compiling of the engine at every start. Without a usable cache the file compiles as usual.
 */
function compileCommandFile(file, useCache) {
  const bytes = readFileSync(file);
  const key = cacheKey(bytes);
  const cachedData = useCache ? readCache(file, key) : undefined;
  // An ASCII file (the build makes them so) is its own Latin-1 text: copied, not decoded as UTF-8 (~3 ms for 1.5 MB).
  const text = require('node:buffer').isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const source = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  const script = new (require('node:vm').Script)(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require('node:module').createRequire(file), module, file, path.dirname(file));
  return { cli: module.exports, script, key, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** The command's own CommonJS file, when the build made one (a plain lower-case command name only). */
function commandFile(root, name) {
  if (typeof name !== 'string' || !/^[a-z]+$/.test(name)) return null;
  const file = path.join(root, 'out', 'cli', `${name}-command.cjs`);
  return existsSync(file) ? file : null;
}

/** The CommonJS file of the PSA worker threads (see bin/psa-thread.cjs), when the build made one. */
function threadFile(root) {
  const file = path.join(root, 'out', 'cli', 'psa-workers-thread.cjs');
  return existsSync(file) ? file : null;
}

/**
 * Build time (scripts/build-cli.mjs): runs a command's file on examples, quietly (or, for the worker threads'
 * file, a thread's work on model files), then saves the code compiled.
 */
async function writeCodeCache(root, { name, commandLines, thread, warmUps }) {
  const file = thread ? threadFile(root) : commandFile(root, name);
  if (!file) throw new Error(`out/cli/${thread ? name : `${name}-command`}.cjs is missing`);
  const { cli, script, key } = compileCommandFile(file, false);
  if (thread) {
    for (const [modelFile, draws] of warmUps) cli.warmUpForCodeCache(JSON.parse(readFileSync(modelFile, 'utf8')), draws);
  } else {
    const quiet = { out: () => undefined, err: () => undefined };
    for (const argv of commandLines) {
      const code = await cli.main(argv, quiet);
      if (code !== 0) throw new Error(`hta ${argv.join(' ')} ended with status ${code}`);
    }
  }
  writeFileSync(`${file}.cache.tmp`, cacheFileBytes(key, script.createCachedData()));
  renameSync(`${file}.cache.tmp`, `${file}.cache`);
}

module.exports = { commandFile, compileCommandFile, threadFile, writeCodeCache };
