// Release packaging without an Electron binary: the after-pack step with a fake fuse flipper and with the real
// @electron/fuses on a stand-in binary, the `npm run dist` plan, the electron-builder configuration, and one real
// electron-builder run that packs a stand-in Electron (a file carrying the fuse wire) into a Linux folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import afterPack, { fuseSettings, packedElectronBinary, setFuses } from '../../scripts/after-pack.mjs';
// @ts-expect-error -- plain ESM script without type declarations
import { distPlan, electronMissingSentence, nodeMeetsElectronTools } from '../../scripts/dist.mjs';
// @ts-expect-error -- plain ESM script without type declarations
import builderConfig from '../../electron-builder.config.mjs';

const ROOT = resolve(__dirname, '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLED = 49; // '1'
const DISABLED = 48; // '0'

/** The fuse settings the release build must burn, by name. */
const expectedFuses = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

function context(platform: string, arch = 1) {
  return {
    appOutDir: '/build/out',
    electronPlatformName: platform,
    arch,
    packager: { appInfo: { productFilename: 'HTA Workbench' }, executableName: 'hta-workbench' },
  };
}

/** A fake @electron/fuses: records the flip and reports back the wire it was asked for (or a tampered one). */
function fakeFuses(tamper: (wire: Record<number, number>) => void = () => undefined) {
  const flips: Array<{ binary: string; config: Record<string | number, unknown> }> = [];
  return {
    flips,
    flipFuses: vi.fn(async (binary: string, config: Record<string | number, unknown>) => {
      flips.push({ binary, config });
      return 1;
    }),
    getCurrentFuseWire: vi.fn(async () => {
      const config = flips.at(-1)!.config;
      const wire: Record<number, number> = {};
      for (let i = 0; i < 8; i++) wire[i] = config[i] ? ENABLED : DISABLED;
      tamper(wire);
      return wire;
    }),
  };
}

/** A stand-in Electron binary: bytes around the sentinel and a 9-fuse wire, as in Electron 45. */
function standInElectron(path: string): void {
  writeFileSync(path, Buffer.concat([Buffer.from('stand-in electron binary\0'), Buffer.from(SENTINEL), Buffer.from([1, 9]), Buffer.from('101111001'), Buffer.from('\0end')]), { mode: 0o755 });
}

describe('after-pack: Electron fuses', () => {
  it('sets every fuse explicitly: no running as Node, no NODE_OPTIONS, no --inspect, app only from an integrity-checked asar', () => {
    const byName = Object.fromEntries(Object.entries(fuseSettings).map(([index, value]) => [FuseV1Options[Number(index)], value]));
    expect(byName).toEqual(expectedFuses);
  });

  it('flips the fuses of the packed binary of each platform and checks them', async () => {
    const cases: Array<[string, number, string, boolean]> = [
      ['linux', 1, '/build/out/hta-workbench', false],
      ['win32', 1, '/build/out/HTA Workbench.exe', false],
      ['darwin', 1, '/build/out/HTA Workbench.app', false],
      ['darwin', 3, '/build/out/HTA Workbench.app', true],
      ['mas', 3, '/build/out/HTA Workbench.app', false],
    ];
    for (const [platform, arch, binary, resetSignature] of cases) {
      const fuses = fakeFuses();
      expect(await setFuses(context(platform, arch), fuses)).toBe(join(binary));
      expect(fuses.flips).toHaveLength(1);
      expect(fuses.flips[0]!.binary).toBe(join(binary));
      expect(fuses.flips[0]!.config).toMatchObject({ version: '1', resetAdHocDarwinSignature: resetSignature, ...fuseSettings });
      expect(fuses.getCurrentFuseWire).toHaveBeenCalledWith(join(binary));
    }
  });

  it('fails the build when a fuse did not take', async () => {
    const fuses = fakeFuses((wire) => {
      wire[FuseV1Options.RunAsNode] = ENABLED;
    });
    await expect(setFuses(context('linux'), fuses)).rejects.toThrow(/fuses not set in .*hta-workbench: RunAsNode/);
  });

  it('refuses a platform it does not know', () => {
    expect(() => packedElectronBinary(context('freebsd'))).toThrow(/no Electron binary known for platform "freebsd"/);
  });

  it('burns the fuse wire of a binary with the real @electron/fuses, leaving fuses it does not know alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hta-fuses-'));
    standInElectron(join(dir, 'hta-workbench'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await afterPack({ ...context('linux'), appOutDir: dir });
    const wire = await getCurrentFuseWire(join(dir, 'hta-workbench'));
    for (const [name, enabled] of Object.entries(expectedFuses)) {
      expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(enabled ? ENABLED : DISABLED);
    }
    expect((wire as unknown as Record<number, number>)[8]).toBe(ENABLED);
  });
});

