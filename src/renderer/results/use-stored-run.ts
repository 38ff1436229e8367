import { useEffect, useState } from 'react';
import type { RunKind } from '../../dossier/workspace-models';
import type { AnalysisProblem } from '../../engine/analysis/problems';
import type { HtaModel } from '../../engine/model/schema';
import type { Outcome } from '../../engine/analysis/sensitivity-runs';
import type { NewRun } from '../db/model-store';
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

/** What a run stores besides its results: its label and the inputs it can be rerun from. */
export interface RunToStore<R> {
  label: string;
  inputs: NewRun['inputs'];
  /** What is stored as the results (default: the engine's result), e.g. a list the report reads. */
  storedResults?: (result: R) => unknown;
}

/**
 * Runs one analysis of the current model and stores it as a run of `kind`: the one way the analysis sections run,
 * time, store and show a run, and show the engine's problems or a failure of the worker instead.
 */
export function useStoreRun<R>(ctx: RunContext, kind: RunKind, setStored: (s: StoredResults<R>) => void): {
  running: boolean;
  problems: AnalysisProblem[];
  runAndStore: (compute: (model: HtaModel) => Promise<Outcome<R>>, toStore: RunToStore<R>) => Promise<RunRecord | null>;
} {
  const [running, setRunning] = useState(false);
  const [problems, setProblems] = useState<AnalysisProblem[]>([]);
  const runAndStore = async (compute: (model: HtaModel) => Promise<Outcome<R>>, toStore: RunToStore<R>): Promise<RunRecord | null> => {
    const model = ctx.model;
    if (!model) return null;
    const hash = ctx.hash;
    setRunning(true);
    setProblems([]);
    const startedAt = new Date().toISOString();
    const t0 = clockMs();
    try {
      const out = await compute(model);
      if (!out.ok) {
        setProblems(out.problems);
        return null;
      }
      const record = await ctx.store.addRun({
        modelId: ctx.modelId,
        kind,
        label: toStore.label,
        modelHash: hash,
        startedAt,
        durationMs: clockMs() - t0,
        status: 'complete',
        inputs: toStore.inputs,
        results: toStore.storedResults ? toStore.storedResults(out.result) : out.result,
      });
      setStored({ run: record, results: out.result });
      return record;
    } catch (e) {
      setProblems([{ path: '', message: errorMessage(e) }]);
      return null;
    } finally {
      setRunning(false);
    }
  };
  return { running, problems, runAndStore };
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The page clock in milliseconds, for a run's duration. Called from the run handlers only; the React compiler's purity
 * rule cannot tell those async handlers from render code in some panels, so the clock is read here.
 */
export function clockMs(): number {
  return performance.now();
}
