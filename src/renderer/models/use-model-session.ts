import { useCallback, useEffect, useState } from 'react';
import type { BaseCaseOutcome } from '../../engine/analysis/base-case';
import type { ModelCheck } from '../../engine/analysis/model-check';
import { applyParameterEdits } from './parameter-edits';
import { engineWorker } from '../workers/engine-client';
import type { ModelEntry } from './model-catalog';
import type { ParameterEdits } from './parameter-edits';

// One open model: its validation (in the worker), the user's edits of base values, and the base case re-run in the
// worker whenever the edits change (debounced, so typing does not queue runs).

export const EDIT_DEBOUNCE_MS = 350;

export interface ModelSession {
  check: ModelCheck | null;
  checkError: string | null;
  edits: ParameterEdits;
  setEdit: (id: string, value: number | null) => void;
  resetEdits: () => void;
  /** The latest base case and the edits it was computed with. */
  baseCase: { outcome: BaseCaseOutcome; edits: ParameterEdits } | null;
  /** True while the shown base case is older than the current edits. */
  updating: boolean;
}

export function useModelSession(entry: ModelEntry): ModelSession {
  const [check, setCheck] = useState<ModelCheck | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [edits, setEdits] = useState<ParameterEdits>({});
  const [baseCase, setBaseCase] = useState<ModelSession['baseCase']>(null);

  useEffect(() => {
    let live = true;
    engineWorker()
      .checkModel(entry.json)
      .then((c) => live && setCheck(c))
      .catch((e: unknown) => live && setCheckError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [entry]);

  const model = check?.model ?? null;
  useEffect(() => {
    if (!model) return;
    let live = true;
    const delay = Object.keys(edits).length === 0 ? 0 : EDIT_DEBOUNCE_MS;
    const timer = setTimeout(() => {
      engineWorker()
        .runBaseCase(applyParameterEdits(model, edits))
        .then((outcome) => live && setBaseCase({ outcome, edits }))
        .catch((e: unknown) => live && setBaseCase({ outcome: { ok: false, problems: [{ path: '', message: e instanceof Error ? e.message : String(e) }] }, edits }));
    }, delay);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [model, edits]);

  const setEdit = useCallback((id: string, value: number | null) => {
    setEdits((current) => {
      const next = { ...current };
      if (value === null) delete next[id];
      else next[id] = value;
      return next;
    });
  }, []);
  const resetEdits = useCallback(() => setEdits({}), []);

  return { check, checkError, edits, setEdit, resetEdits, baseCase, updating: model !== null && baseCase?.edits !== edits };
}
