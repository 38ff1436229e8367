// Every area catalogue, for the test that no two areas define the same key (a spread would silently keep the last).
// An area added here is also spread into messages-en.ts, messages-fr.ts and messages-nl.ts.
import type { AreaCatalogue } from '../area';
import { navigation } from './navigation';
import { accuracy } from './accuracy';
import { survival } from './survival';
import { coreModel } from './core-model';
import { dossier } from './dossier';
import { library } from './library';
import { shell } from './shell';

export const areaCatalogues: Record<string, AreaCatalogue<Record<string, string>>> = { navigation, accuracy, survival, coreModel, dossier, library, shell };
