// One Node.js requirement, stated alike in package.json "engines", the README and CI (.ci/run), and met by every
// dependency except Electron's own tools, which need Node.js 22.12+ and run only where the desktop app is packaged.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { nodeVersionProblem } from '../../scripts/check-node-version.mjs';

const ROOT = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }>;
};
const minimumNode = semver.minVersion(manifest.engines.node)!.version;

/** Electron's download, rebuild and ABI tools: development-only, used by `npm run dist` where Electron is installed. */
const ELECTRON_TOOLCHAIN = ['electron', '@electron/get', '@electron-internal/extract-zip', '@electron/rebuild', 'node-abi'];

function packagesRefusing(version: string): Array<{ name: string; range: string; dev: boolean }> {
  const refusing = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
    if (path === '' || !range || semver.satisfies(version, range)) continue;
    refusing.push({ name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), range, dev: entry.dev === true });
  }
  return refusing;
}

describe('Node.js versions', () => {
  it('every production dependency runs on the minimum Node.js of "engines"', () => {
    expect(packagesRefusing(minimumNode).filter((p) => !p.dev)).toEqual([]);
  });

  it('only Electronʼs own tools ask for more (the EBADENGINE warnings of npm ci on Node 20), all of them for 22.12+', () => {
    const refusing = packagesRefusing(minimumNode);
    expect([...new Set(refusing.map((p) => p.name))].sort()).toEqual([...ELECTRON_TOOLCHAIN].sort());
    for (const p of refusing) expect(semver.minVersion(p.range)!.version).toBe('22.12.0');
  });

  it('the README states the same versions and CI checks "engines" before installing', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    expect(manifest.engines.node).toBe('>=20.19');
    expect(readme).toContain('Node.js 20.19+');
    expect(readme).toContain('22.12+');
    const ci = readFileSync(resolve(ROOT, '.ci', 'run'), 'utf8');
    expect(ci.indexOf('node scripts/check-node-version.mjs')).toBeGreaterThan(-1);
    expect(ci.indexOf('node scripts/check-node-version.mjs')).toBeLessThan(ci.indexOf('\nnpm ci '));
  });

  it('the CI check accepts this Node.js and refuses an older one with a clear sentence', () => {
    expect(nodeVersionProblem(manifest.engines.node, process.versions.node)).toBeNull();
    expect(nodeVersionProblem('>=20.19', '20.19.0')).toBeNull();
    expect(nodeVersionProblem('>=20.19', '22.1.0')).toBeNull();
    expect(nodeVersionProblem('>=20.19', '20.18.3')).toBe('HTA Workbench needs Node.js 20.19 or later (package.json "engines"); this is Node.js 20.18.3');
    expect(nodeVersionProblem('>=20.19', '18.20.0')).toMatch(/needs Node\.js 20\.19 or later/);
    expect(nodeVersionProblem('^20 || >=22', '20.19.0')).toMatch(/not of the form/);
  });
});
