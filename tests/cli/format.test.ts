import { describe, expect, it } from 'vitest';
import { describeCycleLength, formatNumber } from '../../src/cli/format';

describe('CLI number formatting', () => {
  it('names cycle lengths as a person would', () => {
    expect(describeCycleLength(1)).toBe('1 year');
    expect(describeCycleLength(2)).toBe('2 years');
    expect(describeCycleLength(1 / 12)).toBe('1 month');
    expect(describeCycleLength(0.25)).toBe('3 months');
    expect(describeCycleLength(1 / 52)).toBe('1 week');
    expect(describeCycleLength(0.3)).toBe('0.3 years');
  });

  it('prints a dash for missing values and never a bare NaN from formatting', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(1234.5)).toBe('1,234.50');
  });
});
