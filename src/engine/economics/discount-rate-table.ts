// The discount rates a cohort model uses, one row of discount factors each (discountFactors), shared by the
// Markov and partitioned-survival compilers so that both number their rows alike.
import type { Settings } from '../model/schema';
import { costDiscount, effectDiscount } from './conventions';
import type { DiscountRateSpec } from './conventions';

export interface DiscountRateTable {
  /** Distinct rates in order of first use: row k of discountFactors(rates, ...) is rates[k]. */
  readonly rates: DiscountRateSpec[];
  /** The model's effect and cost rates (rows 0 and 1 when they differ, else both 0). */
  readonly effectRow: number;
  readonly costRow: number;
  /** The model's cost rate (settings.discount.costsSchedule or costs). */
  readonly baseCostRate: DiscountRateSpec;
  /** Row of a rate, added on first use (the same number or the same schedule object shares a row). */
  rowOf(rate: DiscountRateSpec): number;
  /** Row of a cost in `category`: its own rate if given, else the category's, else the model's cost rate. */
  costRowOf(category: string, ownRate?: number): number;
}

export function discountRateTable(settings: Settings, costCategories: readonly { id: string; discountRate?: number }[]): DiscountRateTable {
  const rates: DiscountRateSpec[] = [];
  const rowOf = (rate: DiscountRateSpec): number => {
    let i = rates.indexOf(rate);
    if (i < 0) i = rates.push(rate) - 1;
    return i;
  };
  const categoryRate = new Map(costCategories.map((c) => [c.id, c.discountRate]));
  const baseCostRate = costDiscount(settings);
  const effectRow = rowOf(effectDiscount(settings));
  const costRow = rowOf(baseCostRate);
  return {
    rates,
    effectRow,
    costRow,
    baseCostRate,
    rowOf,
    costRowOf: (category, ownRate) => rowOf(ownRate ?? categoryRate.get(category) ?? baseCostRate),
  };
}
