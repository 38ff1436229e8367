// What the engine worker does for the model screens: the engine's analyses (src/engine/analysis), exposed as they
// are so the UI thread never runs engine work. The same functions serve the CLI and the report builder.
import { runBaseCase } from '../../engine/analysis/base-case';
import { runBudget } from '../../engine/analysis/budget';
import { checkModel } from '../../engine/analysis/model-check';
import { summarisePsa } from '../../engine/analysis/psa-view';
import { runTornado } from '../../engine/analysis/tornado';

export const engineApi = { checkModel, runBaseCase, runTornado, runBudget, summarisePsa };
export type EngineApi = typeof engineApi;
