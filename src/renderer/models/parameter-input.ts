// Reading a number the user typed for a parameter: a clear message, never NaN, and the range its kind allows.
import type { Parameter } from '../../engine/model/schema';

const nonNegativeKinds = new Set(['rate', 'relative-risk', 'hazard-ratio', 'odds-ratio', 'odds', 'count', 'time', 'age']);

export type ParsedInput = { ok: true; value: number } | { ok: false; error: string };

/**
 * Reads a typed base value: a plain number (a leading "+", exponents and surrounding spaces allowed; thousands
 * separators are not, as "1,5" would be ambiguous), within the range its kind allows.
 */
export function parseParameterInput(text: string, parameter: Pick<Parameter, 'id' | 'kind'>): ParsedInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a number.' };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    return { ok: false, error: /,/.test(trimmed) ? 'Use a point for decimals and no thousands separators (e.g. 1250.5).' : `“${trimmed}” is not a number.` };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: 'The number is too large.' };
  const kind = parameter.kind;
  if ((kind === 'probability' || kind === 'proportion') && (value < 0 || value > 1)) return { ok: false, error: `A ${kind} must lie between 0 and 1.` };
  if (kind && nonNegativeKinds.has(kind) && value < 0) return { ok: false, error: `A ${kind.replace('-', ' ')} cannot be negative.` };
  return { ok: true, value };
}
