import type { NumberFormats } from '../../report/format';
import type { MessageKey, Translate } from '../../report/i18n/translate';

// "1 dossier", "3 dossiers": a count with its noun from the catalogue's `.one`/`.other` pair, chosen by the
// language's plural rule (French counts 0 as singular) and the number as typed (no grouping: "2000 dossiers").

type PluralBase<K extends string> = K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
export type CountKey = PluralBase<MessageKey>;

const rules = new Map<string, Intl.PluralRules>();

export function countText(t: Translate, fmt: NumberFormats, key: CountKey, n: number): string {
  let rule = rules.get(fmt.intlLocale);
  if (!rule) {
    rule = new Intl.PluralRules(fmt.intlLocale);
    rules.set(fmt.intlLocale, rule);
  }
  const form = rule.select(n) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { n: fmt.parameter(n) });
}
