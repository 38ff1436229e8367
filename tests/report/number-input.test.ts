import { describe, expect, it } from 'vitest';
import { formatsFor, reportLocales } from '../../src/report/format';
import { parseNumber } from '../../src/report/number-input';
import { translator } from '../../src/report/i18n/translate';

describe('one rule for typed numbers, by display language', () => {
  it('English: comma thousands, point decimals', () => {
    expect(parseNumber('10,000', 'en')).toEqual({ ok: true, value: 10000 });
    expect(parseNumber('0.85', 'en')).toEqual({ ok: true, value: 0.85 });
    expect(parseNumber(' 1,250.5 ', 'en')).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumber('.5', 'en')).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber('1e-5', 'en')).toEqual({ ok: true, value: 1e-5 });
    expect(parseNumber('−12.5', 'en')).toEqual({ ok: true, value: -12.5 });
    expect(parseNumber('+3', 'en')).toEqual({ ok: true, value: 3 });
    expect(parseNumber('1,5', 'en')).toEqual({ ok: false, error: 'Use a point for decimals (e.g. 1,250.5).' });
    expect(parseNumber('10,00', 'en').ok).toBe(false);
  });

  it('Dutch and French (Belgium): comma decimals, point or space thousands', () => {
    expect(parseNumber('0,85', 'nl-BE')).toEqual({ ok: true, value: 0.85 });
    expect(parseNumber('10.000', 'nl-BE')).toEqual({ ok: true, value: 10000 });
    expect(parseNumber('1.250,5', 'nl-BE')).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumber('0.85', 'nl-BE')).toEqual({ ok: false, error: 'Use a comma for decimals (e.g. 1.250,5).' });
    expect(parseNumber('0,85', 'fr-BE')).toEqual({ ok: true, value: 0.85 });
    expect(parseNumber('10 000', 'fr-BE')).toEqual({ ok: true, value: 10000 });
    expect(parseNumber('10\u202f000,25', 'fr-BE')).toEqual({ ok: true, value: 10000.25 });
    expect(parseNumber('2,5E3', 'fr-BE')).toEqual({ ok: true, value: 2500 });
  });

  it('reads back what the formatter of the same language writes', () => {
    for (const locale of reportLocales) {
      const f = formatsFor(locale);
      for (const v of [0, 0.85, -12.5, 1234.25, -98765.4, 0.00001234, 11800000]) {
        expect(parseNumber(f.parameter(v), locale)).toEqual({ ok: true, value: v });
        expect(parseNumber(f.number(v, 2), locale)).toEqual({ ok: true, value: Number(v.toFixed(2)) });
      }
    }
  });

  it('explains what is wrong instead of producing NaN', () => {
    expect(parseNumber('', 'en')).toEqual({ ok: false, error: 'Enter a number (e.g. 1,250.5).' });
    expect(parseNumber('abc', 'en')).toEqual({ ok: false, error: '“abc” is not a number.' });
    expect(parseNumber('1e999', 'en')).toEqual({ ok: false, error: 'The number is too large.' });
    expect(parseNumber('.', 'en').ok).toBe(false);
    expect(parseNumber('1.5', 'en', { whole: true, what: 'Seed' })).toEqual({ ok: false, error: 'Seed must be a whole number.' });
    expect(parseNumber('5', 'en', { whole: true, min: 10, max: 100000, what: 'Iterations' })).toEqual({ ok: false, error: 'Iterations must be between 10 and 100,000.' });
    expect(parseNumber('5', 'nl-BE', { whole: true, min: 10, max: 100000, what: 'Iterations' })).toEqual({ ok: false, error: 'Iterations must be between 10 and 100.000.' });
    expect(parseNumber('-1', 'en', { min: 0, what: 'The threshold' })).toEqual({ ok: false, error: 'The threshold must be 0 or more.' });
  });
});

