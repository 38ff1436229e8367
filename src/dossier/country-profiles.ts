// The country profiles shipped with the app (resources/countries/country-profiles.json), read once and checked
// against their schema. Users work on copies of them in their workspace.
import shipped from '../../resources/countries/country-profiles.json';
import { parseCountryProfiles } from '../engine/countries/country-profile';
import type { CountryProfile } from '../engine/countries/country-profile';

let cache: readonly CountryProfile[] | null = null;

/** The shipped profiles, in file order (parsed on first use, so zod's configuration is in place). */
export function shippedCountryProfiles(): readonly CountryProfile[] {
  cache ??= parseCountryProfiles(shipped).profiles;
  return cache;
}

/** A shipped profile by id (e.g. "BE-KCE"), or undefined. */
export function shippedCountryProfile(id: string): CountryProfile | undefined {
  return shippedCountryProfiles().find((p) => p.id === id);
}
