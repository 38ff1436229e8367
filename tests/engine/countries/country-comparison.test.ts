// Country comparison and headroom on a model small enough to compute by hand: one state nobody leaves, 10 yearly
// cycles counted at the beginning, so totals are per-cycle values times the sum of the discount factors.
import { describe, expect, it } from 'vitest';
import { compareCountries, CountryComparisonError } from '../../../src/engine/countries/country-comparison';
import { emptyRateTable } from '../../../src/engine/countries/exchange-rates';
import type { ExchangeRateTable } from '../../../src/engine/countries/exchange-rates';
import type { CountryProfile } from '../../../src/engine/countries/country-profile';
import { shippedCountryProfile } from '../../../src/dossier/country-profiles';
import { sumFactors, twoStrategyModel } from './country-fixtures';

const rates: ExchangeRateTable = { ...emptyRateTable(), rates: [{ from: 'GBP', to: 'EUR', rate: 1.25, basis: 'market-exchange', date: '2026-12-01', source: 'test value' }] };

function withThreshold(profile: CountryProfile, value: number, currency = 'EUR'): CountryProfile {
  return { ...profile, id: `${profile.id}-copy`, origin: 'user', thresholds: { value: [{ value, currency, per: 'QALY', label: 'analysis threshold' }], status: 'unverified', note: 'typed by the user' } };
}

