// Reconstruction of individual patient data from a published Kaplan–Meier curve: Guyot, Ades, Ouwens & Welton
// (2012), "Enhanced secondary analysis of survival data: reconstructing the data from published Kaplan-Meier
// survival curves", BMC Med Res Methodol 12:9. Input: digitised (time, survival) points of the curve, the published
// numbers at risk (time 0 first) and, when reported, the total number of events. Within each interval between
// risk-table times, censorings are spread evenly and their number adjusted until the reconstructed number at risk
// at the next risk time matches the published one; events at each digitised point are what makes the rebuilt KM
// follow the curve. The last interval gets the average censoring rate of the earlier ones, adjusted so that the
// total events match when known. Then the reconstructed KM is compared with the digitised points.
import { kaplanMeier, kmSurvivalAt, numbersAtRisk } from './kaplan-meier';
import { survivalData } from './survival-data';
import type { SurvivalData } from './survival-data';
import type { ProblemDetail } from '../../shared/problem-detail';

export interface DigitisedCurve {
  time: readonly number[];
  /** Survival as a proportion (0 to 1); percentages (max above 1.5) are converted, with a note. */
  survival: readonly number[];
}

export interface RiskTable {
  /** Increasing times, starting at 0. */
  time: readonly number[];
  nRisk: readonly number[];
}

export interface ReconstructionCheck {
  /** Largest |reconstructed KM - digitised survival| over the digitised points, and where. */
  maxDifference: number;
  atTime: number;
  points: { time: number; digitised: number; reconstructed: number }[];
  atRisk: { time: number; published: number; reconstructed: number }[];
  /** Events in the reconstructed data, and the published total when given. */
  events: number;
  publishedEvents: number | null;
}

export interface Reconstruction {
  data: SurvivalData;
  check: ReconstructionCheck;
  /** What was changed in the input or could not be matched, in words. */
  notes: string[];
  /** The same notes as data (code and values), one per note, for screens that word them in their language. */
  noteDetails: ProblemDetail[];
}

export class ReconstructionError extends Error {
  constructor(
    message: string,
    /** The problem as data, for screens that word it in their language (src/report/file-problems.ts). */
    readonly detail?: ProblemDetail,
  ) {
    super(message);
    this.name = 'ReconstructionError';
  }
}

type Values = Record<string, number>;

/** A problem of the input: the English message (the CLI's) and its code ("reconstruct-…") and values. */
function problem(code: string, values: Values, message: string): ReconstructionError {
  return new ReconstructionError(message, { code: `reconstruct-${code}`, values });
}

/** Notes in English and as data, side by side. */
class Notes {
  readonly messages: string[] = [];
  readonly details: ProblemDetail[] = [];
  add(code: string, values: Values, message: string): void {
    this.messages.push(message);
    this.details.push({ code: `reconstruct-note-${code}`, values });
  }
}

const MAX_ADJUSTMENTS = 10_000;

