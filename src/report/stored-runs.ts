// Stored runs → the engine's result types. A run counts only when it was made from the same model document (its
// SHA-256 matches) and completed (a PSA cancelled part-way counts with the draws it kept). Of several runs of one
// kind the latest is used. Each run's `results` must have the shape the engine produced for that kind (typed
// arrays encoded by dossier/typed-json); a malformed run is an error located in the file, never a silent gap.
import type { StoredRun } from '../dossier/workspace-models';
import { decodeTypedArrays, TypedJsonError } from '../dossier/typed-json';
import type { AnalysisKind, ModelAnalyses } from '../engine/analysis/model-analyses';
import type { ReportRun } from './report-input';
import { ReportInputError } from './report-input-error';

export interface StoredAnalyses {
  have: Partial<ModelAnalyses>;
  used: ReportRun[];
  /** Runs left out, in words (another model version, incomplete). */
  notes: string[];
}

type Check = (value: unknown, at: string) => string[];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Float64Array);

const needsArrays =
  (...keys: string[]): Check =>
  (value, at) => {
    if (!isObject(value)) return [`${at}: expected an object`];
    return keys.filter((k) => !Array.isArray(value[k])).map((k) => `${at}.${k}: expected a list`);
  };

const needsList: Check = (value, at) => (Array.isArray(value) ? [] : [`${at}: expected a list of results`]);

function checkPsa(value: unknown, at: string): string[] {
  if (!isObject(value)) return [`${at}: expected an object`];
  const problems: string[] = [];
  const ids = value.strategyIds;
  const draws = value.draws;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((s) => typeof s === 'string')) problems.push(`${at}.strategyIds: expected a list of strategy ids`);
  if (typeof draws !== 'number' || !Number.isInteger(draws) || draws < 1) problems.push(`${at}.draws: expected a whole number of draws`);
  if (problems.length > 0) return problems;
  const cells = (draws as number) * (ids as string[]).length;
  for (const key of ['costs', 'effects']) {
    const arr = value[key];
    if (!(arr instanceof Float64Array)) problems.push(`${at}.${key}: expected {"$float64": …} data`);
    else if (arr.length !== cells) problems.push(`${at}.${key}: holds ${arr.length} numbers; ${draws} draws × ${(ids as string[]).length} strategies need ${cells}`);
  }
  const pd = value.parameterDraws;
  if (pd !== undefined) {
    if (!isObject(pd) || !Array.isArray(pd.names) || !(pd.values instanceof Float64Array)) problems.push(`${at}.parameterDraws: expected {names, values}`);
    else if (pd.values.length !== (draws as number) * pd.names.length) problems.push(`${at}.parameterDraws.values: holds ${pd.values.length} numbers; ${draws} draws × ${pd.names.length} parameters need ${(draws as number) * pd.names.length}`);
  }
  return problems;
}

const checks: Record<AnalysisKind, Check> = {
  'base-case': needsArrays('strategies', 'incremental', 'categoryIds', 'stateIds'),
  'one-way': needsArrays('rows'),
  threshold: needsList,
  'two-way': needsArrays('cells'),
  scenarios: needsList,
  psa: checkPsa,
  evppi: needsList,
  'budget-impact': needsArrays('years', 'strategies', 'categories'),
};

/** Fills the optional parts of a stored PSA (labels, parameter draws) the way the engine's PsaRun has them. */
function normalisePsa(value: Record<string, unknown>, run: StoredRun): unknown {
  const ids = value.strategyIds as string[];
  return {
    ...value,
    seed: typeof value.seed === 'number' ? value.seed : (run.seed ?? 0),
    strategyLabels: Array.isArray(value.strategyLabels) ? value.strategyLabels : ids,
    parameterDraws: isObject(value.parameterDraws) ? value.parameterDraws : { names: [], values: new Float64Array(0) },
  };
}

/** The latest usable stored run of each kind, decoded; `at` locates the runs list (e.g. "models[0].runs"). */
export function analysesFromStoredRuns(runs: readonly StoredRun[], modelHash: string, at: string): StoredAnalyses {
  const have: Partial<ModelAnalyses> = {};
  const used: ReportRun[] = [];
  const notes: string[] = [];
  const latest = new Map<AnalysisKind, { run: StoredRun; index: number }>();
  runs.forEach((run, index) => {
    if (run.modelHash !== modelHash) {
      notes.push(`Stored run "${run.label}" (${run.startedAt}) was made from another version of the model and is not used.`);
      return;
    }
    if (run.status !== 'complete' && run.kind !== 'psa') {
      notes.push(`Stored run "${run.label}" is incomplete and is not used.`);
      return;
    }
    const current = latest.get(run.kind);
    if (!current || run.startedAt > current.run.startedAt) latest.set(run.kind, { run, index });
  });
  const problems: string[] = [];
  for (const [kind, { run, index }] of latest) {
    const where = `${at}[${index}].results`;
    let results: unknown;
    try {
      results = decodeTypedArrays(run.results, where);
    } catch (error) {
      if (error instanceof TypedJsonError) {
        problems.push(error.message);
        continue;
      }
      throw error;
    }
    const found = checks[kind](results, where);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    (have as Record<AnalysisKind, unknown>)[kind] = kind === 'psa' ? normalisePsa(results as Record<string, unknown>, run) : results;
    used.push({
      kind,
      source: 'stored',
      runId: run.id,
      label: run.label,
      startedAt: run.startedAt,
      seed: run.seed ?? null,
      iterations: run.iterations ?? null,
      completedIterations: run.completedIterations ?? run.iterations ?? null,
      appVersion: run.appVersion,
      engineVersion: run.engineVersion,
    });
  }
  if (problems.length > 0) throw new ReportInputError(problems);
  return { have, used, notes };
}
