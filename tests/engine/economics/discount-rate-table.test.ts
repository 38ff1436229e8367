import { describe, expect, it } from 'vitest';
import { discountRateTable } from '../../../src/engine/economics/discount-rate-table';
import type { Settings } from '../../../src/engine/model/schema';

const settings = (discount: Partial<Settings['discount']>): Settings => ({ discount: { costs: 0.03, effects: 0.015, firstCycleDiscounted: false, ...discount } }) as Settings;

describe('discount-rate table', () => {
  it('numbers the effect rate, then the cost rate, then each further rate on first use', () => {
    const table = discountRateTable(settings({}), [{ id: 'drug', discountRate: 0.05 }, { id: 'care' }]);
    expect([table.effectRow, table.costRow]).toEqual([0, 1]);
    expect(table.costRowOf('care')).toBe(1);
    expect(table.costRowOf('drug')).toBe(2);
    expect(table.costRowOf('care', 0)).toBe(3);
    // A value's own rate beats its category's; a rate already in use keeps its row.
    expect(table.costRowOf('drug', 0.015)).toBe(0);
    expect(table.rowOf(0.05)).toBe(2);
    expect(table.rates).toEqual([0.015, 0.03, 0.05, 0]);
  });

  it('equal effect and cost rates share one row; a schedule replaces the cost rate', () => {
    expect(discountRateTable(settings({ costs: 0.015 }), []).costRow).toBe(0);
    const schedule = [{ fromYear: 0, rate: 0.04 }];
    const table = discountRateTable(settings({ costsSchedule: schedule } as Partial<Settings['discount']>), []);
    expect(table.baseCostRate).toBe(schedule);
    expect(table.rates[table.costRowOf('any')]).toBe(schedule);
  });
});
