import { useCallback, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';

// State a screen keeps while the app is open although the screen is drawn anew: changing the display language
// re-mounts every screen (so every number follows it), and a comparison the user ran must not vanish with it.
// Held in memory only (this window, this session); nothing is written anywhere.

const retained = new Map<string, unknown>();

export function useRetainedState<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => (retained.has(key) ? (retained.get(key) as T) : initial));
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) =>
      setValue((current) => {
        const resolved = typeof next === 'function' ? (next as (c: T) => T)(current) : next;
        retained.set(key, resolved);
        return resolved;
      }),
    [key],
  );
  return [value, set];
}
