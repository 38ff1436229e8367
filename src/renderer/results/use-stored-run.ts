import { useEffect, useState } from 'react';
import type { RunKind } from '../../dossier/workspace-models';
import type { RunRecord } from '../db/records';
import type { RunContext } from './run-status';

// The latest stored run of one kind (or the one chosen in the list of stored runs) with its results, for the
// analysis panels: shown again when the model is reopened.

export interface StoredResults<R> {
  run: RunRecord;
  results: R;
  /** performance.now() when reading it from the database began (measures reopening). */
  requestedAt?: number;
}

export function useStoredRun<R>(ctx: RunContext, kind: RunKind): { stored: StoredResults<R> | null; setStored: (s: StoredResults<R> | null) => void; loading: boolean } {
  const [stored, setStored] = useState<StoredResults<R> | null>(null);
  const [loading, setLoading] = useState(true);
  const selectedId = ctx.selected?.kind === kind ? ctx.selected.id : null;
  useEffect(() => {
    let live = true;
    void (async () => {
      const requestedAt = performance.now();
      const run = selectedId ? await ctx.store.getRun(selectedId) : await ctx.store.latestRun(ctx.modelId, kind);
      const results = run ? ((await ctx.store.getRunResults(run.id)) as R | undefined) : undefined;
      if (!live) return;
      setStored(run && results !== undefined ? { run, results, requestedAt } : null);
      setLoading(false);
    })();
    return () => {
      live = false;
    };
  }, [ctx.store, ctx.modelId, kind, selectedId]);
  return { stored, setStored, loading };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
