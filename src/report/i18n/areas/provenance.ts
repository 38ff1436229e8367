// The provenance lines written above exported tables (the model, its hash, the app and engine that computed them),
// in the display language of the export.
import { areaCatalogue } from '../area';

export const provenance = areaCatalogue({
  en: {
    'provenance.model': 'Model: {title}',
    'provenance.example': 'Model: {title} (bundled example {file})',
    'provenance.hash': 'Model SHA-256: {hash}',
    'provenance.app': '{app} {version}, engine {engine}',
  },
  fr: {
    'provenance.model': 'Modèle : {title}',
    'provenance.example': 'Modèle : {title} (exemple fourni {file})',
    'provenance.hash': 'SHA-256 du modèle : {hash}',
    'provenance.app': '{app} {version}, moteur {engine}',
  },
  nl: {
    'provenance.model': 'Model: {title}',
    'provenance.example': 'Model: {title} (meegeleverd voorbeeld {file})',
    'provenance.hash': 'SHA-256 van het model: {hash}',
    'provenance.app': '{app} {version}, rekenkern {engine}',
  },
});
