import { describe, expect, it } from 'vitest';
import { englishFragments, englishIn } from '../e2e/language-check';
import { en } from '../../src/report/i18n/messages-en';
import { fr } from '../../src/report/i18n/messages-fr';

// englishIn passes over fragments absent from the text before building any pattern (it spent 0.1–3 s of CPU per
// call building them all); what it finds is unchanged: every fragment found as a whole word, and no other.

const wholeWordIn = (text: string, fragment: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}_])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_])`, 'u').test(text);

describe('englishIn', () => {
  it('finds exactly the fragments present as whole words', () => {
    const fragments = englishFragments(fr);
    // English texts of the catalogue, a fragment glued into an identifier, and French around them.
    const english = Object.values(en).slice(0, 400);
    const text = ['Courbes de survie', ...english, `${fragments[0]}_suffix`, `x${fragments[1]}`, 'Tout est enregistré'].join('\n');
    const found = englishIn(text, fr);
    expect(found).toEqual(fragments.filter((f) => wholeWordIn(text, f)));
    expect(found.length).toBeGreaterThan(50);
    expect(englishIn('Courbes de survie\nTout est enregistré', fr)).toEqual([]);
  });

  it('does not take a fragment inside a longer word or a snake_case id', () => {
    const fragment = englishFragments(fr).find((f) => /^[a-z]+$/.test(f))!;
    expect(englishIn(`${fragment}_rate and x${fragment}`, fr)).not.toContain(fragment);
    expect(englishIn(`(${fragment})`, fr)).toContain(fragment);
  });
});
