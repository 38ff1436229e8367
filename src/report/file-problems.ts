// Problems with files the user opens (dossier files, backups, model files) in the reader's language: the readers
// word them in English for the CLI and attach a detail (src/shared/problem-detail.ts); here each code is worded
// from the catalogue ("fileProblem.<code>"), numbers in the reader's format. A code, type or piece the catalogue
// does not know keeps the reader's English message whole (never a half-translated sentence, a blank or a key).
import { en } from './i18n/messages-en';
import type { MessageKey, Translate } from './i18n/translate';
import type { NumberFormats } from './format';
import type { ProblemDetail } from '../shared/problem-detail';

/** What a screen has of a file problem: the English message and, when the reader gave it, its detail. */
export interface DescribableFileProblem {
  message: string;
  detail?: ProblemDetail;
}

function keyOf(name: string): MessageKey | undefined {
  const key = `fileProblem.${name}`;
  return Object.hasOwn(en, key) ? (key as MessageKey) : undefined;
}

/** Limits and counts: grouped from 10,000 as the English messages are; other numbers as typed, in the reader's format. */
function numberText(value: number, fmt: NumberFormats): string {
  return Number.isInteger(value) && Math.abs(value) >= 10_000 ? fmt.number(value, 0) : fmt.parameter(value);
}

function wordPieces(piece: ProblemDetail | readonly ProblemDetail[], t: Translate, fmt: NumberFormats): string | undefined {
  const list: readonly ProblemDetail[] = Array.isArray(piece) ? piece : [piece as ProblemDetail];
  const words = list.map((p) => word(p, t, fmt));
  if (words.length === 0 || words.some((w) => w === undefined)) return undefined;
  const all = words as string[];
  // "a, b or c" (the English message repeats "or"; the other languages list as they write).
  return all.length === 1 ? all[0]! : t('fileProblem.or', { first: all.slice(0, -1).join(', '), second: all[all.length - 1]! });
}

/** The detail in the language of `t`, or undefined when some part of it has no catalogue text. */
function word(detail: ProblemDetail, t: Translate, fmt: NumberFormats): string | undefined {
  const values = detail.values ?? {};
  if (detail.code === 'literal') return typeof values.text === 'string' ? values.text : undefined;
  if (detail.code === 'list') {
    // Names listed as the readers list them: "a, b, c".
    const items = detail.parts?.items;
    const words = (Array.isArray(items) ? items : items ? [items as ProblemDetail] : []).map((p) => word(p, t, fmt));
    return words.some((w) => w === undefined) ? undefined : words.join(', ');
  }
  const key = detail.code === 'type' || detail.code === 'value-type' ? keyOf(`${detail.code}.${String(values.type)}`) : keyOf(detail.code);
  if (!key) return undefined;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) params[name] = typeof value === 'number' ? numberText(value, fmt) : value;
  for (const [name, piece] of Object.entries(detail.parts ?? {})) {
    const text = wordPieces(piece, t, fmt);
    if (text === undefined) return undefined;
    params[name] = text;
  }
  return t(key, params);
}

/** The problem in the display language; the reader's English message in English, or when it cannot be worded. */
export function describeFileProblem(problem: DescribableFileProblem, t: Translate, fmt: NumberFormats): string {
  if (!problem.detail || fmt.locale === 'en') return problem.message;
  return word(problem.detail, t, fmt) ?? problem.message;
}
