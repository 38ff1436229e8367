// The commands that start from a CommonJS file of their own (out/cli/<name>-command.cjs, built by
// scripts/build-cli.mjs) and V8's code cache of each (<name>-command.cjs.cache, written at build time).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded by bin/hta.cjs before any bundle */
// node:vm and node:module load only when a command file runs: `hta --help` needs none of them.
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/**
 * What a code cache was made from: the file's bytes (hash64) and the Node that made it. V8 refuses a cache of another
 * V8 version or flags by itself; two Node builds of one V8 version are told apart here.
 */
function cacheKey(source) {
  return JSON.stringify({ source: hash64(source), node: process.version, v8: process.versions.v8, arch: process.arch });
}

/**
 * A 64-bit hash of bytes (two murmur3-style 32-bit lanes over native-order words; the key names the arch): tells a
 * changed or damaged file apart like SHA-1 did, without loading node:crypto (the PSA's 3 MB: ~80 million
 * instructions with crypto and SHA-1, ~40 million less this way, ~1 % of a 10,000-draw HIV PSA). Not meant to
 * resist an attacker: whoever can write the cache can write the command file.
 */
function hash64(bytes) {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.prototype.slice.call(bytes); // a copy starts at 0
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  let h1 = 0x9747b28c | 0;
  let h2 = 0x2f6b3a15 | 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    let k = Math.imul(w, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h1 ^= k;
    h1 = (Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64) | 0;
    let j = Math.imul(w, 0x85ebca6b);
    j = Math.imul((j << 13) | (j >>> 19), 0xc2b2ae35);
    h2 ^= j;
    h2 = (Math.imul((h2 << 17) | (h2 >>> 15), 9) + 0x38495ab5) | 0;
  }
  for (let i = words.length * 4; i < aligned.length; i++) {
    h1 = Math.imul(h1 ^ aligned[i], 0x01000193);
    h2 = Math.imul(h2 ^ aligned[i], 0x5bd1e995);
  }
  return `${mix32(h1 ^ aligned.length)}${mix32(h2 ^ aligned.length)}`;
}

/** murmur3's finaliser, as 8 hex digits. */
function mix32(h) {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
}

/**
 * The cache file: 4-byte length of the header, the header (key and hash64 of the data) as JSON padded with spaces
 * so that the V8 data after it starts at a multiple of 8 bytes (hashed in place), the V8 data.
 */
function cacheFileBytes(key, data) {
  const json = JSON.stringify({ key, hash: hash64(data) });
  const header = Buffer.from(json.padEnd(json.length + ((8 - ((4 + json.length) % 8)) % 8)));
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
    return header.key === key && header.hash === hash64(data) ? data : undefined;
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
