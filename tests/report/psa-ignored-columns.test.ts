// The ignored-column notes a PSA-draws import stores (English text in dossier files) are worded in the display
// language from their pattern; the file format does not change.
import { describe, expect, it } from 'vitest';
import { readPsaDraws } from '../../src/engine/psa/external-draws';
import { readDrawsTable } from '../../src/report/draws-file';
import { translator } from '../../src/report/i18n/translate';
import { ignoredColumnsSentence, readIgnoredColumn, shownIgnoredColumn } from '../../src/report/psa-ignored-columns';

const en = translator('en');
const fr = translator('fr-BE');
const nl = translator('nl-BE');

describe('ignored PSA-draws columns', () => {
  it('reads the three notes the importer writes, from a real import', async () => {
    // R's write.csv: an unnamed row-name column first; "sim" numbers the draws; "age" is the same in every draw.
    const csv = '"",sim,age,c_A,e_A,c_B,e_B,p_resp\n"1",1,60,100,1.1,150,1.3,0.4\n"2",2,60,110,1.0,160,1.2,0.5\n"3",3,60,90,1.2,140,1.4,0.45\n';
    const draws = readPsaDraws(await readDrawsTable('draws.csv', new TextEncoder().encode(csv)));
    expect(draws.ignoredColumns).toEqual(['column 1 (row names)', 'sim', 'age (the same in every draw)']);
    expect(draws.ignoredColumns.map(readIgnoredColumn)).toEqual([
      { kind: 'row-names', column: 1 },
      { kind: 'draw-number', name: 'sim' },
      { kind: 'constant', name: 'age' },
    ]);
    expect(ignoredColumnsSentence(draws.ignoredColumns, en)).toBe('Columns not used as parameters: column 1 (row names); sim (draw number); age (the same in every draw).');
    expect(ignoredColumnsSentence(draws.ignoredColumns, fr)).toBe('Colonnes non utilisées comme paramètres : colonne 1 (noms de lignes) ; sim (numéro de tirage) ; age (identique dans chaque tirage).');
    expect(ignoredColumnsSentence(draws.ignoredColumns, nl)).toBe('Kolommen die niet als parameter worden gebruikt: kolom 1 (rijnamen); sim (trekkingsnummer); age (gelijk in elke trekking).');
  });

  it('keeps a column name as typed, brackets included, and says nothing when no column was ignored', () => {
    expect(shownIgnoredColumn('cost (€) (the same in every draw)', fr)).toBe('cost (€) (identique dans chaque tirage)');
    expect(shownIgnoredColumn('iteration', nl)).toBe('iteration (trekkingsnummer)');
    expect(ignoredColumnsSentence([], fr)).toBeNull();
  });
});
