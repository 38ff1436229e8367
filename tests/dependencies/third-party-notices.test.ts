// THIRD-PARTY-NOTICES.md is generated from the installed production dependencies and committed; it must match
// what the script generates now (after a dependency change: `npm run notices`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without type declarations
import { generateNotices, noticesFileName, productionPackages, renderNotices } from '../../scripts/third-party-notices.mjs';

const ROOT = resolve(__dirname, '..', '..');

interface NoticePackage {
  name: string;
  version: string;
  licence: string | null;
  texts: string[];
}

describe('third-party notices', () => {
  const packages = productionPackages(ROOT) as NoticePackage[];

  it('are up to date (run `npm run notices` after changing dependencies)', () => {
    expect(readFileSync(resolve(ROOT, noticesFileName), 'utf8')).toBe(generateNotices(ROOT));
  });

  it('cover every production dependency and no development one', () => {
    const names = new Set(packages.map((p) => p.name));
    const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const name of Object.keys(manifest.dependencies)) expect(names).toContain(name);
    for (const name of ['tsx', 'esbuild', 'electron', 'electron-builder', 'vitest']) expect(names).not.toContain(name);
  });

  it('name a licence for every package (a package with none must be replaced or overridden, as buffers was)', () => {
    expect(packages.filter((p) => p.licence === null && p.texts.length === 0).map((p) => `${p.name}@${p.version}`)).toEqual([]);
    expect(packages.map((p) => p.name)).not.toContain('buffers');
  });

  it('print each distinct licence text once, with the packages it covers', () => {
    const apache = { name: 'a', version: '1.0.0', licence: 'Apache-2.0', texts: ['Apache License\nVersion 2.0'] };
    const text = renderNotices([apache, { ...apache, name: 'b' }, { name: 'c', version: '2.0.0', licence: 'MIT', texts: [] }]) as string;
    expect(text.match(/Apache License/g)).toHaveLength(1);
    expect(text).toContain('### a@1.0.0, b@1.0.0');
    expect(text).toContain('- c@2.0.0: MIT');
  });
});
