// Every area catalogue, for the test that no two areas define the same key (a spread would silently keep the last).
// An area added here is also spread into messages-en.ts, messages-fr.ts and messages-nl.ts.
import type { AreaCatalogue } from '../area';
import { analysis } from './analysis';
import { budgetView } from './budget-view';
import { charts } from './charts';
import { cheers } from './cheers';
import { diagram } from './diagram';
import { engineProblem } from './engine-problem';
import { modelWords } from './model-words';
import { models } from './models';
import { navigation } from './navigation';
import { psa } from './psa';
import { reportAccuracy } from './report-accuracy';
import { reportBudget } from './report-budget';
import { reportCharts } from './report-charts';
import { reportDocument } from './report-document';
import { reportEvidence } from './report-evidence';
import { reportResults } from './report-results';
import { reportSummary } from './report-summary';
import { reportText } from './report-text';
import { reportUncertainty } from './report-uncertainty';
import { scenarios } from './scenarios';
import { structure } from './structure';
import { uncertainty } from './uncertainty';
import { xlsx } from './xlsx';

export const areaCatalogues: Record<string, AreaCatalogue<Record<string, string>>> = {
  analysis,
  budgetView,
  charts,
  cheers,
  diagram,
  engineProblem,
  modelWords,
  models,
  navigation,
  psa,
  reportAccuracy,
  reportBudget,
  reportCharts,
  reportDocument,
  reportEvidence,
  reportResults,
  reportSummary,
  reportText,
  reportUncertainty,
  scenarios,
  structure,
  uncertainty,
  xlsx,
};
