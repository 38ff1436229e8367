// One-way sensitivity analysis for a screen or a report: the tornado rows on incremental net monetary benefit.
import type { HtaModel } from '../model/schema';
import { createDsaSetup } from '../sensitivity/dsa-setup';
import { oneWay } from '../sensitivity/one-way';
import type { OneWayResult } from '../sensitivity/one-way';
import { problemsOf } from './problems';
import type { AnalysisProblem } from './problems';

export interface TornadoRequest {
  wtp: number;
  comparator: string;
  strategy: string;
}

export type TornadoOutcome = { ok: true; result: OneWayResult } | { ok: false; problems: AnalysisProblem[] };

export function runTornado(model: HtaModel, request: TornadoRequest): TornadoOutcome {
  try {
    const result = oneWay(createDsaSetup(model), request);
    // Per-step strategy arrays are not shown or stored; leave them out.
    for (const row of result.rows) {
      if (row.atLow) row.atLow = { ...row.atLow, strategies: [] };
      if (row.atHigh) row.atHigh = { ...row.atHigh, strategies: [] };
    }
    return { ok: true, result };
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  }
}
