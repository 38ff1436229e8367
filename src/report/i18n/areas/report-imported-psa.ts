// The report's imported PSA results: draws made by another model and stored with the dossier
// (src/report/build/imported-psa.ts).
import { areaCatalogue } from '../area';

export const reportImportedPsa = areaCatalogue({
  en: {
    'reportImportedPsa.title': 'PSA results of other models',
    'reportImportedPsa.intro': 'Per-draw costs and effects made by other models (for example a company submission) and imported with this dossier. They are summarised here by HTA Workbench from the stored draws; the models that made them are not part of this dossier, so their inputs and methods are not reported.',
    'reportImportedPsa.source': 'File {file} (SHA-256 {sha}…), imported on {date}: {draws} draws of {strategies} strategies, read as the {layout} layout.',
    'reportImportedPsa.sourceSheet': 'File {file}, worksheet “{sheet}” (SHA-256 {sha}…), imported on {date}: {draws} draws of {strategies} strategies, read as the {layout} layout.',
    'reportImportedPsa.parameters': 'The file also holds the sampled values of {n} parameters ({names}); their EVPPI is computed in the app ({screen}) or with `hta voi`.',
    'reportImportedPsa.evpiDataCaption': 'EVPI per person at thresholds of the grid',
  },
  fr: {
    'reportImportedPsa.title': 'Résultats PSA d’autres modèles',
    'reportImportedPsa.intro': 'Coûts et effets par tirage produits par d’autres modèles (par exemple une soumission d’entreprise) et importés avec ce dossier. HTA Workbench les résume ici à partir des tirages enregistrés ; les modèles qui les ont produits ne font pas partie de ce dossier, leurs données et méthodes ne sont donc pas rapportées.',
    'reportImportedPsa.source': 'Fichier {file} (SHA-256 {sha}…), importé le {date} : {draws} tirages de {strategies} stratégies, lus selon la disposition {layout}.',
    'reportImportedPsa.sourceSheet': 'Fichier {file}, feuille « {sheet} » (SHA-256 {sha}…), importé le {date} : {draws} tirages de {strategies} stratégies, lus selon la disposition {layout}.',
    'reportImportedPsa.parameters': 'Le fichier contient aussi les valeurs tirées de {n} paramètres ({names}) ; leur EVPPI se calcule dans l’application ({screen}) ou avec `hta voi`.',
    'reportImportedPsa.evpiDataCaption': 'EVPI par personne à des seuils de la grille',
  },
  nl: {
    'reportImportedPsa.title': 'PSA-resultaten van andere modellen',
    'reportImportedPsa.intro': 'Kosten en effecten per trekking, gemaakt door andere modellen (bijvoorbeeld een dossier van een bedrijf) en met dit dossier geïmporteerd. HTA Workbench vat ze hier samen uit de opgeslagen trekkingen; de modellen die ze maakten horen niet bij dit dossier, dus hun invoer en methoden worden niet gerapporteerd.',
    'reportImportedPsa.source': 'Bestand {file} (SHA-256 {sha}…), geïmporteerd op {date}: {draws} trekkingen van {strategies} strategieën, gelezen in de {layout}-indeling.',
    'reportImportedPsa.sourceSheet': 'Bestand {file}, werkblad “{sheet}” (SHA-256 {sha}…), geïmporteerd op {date}: {draws} trekkingen van {strategies} strategieën, gelezen in de {layout}-indeling.',
    'reportImportedPsa.parameters': 'Het bestand bevat ook de getrokken waarden van {n} parameters ({names}); hun EVPPI wordt berekend in de app ({screen}) of met `hta voi`.',
    'reportImportedPsa.evpiDataCaption': 'EVPI per persoon bij drempels van het raster',
  },
});
