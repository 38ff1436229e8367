// Engine problems (validation issues, analysis failures, warnings) in the reader's language: the engine words its
// messages in English for the CLI and attaches a stable code and the values they are built from; here a known code
// is worded from the catalogue, and anything else keeps the engine's English message (never a blank or a key).
import { translator } from './i18n/translate';
import type { MessageKey, Translate } from './i18n/translate';

const english = translator('en');

/** What a screen or report has of a problem: the engine's message, and its code and values when it gave them. */
export interface DescribableProblem {
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

/** Catalogue text and the params it needs, per engine code. */
const byCode: Record<string, { key: MessageKey; needs: string[] }> = {
  'not-a-probability': { key: 'engineProblem.notAProbability', needs: ['parameter', 'value'] },
  'row-sum': { key: 'engineProblem.rowSum', needs: ['from', 'value', 'strategy', 'cycle'] },
  'initial-sum': { key: 'engineProblem.initialSum', needs: ['value', 'strategy'] },
  'not-a-number': { key: 'engineProblem.notANumber', needs: ['subject', 'value', 'strategy', 'cycle'] },
  'unknown-name': { key: 'engineProblem.unknownName', needs: ['name', 'expression'] },
  syntax: { key: 'engineProblem.syntax', needs: ['expression'] },
  'dependency-cycle': { key: 'engineProblem.dependencyCycle', needs: ['cycle'] },
};

/** An evaluated probability out of range names its subject rather than a parameter. */
const evaluatedProbability: { key: MessageKey; needs: string[] } = { key: 'engineProblem.evaluatedNotAProbability', needs: ['subject', 'value', 'strategy', 'cycle'] };

/** The problem in the language of `t`; the engine's English message for a code (or values) it does not know. */
export function describeProblem(problem: DescribableProblem, t: Translate): string {
  const params = problem.params;
  if (!problem.code || !params) return problem.message;
  let entry = byCode[problem.code];
  if (problem.code === 'not-a-probability' && params.parameter === undefined) entry = evaluatedProbability;
  if (!entry || entry.needs.some((name) => params[name] === undefined)) return problem.message;
  const text = t(entry.key, params);
  // In English the engine's own message is the text: it may say more (the parameters involved, the row's entries).
  return text === english(entry.key, params) ? problem.message : text;
}
