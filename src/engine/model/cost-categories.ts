// Cost categories and cost entries as every compiler reads them.
import type { CostEntry, Expression } from './schema';

/** A cost entry's expression and its own discount rate (a bare expression has none). */
export function costValueOf(entry: CostEntry): { value: Expression; discountRate?: number } {
  return typeof entry === 'object' ? entry : { value: entry };
}

/** Declared cost categories, or (when none are declared) every category the cost maps use, in order of first use. */
export function categoriesInUse(declared: readonly { id: string }[], costMaps: Iterable<Record<string, unknown> | undefined>): string[] {
  if (declared.length > 0) return declared.map((c) => c.id);
  const seen = new Set<string>();
  for (const costs of costMaps) for (const k of Object.keys(costs ?? {})) seen.add(k);
  return [...seen];
}
