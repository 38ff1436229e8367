// Every area catalogue, for the test that no two areas define the same key (a spread would silently keep the last).
// An area added here is also spread into messages-en.ts, messages-fr.ts and messages-nl.ts.
import type { AreaCatalogue } from '../area';
import { models } from './models';
import { navigation } from './navigation';
import { structure } from './structure';

export const areaCatalogues: Record<string, AreaCatalogue<Record<string, string>>> = { navigation, models, structure };
