// A signed amount on screen never breaks after its sign: "−€250" and "+£2,000" keep the sign with the currency symbol
// (a line may otherwise break between the two prefixes), whatever the display language.
import { afterEach, describe, expect, it } from 'vitest';
import { formatIcer, formatMoney, formatMoneyChange, formatMoneyCompact, setDisplayLanguageFormats, signedUnbroken } from '../../src/renderer/settings/display-format';

const joiner = '\u2060';

describe('signed amounts in screen text', () => {
  afterEach(() => setDisplayLanguageFormats('en'));

  it('joins a sign to the currency symbol after it', () => {
    expect(formatMoneyChange(-250, 'EUR')).toBe(`−${joiner}€250`);
    expect(formatMoneyChange(2000, 'GBP')).toBe(`+${joiner}£2,000`);
    expect(formatMoney(-1505, 'EUR')).toBe(`−${joiner}€1,505`);
    expect(formatMoneyCompact(-2_500_000, 'EUR')).toMatch(new RegExp(`^−${joiner}€`));
    expect(formatIcer(-1234, 'EUR', 'qalys')).toMatch(new RegExp(`^−${joiner}€1,234`));
  });

  it('leaves a sign before a digit alone (no break there) and unsigned text unchanged', () => {
    setDisplayLanguageFormats('fr-BE');
    expect(formatMoneyChange(-250, 'EUR')).not.toContain(joiner);
    expect(formatMoney(250, 'EUR')).not.toContain(joiner);
    expect(signedUnbroken('base-case +5 years')).toBe('base-case +5 years');
  });
});
