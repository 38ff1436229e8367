import type { ParameterUse } from '../../engine/model/parameter-uses';
import type { MessageKey, Translate } from '../../report/i18n/translate';

/** One place a parameter is used, in the display language (e.g. "transition Healthy → Sick (strategy A)"). */
export function parameterUseText(use: ParameterUse, t: Translate): string {
  let words = t(`structure.use.${use.kind}` as MessageKey, use.at);
  if (use.at.strategy !== undefined && use.kind !== 'strategy-override') words = t('structure.use.inStrategy', { use: words, strategy: use.at.strategy });
  if (use.at.submodel !== undefined) words = t('structure.use.inSubmodel', { use: words, submodel: use.at.submodel });
  return words;
}

/** The uses in words, each place once (an override that also reads the parameter is one place). */
export function parameterUseList(uses: readonly ParameterUse[], t: Translate): string[] {
  return [...new Set(uses.map((u) => parameterUseText(u, t)))];
}
