// The user's edits of parameter base values: checked as typed (a clear message, never NaN) and written into a copy
// of the model that the engine runs.
import type { HtaModel, Parameter } from '../../engine/model/schema';
import { ownValue } from '../../engine/own-key';

/** Base values the user typed, by parameter id (only parameters given as a number in the file). */
export type ParameterEdits = Readonly<Record<string, number>>;

/** The model with the edited base values written into its parameters (expression parameters are never edited). */
export function applyParameterEdits(model: HtaModel, edits: ParameterEdits): HtaModel {
  if (Object.keys(edits).length === 0) return model;
  return {
    ...model,
    parameters: model.parameters.map((p) => {
      const edited = ownValue(edits, p.id);
      return p.value !== undefined && edited !== undefined ? { ...p, value: edited } : p;
    }),
  };
}

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
