// Fixed texts of the report's HTML and Word layouts (src/report/html, src/report/docx).
import { areaCatalogue } from '../area';

export const reportDocument = areaCatalogue({
  en: {
    'reportDocument.pageOf': 'Page {page} of {pages}',
    'reportDocument.noImage': 'The chart could not be drawn as an image here; its data follow. ({alt})',
  },
  fr: {
    'reportDocument.pageOf': 'Page {page} sur {pages}',
    'reportDocument.noImage': 'Le graphique n’a pas pu être rendu ici comme image ; ses données suivent. ({alt})',
  },
  nl: {
    'reportDocument.pageOf': 'Pagina {page} van {pages}',
    'reportDocument.noImage': 'De grafiek kon hier niet als afbeelding worden getekend; de gegevens volgen. ({alt})',
  },
});
