// `hta countries <model.json>`: the JSON contract, hand-computed figures, user profile and rate files, errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHta, scratchFiles } from './cli-harness';
import { shippedCountryProfile } from '../../src/dossier/country-profiles';
import { sumFactors, twoStrategyModel } from '../engine/countries/country-fixtures';
import { nl } from '../../src/report/i18n/messages-nl';

const { dir, write } = scratchFiles('countries');

const hta = runHta;

const rates = write('rates.json', { format: 'hta-workbench-exchange-rates', version: 1, rates: [{ from: 'GBP', to: 'EUR', rate: 1.25, basis: 'market-exchange', source: 'test value' }] });
const model = write('model.json', twoStrategyModel(700));

describe('hta countries', () => {
  it('--json: per-country costs in the threshold currency, net benefit, optimal strategy, headroom', async () => {
    const { code, out, err } = await hta('countries', model, '--profiles', 'GB-NICE,NL-ZIN', '--rates', rates, '--headroom', 'price:test:0:10000', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const c = JSON.parse(out).countryComparison;
    const [gb, nl] = c.countries;
    expect(gb.profileId).toBe('GB-NICE');
    expect(gb.currency).toBe('GBP');
    expect(gb.strategies[1].cost).toBeCloseTo((700 * sumFactors(0.035)) / 1.25, 6);
    // ICER €6,000 = £4,800 per QALY: the test is optimal at £20,000; headroom p* = €100 + 0.1·€25,000 = £2,080.
    expect(gb.optimal).toBe('test');
    expect(gb.thresholds[0].headroom.price).toBeCloseTo(2080, 4);
    expect(nl.currency).toBe('EUR');
    expect(nl.discountEffects).toEqual({ value: 0.07, from: 'model' });
    expect(nl.thresholds[0].threshold).toEqual({ value: 80000, currency: 'EUR', per: 'QALY', label: 'maximum reference value (highest disease burden)' });
  });

  it('a user profile file and per-country prices; the table states notes instead of converting silently', async () => {
    const be = { ...shippedCountryProfile('BE-KCE')!, id: 'BE-mine', origin: 'user', thresholds: { value: [{ value: 4000, currency: 'EUR', per: 'QALY' }], status: 'unverified', note: 'analysis threshold' } };
    const own = write('mine.json', { format: 'hta-workbench-country-profiles', version: 1, profiles: [be] });
    const { code, out } = await hta('countries', model, '--profiles', 'BE-mine,GB-NICE', '--profiles-file', own, '--price', 'BE-mine:price=150');
    expect(code).toBe(0);
    expect(out).toContain('price: price = 150.00 EUR');
    expect(out).toContain('note: No exchange rate between EUR and GBP in the rate table');
    expect(out).toMatch(/Belgium \(KCE\)\s+3\.0% a year; 1\.5% a year\s+4,000 EUR\/QALY\s+Test/);
  });

  it('refuses unknown profiles, parameters and malformed options with exit 1 or 2', async () => {
    expect((await hta('countries', model, '--profiles', 'XX')).err).toMatch(/unknown profile "XX"; available: BE-KCE/);
    expect((await hta('countries', model, '--profiles', 'XX')).code).toBe(2);
    const bad = await hta('countries', model, '--profiles', 'BE-KCE', '--price', 'BE-KCE:nope=1');
    expect([bad.code, bad.err.trim()]).toEqual([1, `${model}: BE-KCE: the model has no parameter "nope"`]);
    expect((await hta('countries', model, '--headroom', 'price')).code).toBe(2);
    const badRates = write('bad-rates.json', { format: 'hta-workbench-exchange-rates', version: 1, rates: [{ from: 'GBP', to: 'EUR', rate: -1, basis: 'market-exchange' }] });
    const r = await hta('countries', model, '--rates', badRates);
    expect([r.code, r.err.trim()]).toEqual([1, `${model}: ${badRates}: rates.0.rate: must be a positive number`]);
  });

  it('hta report --countries adds the country comparison in the report language', async () => {
    const out = join(dir, 'report-nl.html');
    const dossier = join(__dirname, '..', '..', 'resources', 'examples', 'liquid-biopsy-nsclc.htad.json');
    const r = await hta('report', dossier, '--format', 'html', '--out', out, '--locale', 'nl-BE', '--sections', 'methods,countries', '--iterations', '20', '--countries', 'GB-NICE,NL-ZIN', '--rates', rates);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const key of ['report.section.countries', 'report.section.methods', 'report.countries.methodsTitle'] as const) expect(html).toContain(nl[key]);
    expect(html).toContain('Nederland (Zorginstituut Nederland (ZIN))');
    const bad = await hta('report', dossier, '--format', 'html', '--out', out, '--countries', 'XX');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--countries: unknown profile "XX"')]);
  }, 120000);
});
