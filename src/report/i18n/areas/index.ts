// Every area catalogue, for the test that no two areas define the same key (a spread would silently keep the last).
// An area added here is also spread into messages-en.ts, messages-fr.ts and messages-nl.ts.
import type { AreaCatalogue } from '../area';
import { analysis } from './analysis';
import { budgetView } from './budget-view';
import { charts } from './charts';
import { models } from './models';
import { navigation } from './navigation';
import { psa } from './psa';
import { scenarios } from './scenarios';
import { structure } from './structure';
import { uncertainty } from './uncertainty';

export const areaCatalogues: Record<string, AreaCatalogue<Record<string, string>>> = {
  analysis,
  budgetView,
  charts,
  models,
  navigation,
  psa,
  scenarios,
  structure,
  uncertainty,
};
