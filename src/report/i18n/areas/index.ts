// Every area catalogue, for the test that no two areas define the same key (a spread would silently keep the last).
// An area added here is also spread into messages-en.ts, messages-fr.ts and messages-nl.ts.
import type { AreaCatalogue } from '../area';
import { accuracy } from './accuracy';
import { analysis } from './analysis';
import { automaticName } from './automatic-name';
import { budgetView } from './budget-view';
import { charts } from './charts';
import { cheers } from './cheers';
import { coreModel } from './core-model';
import { diagram } from './diagram';
import { dossier } from './dossier';
import { engineProblem } from './engine-problem';
import { fileProblem } from './file-problem';
import { library } from './library';
import { modelChange } from './model-change';
import { modelWords } from './model-words';
import { models } from './models';
import { navigation } from './navigation';
import { numberInput } from './number-input';
import { provenance } from './provenance';
import { psa } from './psa';
import { reportAccuracy } from './report-accuracy';
import { reportBudget } from './report-budget';
import { reportCharts } from './report-charts';
import { reportDocument } from './report-document';
import { reportEvidence } from './report-evidence';
import { reportResults } from './report-results';
import { reportSummary } from './report-summary';
import { reportText } from './report-text';
import { reportImportedPsa } from './report-imported-psa';
import { reportUncertainty } from './report-uncertainty';
import { scenarios } from './scenarios';
import { shell } from './shell';
import { structure } from './structure';
import { survival } from './survival';
import { uncertainty } from './uncertainty';
import { xlsx } from './xlsx';

export const areaCatalogues: Record<string, AreaCatalogue<Record<string, string>>> = {
  accuracy,
  analysis,
  automaticName,
  budgetView,
  charts,
  cheers,
  coreModel,
  diagram,
  dossier,
  engineProblem,
  fileProblem,
  library,
  modelChange,
  modelWords,
  models,
  navigation,
  numberInput,
  provenance,
  psa,
  reportAccuracy,
  reportBudget,
  reportCharts,
  reportDocument,
  reportEvidence,
  reportResults,
  reportSummary,
  reportText,
  reportImportedPsa,
  reportUncertainty,
  scenarios,
  shell,
  structure,
  survival,
  uncertainty,
  xlsx,
};
