// The navigation frame: the side bar and its items.
import { areaCatalogue } from '../area';

export const navigation = areaCatalogue({
  en: {
    'nav.main': 'Main',
    'nav.workspace': 'Workspace',
    'nav.library': 'Dossier library',
    'nav.models': 'Models',
    'nav.survival': 'Survival curves',
    'nav.countries': 'Countries',
    'nav.brandSub': 'Personalised cancer medicine',
    'nav.localWorkspace': 'Local workspace',
    'nav.version': 'Version {version}',
  },
  fr: {
    'nav.main': 'Navigation principale',
    'nav.workspace': 'Espace de travail',
    'nav.library': 'Bibliothèque de dossiers',
    'nav.models': 'Modèles',
    'nav.survival': 'Courbes de survie',
    'nav.countries': 'Pays',
    'nav.brandSub': 'Médecine personnalisée du cancer',
    'nav.localWorkspace': 'Espace de travail local',
    'nav.version': 'Version {version}',
  },
  nl: {
    'nav.main': 'Hoofdnavigatie',
    'nav.workspace': 'Werkruimte',
    'nav.library': 'Dossierbibliotheek',
    'nav.models': 'Modellen',
    'nav.survival': 'Overlevingscurven',
    'nav.countries': 'Landen',
    'nav.brandSub': 'Gepersonaliseerde kankergeneeskunde',
    'nav.localWorkspace': 'Lokale werkruimte',
    'nav.version': 'Versie {version}',
  },
});