describe('number display by language', () => {
  it('negative numbers carry the minus sign, not a hyphen', () => {
    const en = formatsFor('en');
    expect(en.money(-250, 'EUR')).toBe('−€250');
    expect(en.number(-0.5, 2)).toBe('−0.50');
    expect(en.percent(-0.125)).toBe('−12.5%');
    expect(en.parameter(-3)).toBe('−3');
    expect(formatsFor('nl-BE').money(-1234.5, 'EUR', 2)).toBe('€\u00a0−1.234,50');
  });

  it('a money axis keeps one style for all its ticks', () => {
    const en = formatsFor('en');
    const thousands = en.moneyAxis(40000, 'EUR');
    expect([0, 5000, 10000, 40000, -5000].map(thousands)).toEqual(['€0k', '€5k', '€10k', '€40k', '−€5k']);
    const small = en.moneyAxis(950, 'EUR');
    expect([0, 500, 950].map(small)).toEqual(['€0', '€500', '€950']);
    const millions = en.moneyAxis(2_500_000, 'EUR');
    expect([500_000, 2_500_000].map(millions)).toEqual(['€0.5m', '€2.5m']);
    // Ticks at 2.5m steps on a 15m axis are not rounded to whole millions.
    expect([0, 2_500_000, 12_500_000].map(en.moneyAxis(14_000_000, 'EUR'))).toEqual(['€0m', '€2.5m', '€12.5m']);
    expect([250_000, 750_000].map(en.moneyAxis(1_000_000, 'EUR'))).toEqual(['€0.25m', '€0.75m']);
    expect(formatsFor('fr-BE').moneyAxis(40000, 'EUR')(5000)).toBe('5\u00a0k\u00a0€');

  });

  it('a money axis of small amounts keeps the decimals its ticks need (never "€0, €0, €1")', () => {
    const en = formatsFor('en');
    // An EVPPI of cents: ticks at 0.25 steps; all-zero bars get the default 0–1 axis.
    for (const max of [0.8, 0]) expect([0, 0.25, 0.5, 0.75, 1].map(en.moneyAxis(max, 'EUR'))).toEqual(['€0', '€0.25', '€0.5', '€0.75', '€1']);
    expect([0, 1.25, 2.5, 5].map(en.moneyAxis(5, 'EUR'))).toEqual(['€0', '€1.25', '€2.5', '€5']);
    expect([0, 0.002, 0.004].map(en.moneyAxis(0.004, 'EUR'))).toEqual(['€0', '€0.002', '€0.004']);
    expect([0, 20, 40, 60].map(en.moneyAxis(60, 'EUR'))).toEqual(['€0', '€20', '€40', '€60']);
    expect([-0.5, 0.5].map(en.moneyAxis(0.5, 'EUR'))).toEqual(['−€0.5', '€0.5']);
    expect(formatsFor('nl-BE').moneyAxis(0.8, 'EUR')(0.25)).toBe('€\u00a00,25');
  });
});

describe('the reader’s messages in the display language', () => {
  it('says what is wrong in French and Dutch, and in English by default', () => {
    expect(parseNumber('0.85', 'fr-BE', {}, translator('fr-BE'))).toEqual({ ok: false, error: 'Utilisez une virgule pour les décimales (p. ex. 1 250,5).' });
    expect(parseNumber('0.85', 'fr-BE')).toEqual({ ok: false, error: 'Use a comma for decimals (e.g. 1 250,5).' });
    expect(parseNumber('abc', 'nl-BE', {}, translator('nl-BE'))).toEqual({ ok: false, error: '‘abc’ is geen getal.' });
    expect(parseNumber('5', 'nl-BE', { whole: true, min: 10, max: 100, what: 'Trekkingen' }, translator('nl-BE'))).toEqual({ ok: false, error: 'Trekkingen: een waarde van 10 tot 100 wordt verwacht.' });
    expect(parseNumber('2,5', 'fr-BE', { whole: true }, translator('fr-BE'))).toEqual({ ok: false, error: 'Le nombre : un nombre entier est attendu.' });
  });
});
