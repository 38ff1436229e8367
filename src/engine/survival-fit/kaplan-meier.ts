// Kaplan–Meier estimate with Greenwood standard errors, as R's survfit(Surv(time, event) ~ 1): one step per distinct
// time (event or censoring), events before censorings at tied times, std.err of the cumulative hazard
// sqrt(sum d / (n (n - d))), and confidence limits on the log scale (survfit's default conf.type "log"), capped at 1.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { SurvivalData } from './survival-data';

export interface KaplanMeier {
  time: number[];
  nRisk: number[];
  nEvent: number[];
  nCensor: number[];
  survival: number[];
  /** Greenwood standard error of log S (survfit's std.err); Infinity once S reaches 0. */
  stdErr: number[];
  lower: number[];
  upper: number[];
  confidenceLevel: number;
}

export function kaplanMeier(data: SurvivalData, confidenceLevel = 0.95): KaplanMeier {
  const order = Array.from(data.time.keys()).sort((i, j) => data.time[i]! - data.time[j]!);
  const z = normalQuantile(1 - (1 - confidenceLevel) / 2, 0, 1);
  const km: KaplanMeier = { time: [], nRisk: [], nEvent: [], nCensor: [], survival: [], stdErr: [], lower: [], upper: [], confidenceLevel };
  let atRisk = order.length;
  let survival = 1;
  let greenwood = 0;
  for (let k = 0; k < order.length; ) {
    const t = data.time[order[k]!]!;
    let events = 0;
    let censored = 0;
    for (; k < order.length && data.time[order[k]!] === t; k++) {
      if (data.event[order[k]!]) events++;
      else censored++;
    }
    survival *= 1 - events / atRisk;
    greenwood += events === atRisk ? Infinity : events / (atRisk * (atRisk - events));
    const se = Math.sqrt(greenwood);
    km.time.push(t);
    km.nRisk.push(atRisk);
    km.nEvent.push(events);
    km.nCensor.push(censored);
    km.survival.push(survival);
    km.stdErr.push(se);
    km.lower.push(survival > 0 && Number.isFinite(se) ? survival * Math.exp(-z * se) : 0);
    km.upper.push(survival > 0 && Number.isFinite(se) ? Math.min(1, survival * Math.exp(z * se)) : 0);
    atRisk -= events + censored;
  }
  return km;
}

/** Index of the last KM step at or before t, or -1 before the first step. */
function stepIndex(km: KaplanMeier, t: number): number {
  let lo = -1;
  let hi = km.time.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (km.time[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The KM survival at time t (right-continuous step function; 1 before the first step). */
export function kmSurvivalAt(km: KaplanMeier, t: number): number {
  const i = stepIndex(km, t);
  return i < 0 ? 1 : km.survival[i]!;
}

/** Numbers at risk just before each time (patients with time >= t), as printed under KM plots. */
export function numbersAtRisk(km: KaplanMeier, times: readonly number[]): number[] {
  return times.map((t) => {
    const i = stepIndex(km, t);
    const before = i >= 0 && km.time[i] === t ? i - 1 : i;
    if (before < 0) return km.nRisk[0] ?? 0;
    return km.nRisk[before]! - km.nEvent[before]! - km.nCensor[before]!;
  });
}

/** Median of the KM curve: the first time S <= 0.5 (survfit's rule, averaging when S is exactly 0.5 over a flat step); null if never reached. */
export function kmMedian(km: KaplanMeier): number | null {
  for (let i = 0; i < km.time.length; i++) {
    const s = km.survival[i]!;
    if (Math.abs(s - 0.5) < 1e-12) {
      const next = km.time.slice(i + 1).find((_, j) => km.nEvent[i + 1 + j]! > 0);
      return next === undefined ? km.time[i]! : (km.time[i]! + next) / 2;
    }
    if (s < 0.5) return km.time[i]!;
  }
  return null;
}
