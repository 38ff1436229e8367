// Uptake curves (market shares per year) and the check that every world's shares sum to 100% each year.
import type { Uptake } from './bia-schema';

/** Tolerance on the sum of shares (shares are fractions). */
export const SHARE_SUM_TOLERANCE = 1e-6;

export interface ShareProblem {
  /** Relative to the world's `shares`, e.g. ['year 3'] or ['plasma_ngs', 'values']. */
  path: (string | number)[];
  message: string;
}

/**
 * Share of one strategy in budget year `year` (1-based), or 'rest'.
 * - constant: value;
 * - linear: from up to fromYear, to from toYear (default: horizon), straight line between;
 * - s-curve: from + (to − from) / (1 + exp(−steepness (year − midpoint))) (plain logistic, not rescaled);
 * - series: values[year − 1] (the last value carries on if the series is shorter; that is reported as a problem).
 */
export function uptakeShare(u: Uptake, year: number, horizon: number): number | 'rest' {
  if (u === 'rest') return 'rest';
  if (typeof u === 'number') return u;
  switch (u.shape) {
    case 'constant':
      return u.value;
    case 'linear': {
      const to = u.toYear ?? horizon;
      if (year <= u.fromYear) return to <= u.fromYear ? u.to : u.from;
      if (year >= to) return u.to;
      return u.from + ((u.to - u.from) * (year - u.fromYear)) / (to - u.fromYear);
    }
    case 's-curve':
      return u.from + (u.to - u.from) / (1 + Math.exp(-u.steepness * (year - u.midpoint)));
    case 'series':
      return u.values[Math.min(year, u.values.length) - 1]!;
  }
}

/** A copy of the uptake with its target share (constant value, linear/S-curve `to`) replaced; null if it has none. */
export function withTargetShare(u: Uptake, target: number): Uptake | null {
  if (typeof u === 'number') return target;
  if (u === 'rest' || u.shape === 'series') return null;
  if (u.shape === 'constant') return { ...u, value: target };
  return { ...u, to: target };
}

function percent(x: number): string {
  return `${+(x * 100).toPrecision(6)}%`;
}

/** Shares of every strategy, years 1..horizon (rows = years, in `ids` order), with 'rest' resolved. */
export function worldShareMatrix(shares: Record<string, Uptake>, horizon: number): { ids: string[]; byYear: number[][] } {
  const ids = Object.keys(shares);
  const byYear: number[][] = [];
  for (let y = 1; y <= horizon; y++) {
    const raw = ids.map((id) => uptakeShare(shares[id]!, y, horizon));
    const known = raw.reduce<number>((s, x) => (x === 'rest' ? s : s + x), 0);
    byYear.push(raw.map((x) => (x === 'rest' ? Math.max(0, 1 - known) : x)));
  }
  return { ids, byYear };
}

/** Every problem with a world's shares: sums other than 100% (located by year), short series, several 'rest'. */
export function worldShareProblems(shares: Record<string, Uptake>, horizon: number): ShareProblem[] {
  const problems: ShareProblem[] = [];
  const ids = Object.keys(shares);
  if (ids.length === 0) return [{ path: [], message: 'give the share of at least one strategy' }];
  const rests = ids.filter((id) => shares[id] === 'rest');
  if (rests.length > 1) problems.push({ path: [rests[1]!], message: `only one strategy can take the rest; ${rests.join(' and ')} both do` });
  for (const id of ids) {
    const u = shares[id]!;
    if (typeof u === 'object' && u.shape === 'series' && u.values.length < horizon) {
      problems.push({ path: [id, 'values'], message: `series gives ${u.values.length} year(s), the horizon has ${horizon}` });
    }
    if (typeof u === 'object' && u.shape === 'linear' && u.toYear !== undefined && u.toYear < u.fromYear) {
      problems.push({ path: [id, 'toYear'], message: `toYear ${u.toYear} is before fromYear ${u.fromYear}` });
    }
  }
  for (let y = 1; y <= horizon; y++) {
    const raw = ids.map((id) => uptakeShare(shares[id]!, y, horizon));
    const known = raw.reduce<number>((s, x) => (x === 'rest' ? s : s + x), 0);
    if (rests.length > 0) {
      if (known > 1 + SHARE_SUM_TOLERANCE) problems.push({ path: [`year ${y}`], message: `shares other than ${rests[0]} sum to ${percent(known)}, above 100%, leaving nothing for ${rests[0]}` });
    } else if (Math.abs(known - 1) > SHARE_SUM_TOLERANCE) {
      problems.push({ path: [`year ${y}`], message: `shares sum to ${percent(known)}, expected 100%` });
    }
  }
  return problems;
}

function pct(x: number): string {
  return `${+(x * 100).toPrecision(4)}%`;
}

/** The uptake rule in words, e.g. "linear: 20% up to year 1, 60% from year 5", for reports. */
export function describeUptake(u: Uptake, horizon: number): string {
  if (u === 'rest') return 'rest (100% minus the other strategies)';
  if (typeof u === 'number') return `constant ${pct(u)}`;
  switch (u.shape) {
    case 'constant':
      return `constant ${pct(u.value)}`;
    case 'linear':
      return `linear: ${pct(u.from)} up to year ${u.fromYear}, ${pct(u.to)} from year ${u.toYear ?? horizon}`;
    case 's-curve':
      return `S-curve (logistic): ${pct(u.from)} + (${pct(u.to)} − ${pct(u.from)}) / (1 + exp(−${u.steepness} × (year − ${u.midpoint})))`;
    case 'series':
      return `series: ${u.values.map(pct).join(', ')}`;
  }
}
