import { describe, expect, it } from 'vitest';
import { englishFragments, englishIn } from '../e2e/language-check';
import { en } from '../../src/report/i18n/messages-en';
import { fr } from '../../src/report/i18n/messages-fr';

// The e2e "no English on this screen" check must still find what it looks for (it only asserts emptiness there).
describe('englishIn', () => {
  const fragment = englishFragments(fr).find((f) => f.includes(' ') && /^[A-Z]/.test(f))!;

  it('finds an English catalogue fragment as whole words, not inside a longer word or identifier', () => {
    expect(fragment).toBeDefined();
    expect(englishIn(`Titre\n${fragment}\nFin`, fr)).toContain(fragment);
    expect(englishIn(`x${fragment}`, fr)).not.toContain(fragment);
    expect(englishIn(`${fragment}_id`, fr)).not.toContain(fragment);
  });

  it('finds nothing in the French catalogue texts of the same keys', () => {
    const keys = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k].includes(fragment));
    expect(keys.length).toBeGreaterThan(0);
    expect(englishIn(keys.map((k) => fr[k]).join('\n'), fr)).toEqual([]);
  });
});