describe('compareCountries', () => {
  const be = shippedCountryProfile('BE-KCE')!;
  const gb = shippedCountryProfile('GB-NICE')!;
  const dk = shippedCountryProfile('DK-MEDICINRAADET')!;

  it('applies each profile\'s discounting and converts costs into the threshold currency (hand-computed)', () => {
    const r = compareCountries(twoStrategyModel(), [{ profile: be }, { profile: gb }, { profile: dk }], { rates });
    const [bel, eng, den] = r.countries;
    // Belgium: costs 3%, effects 1.5%, no threshold known: results in EUR, no optimal strategy.
    expect(bel!.currency).toBe('EUR');
    expect(bel!.strategies[0]!.cost).toBeCloseTo(100 * sumFactors(0.03), 9);
    expect(bel!.strategies[1]!.qalys).toBeCloseTo(0.6 * sumFactors(0.015), 9);
    expect(bel!.optimal).toBeNull();
    expect(bel!.problems[0]).toMatchObject({ code: 'no-threshold-known', message: expect.stringMatching(/^No threshold is known/) });
    // England: 3.5% both, costs in GBP at 1 GBP = 1.25 EUR.
    expect(eng!.currency).toBe('GBP');
    expect(eng!.conversion).toMatchObject({ from: 'EUR', to: 'GBP', inverted: true });
    const s35 = sumFactors(0.035);
    expect(eng!.strategies[1]!.cost).toBeCloseTo((400 * s35) / 1.25, 9);
    const dq = 0.1 * s35;
    const dc = (300 * s35) / 1.25; // 240 per year in GBP
    expect(eng!.incremental.find((row) => row.id === 'test')!.icer).toBeCloseTo(dc / dq, 6); // £2,400 per QALY
    expect(eng!.thresholds.map((t) => t.netBenefit[1]! - t.netBenefit[0]!)).toEqual([expect.closeTo(20000 * dq - dc, 6), expect.closeTo(30000 * dq - dc, 6)]);
    expect(eng!.optimal).toBe('test');
    // Denmark: stepped schedule, identical to 3.5% within 35 years.
    expect(den!.strategies[1]!.qalys).toBeCloseTo(0.6 * s35, 9);
    expect(den!.discountCosts.from).toBe('profile');
  });

  it('finds a different optimal strategy where thresholds differ, and uses the model rate where the profile has none', () => {
    // ICER at 3.5%/3.5% in EUR: 300 / 0.1 = €3,000 per QALY; with price 700: €6,000.
    const low = withThreshold(be, 4000);
    const high = withThreshold(shippedCountryProfile('NL-ZIN')!, 80000);
    const r = compareCountries(twoStrategyModel(700), [{ profile: low }, { profile: high }], { rates });
    expect(r.countries.map((c) => c.optimal)).toEqual(['usual', 'test']);
    expect(r.countries[1]!.discountEffects).toEqual({ value: 0.07, from: 'model' });
  });

  it('per-country prices in the country currency', () => {
    const r = compareCountries(twoStrategyModel(), [{ profile: gb, prices: { price: 200 } }], { rates });
    const eng = r.countries[0]!;
    expect(eng.prices).toEqual([{ parameter: 'price', value: 200, inModelCurrency: 250 }]);
    expect(eng.strategies[1]!.cost).toBeCloseTo(200 * sumFactors(0.035), 9);
  });

  it('headroom: the highest price at which the test stays optimal (hand-computed)', () => {
    // Optimal while λ·0.1·S − (p − 100)·S ≥ 0 with equal discounting: p* = 100 + 0.1·λ.
    const r = compareCountries(twoStrategyModel(), [{ profile: gb }, { profile: withThreshold(be, 4000) }], { rates, headroom: { parameter: 'price', strategy: 'test', low: 0, high: 10000 } });
    const [eng, bel] = r.countries;
    // England: λ = £20,000 = €25,000, so p* = €2,600 = £2,080.
    expect(eng!.thresholds[0]!.headroom).toMatchObject({ status: 'found', overtakenBy: 'usual' });
    expect(eng!.thresholds[0]!.headroom!.price).toBeCloseTo((100 + 0.1 * 20000 * 1.25) / 1.25, 5);
    expect(eng!.thresholds[1]!.headroom!.price).toBeCloseTo((100 + 0.1 * 30000 * 1.25) / 1.25, 5);
    // Belgium copy (3% costs, 1.5% effects): p* = 100 + 0.1·λ·S(1.5%)/S(3%).
    expect(bel!.thresholds[0]!.headroom!.price).toBeCloseTo(100 + (0.1 * 4000 * sumFactors(0.015)) / sumFactors(0.03), 5);
    const never = compareCountries(twoStrategyModel(), [{ profile: withThreshold(be, 10) }], { rates, headroom: { parameter: 'price', strategy: 'test', low: 200, high: 500 } });
    expect(never.countries[0]!.thresholds[0]!.headroom).toMatchObject({ status: 'never-optimal', price: null });
    const above = compareCountries(twoStrategyModel(), [{ profile: withThreshold(be, 1e6) }], { rates, headroom: { parameter: 'price', strategy: 'test', low: 0, high: 500 } });
    expect(above.countries[0]!.thresholds[0]!.headroom).toMatchObject({ status: 'above-range', price: 500 });
  });

  it('says so when a rate is missing instead of converting silently', () => {
    const r = compareCountries(twoStrategyModel(), [{ profile: gb }], { rates: emptyRateTable() });
    const eng = r.countries[0]!;
    expect(eng.currency).toBe('EUR');
    expect(eng.thresholds).toEqual([]);
    expect(eng.optimal).toBeNull();
    expect(eng.problems).toContainEqual({ code: 'no-rate', from: 'EUR', to: 'GBP', message: 'No exchange rate between EUR and GBP in the rate table: results stay in EUR and are not compared with the GBP thresholds.' });
  });

  it('rejects unknown parameters and strategies with their names', () => {
    expect(() => compareCountries(twoStrategyModel(), [{ profile: be, prices: { nope: 1 } }], { rates })).toThrow(new CountryComparisonError('BE-KCE: the model has no parameter "nope"'));
    expect(() => compareCountries(twoStrategyModel(), [{ profile: be }], { rates, headroom: { parameter: 'price', strategy: 'x' } })).toThrow(/no strategy "x"/);
    expect(() => compareCountries(twoStrategyModel(), [], { rates })).toThrow(/at least one/);
  });
});
