// The budget impact cost calculator on resolved numbers (no expressions, no model): incident cohorts enter each
// year with that year's strategy mix and carry their costs forward by year since start; an optional prevalent
// cohort is in the pathway from the start. ISPOR good practice: undiscounted unless a rate is given.

export interface BudgetInputs {
  horizon: number;
  /** Annual rate; budget year y is divided by (1 + r)^(y − 1). */
  discountRate: number;
  /** Patients entering in budget year y (index y − 1). */
  entrants: number[];
  prevalent: { count: number; yearSinceStart: number } | null;
  strategyIds: string[];
  categoryIds: string[];
  /** Per strategy: (years since start) × categories, row-major; years beyond the array cost 0. */
  costs: Float64Array[];
  /** Per strategy: share of its entering patients with each outcome (NaN: outcome not defined for the strategy). */
  outcomeShares: number[][];
  outcomeIds: string[];
  /** Shares by world: rows = budget years, columns = strategyIds order. */
  shares: { current: number[][]; new: number[][] };
}

export interface WorldBudget {
  /** Budget year y (index y − 1): total cost (discounted if a rate is given). */
  total: number[];
  /** [year][category] */
  byCategory: number[][];
  /** [year][strategy] */
  byStrategy: number[][];
  /** Incident patients entering per strategy: [year][strategy]. */
  patients: number[][];
  /** Incident patients with each outcome: [year][outcome] (NaN when some patients are on a strategy that does not define it). */
  outcomes: number[][];
}

export interface BudgetTotals {
  current: WorldBudget;
  new: WorldBudget;
  /** new − current per year. */
  impact: number[];
  discountFactors: number[];
}

function costAt(costs: Float64Array, yearSinceStart: number, cat: number, nCat: number): number {
  const i = (yearSinceStart - 1) * nCat + cat;
  return i < costs.length ? costs[i]! : 0;
}

function worldBudget(inp: BudgetInputs, shares: number[][], discount: number[]): WorldBudget {
  const H = inp.horizon;
  const nS = inp.strategyIds.length;
  const nC = inp.categoryIds.length;
  const nO = inp.outcomeIds.length;
  const total = new Array<number>(H).fill(0);
  const byCategory = Array.from({ length: H }, () => new Array<number>(nC).fill(0));
  const byStrategy = Array.from({ length: H }, () => new Array<number>(nS).fill(0));
  const patients = Array.from({ length: H }, (_, e) => shares[e]!.map((sh) => inp.entrants[e]! * sh));
  const outcomes = patients.map((row) =>
    inp.outcomeIds.map((_, o) => {
      // Unknown (NaN) when patients are on a strategy that does not define the outcome, or none defines it.
      let n = 0;
      let defined = false;
      let missing = false;
      row.forEach((p, s) => {
        const x = inp.outcomeShares[s]![o]!;
        if (Number.isNaN(x)) {
          if (p > 0) missing = true;
          return;
        }
        defined = true;
        n += p * x;
      });
      return defined && !missing ? n : NaN;
    }),
  );
  const add = (year: number, s: number, people: number, yearSinceStart: number): void => {
    if (people === 0) return;
    for (let c = 0; c < nC; c++) {
      const x = people * costAt(inp.costs[s]!, yearSinceStart, c, nC) * discount[year - 1]!;
      const cat = byCategory[year - 1]!;
      const strat = byStrategy[year - 1]!;
      cat[c] = cat[c]! + x;
      strat[s] = strat[s]! + x;
      total[year - 1] = total[year - 1]! + x;
    }
  };
  for (let y = 1; y <= H; y++) {
    // Cohort entering in year e (1..y) is in year since start y − e + 1, on the mix of its entry year.
    for (let e = 1; e <= y; e++) for (let s = 0; s < nS; s++) add(y, s, patients[e - 1]![s]!, y - e + 1);
    if (inp.prevalent) for (let s = 0; s < nS; s++) add(y, s, inp.prevalent.count * shares[0]![s]!, inp.prevalent.yearSinceStart + y - 1);
  }
  if (nO === 0) return { total, byCategory, byStrategy, patients, outcomes: patients.map(() => []) };
  return { total, byCategory, byStrategy, patients, outcomes };
}

/** Budgets of the current and new world, and the impact per year. */
export function computeBudget(inp: BudgetInputs): BudgetTotals {
  const discount = Array.from({ length: inp.horizon }, (_, i) => 1 / (1 + inp.discountRate) ** i);
  const current = worldBudget(inp, inp.shares.current, discount);
  const next = worldBudget(inp, inp.shares.new, discount);
  return { current, new: next, impact: current.total.map((c, i) => next.total[i]! - c), discountFactors: discount };
}