/** R's round(): half to even, so counts match the published R code. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

interface CleanCurve {
  t: number[];
  s: number[];
}

/** Sorted, one point per time (the lowest survival: the foot of a drop), survival non-increasing, (0, 1) first. */
function cleanCurve(curve: DigitisedCurve, notes: Notes): CleanCurve {
  if (curve.time.length !== curve.survival.length) throw problem('curve-lengths', { times: curve.time.length, values: curve.survival.length }, `the curve has ${curve.time.length} times but ${curve.survival.length} survival values`);
  if (curve.time.length === 0) throw problem('curve-empty', {}, 'the digitised curve has no points');
  curve.time.forEach((t, i) => {
    if (!(Number.isFinite(t) && t >= 0)) throw problem('curve-time', { point: i + 1, value: t }, `curve point ${i + 1}: time must be a number >= 0 (got ${t})`);
    const s = curve.survival[i]!;
    if (!Number.isFinite(s) || s < 0) throw problem('curve-survival', { point: i + 1, value: s }, `curve point ${i + 1}: survival must be a number >= 0 (got ${s})`);
  });
  const percent = Math.max(...curve.survival) > 1.5;
  if (percent) notes.add('percentages', {}, 'survival values above 1.5 were read as percentages and divided by 100');
  const scale = percent ? 0.01 : 1;
  // A drop digitised at time 0 (events in the first days, below the curve's resolution) is placed half the smallest
  // gap between digitised times after 0: about half a pixel.
  const distinct = [...new Set(curve.time)].sort((a, b) => a - b);
  const gaps = distinct.slice(1).map((t, i) => t - distinct[i]!);
  const early = gaps.length > 0 ? Math.min(...gaps) / 2 : 1e-6;
  const pairs = curve.time
    .map((t, i) => [t, Math.min(1, curve.survival[i]! * scale)] as [number, number])
    .map(([t, s]) => [t === 0 && s < 1 ? early : t, s] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  if (pairs.some(([t]) => t === early)) notes.add('early-drop', { time: early }, `a drop digitised at time 0 was placed just after it (time ${early})`);
  const t: number[] = [0];
  const s: number[] = [1];
  let raised = 0;
  for (const [time, survival] of pairs) {
    const floor = Math.min(survival, s[s.length - 1]!);
    if (survival > s[s.length - 1]! + 1e-12) raised++;
    if (time === t[t.length - 1]) s[s.length - 1] = Math.min(s[s.length - 1]!, floor);
    else {
      t.push(time);
      s.push(floor);
    }
  }
  if (raised > 0) notes.add('raised', { count: raised }, `${raised} digitised point(s) rose above an earlier one and were lowered to it (survival cannot increase)`);
  return { t, s };
}

function checkRiskTable(table: RiskTable, lastTime: number, notes: Notes): { time: number[]; nRisk: number[] } {
  if (table.time.length !== table.nRisk.length) throw problem('risk-lengths', { times: table.time.length, counts: table.nRisk.length }, `the risk table has ${table.time.length} times but ${table.nRisk.length} numbers at risk`);
  if (table.time.length === 0) throw problem('risk-empty', {}, 'the risk table is empty: give at least the number of patients at time 0');
  if (table.time[0] !== 0) throw problem('risk-not-from-zero', { time: table.time[0]! }, `the risk table must start at time 0 with the number of patients (it starts at ${table.time[0]})`);
  table.time.forEach((t, i) => {
    const n = table.nRisk[i]!;
    if (!(Number.isInteger(n) && n >= 0)) throw problem('risk-not-whole', { row: i + 1, value: n }, `risk table row ${i + 1}: the number at risk must be a whole number >= 0 (got ${n})`);
    if (i > 0 && !(t > table.time[i - 1]!)) throw problem('risk-times-not-increasing', { row: i + 1, time: t, previous: table.time[i - 1]! }, `risk table row ${i + 1}: times must increase (${t} after ${table.time[i - 1]})`);
    if (i > 0 && n > table.nRisk[i - 1]!) throw problem('risk-rises', { row: i + 1, count: n, time: t, previous: table.nRisk[i - 1]! }, `risk table row ${i + 1}: ${n} at risk at time ${t} is more than ${table.nRisk[i - 1]} before`);
  });
  if (!(table.nRisk[0]! > 0)) throw problem('risk-no-patients', {}, 'the number at risk at time 0 must be > 0');
  const kept = table.time.map((t, i) => i).filter((i) => table.time[i]! < lastTime);
  if (kept.length < table.time.length) notes.add('risk-times-unused', { count: table.time.length - kept.length, time: lastTime }, `${table.time.length - kept.length} risk-table time(s) at or after the last digitised point (${lastTime}) were not used`);
  return { time: kept.map((i) => table.time[i]!), nRisk: kept.map((i) => table.nRisk[i]!) };
}

/** Counts of `values` in the bins (b0, b1], (b1, b2], ... of `breaks` (the first bin closed: R's hist). */
function binCounts(values: number[], breaks: number[]): number[] {
  const counts = new Array<number>(breaks.length - 1).fill(0);
  for (const v of values) {
    for (let j = 0; j < counts.length; j++) {
      if ((v > breaks[j]! || (j === 0 && v === breaks[0])) && v <= breaks[j + 1]!) {
        counts[j]!++;
        break;
      }
    }
  }
  return counts;
}

/** `count` censoring times spread evenly over (from, to). */
function evenCensorings(count: number, from: number, to: number): number[] {
  return Array.from({ length: count }, (_, j) => from + ((j + 1) * (to - from)) / (count + 1));
}

export function reconstructIpd(curve: DigitisedCurve, riskTable: RiskTable, totalEvents?: number): Reconstruction {
  const notes = new Notes();
  const { t, s } = cleanCurve(curve, notes);
  const table = checkRiskTable(riskTable, t[t.length - 1]!, notes);
  const nRisk = [...table.nRisk];
  const nInt = nRisk.length;
  if (totalEvents !== undefined && !(Number.isInteger(totalEvents) && totalEvents >= 0 && totalEvents <= nRisk[0]!)) {
    throw problem('events-range', { maximum: nRisk[0]!, value: totalEvents }, `the total number of events must be a whole number from 0 to ${nRisk[0]} (got ${totalEvents})`);
  }
  // A risk interval without digitised points lies on a plateau: add the plateau's point at the risk time.
  let added = 0;
  table.time.forEach((tr, i) => {
    const next = i + 1 < nInt ? table.time[i + 1]! : Infinity;
    if (t.some((x) => x >= tr && x < next)) return;
    const at = t.findIndex((x) => x > tr);
    t.splice(at, 0, tr);
    s.splice(at, 0, s[at - 1]!);
    added++;
  });
  if (added > 0) notes.add('plateau-added', { count: added }, `${added} risk-table time(s) had no digitised point up to the next one; the curve's flat value was added there`);
  // Points of each risk interval i: lower[i] .. upper[i].
  const lower = table.time.map((tr) => t.findIndex((x) => x >= tr));
  const upper = table.time.map((_, i) => {
    const next = i + 1 < nInt ? table.time[i + 1]! : Infinity;
    let k = -1;
    t.forEach((x, j) => {
      if (x < next) k = j;
    });
    return k;
  });
  table.time.forEach((tr, i) => {
    if (lower[i]! < 0 || lower[i]! > upper[i]!) {
      const advice = 'digitise the curve there, or leave that number at risk out';
      if (i + 1 < nInt) throw problem('no-point-between', { from: tr, to: table.time[i + 1]! }, `no digitised point between time ${tr} and ${table.time[i + 1]}: ${advice}`);
      throw problem('no-point-from', { from: tr }, `no digitised point between time ${tr}: ${advice}`);
    }
  });
  const nt = upper[nInt - 1]! + 1;
  const nHat = new Array<number>(nt + 1).fill(nRisk[0]! + 1);
  const cen = new Array<number>(nt).fill(0);
  const d = new Array<number>(nt).fill(0);
  const kmHat = new Array<number>(nt).fill(1);
  const nCensor = new Array<number>(nInt).fill(0);
  const lastEvent = new Array<number>(nInt).fill(0);
  let negativeEvents = 0;

  const eventsAt = (k: number, last: number): void => {
    if (nHat[k]! <= 0 || kmHat[last] === 0) {
      d[k] = 0;
      kmHat[k] = kmHat[last]!;
      return;
    }
    let events = roundHalfEven(nHat[k]! * (1 - s[k]! / kmHat[last]!));
    if (events < 0) {
      negativeEvents++;
      events = 0;
    }
    d[k] = Math.min(events, nHat[k]!);
    kmHat[k] = kmHat[last]! * (1 - d[k]! / nHat[k]!);
  };
  const spreadCensorings = (i: number, count: number, to: number, lastBin: number): void => {
    for (let k = lower[i]!; k <= lastBin; k++) cen[k] = 0;
    if (count <= 0) return;
    const counts = binCounts(evenCensorings(count, t[lower[i]!]!, to), t.slice(lower[i]!, lastBin + 2));
    counts.forEach((c, j) => (cen[lower[i]! + j] = c));
  };

  let last = 0;
  for (let i = 0; i < nInt - 1; i++) {
    const next = lower[i + 1]!;
    nCensor[i] = roundHalfEven((nRisk[i]! * s[next]!) / s[lower[i]!]! - nRisk[i + 1]!);
    let adjustments = 0;
    while (nHat[next]! > nRisk[i + 1]! || (nHat[next]! < nRisk[i + 1]! && nCensor[i]! > 0)) {
      if (++adjustments > MAX_ADJUSTMENTS) throw problem('censoring-unmatched', { from: table.time[i]!, to: table.time[i + 1]! }, `the censoring between times ${table.time[i]} and ${table.time[i + 1]} could not be matched to the numbers at risk`);
      if (nCensor[i]! <= 0) nCensor[i] = 0;
      spreadCensorings(i, nCensor[i]!, t[next]!, upper[i]!);
      nHat[lower[i]!] = nRisk[i]!;
      last = lastEvent[i]!;
      for (let k = lower[i]!; k <= upper[i]!; k++) {
        if (i === 0 && k === lower[i]) {
          d[k] = 0;
          kmHat[k] = 1;
        } else eventsAt(k, last);
        nHat[k + 1] = nHat[k]! - d[k]! - cen[k]!;
        if (d[k] !== 0) last = k;
      }
      nCensor[i] = nCensor[i]! + (nHat[next]! - nRisk[i + 1]!);
    }
    if (nHat[next]! < nRisk[i + 1]!) {
      notes.add(
        'fewer-at-risk',
        { implied: nHat[next]!, time: table.time[i + 1]!, published: nRisk[i + 1]! },
        `the curve implies ${nHat[next]} at risk at time ${table.time[i + 1]}, fewer than the published ${nRisk[i + 1]}; the reconstruction continues from ${nHat[next]}`,
      );
      nRisk[i + 1] = nHat[next]!;
    }
    lastEvent[i + 1] = last;
  }

  // The last interval: the average censoring rate of the earlier ones.
  const iLast = nInt - 1;
  const fillLastInterval = (withTotal: boolean): void => {
    spreadCensorings(iLast, nCensor[iLast]!, t[upper[iLast]!]!, upper[iLast]! - 1);
    nHat[lower[iLast]!] = nRisk[iLast]!;
    last = lastEvent[iLast]!;
    for (let k = lower[iLast]!; k <= upper[iLast]!; k++) {
      eventsAt(k, last);
      if (!withTotal || k !== upper[iLast]) {
        nHat[k + 1] = nHat[k]! - d[k]! - cen[k]!;
        if (nHat[k + 1]! < 0) {
          nHat[k + 1] = 0;
          cen[k] = nHat[k]! - d[k]!;
        }
      }
      if (d[k] !== 0) last = k;
    }
  };
  if (nInt > 1) {
    const censoredBefore = nCensor.slice(0, iLast).reduce((a, b) => a + b, 0);
    const span = t[upper[iLast - 1]!]! - t[lower[0]!]!;
    nCensor[iLast] = span > 0 ? Math.min(roundHalfEven((censoredBefore * (t[upper[iLast]!]! - t[lower[iLast]!]!)) / span), nRisk[iLast]!) : 0;
  }
  if (nCensor[iLast]! < 0) nCensor[iLast] = 0;
  fillLastInterval(false);

  if (totalEvents !== undefined) {
    const sum = (to: number): number => d.slice(0, to + 1).reduce((a, b) => a + b, 0);
    const eventsBefore = nInt > 1 ? sum(upper[iLast - 1]!) : 0;
    if (nInt > 1 && eventsBefore >= totalEvents) {
      for (let k = lower[iLast]!; k <= upper[iLast]!; k++) {
        d[k] = 0;
        cen[k] = 0;
        nHat[k + 1] = nRisk[iLast]!;
      }
      if (eventsBefore > totalEvents) notes.add('events-before-last', { events: eventsBefore, reported: totalEvents }, `the curve before the last risk time already implies ${eventsBefore} events, more than the reported ${totalEvents}`);
    } else {
      let events = sum(upper[iLast]!);
      let adjustments = 0;
      while (events > totalEvents || (events < totalEvents && nCensor[iLast]! > 0)) {
        // No more censorings than patients at risk: beyond that nothing changes, and the censoring times grow without
        // bound (a curve far below the reported events once took minutes here).
        const censored = Math.min(nRisk[iLast]!, Math.max(0, nCensor[iLast]! + (events - totalEvents)));
        if (++adjustments > MAX_ADJUSTMENTS || censored === nCensor[iLast]) {
          notes.add('events-unmatched', { reported: totalEvents, events }, `the total of ${totalEvents} events could not be matched (the reconstruction has ${events})`);
          break;
        }
        nCensor[iLast] = censored;
        fillLastInterval(true);
        events = sum(upper[iLast]!);
      }
    }
  }
  if (negativeEvents > 0) notes.add('above-curve', { count: negativeEvents }, `${negativeEvents} digitised point(s) lay above the reconstructed curve; no events were placed there`);

  // Patients: events at the digitised times, censorings at the midpoints, the rest censored at the last time.
  const times: number[] = [];
  const flags: number[] = [];
  const add = (count: number, time: number, flag: number): void => {
    for (let j = 0; j < count; j++) {
      times.push(time);
      flags.push(flag);
    }
  };
  for (let k = 0; k < nt; k++) add(d[k]!, t[k]!, 1);
  for (let k = 0; k < nt - 1; k++) add(cen[k]!, (t[k]! + t[k + 1]!) / 2, 0);
  const remaining = nRisk[0]! - times.length;
  if (remaining < 0) throw problem('too-many-patients', { placed: times.length, patients: nRisk[0]! }, `the reconstruction placed ${times.length} patients, more than the ${nRisk[0]} at time 0`);
  add(remaining, t[nt - 1]!, 0);
  const data = survivalData(times, flags);
  return { data, check: compareWithCurve(data, { time: t.slice(1, nt), survival: s.slice(1, nt) }, table, totalEvents), notes: notes.messages, noteDetails: notes.details };
}

/** The reconstructed KM at each digitised point, and the numbers at risk at the risk-table times. */
export function compareWithCurve(data: SurvivalData, curve: DigitisedCurve, table: RiskTable, totalEvents?: number): ReconstructionCheck {
  const km = kaplanMeier(data);
  const points = curve.time.map((time, i) => ({ time, digitised: curve.survival[i]!, reconstructed: kmSurvivalAt(km, time) }));
  let worst = { difference: 0, time: 0 };
  for (const p of points) {
    const difference = Math.abs(p.reconstructed - p.digitised);
    if (difference > worst.difference) worst = { difference, time: p.time };
  }
  const reconstructedAtRisk = numbersAtRisk(km, [...table.time]);
  return {
    maxDifference: worst.difference,
    atTime: worst.time,
    points,
    atRisk: table.time.map((time, i) => ({ time, published: table.nRisk[i]!, reconstructed: reconstructedAtRisk[i]! })),
    events: data.event.reduce((a, b) => a + b, 0),
    publishedEvents: totalEvents ?? null,
  };
}
