#!/usr/bin/env node
// CI (.ci/run), before `npm ci`: is this Node.js the one package.json's "engines" asks for? The range is read from
// package.json (one place); it has the form ">=MAJOR.MINOR", so no semver library is needed before the install.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * @param {string} range package.json engines.node, e.g. ">=20.19"
 * @param {string} version process.versions.node, e.g. "20.20.2"
 * @returns {string | null} why the version does not fit, or null when it does
 */
export function nodeVersionProblem(range, version) {
  const minimum = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(range.trim());
  if (!minimum) return `package.json engines.node "${range}" is not of the form ">=MAJOR.MINOR" this check reads`;
  const want = minimum.slice(1).map((part) => Number(part ?? 0));
  const have = version.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (have[i] > want[i]) return null;
    if (have[i] < want[i]) return `HTA Workbench needs Node.js ${range.trim().slice(2).trim()} or later (package.json "engines"); this is Node.js ${version}`;
  }
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
  const problem = nodeVersionProblem(range, process.versions.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  console.log(`Node.js ${process.versions.node} satisfies engines.node ${range}.`);
}
