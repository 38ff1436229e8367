import { useMemo } from 'react';
import { formatsFor } from '../../report/format';
import type { NumberFormats, ReportLocale } from '../../report/format';
import { translator } from '../../report/i18n/translate';
import type { Translate } from '../../report/i18n/translate';
import { useSettings } from '../settings/settings-context';

// The display language as the catalogued screens use it: the words (t) and the number formats (fmt) of the one
// `displayLanguage` setting that settings/settings-context.tsx owns and stores.

export interface Language {
  locale: ReportLocale;
  setLocale: (locale: ReportLocale) => void;
  t: Translate;
  fmt: NumberFormats;
}

/** The display language (English outside a settings provider, e.g. in component tests). */
export function useLanguage(): Language {
  const { settings, setDisplayLanguage } = useSettings();
  const locale = settings.displayLanguage;
  return useMemo(() => ({ locale, setLocale: setDisplayLanguage, t: translator(locale), fmt: formatsFor(locale) }), [locale, setDisplayLanguage]);
}
