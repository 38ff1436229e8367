import { describe, expect, it } from 'vitest';
import { formatIcer, formatMoney, formatMoneyChange, formatNumber, formatNumberChange, formatParameter, formatPercent } from '../../src/report/format';
import { parseParameterInput } from '../../src/renderer/models/parameter-input';

describe('result formats', () => {
  it('money in the model currency, whole units, thousands grouped', () => {
    expect(formatMoney(150038.69, 'EUR')).toBe('€150,039');
    expect(formatMoney(44663.45, 'GBP')).toBe('£44,663');
    expect(formatMoney(1234.5, undefined)).toBe('1,235');
    expect(formatMoney(-0.2, 'EUR')).toBe('€0');
  });
  it('never shows NaN or Infinity', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, null, undefined]) {
      expect(formatMoney(bad, 'EUR')).toBe('—');
      expect(formatNumber(bad)).toBe('—');
      expect(formatIcer(bad, 'EUR', 'qalys')).toBe('—');
      expect(formatParameter(bad)).toBe('—');
      expect(formatPercent(bad)).toBe('—');
    }
  });
  it('increments carry their sign', () => {
    expect(formatMoneyChange(1348.17, 'EUR')).toBe('+€1,348');
    expect(formatMoneyChange(-250, 'EUR')).toBe('−€250');
    expect(formatNumberChange(0.033677)).toBe('+0.0337');
    expect(formatNumberChange(-0.5, 2)).toBe('−0.50');
  });
  it('ICER with its unit', () => {
    expect(formatIcer(40032.15, 'EUR', 'qalys')).toBe('€40,032 per QALY');
    expect(formatIcer(6275.96, 'GBP', 'life-years')).toBe('£6,276 per life-year');
  });
  it('parameters with up to 6 significant digits', () => {
    expect(formatParameter(0.509)).toBe('0.509');
    expect(formatParameter(11800000)).toBe('11800000');
    expect(formatParameter(1 / 3)).toBe('0.333333');
    expect(formatParameter(0.00001234)).toBe('1.234e-5');
    expect(formatPercent(0.125)).toBe('12.5%');
  });
});

describe('parameter input', () => {
  const p = { id: 'p', kind: 'probability' as const };
  it('accepts plain numbers', () => {
    expect(parseParameterInput(' 0.25 ', p)).toEqual({ ok: true, value: 0.25 });
    expect(parseParameterInput('1e-3', p)).toEqual({ ok: true, value: 0.001 });
    expect(parseParameterInput('-12.5', { id: 'c', kind: 'cost' })).toEqual({ ok: true, value: -12.5 });
  });
  it('explains what is wrong instead of producing NaN', () => {
    expect(parseParameterInput('', p)).toEqual({ ok: false, error: 'Enter a number.' });
    expect(parseParameterInput('abc', p)).toEqual({ ok: false, error: '“abc” is not a number.' });
    expect(parseParameterInput('1,5', p).ok).toBe(false);
    expect(parseParameterInput('1,5', p)).toMatchObject({ error: expect.stringContaining('point for decimals') });
    expect(parseParameterInput('1.5', p)).toEqual({ ok: false, error: 'A probability must lie between 0 and 1.' });
    expect(parseParameterInput('-1', { id: 'hr', kind: 'hazard-ratio' })).toEqual({ ok: false, error: 'A hazard ratio cannot be negative.' });
    expect(parseParameterInput('1e999', p)).toEqual({ ok: false, error: 'The number is too large.' });
  });
});

describe('compact axis money', () => {
  it('abbreviates large amounts with the currency and keeps small ones whole', async () => {
    const { formatMoneyCompact } = await import('../../src/report/format');
    expect(formatMoneyCompact(240_000_000, 'EUR')).toBe('€240m');
    expect(formatMoneyCompact(12_500, 'EUR')).toBe('€12.5k');
    expect(formatMoneyCompact(-950, 'GBP')).toBe('-£950');
    expect(formatMoneyCompact(Number.NaN, 'EUR')).toBe('—');
  });
});

describe('ids as words', () => {
  it('capitalises and spaces', async () => {
    const { humanise } = await import('../../src/report/format');
    expect(humanise('adverse_events')).toBe('Adverse events');
    expect(humanise('PF')).toBe('PF');
    expect(humanise('')).toBe('');
  });
});

describe('dates, durations, sizes and counts', () => {
  it('read as people write them', async () => {
    const { formatBytes, formatCount, formatDuration } = await import('../../src/report/format');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4230)).toBe('4.2 s');
    expect(formatDuration(192_000)).toBe('3 min 12 s');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(3_640_000)).toBe('3.6 MB');
    expect(formatCount(10000)).toBe('10,000');
    expect(formatCount(Number.NaN)).toBe('—');
  });
});
