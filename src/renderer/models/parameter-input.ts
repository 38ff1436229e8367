// Reading a number the user typed for a parameter: a clear message, never NaN, and the range its kind allows.
import type { Parameter } from '../../engine/model/schema';
import { parseDisplayNumber } from '../settings/display-format';

const nonNegativeKinds = new Set(['rate', 'relative-risk', 'hazard-ratio', 'odds-ratio', 'odds', 'count', 'time', 'age']);

export type ParsedInput = { ok: true; value: number } | { ok: false; error: string };

/**
 * Reads a typed base value by the display language's rule for numbers (report/number-input.ts: in English "10,000"
 * is ten thousand and "0.85" a decimal, in Dutch or French "0,85"), within the range its kind allows.
 */
export function parseParameterInput(text: string, parameter: Pick<Parameter, 'id' | 'kind'>): ParsedInput {
  const parsed = parseDisplayNumber(text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const kind = parameter.kind;
  if ((kind === 'probability' || kind === 'proportion') && (value < 0 || value > 1)) return { ok: false, error: `A ${kind} must lie between 0 and 1.` };
  if (kind && nonNegativeKinds.has(kind) && value < 0) return { ok: false, error: `A ${kind.replace('-', ' ')} cannot be negative.` };
  return { ok: true, value };
}
