// The report's country comparison section: present only when countries are chosen, written in the report's
// language, each country's methods stated (discounting, perspective, threshold and its source, verification).
import { describe, expect, it } from 'vitest';
import { buildReport, includedSections } from '../../src/report/build-report';
import { allBlocks, flattenSections } from '../../src/report/document';
import type { Table } from '../../src/report/document';
import { shippedCountryProfile } from '../../src/dossier/country-profiles';
import { emptyRateTable } from '../../src/engine/countries/exchange-rates';
import { compareCountries } from '../../src/engine/countries/country-comparison';
import { nl } from '../../src/report/i18n/messages-nl';
import { en } from '../../src/report/i18n/messages-en';
import { exampleInput } from './report-fixture';

const rates = { ...emptyRateTable(), rates: [{ from: 'GBP' as const, to: 'EUR' as const, rate: 1.15, basis: 'market-exchange' as const, source: 'test value' }] };
const countries = { requests: ['BE-KCE', 'GB-NICE', 'NL-ZIN', 'DK-MEDICINRAADET'].map((id) => ({ profile: shippedCountryProfile(id)! })), rates };

describe('country comparison section', () => {
  const input = exampleInput();

  it('appears only when countries are chosen, before the limitations', () => {
    expect(includedSections({ profile: 'full' })).not.toContain('countries');
    const ids = includedSections({ profile: 'full', countries });
    expect(ids.indexOf('countries')).toBe(ids.indexOf('limitations') - 1);
    expect(includedSections({ profile: 'jca', countries })).not.toContain('countries');
  });

  it('states each country\'s methods and optimal strategy, in Dutch, with the same figures as the engine', () => {
    const doc = buildReport(input, { profile: 'full', locale: 'nl-BE', countries });
    const section = doc.sections.find((s) => s.id === 'sec-countries')!;
    expect(section.title).toBe(nl['report.section.countries']);
    expect(doc.sections.find((s) => s.id === 'sec-results')!.title).toBe(nl['report.section.results']);
    const tables = allBlocks({ ...doc, sections: [section] }).filter((b): b is Table => b.kind === 'table');
    const methods = tables.find((t) => t.id === 'tab-countries-methods')!;
    expect(methods.header[0]).toBe(nl['results.country']);
    const [be, gb, nlRow, dk] = methods.rows.map((r) => r.cells);
    expect(be![0]).toBe('België (KCE)');
    expect(gb![0]).toBe('Engeland (NICE)');
    expect(be![2]).toBe('3,0% per jaar [Geverifieerd]');
    expect(nlRow![3]).toBe(`1,5% per jaar (${nl['results.modelRate']})`);
    expect(dk![2]).toBe('3,5% jaren 0–35, 2,5% jaren 35–70, 1,5% vanaf jaar 70 [Geverifieerd]');
    expect(gb![6]).toContain('[Secundaire bron]');
    expect(gb![7]).toContain('medvance');
    const engine = compareCountries(input.models[0]!.model as unknown as Record<string, unknown>, countries.requests, { rates });
    const summary = tables.find((t) => t.id === 'tab-countries-summary')!;
    const label = (id: string | null) => engine.countries[0]!.strategies.find((s) => s.id === id)?.label ?? '—';
    expect(summary.rows.map((r) => r.cells[2])).toEqual(engine.countries.map((c) => label(c.optimal)));
    expect(flattenSections([section]).some((s) => s.blocks.some((b) => b.kind === 'figure'))).toBe(true);
  });

  it('reads in English by default, with the fixed section titles unchanged', () => {
    const doc = buildReport(input, { profile: 'full', locale: 'en', countries });
    expect(doc.sections.map((s) => s.title)).toContain(en['report.section.countries']);
    expect(doc.sections.map((s) => s.title)).toContain('Economic evaluation methods');
  });
});
