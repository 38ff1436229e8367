import { useEffect, useState } from 'react';
import type { BaseCaseOutcome } from '../../engine/analysis/base-case';
import type { ModelCheck } from '../../engine/analysis/model-check';
import { engineWorker } from '../workers/engine-client';

// The open model's document, checked and run in the engine worker: validation (every located problem, the parsed
// model, the one-way ranges) and the base case, again after each edit (debounced, so typing does not queue runs).
// Results carry the document they were computed from, so a screen can tell they are behind the edits.

export const EVALUATION_DEBOUNCE_MS = 300;

export interface ModelEvaluation {
  check: ModelCheck | null;
  /** The document `check` was made from. */
  checked: unknown;
  checkError: string | null;
  /** The base case, the document it ran on, when it started and how long it took (in the worker). */
  baseCase: { outcome: BaseCaseOutcome; document: unknown; startedAt: string; durationMs: number } | null;
  /** True while the results shown are older than the document. */
  updating: boolean;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function useModelEvaluation(document: unknown): ModelEvaluation {
  const [state, setState] = useState<Omit<ModelEvaluation, 'updating'>>({ check: null, checked: null, checkError: null, baseCase: null });
  const first = state.checked === null;
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        void (async () => {
          try {
            const check = await engineWorker().checkModel(document);
            if (!live) return;
            if (!check.model) {
              setState({ check, checked: document, checkError: null, baseCase: null });
              return;
            }
            const startedAt = new Date().toISOString();
            const t0 = performance.now();
            const outcome = await engineWorker().runBaseCase(check.model);
            const durationMs = performance.now() - t0;
            if (live) setState({ check, checked: document, checkError: null, baseCase: { outcome, document, startedAt, durationMs } });
          } catch (e) {
            if (live) setState((s) => ({ ...s, checked: document, checkError: message(e) }));
          }
        })();
      },
      first ? 0 : EVALUATION_DEBOUNCE_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Only a new document starts a new evaluation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document]);
  return { ...state, updating: state.checked !== document };
}
