// The country settings kept in the workspace (meta table): the user's profile copies, the exchange-rate table and
// the countries of the last comparison run, read by the Countries screen and by the report preview's country comparison.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { countryProfileSchema } from '../../engine/countries/country-profile';
import type { CountryProfile } from '../../engine/countries/country-profile';
import { emptyRateTable, exchangeRateTableSchema } from '../../engine/countries/exchange-rates';
import type { ExchangeRateTable } from '../../engine/countries/exchange-rates';
import { shippedCountryProfiles } from '../../dossier/country-profiles';
import type { ReportCountryOptions } from '../../report/build/context';
import { useWorkspace } from '../dossiers/workspace-context';

export const DEFAULT_COUNTRY_SELECTION = ['BE-KCE', 'GB-NICE', 'NL-ZIN', 'DK-MEDICINRAADET'];

function parseProfiles(value: unknown): CountryProfile[] | null {
  if (!Array.isArray(value)) return null;
  const out: CountryProfile[] = [];
  for (const item of value) {
    const r = countryProfileSchema.safeParse(item);
    if (!r.success) return null;
    out.push(r.data);
  }
  return out;
}

function parseRates(value: unknown): ExchangeRateTable | null {
  const r = exchangeRateTableSchema.safeParse(value);
  return r.success ? r.data : null;
}

function parseSelection(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((x) => typeof x === 'string') ? (value as string[]) : null;
}

/** A setting read once from the workspace and written back on save; `problem` is true when the stored value is unreadable. */
function useStoredSetting<T>(key: string, parse: (value: unknown) => T | null, fallback: T): [T, (next: T) => Promise<void>, boolean] {
  const workspace = useWorkspace();
  const [value, setValue] = useState<T>(fallback);
  const [problem, setProblem] = useState(false);
  useEffect(() => {
    let live = true;
    void workspace.readSetting(key).then((stored) => {
      if (!live || stored === undefined) return;
      const parsed = parse(stored);
      if (parsed === null) setProblem(true);
      else setValue(parsed);
    });
    return () => {
      live = false;
    };
  }, [workspace, key, parse]);
  const save = useCallback(
    async (next: T) => {
      setValue(next);
      await workspace.writeSetting(key, next);
    },
    [workspace, key],
  );
  return [value, save, problem];
}

const noProfiles: CountryProfile[] = [];
const noRates = emptyRateTable();

export function useCountrySettings() {
  const [userProfiles, saveUserProfiles, profilesProblem] = useStoredSetting('countryProfiles', parseProfiles, noProfiles);
  const [rates, saveRates, ratesProblem] = useStoredSetting('exchangeRates', parseRates, noRates);
  const [selection, saveSelection] = useStoredSetting<string[] | null>('countrySelection', parseSelection, null);
  return { userProfiles, saveUserProfiles, rates, saveRates, selection, saveSelection, problem: profilesProblem || ratesProblem };
}

/** The countries of the last comparison run on the Countries screen, for the report's country comparison (none: no section). */
export function useReportCountries(): ReportCountryOptions {
  const { userProfiles, rates, selection } = useCountrySettings();
  return useMemo(() => {
    const all = [...shippedCountryProfiles(), ...userProfiles];
    const requests = (selection ?? []).map((id) => all.find((p) => p.id === id)).filter((p): p is CountryProfile => p !== undefined).map((profile) => ({ profile }));
    return { requests, rates };
  }, [userProfiles, rates, selection]);
}
