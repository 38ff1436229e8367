import type { ProblemDetail } from '../../shared/problem-detail';

// Right-censored individual patient data: one time and one event indicator (1 event, 0 censored) per patient.
export interface SurvivalData {
  time: Float64Array;
  /** 1 = event at `time`, 0 = censored at `time`. */
  event: Uint8Array;
}

export class SurvivalDataError extends Error {
  constructor(
    message: string,
    /** The patient (0-based) and field at fault, when one is: what is wrong (in English and as a code) and the value. */
    readonly at?: { index: number; field: 'time' | 'event'; problem: string; code: 'time-not-positive' | 'event-not-binary'; value: number },
    /** The problem as data, for screens that word it in their language (src/report/file-problems.ts). */
    readonly detail?: ProblemDetail,
  ) {
    super(message);
    this.name = 'SurvivalDataError';
  }
}

export interface SurvivalDataSummary {
  n: number;
  events: number;
  /** Largest observed time (event or censoring). */
  maxTime: number;
}

/** Builds checked data: times finite and > 0, events 0 or 1; the first problem is thrown with its row (1-based). */
export function survivalData(time: ArrayLike<number>, event: ArrayLike<number>): SurvivalData {
  if (time.length !== event.length) throw new SurvivalDataError(`${time.length} times but ${event.length} event indicators`);
  if (time.length === 0) throw new SurvivalDataError('no patients: the data set is empty', undefined, { code: 'survival-no-patients' });
  const t = new Float64Array(time.length);
  const e = new Uint8Array(time.length);
  for (let i = 0; i < time.length; i++) {
    const ti = time[i]!;
    const ei = event[i]!;
    if (!(Number.isFinite(ti) && ti > 0)) {
      const problem = `time must be a number > 0 (got ${ti})`;
      throw new SurvivalDataError(`patient ${i + 1}: ${problem}`, { index: i, field: 'time', problem, code: 'time-not-positive', value: ti });
    }
    if (ei !== 0 && ei !== 1) {
      const problem = `event must be 1 (event) or 0 (censored) (got ${ei})`;
      throw new SurvivalDataError(`patient ${i + 1}: ${problem}`, { index: i, field: 'event', problem, code: 'event-not-binary', value: ei });
    }
    t[i] = ti;
    e[i] = ei;
  }
  return { time: t, event: e };
}

export function summariseSurvivalData(data: SurvivalData): SurvivalDataSummary {
  let events = 0;
  let maxTime = 0;
  for (let i = 0; i < data.time.length; i++) {
    events += data.event[i]!;
    maxTime = Math.max(maxTime, data.time[i]!);
  }
  return { n: data.time.length, events, maxTime };
}
