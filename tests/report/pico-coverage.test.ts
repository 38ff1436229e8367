import { describe, expect, it } from 'vitest';
import { distinctiveWords, matchingStrategies } from '../../src/report/pico-coverage';

const strategies = [
  { id: 'tissue_only', label: 'Tissue-only NGS' },
  { id: 'plasma_first', label: 'Plasma-first NGS (tissue if plasma negative or no result)' },
  { id: 'concurrent', label: 'Concurrent plasma + tissue NGS' },
];
const ids = (text: string) => matchingStrategies(text, strategies).map((s) => s.id);

describe('PICO options matched to model strategies', () => {
  it('matches when every distinctive word of a strategy appears', () => {
    expect(ids('Tissue-only genotyping (single-gene tests or tissue NGS), with re-biopsy if tissue is insufficient')).toEqual(['tissue_only']);
    expect(ids('Plasma-first testing (tissue only if plasma is negative or uninformative)')).toEqual(['plasma_first']);
    expect(ids('Plasma ctDNA NGS concurrently with tissue genotyping (tissue + liquid biopsy)')).toEqual(['concurrent']);
  });

  it('keeps hyphenated words whole, so tissue-first is not plasma-first or tissue-only', () => {
    expect(ids('Tissue-first testing with plasma NGS if tissue is insufficient or negative')).toEqual([]);
  });

  it('finds nothing for options the model does not have', () => {
    expect(ids('No molecular diagnosis (first-line therapy without genotyping)')).toEqual([]);
    expect(ids('Plasma ctDNA NGS (comprehensive genomic profiling)')).toEqual([]);
  });

  it('ignores generic words and simple endings', () => {
    expect([...distinctiveWords('NGS testing of the tissue samples, concurrently')]).toEqual(['tissue', 'sample', 'concurrent']);
  });
});
