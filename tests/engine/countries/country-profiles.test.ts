// Shipped country profiles: they parse, every empty field says it is unverified, and applying a profile changes
// exactly the model fields it defines.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { countryProfileSchema, fieldsByStatus, parseCountryProfiles, profileFieldIds } from '../../../src/engine/countries/country-profile';
import type { CountryProfile } from '../../../src/engine/countries/country-profile';
import { applyCountryProfile } from '../../../src/engine/countries/apply-profile';
import { emptyRateTable } from '../../../src/engine/countries/exchange-rates';
import type { ExchangeRateTable } from '../../../src/engine/countries/exchange-rates';
import { shippedCountryProfile, shippedCountryProfiles } from '../../../src/dossier/country-profiles';
import { parseModel } from '../../../src/engine/compile-model';
import { threeStateModel } from '../model-fixtures';

const file = JSON.parse(readFileSync(resolve(__dirname, '../../../resources/countries/country-profiles.json'), 'utf8')) as unknown;

/** Test rates typed by the test (not market data): every threshold currency converts to EUR. */
const testRates: ExchangeRateTable = {
  ...emptyRateTable(),
  rates: [
    { from: 'GBP', to: 'EUR', rate: 1.2, basis: 'market-exchange', source: 'test value' },
    { from: 'EUR', to: 'PLN', rate: 4, basis: 'purchasing-power-parity', source: 'test value' },
  ],
};

describe('shipped country profiles', () => {
  it('parse, with unique ids, and include the countries the issue names', () => {
    const profiles = parseCountryProfiles(file).profiles;
    expect(profiles.map((p) => p.id)).toEqual(shippedCountryProfiles().map((p) => p.id));
    for (const id of ['BE-KCE', 'GB-NICE', 'NL-ZIN', 'DK-MEDICINRAADET', 'PL-AOTMIT', 'DE-IQWIG']) expect(shippedCountryProfile(id)).toBeDefined();
  });

  it('leave unknown values empty and mark them unverified (never a guess)', () => {
    for (const p of shippedCountryProfiles()) {
      for (const id of profileFieldIds) {
        const f = p[id];
        if (f.value === null) expect(f.status, `${p.id}.${id}`).toBe('unverified');
        if (f.status === 'unverified') expect(f.value, `${p.id}.${id}: an unverified field carries no value`).toBeNull();
        if (f.value !== null) expect(f.source, `${p.id}.${id} has a value without a source`).toBeTruthy();
      }
    }
  });

  it('hold the values of the domain notes for the four comparison countries', () => {
    const be = shippedCountryProfile('BE-KCE')!;
    expect([be.discountCosts.value, be.discountEffects.value]).toEqual([0.03, 0.015]);
    const gb = shippedCountryProfile('GB-NICE')!;
    expect(gb.thresholds.value).toEqual([
      { value: 20000, currency: 'GBP', per: 'QALY', label: 'lower end of the range' },
      { value: 30000, currency: 'GBP', per: 'QALY', label: 'upper end of the range' },
    ]);
    expect(gb.thresholds.status).toBe('secondary');
    const nl = shippedCountryProfile('NL-ZIN')!;
    expect(nl.discountCosts).toMatchObject({ value: 0.03, status: 'secondary' });
    expect(nl.discountEffects).toMatchObject({ value: null, status: 'unverified' });
    const dk = shippedCountryProfile('DK-MEDICINRAADET')!;
    expect(dk.discountCosts.value).toEqual([
      { fromYear: 0, rate: 0.035 },
      { fromYear: 35, rate: 0.025 },
      { fromYear: 70, rate: 0.015 },
    ]);
    expect(fieldsByStatus(dk).empty).toContain('thresholds');
  });

  it('reject a schedule that does not start at year 0, and a duplicate id', () => {
    const dk = structuredClone(shippedCountryProfile('DK-MEDICINRAADET')!);
    (dk.discountCosts as { value: unknown }).value = [{ fromYear: 5, rate: 0.03 }];
    expect(countryProfileSchema.safeParse(dk).success).toBe(false);
    const twice = { ...(file as object), profiles: [shippedCountryProfiles()[0], shippedCountryProfiles()[0]] };
    expect(() => parseCountryProfiles(twice)).toThrow(/profiles\.1\.id: duplicate profile id "BE-KCE"/);
  });
});

