import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppAssetPath } from '../../src/main/app-protocol';

const root = resolve('/srv/app/out/renderer');

describe('resolveAppAssetPath', () => {
  it('maps app://hta/ paths into the renderer folder', () => {
    expect(resolveAppAssetPath('app://hta/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAssetPath('app://hta/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAssetPath('app://hta/assets/index-abc.js?x=1#y', root)).toBe(join(root, 'assets', 'index-abc.js'));
  });
  it('refuses traversal, other hosts and other schemes', () => {
    // The URL parser drops the leading '..' segments, so this stays inside the root.
    expect(resolveAppAssetPath('app://hta/../../etc/passwd', root)).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppAssetPath('app://hta/%2e%2e/%2e%2e/etc/passwd', root)).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppAssetPath('app://hta/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret', root)).toBeNull();
    expect(resolveAppAssetPath('app://other/index.html', root)).toBeNull();
    expect(resolveAppAssetPath('file:///srv/app/out/renderer/index.html', root)).toBeNull();
    expect(resolveAppAssetPath('app://hta/%00index.html', root)).toBeNull();
    expect(resolveAppAssetPath('app://hta/%E0%A4%A', root)).toBeNull();
  });
  it('keeps every resolved path inside the root', () => {
    for (const url of ['app://hta/../x', 'app://hta/a/../../x', 'app://hta/./a/./b']) {
      const path = resolveAppAssetPath(url, root);
      if (path !== null) expect(path.startsWith(root)).toBe(true);
    }
  });
});

describe('mimeTypeFor', () => {
  it('serves scripts as JavaScript (module scripts need it) and unknowns as bytes', () => {
    expect(mimeTypeFor('a/b.js')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('index.HTML')).toMatch(/^text\/html/);
    expect(mimeTypeFor('x.bin')).toBe('application/octet-stream');
  });
});
