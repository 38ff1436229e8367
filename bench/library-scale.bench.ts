import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { libraryBackupText, librarySearches } from './large-library';

// The library with 2,000 dossiers in Chromium: elements in the page, and the time from typing a search to the list
// showing its result (median of 5 per query). Uses only controls every version of the library has, so the same
// script measures a build before and after a change. The figure includes any deliberate debounce of the search box.

const COUNT = Number(process.env.HTA_BENCH_DOSSIERS ?? 2000);
const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

test(`library with ${COUNT} dossiers`, async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('library-row').first().waitFor();
  await page.getByTestId('restore-workspace').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-confirm-dialog').getByTestId('confirm-ok').click();
  // Over 50 MB: Playwright takes it from a file.
  const file = join(tmpdir(), `hta-bench-library-${COUNT}.htabackup.json`);
  writeFileSync(file, libraryBackupText(COUNT, true));
  await (await chooser).setFiles(file);
  await page.getByTestId('restored-counts').waitFor({ timeout: 300_000 });
  await page.getByTestId('restored-dialog').getByRole('button', { name: 'Close' }).click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="library-count"]')?.textContent === `${n} dossiers`, COUNT, { timeout: 300_000 });
  const elements = await page.evaluate(() => document.querySelectorAll('*').length);
  const rows = await page.getByTestId('library-row').count();
  console.log(`dossiers: ${COUNT}; elements in the page: ${elements}; library rows rendered: ${rows}`);

  /** Types `query` in one go and returns ms until the list shows `expected` (a count line, or the empty state). */
  const timeSearch = (query: string, expected: string) =>
    page.evaluate(
      ({ query, expected }) =>
        new Promise<number>((resolve) => {
          const input = document.querySelector<HTMLInputElement>('[data-testid="library-search"]')!;
          const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
          const shows = () => (expected === '' ? document.querySelector('[data-testid="library-empty"]') !== null : document.querySelector('[data-testid="library-count"]')?.textContent === expected);
          const start = performance.now();
          setValue.call(input, query);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          const poll = () => (shows() ? resolve(performance.now() - start) : requestAnimationFrame(poll));
          requestAnimationFrame(poll);
        }),
      { query, expected },
    );

  const all = `${COUNT} dossiers`;
  const none = 'nothing-matches-this';
  for (const { query, matches } of librarySearches(COUNT)) {
    const expected = matches === 0 ? '' : `${matches} dossier${matches === 1 ? '' : 's'}`;
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Start from a state the result differs from, so the wait ends on this search's own result.
      if (matches === 0) await timeSearch('', all);
      else await timeSearch(none, '');
      await page.waitForTimeout(300); // a pause, as between two searches (the search box debounces quick typing only)
      times.push(await timeSearch(query, expected));
    }
    console.log(`search "${query}" (${matches} matches): median ${median(times).toFixed(0)} ms [${times.map((t) => t.toFixed(0)).join(', ')}]`);
  }
});
