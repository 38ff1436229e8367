// Every area catalogue, for the test that no two areas define the same key (a spread would silently keep the last).
// An area added here is also spread into messages-en.ts, messages-fr.ts and messages-nl.ts.
import type { AreaCatalogue } from '../area';
import { analysis } from './analysis';
import { navigation } from './navigation';
import { charts } from './charts';
import { scenarios } from './scenarios';
import { budgetView } from './budget-view';
import { psa } from './psa';
import { uncertainty } from './uncertainty';

export const areaCatalogues: Record<string, AreaCatalogue<Record<string, string>>> = { navigation, analysis, uncertainty, psa, budgetView, scenarios, charts };
