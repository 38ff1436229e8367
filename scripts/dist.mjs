#!/usr/bin/env node
// `npm run dist`: package the desktop app with electron-builder (electron-builder.config.mjs) from the Electron
// binary installed in node_modules, so packaging for this machine downloads nothing. Where that binary is missing
// (offline machines, CI), it says so in one sentence and stops. Extra arguments go to electron-builder
// (e.g. `npm run dist -- --linux AppImage`; other platforms than this one download their Electron).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronBinaryPath } from './start.mjs';

export const electronMissingSentence =
  "Electron's desktop binary is not installed here (node_modules/electron has no dist/), so the desktop app cannot be packaged on this machine: run `npm run dist` where Electron is installed (`npx install-electron`, Node.js 22.12+).";

/** Electron's packaging tools (electron, @electron/rebuild, node-abi) declare Node.js 22.12 or later. */
export function nodeMeetsElectronTools(nodeVersion) {
  const [major, minor] = nodeVersion.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/**
 * What `npm run dist` does.
 * @param {string} rootDir
 * @param {string | null} binary the installed Electron binary (scripts/start.mjs electronBinaryPath)
 * @param {string[]} extraArgs arguments for electron-builder
 * @param {Record<string, string | undefined>} env
 * @returns {{ mode: 'unavailable'; reason: string } | { mode: 'package'; steps: string[][] }}
 */
export function distPlan(rootDir, binary, extraArgs, env) {
  if (binary === null) return { mode: 'unavailable', reason: electronMissingSentence };
  const electronDist = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(rootDir, 'node_modules', 'electron', 'dist');
  return {
    mode: 'package',
    steps: [
      [join(rootDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      [join(rootDir, 'scripts', 'third-party-notices.mjs'), '--check'],
      [join(rootDir, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.config.mjs', '--publish', 'never', `-c.electronDist=${electronDist}`, ...extraArgs],
    ],
  };
}

function run(args, cwd) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolveRun() : reject(new Error(`${args.slice(0, 2).join(' ')} exited with ${signal ?? code}`))));
  });
}

async function main() {
  const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const binary = electronBinaryPath(rootDir, { existsSync, readFileSync }, process.env);
  const plan = distPlan(rootDir, binary, process.argv.slice(2), process.env);
  if (plan.mode === 'unavailable') {
    console.error(plan.reason);
    process.exit(1);
  }
  if (!nodeMeetsElectronTools(process.versions.node)) {
    console.warn(`Note: Electron's packaging tools ask for Node.js 22.12+; this is Node.js ${process.versions.node}.`);
  }
  for (const step of plan.steps) await run(step, rootDir);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
