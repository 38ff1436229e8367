import { describe, expect, it } from 'vitest';
import { formatsFor, formatMoney } from '../../src/report/format';

describe('locale formats', () => {
  const en = formatsFor('en');
  const nl = formatsFor('nl-BE');
  const fr = formatsFor('fr-BE');
  const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

  it('English keeps comma thousands and point decimals (the screens use these)', () => {
    expect(en.money(150038.69, 'EUR')).toBe('€150,039');
    expect(en.money(150038.69, 'EUR')).toBe(formatMoney(150038.69, 'EUR'));
    expect(en.number(2.01934, 3)).toBe('2.019');
    expect(en.percent(0.576)).toBe('57.6%');
    expect(en.icer(40032.15, 'EUR', 'qalys')).toBe('€40,032 per QALY');
    expect(en.date('2026-12-06T10:00:00Z')).toBe('6 December 2026');
  });

  it('a signed money change keeps whole units unless decimals are asked for (small amounts of imported draws)', () => {
    expect(en.moneyChange(5.0372, 'EUR')).toBe('+€5');
    expect(en.moneyChange(5.0372, 'EUR', 2)).toBe('+€5.04');
    expect(en.moneyChange(-0.3, 'EUR', 2)).toBe('−€0.30');
    expect(en.moneyChange(0.004, 'EUR', 2)).toBe('€0.00');
    expect(en.moneyChange(0.3, 'EUR')).toBe('€0');
  });

  it('Dutch (Belgium) uses point thousands and comma decimals', () => {
    expect(nbsp(nl.money(150038.69, 'EUR'))).toBe('€ 150.039');
    expect(nl.number(2.01934, 3)).toBe('2,019');
    expect(nl.number(1234567.891, 2)).toBe('1.234.567,89');
    expect(nl.parameter(0.509)).toBe('0,509');
    expect(nl.percent(0.576)).toBe('57,6%');
    expect(nl.date('2026-12-06T10:00:00Z')).toBe('6 december 2026');
  });

  it('French (Belgium) uses space thousands and comma decimals', () => {
    expect(nbsp(fr.money(150038.69, 'EUR'))).toBe('150 039 €');
    expect(nbsp(fr.number(1234.5, 1))).toBe('1 234,5');
    expect(nbsp(fr.percent(0.576))).toBe('57,6 %');
  });

  it('never prints NaN or Infinity in any locale', () => {
    for (const f of [en, nl, fr]) {
      for (const bad of [Number.NaN, Infinity, null, undefined]) {
        expect(f.money(bad, 'EUR')).toBe('—');
        expect(f.number(bad)).toBe('—');
        expect(f.percent(bad)).toBe('—');
        expect(f.parameter(bad)).toBe('—');
      }
      expect(f.date('not a date')).toBe('—');
    }
  });

  it('rounds tiny negatives to an unsigned zero', () => {
    expect(nl.number(-0.0001, 2)).toBe('0,00');
    expect(en.money(-0.2, 'EUR')).toBe('€0');
  });

  it.each([['en', '.'], ['nl-BE', ','], ['fr-BE', ',']] as const)('%s: the decimal mark is the one Intl writes, and parameters are written with it', (locale, mark) => {
    const f = formatsFor(locale);
    expect(f.decimalMark).toBe(mark);
    expect(new Intl.NumberFormat(f.intlLocale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value).toBe(mark);
    expect(f.parameter(0.509)).toBe(`0${mark}509`);
  });
});
