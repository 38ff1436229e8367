// How many inputs a tornado shows, and which: one rule for the screens, the report's charts and their data tables,
// so each lists the same inputs. Twelve bars keep a label beside each at the smallest window and on a report page.

export const TORNADO_INPUTS = 12;

/**
 * The inputs a tornado shows: those whose low and high runs both succeeded, widest swing first (ties keep their
 * order), at most TORNADO_INPUTS.
 */
export function widestSwings<T extends { swing: number | null }>(rows: readonly T[]): (T & { swing: number })[] {
  return rows
    .filter((r): r is T & { swing: number } => r.swing !== null)
    .sort((a, b) => b.swing - a.swing)
    .slice(0, TORNADO_INPUTS);
}
