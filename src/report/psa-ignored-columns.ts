// The columns a PSA-draws file had that are not parameters are noted in English in the import (and so in dossier and
// backup files): "column 1 (row names)", "age (the same in every draw)", or a draw-number column's bare name
// (src/engine/psa/external-draws.ts). The file format stays as it is; screens word each note in the display language.
import type { Translate } from './i18n/translate';

const rowNamesNote = /^column (\d+) \(row names\)$/u;
const constantNote = /^(.*) \(the same in every draw\)$/su;

export type IgnoredColumn = { kind: 'row-names'; column: number } | { kind: 'constant'; name: string } | { kind: 'draw-number'; name: string };

/** What a stored note says: R's unnamed row-name column, a column equal in every draw, or a draw-number column. */
export function readIgnoredColumn(note: string): IgnoredColumn {
  const rowNames = rowNamesNote.exec(note);
  if (rowNames) return { kind: 'row-names', column: Number(rowNames[1]) };
  const constant = constantNote.exec(note);
  if (constant) return { kind: 'constant', name: constant[1]! };
  return { kind: 'draw-number', name: note };
}

/** One stored note in the display language. */
export function shownIgnoredColumn(note: string, t: Translate): string {
  const column = readIgnoredColumn(note);
  switch (column.kind) {
    case 'row-names':
      return t('psa.ignored.rowNames', { column: column.column });
    case 'constant':
      return t('psa.ignored.constant', { name: column.name });
    case 'draw-number':
      return t('psa.ignored.drawNumber', { name: column.name });
  }
}

/** The sentence listing every ignored column, or null when there are none. */
export function ignoredColumnsSentence(notes: readonly string[], t: Translate): string | null {
  if (notes.length === 0) return null;
  return t('psa.ignored.sentence', { columns: notes.map((note) => shownIgnoredColumn(note, t)).join(t('psa.ignored.separator')) });
}
