#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed, otherwise the same renderer in the browser.
// The check reads node_modules/electron/path.txt and the dist binary directly: require('electron') would try to
// download the binary, which fails on offline machines.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const browserFallbackSentence =
  "Electron's desktop binary is not installed and cannot be downloaded here, so HTA Workbench opens in your browser instead.";

/**
 * The Electron executable that `node_modules/electron` would run, or null when it is not on disk.
 * @param {string} rootDir the project folder
 * @param {{ existsSync(path: string): boolean; readFileSync(path: string, encoding: 'utf8'): string }} fsLike
 * @param {Record<string, string | undefined>} env
 * @returns {string | null}
 */
export function electronBinaryPath(rootDir, fsLike, env) {
  const packageDir = join(rootDir, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!fsLike.existsSync(pathFile)) return null;
  const relative = fsLike.readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, relative);
  return fsLike.existsSync(binary) ? binary : null;
}

/**
 * What `npm start` does: launch Electron, or serve the web build (HTA_START_MODE=web forces the browser).
 * @returns {{ mode: 'electron'; binary: string } | { mode: 'web'; reason: string }}
 */
export function startPlan(binary, env) {
  if (env.HTA_START_MODE === 'web') return { mode: 'web', reason: 'HTA_START_MODE=web was set, so HTA Workbench opens in your browser.' };
  if (binary === null) return { mode: 'web', reason: browserFallbackSentence };
  return { mode: 'electron', binary };
}

function run(command, args, cwd) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolveRun() : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`))));
  });
}

async function startElectron(rootDir, binary) {
  await run(process.execPath, [join(rootDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], rootDir);
  const child = spawn(binary, ['.'], { cwd: rootDir, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function startWeb(rootDir) {
  // Keep the console to the one sentence and the URL (Vite's note about its future config loader is noise here).
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  const { build, preview } = await import('vite');
  const configFile = join(rootDir, 'vite.web.config.ts');
  await build({ configFile, logLevel: 'warn' });
  const server = await preview({ configFile, preview: { host: '127.0.0.1', port: 4173, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  console.log(`HTA Workbench is running at ${url} — open it in your browser; press Ctrl-C to stop.`);
}

async function main() {
  const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const plan = startPlan(electronBinaryPath(rootDir, { existsSync, readFileSync }, process.env), process.env);
  if (plan.mode === 'electron') {
    await startElectron(rootDir, plan.binary);
  } else {
    console.log(plan.reason);
    await startWeb(rootDir);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
