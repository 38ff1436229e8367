// What the engine worker does for the model screens: the engine's analyses (src/engine/analysis), exposed as they
// are so the UI thread never runs engine work. The same functions serve the CLI and the report builder. Also the
// dossier's Test accuracy meta-analysis and, from survival-api.ts, the Survival screen's fits.
import { runBaseCase } from '../../engine/analysis/base-case';
import { runBudget } from '../../engine/analysis/budget';
import { checkModel } from '../../engine/analysis/model-check';
import { summarisePsa } from '../../engine/analysis/psa-view';
import { runTornado } from '../../engine/analysis/tornado';
import { runEvppi, runScenarios, runThreshold, runTwoWay } from '../../engine/analysis/sensitivity-runs';
import { summariseScenarioPsa } from '../../engine/sensitivity/scenarios';
import { AccuracyAnalysisError, metaAnalyseAccuracy } from '../../engine/accuracy/meta-analysis';
import type { AccuracyMetaAnalysis, AccuracyOptions } from '../../engine/accuracy/meta-analysis';
import type { AccuracyStudy } from '../../engine/accuracy/two-by-two';
import { survivalApi } from './survival-api';
import { runCountryComparison } from '../../engine/countries/country-comparison';
import { psaImportApi } from './psa-import-api';

export type AccuracyOutcome = { ok: true; result: AccuracyMetaAnalysis; milliseconds: number } | { ok: false; message: string };

/** Meta-analysis of 2×2 tables (bivariate model, or the univariate fallback), timed in the worker. */
export function analyseAccuracy(studies: AccuracyStudy[], options: AccuracyOptions): AccuracyOutcome {
  const start = performance.now();
  try {
    const result = metaAnalyseAccuracy(studies, options);
    return { ok: true, result, milliseconds: performance.now() - start };
  } catch (error) {
    if (error instanceof AccuracyAnalysisError) return { ok: false, message: error.message };
    throw error;
  }
}

export const engineApi = { checkModel, runBaseCase, runTornado, runBudget, summarisePsa, runTwoWay, runThreshold, runScenarios, runEvppi, summariseScenarioPsa, analyseAccuracy, runCountryComparison, ...survivalApi, ...psaImportApi };
export type EngineApi = typeof engineApi;