describe('npm run dist', () => {
  it('says in one sentence that Electron is missing, instead of trying to download it', () => {
    expect(distPlan(ROOT, null, [], {})).toEqual({ mode: 'unavailable', reason: electronMissingSentence });
    expect(electronMissingSentence).toMatch(/^Electron's desktop binary is not installed here .*npm run dist.*\.$/);
  });

  it('builds, checks the notices, then packages from the installed Electron', () => {
    const plan = distPlan(ROOT, '/x/node_modules/electron/dist/electron', ['--linux', 'AppImage'], {});
    expect(plan.mode).toBe('package');
    expect(plan.steps).toEqual([
      [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      [join(ROOT, 'scripts', 'third-party-notices.mjs'), '--check'],
      [join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.config.mjs', '--publish', 'never', `-c.electronDist=${join(ROOT, 'node_modules', 'electron', 'dist')}`, '--linux', 'AppImage'],
    ]);
  });

  it("knows which Node.js Electron's tools ask for", () => {
    expect(nodeMeetsElectronTools('20.20.2')).toBe(false);
    expect(nodeMeetsElectronTools('22.11.0')).toBe(false);
    expect(nodeMeetsElectronTools('22.12.0')).toBe(true);
    expect(nodeMeetsElectronTools('24.0.0')).toBe(true);
  });
});

describe('electron-builder configuration', () => {
  it('packs only the built app into app.asar, with the notices, no auto-update and the after-pack step', () => {
    expect(builderConfig.asar).toBe(true);
    expect(builderConfig.files).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!node_modules/**']);
    expect(builderConfig.extraResources).toEqual([{ from: 'THIRD-PARTY-NOTICES.md', to: 'THIRD-PARTY-NOTICES.md' }]);
    expect(builderConfig.publish).toBeNull();
    expect(builderConfig.npmRebuild).toBe(false);
    expect(builderConfig.afterPack).toBe(afterPack);
  });

  it('packages a stand-in Electron for Linux: app.asar holds only the bundles, fuses burnt, notices beside it', () => {
    // A copy of the project with placeholder bundles (the real ones are electron-vite's job), its real package.json
    // (so electron-builder sees the real dependency list) and node_modules.
    const project = mkdtempSync(join(tmpdir(), 'hta-dist-'));
    const placeholders: Array<[string, string]> = [['out/main/index.js', '// main'], ['out/preload/index.js', '// preload'], ['out/renderer/index.html', '<!doctype html>'], ['out/cli/main.mjs', '// not packed'], ['out/web/index.html', 'not packed']];
    for (const [file, content] of placeholders) {
      mkdirSync(join(project, file, '..'), { recursive: true });
      writeFileSync(join(project, file), content);
    }
    for (const file of ['package.json', 'electron-builder.config.mjs', 'THIRD-PARTY-NOTICES.md', 'scripts/after-pack.mjs']) {
      mkdirSync(join(project, file, '..'), { recursive: true });
      cpSync(join(ROOT, file), join(project, file));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    const electronDist = join(project, 'electron-dist');
    mkdirSync(electronDist);
    standInElectron(join(electronDist, 'electron'));

    const output = join(project, 'dist');
    const result = spawnSync(process.execPath, [
      join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.config.mjs', '--linux', 'dir', '--publish', 'never',
      `-c.electronDist=${electronDist}`, '-c.electronVersion=45.5.0', `-c.directories.output=${output}`,
    ], { cwd: project, encoding: 'utf8', timeout: 120000, env: { ...process.env, CI: '1' } });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('after-pack: Electron fuses set in');

    const unpacked = join(output, 'linux-unpacked');
    const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.split(/[\\/]/).filter(Boolean).join('/')).sort();
    expect(files).toEqual(['out', 'out/main', 'out/main/index.js', 'out/preload', 'out/preload/index.js', 'out/renderer', 'out/renderer/index.html', 'package.json']);
    expect(readFileSync(join(unpacked, 'resources', 'THIRD-PARTY-NOTICES.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'THIRD-PARTY-NOTICES.md'), 'utf8'));
    const binary = readFileSync(join(unpacked, 'hta-workbench'));
    const wire = binary.subarray(binary.indexOf(SENTINEL) + SENTINEL.length + 2, binary.indexOf(SENTINEL) + SENTINEL.length + 11).toString('latin1');
    expect(wire).toBe('010011001');
  }, 180000);
});
