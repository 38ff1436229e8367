// The library's search path on 2,000 generated dossiers (bench/large-library.ts, heavy: every dossier as large as the
// bundled example): the pure filter and sort the library runs per search (queryLibrary over the summaries it keeps in
// memory), and, for comparison, what each keystroke cost before: reading every summary back from IndexedDB first
// (workspace.list; fake-indexeddb here, so only the ratio is telling). Medians of several rounds after a warm-up.
import 'fake-indexeddb/auto';
import { dossierSearchText, queryLibrary, summarizeDossier } from '../src/dossier/library-query';
import { openWorkspace } from '../src/renderer/db/workspace';
import { libraryBackupText, libraryDossiers, librarySearches } from './large-library';
import type { BenchLine } from './markov-bench';

const COUNT = 2000;
const ROUNDS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(run: () => unknown): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function runLibrarySearchBench(): Promise<BenchLine[]> {
  const items = libraryDossiers(COUNT, true).map((d) => ({ summary: summarizeDossier(d), searchText: dossierSearchText(d) }));
  const ws = await openWorkspace({ name: `bench-library-${Date.now()}` });
  const restored = await ws.restoreBackup(libraryBackupText(COUNT, true));
  if (restored.kind !== 'restored') throw new Error('the generated library did not restore');
  const lines: BenchLine[] = [];
  for (const { query, matches } of librarySearches(COUNT)) {
    const inMemory = await timed(() => {
      if (queryLibrary(items, { search: query }).length !== matches) throw new Error(`"${query}": wrong number of matches`);
    });
    const throughDatabase = await timed(async () => {
      if ((await ws.list({ search: query })).length !== matches) throw new Error(`"${query}": wrong number of matches`);
    });
    lines.push({ name: `search "${query}" (${matches} of ${COUNT}), in memory`, value: inMemory, unit: 'ms (median)' });
    lines.push({ name: `search "${query}" (${matches} of ${COUNT}), summaries read from the database each time`, value: throughDatabase, unit: 'ms (median)' });
  }
  ws.close();
  return lines;
}
