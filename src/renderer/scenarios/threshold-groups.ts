// The scenario results' PSA probabilities, one column per willingness-to-pay threshold: more thresholds than fit
// side by side at the minimum window are laid out in row groups of near-equal size, each a table of its own.

/** Thresholds side by side in one table: five fit beside the strategy names at 1024 px (in every display language). */
export const PSA_COLUMNS = 5;

/** `values` in order, in as few groups of at most `max` as possible, of sizes differing by one at most (10 → 5 + 5, 8 → 4 + 4, 7 → 4 + 3). */
export function evenGroups<T>(values: readonly T[], max = PSA_COLUMNS): T[][] {
  if (values.length === 0) return [];
  const count = Math.ceil(values.length / max);
  const size = Math.floor(values.length / count);
  const larger = values.length % count;
  const groups: T[][] = [];
  let start = 0;
  for (let g = 0; g < count; g++) {
    const n = size + (g < larger ? 1 : 0);
    groups.push(values.slice(start, start + n));
    start += n;
  }
  return groups;
}
