// Every area catalogue, for the test that no two areas define the same key (a spread would silently keep the last).
// An area added here is also spread into messages-en.ts, messages-fr.ts and messages-nl.ts.
import type { AreaCatalogue } from '../area';
import { navigation } from './navigation';
import { reportDocument } from './report-document';
import { engineProblem } from './engine-problem';
import { xlsx } from './xlsx';
import { diagram } from './diagram';
import { modelWords } from './model-words';
import { cheers } from './cheers';
import { reportBudget } from './report-budget';
import { reportUncertainty } from './report-uncertainty';
import { reportResults } from './report-results';
import { reportCharts } from './report-charts';
import { reportAccuracy } from './report-accuracy';
import { reportEvidence } from './report-evidence';
import { reportSummary } from './report-summary';
import { reportText } from './report-text';

export const areaCatalogues: Record<string, AreaCatalogue<Record<string, string>>> = { navigation, reportDocument, engineProblem, xlsx, diagram, modelWords, cheers, reportBudget, reportUncertainty, reportResults, reportCharts, reportAccuracy, reportEvidence, reportSummary, reportText };
