import { useCallback, useEffect, useRef, useState } from 'react';
import { translator } from '../../report/i18n/translate';
import type { Translate } from '../../report/i18n/translate';

// Debounced autosave. The draft lives in the editor's state; this hook writes it ~500 ms after the last change
// and reports what the user sees: pending/saving → "Saving…", saved → "All changes saved", error → the reason
// (the draft, and so the user's text, stays in the editor and is saved again on the next change or retry).

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; message: string; error: unknown };

export interface Autosave<T> {
  state: SaveState;
  /** Saves a pending draft now (on leaving the editor, before export …); false when the save failed. */
  flush: () => Promise<boolean>;
  retry: () => void;
  /** Records a value saved elsewhere (status change, snapshot restore) so it is not written again. */
  markSaved: (value: T) => void;
}

/**
 * `saved` is the value the store holds when the hook starts (default: the draft). Pass the stored version when the
 * draft starts different from it (an unsaved draft restored after a reload): it is then saved like any edit.
 */
export function useAutosave<T>(draft: T | null, save: (value: T) => Promise<void>, delayMs = 500, saved: T | null = draft): Autosave<T> {
  const [state, setState] = useState<SaveState>(() => (draft === saved ? { kind: 'saved' } : { kind: 'pending' }));
  const lastSaved = useRef<T | null>(saved);
  const latest = useRef<T | null>(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
    latest.current = draft;
  });

  const runSave = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
    const value = latest.current;
    if (value === null || value === lastSaved.current) {
      setState((s) => (s.kind === 'error' ? s : { kind: 'saved' }));
      return true;
    }
    setState({ kind: 'saving' });
    const attempt = saveRef
      .current(value)
      .then(() => {
        lastSaved.current = value;
        setState(latest.current === value ? { kind: 'saved' } : { kind: 'pending' });
        return true;
      })
      .catch((error: unknown) => {
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error), error });
        return false;
      });
    inFlight.current = attempt.then(() => undefined);
    const ok = await attempt;
    inFlight.current = null;
    return ok;
  }, []);

  useEffect(() => {
    if (draft === null || draft === lastSaved.current) return;
    setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void runSave(), delayMs);
  }, [draft, delayMs, runSave]);

  // Leaving the editor saves what is pending instead of dropping it.
  useEffect(
    () => () => {
      if (timer.current) void runSave();
    },
    [runSave],
  );

  const markSaved = useCallback((value: T) => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    lastSaved.current = value;
    latest.current = value;
    setState({ kind: 'saved' });
  }, []);

  return { state, flush: runSave, retry: () => void runSave(), markSaved };
}

/** The words the header shows for a save state. */
/** The save state in words (English unless given the display language's lookup). */
export function saveStateLabel(state: SaveState, t: Translate = translator('en')): string {
  switch (state.kind) {
    case 'saved':
      return t('dossier.save.saved');
    case 'pending':
    case 'saving':
      return t('dossier.save.saving');
    case 'error':
      return t('dossier.save.notSavedDetail', { message: state.message });
  }
}
