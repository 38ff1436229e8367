// The last guard before a result is printed: JSON would print NaN and Infinity as null, which reads as "no value"
// where a number belongs. Every number of an output must be finite, or the command fails with the result's path.
import { formatPath } from '../engine/errors';
import type { IssuePath } from '../engine/errors';

export class NonFiniteResultError extends Error {
  constructor(
    readonly path: IssuePath,
    readonly value: number,
  ) {
    super(`the result ${formatPath(path)} is not a finite number (${value}): the model's values are too large or too small to compute it (check the numbers and thresholds it depends on)`);
    this.name = 'NonFiniteResultError';
  }
}

/** Path and value of the first number in `value` that is NaN or infinite (iterative walk), or null. */
export function firstNonFinite(value: unknown): { path: IssuePath; value: number } | null {
  const stack: { value: unknown; path: IssuePath }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    const v = top.value;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path: top.path, value: v };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...top.path, i] });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...top.path, entries[i]![0]] });
    }
  }
  return null;
}

/** JSON text of `value`; throws NonFiniteResultError instead of printing null for NaN or Infinity. */
export function finiteJson(value: unknown): string {
  const bad = firstNonFinite(value);
  if (bad) throw new NonFiniteResultError(bad.path, bad.value);
  return JSON.stringify(value, null, 2);
}
