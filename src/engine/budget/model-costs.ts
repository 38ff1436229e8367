// Linking rule: the model's undiscounted cost per person per counted cycle (result.costPerCycle) becomes a cost
// per patient by year since start. Counted cycle c (1-based) of length L years covers years since entry
// [(c − 1)·L, c·L); its cost is assigned to budget years since start in proportion to the overlap of that
// interval with each year [k − 1, k). So sub-annual cycles are summed into their year, annual cycles map one to
// one, and a longer cycle is spread evenly over the years it spans. Point counting methods (trapezoidal,
// half-cycle, Simpson) count trace rows 0..T as rows 1..T+1 and follow the same rule.

export const LINKED_COST_RULE =
  'model cycle c (length L years) covers years since entry (c−1)·L to c·L; its undiscounted cost per person (costPerCycle) is assigned to years since start in proportion to overlap: sub-annual cycles are summed into their year, annual cycles map one to one, longer cycles are spread evenly';

/** years × categories, row-major: cost per patient in year since start k (row k − 1). */
export function costsByYearSinceStart(costPerCycle: Float64Array, valueCycles: number, categories: number, cycleLength: number, years: number): Float64Array {
  const out = new Float64Array(years * categories);
  for (let c = 1; c <= valueCycles; c++) {
    const start = (c - 1) * cycleLength;
    const end = c * cycleLength;
    const firstYear = Math.floor(start + 1e-9) + 1;
    for (let k = firstYear; k <= years && k - 1 < end - 1e-9; k++) {
      const overlap = Math.min(end, k) - Math.max(start, k - 1);
      if (overlap <= 0) continue;
      const weight = overlap / cycleLength;
      for (let cat = 0; cat < categories; cat++) {
        const i = (k - 1) * categories + cat;
        out[i] = out[i]! + weight * costPerCycle[(c - 1) * categories + cat]!;
      }
    }
  }
  return out;
}

/** Years since entry covered by the model (its last counted cycle ends there). */
export function modelYearsCovered(valueCycles: number, cycleLength: number): number {
  return valueCycles * cycleLength;
}
