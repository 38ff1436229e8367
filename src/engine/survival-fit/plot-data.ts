// What the Survival screen draws, computed in the engine (worker) so the screen only plots: the Kaplan–Meier steps
// with their confidence band beside the fitted curves (to an extrapolation horizon), empirical and fitted hazards,
// log cumulative hazard against log time (straight for a Weibull, parallel lines for proportional hazards), and
// numbers at risk at round times.
import { logDensityAndSurvival } from './distributions';
import type { FitDistribution } from './distributions';
import type { SurvivalFit } from './fit';
import { kmSurvivalAt, numbersAtRisk } from './kaplan-meier';
import type { KaplanMeier } from './kaplan-meier';
import type { SurvivalData } from './survival-data';

export type PlotRow = Record<string, number | null | [number, number]>;

export interface SurvivalPlot {
  /** Rows { t, km, kmBand: [lower, upper], <distribution>: S(t) }; km null beyond follow-up. */
  survival: PlotRow[];
  /** Rows { t, empirical, <distribution>: h(t) }; empirical is piecewise constant (events / person-time). */
  hazard: PlotRow[];
  /** Rows { logT, km, <distribution>: log H(t) }; km only at event times. */
  logCumulativeHazard: PlotRow[];
  atRisk: { time: number[]; nRisk: number[] };
  maxTime: number;
  horizon: number;
}

/** Round tick spacing (1, 2, 2.5 or 5 times a power of ten) giving about `count` ticks up to `max`. */
export function niceStep(max: number, count = 6): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10) * power;
}

function fitValues(fits: readonly SurvivalFit[], t: number, pick: (logDensity: number, logSurvival: number) => number | null): Record<string, number | null> {
  const row: Record<string, number | null> = {};
  for (const f of fits) {
    if (t <= 0) {
      row[f.distribution] = null;
      continue;
    }
    const { logDensity, logSurvival } = logDensityAndSurvival(f.distribution as FitDistribution, Object.values(f.parameters), t);
    const v = pick(logDensity, logSurvival);
    row[f.distribution] = v !== null && Number.isFinite(v) ? v : null;
  }
  return row;
}

/** Events / person-time on equal intervals (about five events each, 4 to 12 intervals) up to the last time. */
function empiricalHazard(data: SurvivalData, maxTime: number, events: number): { start: number; end: number; rate: number }[] {
  const count = Math.min(12, Math.max(4, Math.round(events / 5)));
  const width = maxTime / count;
  return Array.from({ length: count }, (_, j) => {
    const start = j * width;
    const end = j === count - 1 ? maxTime : start + width;
    let d = 0;
    let exposure = 0;
    for (let i = 0; i < data.time.length; i++) {
      const t = data.time[i]!;
      if (t <= start) continue;
      exposure += Math.min(t, end) - start;
      if (t <= end && data.event[i]) d++;
    }
    return { start, end, rate: exposure > 0 ? d / exposure : 0 };
  });
}

export function survivalPlotData(data: SurvivalData, km: KaplanMeier, fits: readonly SurvivalFit[], horizon: number, points = 160): SurvivalPlot {
  const usable = fits.filter((f) => f.converged);
  const maxTime = km.time[km.time.length - 1] ?? 0;
  const end = Math.max(horizon, maxTime);
  const grid = Array.from({ length: points + 1 }, (_, k) => (k * end) / points);
  // KM steps need their own x values: the row at a step time holds the value after the step.
  const xs = [...new Set([...grid, ...km.time])].sort((a, b) => a - b);
  const kmIndex = (t: number): number => {
    let lo = -1;
    for (let i = 0; i < km.time.length && km.time[i]! <= t; i++) lo = i;
    return lo;
  };
  const survival = xs.map((t): PlotRow => {
    const i = kmIndex(t);
    const within = t <= maxTime;
    return {
      t,
      km: within ? kmSurvivalAt(km, t) : null,
      kmBand: within ? (i < 0 ? [1, 1] : [km.lower[i]!, km.upper[i]!]) : null,
      ...(t === 0 ? Object.fromEntries(usable.map((f) => [f.distribution, 1])) : fitValues(usable, t, (_, logS) => Math.exp(logS))),
    };
  });

  const events = data.event.reduce((a, b) => a + b, 0);
  const intervals = empiricalHazard(data, maxTime, events);
  const hazardAt = (t: number): number | null => {
    if (t > maxTime) return null;
    const interval = intervals.find((iv) => t >= iv.start && t < iv.end) ?? intervals[intervals.length - 1];
    return interval ? interval.rate : null;
  };
  const hazardXs = [...new Set([...grid.filter((t) => t > 0), ...intervals.map((iv) => iv.start).filter((t) => t > 0)])].sort((a, b) => a - b);
  const hazard = hazardXs.map((t): PlotRow => ({ t, empirical: hazardAt(t), ...fitValues(usable, t, (logF, logS) => Math.exp(logF - logS)) }));

  const positive = data.time.reduce((m, t) => Math.min(m, t), Infinity);
  const logStart = Math.log(positive);
  const logEnd = Math.log(end);
  const logGrid = Array.from({ length: points + 1 }, (_, k) => logStart + ((logEnd - logStart) * k) / points);
  const kmPoints = km.time.flatMap((t, i) => (km.nEvent[i]! > 0 && km.survival[i]! > 0 && km.survival[i]! < 1 ? [{ logT: Math.log(t), value: Math.log(-Math.log(km.survival[i]!)) }] : []));
  const logRows = new Map<number, PlotRow>();
  for (const logT of logGrid) logRows.set(logT, { logT, km: null, ...fitValues(usable, Math.exp(logT), (_, logS) => Math.log(-logS)) });
  for (const p of kmPoints) logRows.set(p.logT, { ...(logRows.get(p.logT) ?? fitValues(usable, Math.exp(p.logT), (_, logS) => Math.log(-logS))), logT: p.logT, km: p.value });
  const logCumulativeHazard = [...logRows.values()].sort((a, b) => (a.logT as number) - (b.logT as number));

  const step = niceStep(maxTime);
  const ticks = Array.from({ length: Math.floor(maxTime / step) + 1 }, (_, k) => +(k * step).toPrecision(12));
  return { survival, hazard, logCumulativeHazard, atRisk: { time: ticks, nRisk: numbersAtRisk(km, ticks) }, maxTime, horizon: end };
}