/** Model paths each profile field may change. */
const pathsOf: Record<string, string[]> = {
  discountCosts: ['settings.discount.costs', 'settings.discount.costsSchedule'],
  discountEffects: ['settings.discount.effects', 'settings.discount.effectsSchedule'],
  thresholds: ['settings.wtp'],
};

function startingDocument(): Record<string, unknown> {
  const m = threeStateModel() as unknown as Record<string, unknown> & { settings: Record<string, unknown> };
  // Values no profile uses, so every field a profile defines shows as a change.
  m.settings = { ...m.settings, discount: { costs: 0.07, effects: 0.07 }, currency: 'EUR', wtp: [1] };
  return m;
}

describe('applying a profile', () => {
  it.each(shippedCountryProfiles().map((p) => [p.id, p] as [string, CountryProfile]))('%s changes exactly the fields it defines', (_id, profile) => {
    const before = startingDocument();
    const r = applyCountryProfile(before, profile, { rates: testRates });
    const changedRoots = new Set(r.changes.map((c) => c.path.replace(/\[.*$/, '')));
    const expected = new Set<string>();
    if (profile.discountCosts.value !== null) {
      expected.add('settings.discount.costs');
      if (Array.isArray(profile.discountCosts.value)) expected.add('settings.discount.costsSchedule');
    }
    if (profile.discountEffects.value !== null) {
      expected.add('settings.discount.effects');
      if (Array.isArray(profile.discountEffects.value)) expected.add('settings.discount.effectsSchedule');
    }
    if (profile.thresholds.value !== null && profile.thresholds.value.length > 0) expected.add('settings.wtp');
    expect([...changedRoots].sort()).toEqual([...expected].sort());
    for (const path of changedRoots) expect(Object.values(pathsOf).flat()).toContain(path);
    expect(r.applied.sort()).toEqual(Object.keys(pathsOf).filter((f) => [...expected].some((p) => pathsOf[f]!.includes(p))).sort());
    // The input is untouched and the result is a valid model with the profile's values.
    expect(before).toEqual(startingDocument());
    const model = parseModel(r.document);
    const dc = profile.discountCosts.value;
    if (typeof dc === 'number') expect(model.settings.discount.costs).toBe(dc);
    if (Array.isArray(dc)) expect(model.settings.discount.costsSchedule).toEqual(dc);
  });

  it('converts thresholds into the model currency with the stated rate, or says why not', () => {
    const gb = shippedCountryProfile('GB-NICE')!;
    const r = applyCountryProfile(startingDocument(), gb, { rates: testRates });
    expect((r.document.settings as { wtp: number[] }).wtp).toEqual([24000, 36000]);
    expect(r.thresholdConversion).toMatchObject({ from: 'GBP', to: 'EUR', factor: 1.2, inverted: false });
    const pl = applyCountryProfile(startingDocument(), shippedCountryProfile('PL-AOTMIT')!, { rates: testRates });
    expect((pl.document.settings as { wtp: number[] }).wtp).toEqual([Math.round(175926 / 4)]);
    expect(pl.thresholdConversion?.inverted).toBe(true);
    const none = applyCountryProfile(startingDocument(), gb);
    expect(none.changes.map((c) => c.path)).not.toContain('settings.wtp');
    expect(none.notApplied).toContainEqual({ field: 'thresholds', code: 'no-rate', reason: 'no exchange rate from GBP to EUR in the rate table; add one to set the thresholds' });
  });

  it('replaces a schedule by a flat rate and lists the fields only the report states', () => {
    const doc = startingDocument();
    const dk = applyCountryProfile(doc, shippedCountryProfile('DK-MEDICINRAADET')!);
    const be = applyCountryProfile(dk.document, shippedCountryProfile('BE-KCE')!);
    const d = (be.document.settings as { discount: Record<string, unknown> }).discount;
    expect(d).toEqual({ costs: 0.03, effects: 0.015 });
    expect(be.notApplied.map((n) => n.field)).toEqual(expect.arrayContaining(['thresholds', 'perspectiveCosts', 'perspectiveOutcomes', 'guideline']));
  });
});
