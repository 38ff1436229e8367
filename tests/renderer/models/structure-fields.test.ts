import { describe, expect, it } from 'vitest';
import { readExpressionInput } from '../../../src/renderer/models/structure-fields';

describe('readExpressionInput', () => {
  it('reads a decimal comma as the number in French and Dutch, where the parameter table writes "0,15"', () => {
    expect(readExpressionInput('0,15', 'fr-BE')).toBe(0.15);
    expect(readExpressionInput(' -2,5 ', 'nl-BE')).toBe(-2.5);
    expect(readExpressionInput('\u22122,5', 'fr-BE')).toBe(-2.5);
  });

  it('reads numbers and expressions as the model format writes them in every language', () => {
    for (const locale of ['en', 'fr-BE', 'nl-BE'] as const) {
      expect(readExpressionInput('0.15', locale)).toBe(0.15);
      // A point is the expression language's decimal sign, never a thousands separator here.
      expect(readExpressionInput('1.250', locale)).toBe(1.25);
      expect(readExpressionInput('p_AB * rr', locale)).toBe('p_AB * rr');
      expect(readExpressionInput('max(0,15)', locale)).toBe('max(0,15)');
      expect(readExpressionInput('', locale)).toBeNull();
    }
  });

  it('leaves a comma in English as typed, for the validation to report', () => {
    expect(readExpressionInput('0,15', 'en')).toBe('0,15');
    // Grouped numbers are not plain decimals: they stay text rather than becoming a guess.
    expect(readExpressionInput('1.250,5', 'nl-BE')).toBe('1.250,5');
  });
});
