// The renderer's source files, for tests that check every screen for a pattern (hard-coded text, own date formats,
// raw error messages in notifications).
import { readdirSync } from 'node:fs';
import { resolve, sep } from 'node:path';

export const projectRoot = resolve(__dirname, '..');

/** Every renderer .ts/.tsx source file (not .d.ts), relative to the project root with '/' separators, sorted. */
export function rendererSourceFiles(): string[] {
  const files = readdirSync(resolve(projectRoot, 'src/renderer'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => `src/renderer/${f.split(sep).join('/')}`)
    .sort();
  // A check over no file passes whatever the screens hold.
  if (files.length === 0) throw new Error('no renderer source file found');
  return files;
}
