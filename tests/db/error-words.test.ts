// The app's own failure messages (what a toast, the save indicator or the start-up screen shows) are worded in the
// display language; English stays the stored sentence, and text that is not the app's own (a system's) passes as is.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredModel } from '../../src/dossier/workspace-models';
import { setParameterValue } from '../../src/engine/model/document-edits';
import { DISK_FULL_MESSAGE, WordedError, errorText } from '../../src/renderer/db/errors';
import { DEFAULT_SNAPSHOT_NAME, DEFAULT_VERSION_NAME, shownVersionName } from '../../src/report/automatic-names';
import { translator } from '../../src/report/i18n/translate';
import { freshWorkspace } from './helpers';
import { projectRoot, rendererSourceFiles } from '../renderer-source-files';

const example = JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')) as StoredModel['document'];
const fr = translator('fr-BE');
const nl = translator('nl-BE');
const en = translator('en');

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('failure messages in the display language', () => {
  it('a dossier’s refused status change, stale save, final edit and lost snapshot', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'Étude T' });
    const transition = await failure(ws.changeStatus(d.id, 'final'));
    expect(errorText(transition, en)).toBe('A dossier cannot go from “Draft” to “Final”.');
    expect(errorText(transition, fr)).toBe('Un dossier ne peut pas passer de « Brouillon » à « Définitif ».');
    expect(errorText(transition, nl)).toBe('Een dossier kan niet van ‘Ontwerp’ naar ‘Definitief’ gaan.');
    clock.advance(1000);
    const saved = await ws.update(d.id, (x) => ({ ...x, title: 'U' }));
    const stale = await failure(ws.update(d.id, (x) => ({ ...x, title: 'V' }), { expectedUpdatedAt: d.updatedAt }));
    expect(saved.dossier.title).toBe('U');
    expect(errorText(stale, fr)).toBe('Ce dossier a été modifié ailleurs depuis son ouverture ; rechargez-le avant d’enregistrer.');
    expect(errorText(await failure(ws.restoreSnapshot('gone')), nl)).toBe('Geen momentopname met id gone');
    await ws.changeStatus(d.id, 'under-review');
    expect(errorText(await failure(ws.changeStatus(d.id, 'final', { by: ' ' })), fr)).toBe('Approuver un dossier comme définitif demande le nom de la personne qui l’approuve.');
    await ws.changeStatus(d.id, 'final', { by: 'Dr A. Peeters' });
    const final = await failure(ws.update(d.id, (x) => ({ ...x, title: 'W' })));
    expect(errorText(final, fr)).toBe('« U » est définitif et en lecture seule. Rouvrez-le comme brouillon, avec une raison, pour le modifier.');
    expect(errorText(await failure(ws.changeStatus(d.id, 'draft')), nl)).toBe('Een definitief dossier heropenen vraagt een reden.');
    ws.close();
  });

  it('a model changed in another window; a model that is gone', async () => {
    const { ws, clock } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: { kind: 'example', ref: 'liquid-biopsy-nsclc.json' } });
    clock.advance(1000);
    await ws.models.updateDocument(m.id, setParameterValue(example, 'sens_plasma', 0.8));
    const stale = await failure(ws.models.updateDocument(m.id, setParameterValue(example, 'sens_plasma', 0.9), { expectedUpdatedAt: m.updatedAt }));
    expect((stale as Error).message).toBe('This model was changed elsewhere (in another window?) since it was opened; reload it before saving.');
    expect(errorText(stale, fr)).toBe('Ce modèle a été modifié ailleurs (dans une autre fenêtre ?) depuis son ouverture ; rechargez-le avant d’enregistrer.');
    expect(errorText(await failure(ws.models.updateDocument('nope', example)), nl)).toBe('Geen model met id nope in deze werkruimte');
    ws.close();
  });

  it('workspace messages known by their text, the app’s own plain errors, and text that is not the app’s', () => {
    expect(errorText(new Error(DISK_FULL_MESSAGE), fr)).toBe(fr('shell.diskFull'));
    const chart = new WordedError({ key: 'shell.error.chartNotDrawn' });
    expect(chart.message).toBe('the chart has not been drawn yet');
    expect(errorText(chart, nl)).toBe('de grafiek is nog niet getekend');
    expect(errorText(new Error('ENOSPC: no space left on device'), fr)).toBe('ENOSPC: no space left on device');
    const stopped = readFileSync('src/renderer/workers/one-shot-worker.ts', 'utf8').match(/event\.message \|\| '([^']+)'/)![1]!;
    expect(errorText(new Error(stopped), fr)).toBe('le calcul en arrière-plan s’est arrêté sur une erreur');
    expect(errorText('plain', fr)).toBe('plain');
  });

  // Engine refusals (an edit the model cannot take) and a file's own read error are not the app's words: they may show.
  it('no screen puts a caught error’s raw message into a notification', () => {
    const files = rendererSourceFiles();
    const raw = files.flatMap((file) =>
      readFileSync(resolve(projectRoot, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line }))
        .filter((l) => l.text.includes('toasts.show(') && /instanceof Error \? \w+\.message/.test(l.text)),
    );
    expect(raw.map((l) => `${l.file}:${l.line}`)).toEqual([]);
  });
});

describe('names of versions and snapshots saved without a name', () => {
  it('are stored as the default English name, which screens word in the display language', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    const snap = await ws.createSnapshot(d.id, '  ');
    const m = await ws.models.create({ document: example, origin: { kind: 'example', ref: 'liquid-biopsy-nsclc.json' } });
    const version = await ws.models.saveVersion(m.id, '');
    expect([snap.name, version.name]).toEqual([DEFAULT_SNAPSHOT_NAME, DEFAULT_VERSION_NAME]);
    expect([shownVersionName(snap, fr), shownVersionName(version, nl)]).toEqual(['Instantané', 'Versie']);
    ws.close();
  });
});
