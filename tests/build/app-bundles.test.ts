// The app's bundles carry no licence comments (THIRD-PARTY-NOTICES.md has them) and the Electron renderer is
// minified like the web build: the shared output options are wired into both configurations, and a real build of
// the web configuration shows what they do.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import electronConfig from '../../electron.vite.config';
import webConfig from '../../vite.web.config';
import { bundleOutput } from '../../src/shared/bundle-output';

const ROOT = resolve(__dirname, '..', '..');

describe('bundle configuration', () => {
  it('strips licence comments from every bundle: renderer, workers, main and preload, web and Electron', () => {
    const electron = electronConfig as unknown as Record<'main' | 'preload' | 'renderer', { build: { rollupOptions: { output: unknown } }; worker?: { rollupOptions: { output: unknown } } }>;
    expect(bundleOutput).toEqual({ comments: { legal: false } });
    for (const part of ['main', 'preload', 'renderer'] as const) expect(electron[part].build.rollupOptions.output).toBe(bundleOutput);
    expect(electron.renderer.worker?.rollupOptions.output).toBe(bundleOutput);
    const web = webConfig as unknown as { build: { rollupOptions: { output: unknown } }; worker: { rollupOptions: { output: unknown } } };
    expect(web.build.rollupOptions.output).toBe(bundleOutput);
    expect(web.worker.rollupOptions.output).toBe(bundleOutput);
  });

  it('minifies the Electron renderer as the web build is', () => {
    const renderer = (electronConfig as unknown as { renderer: { build: { minify?: unknown } } }).renderer;
    expect(renderer.build.minify).toBe(true);
    expect((webConfig as unknown as { build: { minify?: unknown } }).build.minify ?? true).toBe(true);
  });
});

describe('a real build of the web configuration', () => {
  it('has no @stdlib Apache headers or other licence comments in the page bundle or its workers', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'hta-web-build-'));
    process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
    await build({ configFile: join(ROOT, 'vite.web.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const scripts = readdirSync(join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
    expect(scripts.some((file) => file.includes('worker'))).toBe(true);
    for (const file of scripts) {
      const code = readFileSync(join(outDir, 'assets', file), 'utf8');
      expect(code, file).not.toMatch(/Licensed under the Apache License|@license|@preserve|\/\*!/);
      // Minified: a few very long lines, not one statement per line.
      expect(code.length / code.split('\n').length, file).toBeGreaterThan(1000);
    }
  }, 120000);
});
