// Country options shared by `hta countries` and `hta report --countries`: the shipped profiles with a user's
// profiles file laid over them, and the exchange-rate table file.
import { shippedCountryProfiles } from '../dossier/country-profiles';
import { CountryProfileError, parseCountryProfiles } from '../engine/countries/country-profile';
import type { CountryProfile } from '../engine/countries/country-profile';
import { emptyRateTable, exchangeRateTableSchema } from '../engine/countries/exchange-rates';
import type { ExchangeRateTable } from '../engine/countries/exchange-rates';
import { readJsonFile } from './model-loading';

export function readRates(path: string | undefined): ExchangeRateTable {
  if (!path) return emptyRateTable();
  const r = exchangeRateTableSchema.safeParse(readJsonFile(path));
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new CountryProfileError(`${path}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return r.data;
}

/** Shipped profiles, with a user's file laid over them (same id: the user's copy wins). */
export function availableProfiles(path: string | undefined): CountryProfile[] {
  const shipped = [...shippedCountryProfiles()];
  if (!path) return shipped;
  let own: CountryProfile[];
  try {
    own = parseCountryProfiles(readJsonFile(path)).profiles;
  } catch (e) {
    if (e instanceof CountryProfileError) throw new CountryProfileError(`${path}: ${e.message}`);
    throw e;
  }
  return [...shipped.filter((p) => !own.some((o) => o.id === p.id)), ...own];
}
