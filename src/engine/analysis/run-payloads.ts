// What a stored run holds for each kind of analysis: the inputs that produced it and the engine's results (typed
// arrays for PSA draws and cohort traces). The app stores these, dossier files carry them (typed arrays as base64)
// and the report builder reads them back; kinds not built here yet (two-way, threshold, scenarios, EVPPI) store
// their engine results the same way.
import type { PsaRun } from '../psa/psa-run';
import type { BudgetImpactReport } from '../budget/run-budget-impact';
import type { OneWayResult } from '../sensitivity/one-way';
import type { BaseCaseResult } from './base-case';
import type { TornadoRequest } from './tornado';

export interface PsaRunInputs {
  iterations: number;
  seed: number;
  /** Largest willingness to pay of the CEAC grid. */
  wtpMax: number;
  /** Comparator of the incremental CE plane. */
  comparator: string;
}

/** A PSA's draws: draws x strategies costs and effects, draws x parameters sampled values (row-major). */
export interface PsaRunResults {
  strategyIds: string[];
  strategyLabels: string[];
  draws: number;
  seed: number;
  costs: Float64Array;
  effects: Float64Array;
  parameterNames: string[];
  parameterValues: Float64Array;
}

export type TornadoRunInputs = TornadoRequest;
export type TornadoRunResults = OneWayResult;
export type BaseCaseRunResults = BaseCaseResult;
export type BudgetRunResults = BudgetImpactReport;

export function psaRunResults(run: PsaRun): PsaRunResults {
  return {
    strategyIds: [...run.strategyIds],
    strategyLabels: [...run.strategyLabels],
    draws: run.draws,
    seed: run.seed,
    costs: run.costs,
    effects: run.effects,
    parameterNames: [...run.parameterDraws.names],
    parameterValues: run.parameterDraws.values,
  };
}

export function psaRunFromResults(results: PsaRunResults): PsaRun {
  return {
    strategyIds: results.strategyIds,
    strategyLabels: results.strategyLabels,
    draws: results.draws,
    seed: results.seed,
    costs: results.costs,
    effects: results.effects,
    parameterDraws: { names: results.parameterNames, values: results.parameterValues },
  };
}

/** Bytes a results object takes: typed arrays by their byte length, everything else as JSON text. */
export function resultsByteSize(value: unknown): number {
  let typed = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v)) {
      typed += v.byteLength;
      return null;
    }
    return v;
  });
  return typed + (json?.length ?? 0);
}
