import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { browserFallbackSentence, electronBinaryPath, startPlan } from '../../scripts/start.mjs';

function fakeFs(files: Record<string, string>) {
  return {
    existsSync: (path: string) => path in files,
    readFileSync: (path: string) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT ${path}`);
      return content;
    },
  };
}

const root = '/proj';
const pathTxt = join(root, 'node_modules/electron/path.txt');

describe('electronBinaryPath', () => {
  it('is null when path.txt is missing (binary never downloaded)', () => {
    expect(electronBinaryPath(root, fakeFs({}), {})).toBeNull();
  });
  it('is null when path.txt names a binary that is not on disk', () => {
    expect(electronBinaryPath(root, fakeFs({ [pathTxt]: 'electron' }), {})).toBeNull();
  });
  it('is the dist binary when present', () => {
    const binary = join(root, 'node_modules/electron/dist/electron');
    expect(electronBinaryPath(root, fakeFs({ [pathTxt]: 'electron\n', [binary]: '' }), {})).toBe(binary);
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const binary = '/opt/electron/electron';
    expect(electronBinaryPath(root, fakeFs({ [pathTxt]: 'electron', [binary]: '' }), { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe(binary);
  });
});

describe('startPlan', () => {
  it('launches Electron when the binary exists', () => {
    expect(startPlan('/bin/electron', {})).toEqual({ mode: 'electron', binary: '/bin/electron' });
  });
  it('falls back to the browser with one plain sentence', () => {
    const plan = startPlan(null, {});
    expect(plan).toEqual({ mode: 'web', reason: browserFallbackSentence });
    expect(browserFallbackSentence.split('. ')).toHaveLength(1);
    expect(browserFallbackSentence).toMatch(/browser/);
  });
  it('can be forced to the browser', () => {
    expect(startPlan('/bin/electron', { HTA_START_MODE: 'web' }).mode).toBe('web');
  });
});
