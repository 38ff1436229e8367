// Reading a number the user typed for a parameter: a clear message, never NaN, and the range its kind allows.
import type { Parameter } from '../../engine/model/schema';
import { displayFormats, parseDisplayNumber } from '../settings/display-format';
import { translator } from '../../report/i18n/translate';
import type { MessageKey, Translate } from '../../report/i18n/translate';

const nonNegativeKinds = new Set(['rate', 'relative-risk', 'hazard-ratio', 'odds-ratio', 'odds', 'count', 'time', 'age']);

/** A parameter kind's name inside a sentence ("relative risk"), in the display language. */
export function parameterKindWord(kind: string, t: Translate): string {
  const key = `param.kind.${kind}` as MessageKey;
  const word = t(key);
  return word === key ? kind.replace('-', ' ') : word;
}

export type ParsedInput = { ok: true; value: number } | { ok: false; error: string };

/**
 * Reads a typed base value by the display language's rule for numbers (report/number-input.ts: in English "10,000"
 * is ten thousand and "0.85" a decimal, in Dutch or French "0,85"), within the range its kind allows.
 */
export function parseParameterInput(text: string, parameter: Pick<Parameter, 'id' | 'kind'>, t: Translate = translator(displayFormats().locale)): ParsedInput {
  const parsed = parseDisplayNumber(text, {}, t);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const kind = parameter.kind;
  if ((kind === 'probability' || kind === 'proportion') && (value < 0 || value > 1)) return { ok: false, error: t(kind === 'probability' ? 'param.input.probability' : 'param.input.proportion') };
  if (kind && nonNegativeKinds.has(kind) && value < 0) return { ok: false, error: t('param.input.negative', { kind: parameterKindWord(kind, t) }) };
  return { ok: true, value };
}
