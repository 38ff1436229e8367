import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { parseBackupFile, parseDossierFile } from '../../src/dossier/parse-file';
import type { StoredModel } from '../../src/dossier/workspace-models';
import { modelDocumentHash } from '../../src/engine/json/canonical-json';
import { setDocumentTitle, setParameterUncertainty, setParameterValue } from '../../src/engine/model/document-edits';
import { ENGINE_VERSION } from '../../src/engine/version';
import { appInfo } from '../../src/dossier/app-info';
import { WorkspaceError } from '../../src/renderer/db/errors';
import type { NewRun } from '../../src/renderer/db/model-store';
import { CONFLICT_VERSION_NAME, shownVersionName } from '../../src/report/automatic-names';
import { translator } from '../../src/report/i18n/translate';
import { HISTORY_MERGE_WINDOW_MS, openWorkspace } from '../../src/renderer/db/workspace';
import { freshDbName, freshWorkspace } from './helpers';

const example = JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')) as StoredModel['document'];
const exampleOrigin = { kind: 'example' as const, ref: 'liquid-biopsy-nsclc.json' };

async function rejection(p: Promise<unknown>): Promise<WorkspaceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkspaceError) return err;
    throw err;
  }
  throw new Error('expected a WorkspaceError');
}

function psaRun(modelId: string, document: StoredModel['document'], draws = 4): NewRun {
  return {
    modelId,
    kind: 'psa',
    label: `PSA, ${draws} draws, seed 1`,
    modelHash: modelDocumentHash(document),
    startedAt: '2026-11-28T10:00:00.000Z',
    durationMs: 1234,
    status: 'complete',
    seed: 1,
    iterations: draws,
    completedIterations: draws,
    inputs: { iterations: draws, seed: 1, wtpMax: 100000, comparator: 'tissue_only' },
    results: {
      strategyIds: ['a', 'b'],
      strategyLabels: ['A', 'B'],
      draws,
      seed: 1,
      costs: Float64Array.from({ length: draws * 2 }, (_, i) => 1000 + i + 0.1),
      effects: Float64Array.from({ length: draws * 2 }, (_, i) => i / 3),
      parameterNames: ['p'],
      parameterValues: Float64Array.from({ length: draws }, (_, i) => Math.PI * i),
    },
  };
}

describe('models in the workspace', () => {
  it('sets a conflicting side aside as an automatic version without touching the model', async () => {
    const { ws } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    const theirs = setParameterValue(m.document, 'p_rebiopsy', 0.8);
    const info = await ws.models.setAsideVersion(m.id, theirs);
    expect(info).toMatchObject({ modelId: m.id, name: CONFLICT_VERSION_NAME, automatic: true, hash: modelDocumentHash(theirs) });
    const version = await ws.models.getVersion(info.id);
    expect(version?.document).toEqual(theirs);
    const after = await ws.models.get(m.id);
    expect(after?.updatedAt).toBe(m.updatedAt);
    expect(after?.document).toEqual(m.document);
    await expect(ws.models.setAsideVersion('no-such-model', theirs)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('duplicates a model: a new id, "(copy)" in the list and in the document, the same model, its own history', async () => {
    const { ws } = await freshWorkspace();
    const original = await ws.models.create({ document: example, origin: exampleOrigin });
    const edited = setParameterValue(original.document, 'p_rebiopsy', 0.6);
    await ws.models.updateDocument(original.id, edited);
    await ws.models.saveVersion(original.id, 'v1', '');
    const copy = await ws.models.duplicate(original.id);
    expect(copy.id).not.toBe(original.id);
    expect(copy.title).toBe(`${original.title} (copy)`);
    expect(copy.origin).toEqual({ kind: 'copy', ref: original.title });
    expect((copy.document.metadata as { title: string }).title).toBe(copy.title);
    // The same model but for its title: the edit is in it.
    expect({ ...copy.document, metadata: edited.metadata }).toEqual(edited);
    expect(await ws.models.listVersions(copy.id)).toEqual([]);
    // An edit of the copy keeps its title and leaves the original alone.
    const next = await ws.models.updateDocument(copy.id, setParameterValue(copy.document, 'p_rebiopsy', 0.7));
    expect(next.model.title).toBe(copy.title);
    expect((await ws.models.get(original.id))!.document).toEqual(edited);
    expect((await ws.models.list()).map((m) => m.title).sort()).toEqual([original.title, copy.title].sort());
    expect((await rejection(ws.models.duplicate('missing'))).code).toBe('not-found');
  });

  it('a model from a file without a title is named in the display language; English by default', async () => {
    const { ws } = await freshWorkspace();
    const untitled = setDocumentTitle(example, '  ');
    expect((await ws.models.create({ document: untitled, origin: exampleOrigin, untitled: translator('nl-BE')('models.untitled') })).title).toBe('Model zonder titel');
    expect((await ws.models.create({ document: untitled, origin: exampleOrigin })).title).toBe('Untitled model');
    ws.close();
  });

  it('a model copied on a Dutch screen is titled with the Dutch suffix, in the list and in its document', async () => {
    const { ws } = await freshWorkspace();
    const original = await ws.models.create({ document: example, origin: exampleOrigin });
    const copy = await ws.models.duplicate(original.id, translator('nl-BE')('common.copySuffix'));
    expect(copy.title).toBe(`${original.title} (kopie)`);
    expect((copy.document.metadata as { title: string }).title).toBe(copy.title);
    ws.close();
  });

  it('a copy of a bundled example is stored with its title and origin, and listed', async () => {
    const { ws } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    expect(m).toMatchObject({ title: 'Liquid biopsy (plasma ctDNA NGS) for first-line genotyping of advanced non-squamous NSCLC', origin: exampleOrigin, createdAt: '2026-11-28T10:00:00.000Z' });
    expect(await ws.models.get(m.id)).toEqual(m);
    expect((await ws.models.list()).map((x) => x.id)).toEqual([m.id]);
    // Only the envelope is checked on write: a document that is not a model is refused with the reason.
    const bad = await rejection(ws.models.create({ document: { format: 'other', version: 1 }, origin: { kind: 'file' } }));
    expect(bad.code).toBe('invalid');
    expect(bad.message).toMatch(/document: not an HTA Workbench model/);
    ws.close();
  });

  it('edits are saved with history in words; typing merges into one entry; undoing it removes the entry', async () => {
    const { ws, clock } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    clock.advance(1000);
    const first = await ws.models.updateDocument(m.id, setParameterValue(example, 'sens_plasma', 0.8), { expectedUpdatedAt: m.updatedAt });
    expect(first.changes.map((c) => c.summary)).toEqual(['Plasma NGS sensitivity, any driver (pooled) 0.69 → 0.8']);
    clock.advance(1000);
    const second = await ws.models.updateDocument(m.id, setParameterValue(example, 'sens_plasma', 0.85), { expectedUpdatedAt: first.model.updatedAt });
    let history = await ws.models.history(m.id);
    expect(history.map((h) => [h.path, h.before, h.after, h.summary, h.source])).toEqual([['parameters[#sens_plasma].value', 0.69, 0.85, 'Plasma NGS sensitivity, any driver (pooled) 0.69 → 0.85', 'edit']]);
    // Back to the old value within the window: no change is left to record.
    clock.advance(1000);
    await ws.models.updateDocument(m.id, example, { expectedUpdatedAt: second.model.updatedAt });
    expect(await ws.models.history(m.id)).toEqual([]);
    // After the window, a new entry.
    clock.advance(HISTORY_MERGE_WINDOW_MS + 1);
    await ws.models.updateDocument(m.id, setParameterUncertainty(example, 'sens_plasma', { low: 0.6, high: 0.9 }));
    history = await ws.models.history(m.id);
    expect(history.map((h) => h.summary)).toEqual(['Plasma NGS sensitivity, any driver (pooled): one-way high value 0.74 → 0.9', 'Plasma NGS sensitivity, any driver (pooled): one-way low value 0.63 → 0.6']);
    ws.close();
  });

  it('refuses a stale write, writes nothing when nothing changed, and refuses unknown models', async () => {
    const { ws, clock } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    clock.advance(1000);
    const saved = await ws.models.updateDocument(m.id, setParameterValue(example, 'c_plasma_ngs', 1200));
    const stale = await rejection(ws.models.updateDocument(m.id, setParameterValue(example, 'c_plasma_ngs', 1300), { expectedUpdatedAt: m.updatedAt }));
    expect(stale.code).toBe('stale');
    expect((await ws.models.get(m.id))!.document).toEqual(saved.model.document);
    const same = await ws.models.updateDocument(m.id, saved.model.document);
    expect(same.changes).toEqual([]);
    expect(same.model.updatedAt).toBe(saved.model.updatedAt);
    expect((await rejection(ws.models.updateDocument('nope', example))).code).toBe('not-found');
    ws.close();
  });

  it('named versions: saved with note and hash, listed without documents, restored after an automatic safety version', async () => {
    const { ws, clock } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    clock.advance(1000);
    const v1 = await ws.models.saveVersion(m.id, ' As published ', 'Before any change');
    expect(v1).toMatchObject({ name: 'As published', note: 'Before any change', hash: modelDocumentHash(example), automatic: false });
    clock.advance(1000);
    const edited = setParameterValue(example, 'c_plasma_ngs', 1500);
    await ws.models.updateDocument(m.id, edited);
    clock.advance(1000);
    const restored = await ws.models.restoreVersion(v1.id);
    expect(restored.model.document).toEqual(example);
    expect(restored.safetyVersion).toMatchObject({ name: 'Before restoring “As published”', automatic: true, hash: modelDocumentHash(edited) });
    expect(restored.changes.map((c) => c.summary)).toEqual(['Plasma NGS cost 1500 → 1000']);
    const versions = await ws.models.listVersions(m.id);
    expect(versions.map((v) => v.name)).toEqual(['Before restoring “As published”', 'As published']);
    expect(versions.every((v) => !('document' in v))).toBe(true);
    expect((await ws.models.getVersion(restored.safetyVersion.id))!.document).toEqual(edited);
    expect((await ws.models.history(m.id)).map((h) => h.source)).toEqual(['version-restore', 'edit']);
    ws.close();
  });

  it('runs: stored with provenance, listed without results, results read back with their typed arrays', async () => {
    const { ws, clock } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    const run = await ws.models.addRun(psaRun(m.id, example));
    expect(run).toMatchObject({ kind: 'psa', appVersion: appInfo.version, engineVersion: ENGINE_VERSION, modelHash: modelDocumentHash(example), status: 'complete', seed: 1 });
    // 4 draws: 2 x 8 costs + 8 effects + 4 parameter values = 20 doubles, plus the JSON around them.
    expect(run.resultBytes).toBeGreaterThan(20 * 8);
    expect(run.resultBytes).toBeLessThan(20 * 8 + 400);
    expect(await ws.models.listRuns(m.id)).toEqual([run]);
    const results = (await ws.models.getRunResults(run.id)) as { costs: Float64Array; parameterValues: Float64Array };
    expect(results.costs).toBeInstanceOf(Float64Array);
    expect(Array.from(results.parameterValues)).toEqual(Array.from({ length: 4 }, (_, i) => Math.PI * i));
    clock.advance(1000);
    const base1 = await ws.models.addRun({ ...psaRun(m.id, example), kind: 'base-case', startedAt: '2026-11-28T11:00:00.000Z', results: { ok: true } }, { replaceSameKind: true });
    const base2 = await ws.models.addRun({ ...psaRun(m.id, example), kind: 'base-case', startedAt: '2026-11-28T12:00:00.000Z', results: { ok: true } }, { replaceSameKind: true });
    expect((await ws.models.listRuns(m.id)).map((r) => r.id)).toEqual([base2.id, run.id]);
    expect(await ws.models.getRunResults(base1.id)).toBeUndefined();
    expect((await ws.models.latestRun(m.id, 'psa'))!.id).toBe(run.id);
    await ws.models.deleteRun(run.id);
    expect(await ws.models.getRunResults(run.id)).toBeUndefined();
    expect(await ws.models.latestRun(m.id, 'psa')).toBeUndefined();
    ws.close();
  });

  it('a version named "Version" by the user reads as typed in Dutch; one saved without a name is the translated default', async () => {
    const { ws, clock } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    const typed = await ws.models.saveVersion(m.id, 'Version');
    clock.advance(1000);
    const unnamed = await ws.models.saveVersion(m.id, '');
    expect([typed.name, typed.typedName, unnamed.name, unnamed.typedName]).toEqual(['Version', true, 'Version', false]);
    const nl = translator('nl-BE');
    expect((await ws.models.listVersions(m.id)).map((v) => shownVersionName(v, nl))).toEqual(['Versie', 'Version']);
    ws.close();
  });

  it('restoring a version typed "Version" keeps the name inside the kept version as typed; the unnamed default is translated inside', async () => {
    const { ws, clock } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    const typed = await ws.models.saveVersion(m.id, 'Version');
    clock.advance(1000);
    const unnamed = await ws.models.saveVersion(m.id, '');
    clock.advance(1000);
    const keptTyped = (await ws.models.restoreVersion(typed.id)).safetyVersion;
    clock.advance(1000);
    const keptUnnamed = (await ws.models.restoreVersion(unnamed.id)).safetyVersion;
    clock.advance(1000);
    // A restore of the automatic one kept before: the typed name deepest inside still reads as typed.
    const keptTwice = (await ws.models.restoreVersion(keptTyped.id)).safetyVersion;
    expect([keptTyped.name, keptTyped.typedName, keptUnnamed.typedName, keptTwice.typedName]).toEqual(['Before restoring “Version”', 1, false, 2]);
    const nl = translator('nl-BE');
    const shown = new Map((await ws.models.listVersions(m.id)).map((v) => [v.id, shownVersionName(v, nl)]));
    expect(shown.get(keptTyped.id)).toBe('Vóór het terugzetten van ‘Version’');
    expect(shown.get(keptUnnamed.id)).toBe('Vóór het terugzetten van ‘Versie’');
    expect(shown.get(keptTwice.id)).toBe('Vóór het terugzetten van ‘Vóór het terugzetten van ‘Version’’');
    ws.close();
  });

  it('a version the user named "Before restoring “…”" reads as typed inside the versions kept when it is restored, and again', async () => {
    const { ws, clock } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    const typed = await ws.models.saveVersion(m.id, 'Before restoring “Draft”');
    clock.advance(1000);
    const keptOnce = (await ws.models.restoreVersion(typed.id)).safetyVersion;
    clock.advance(1000);
    const keptTwice = (await ws.models.restoreVersion(keptOnce.id)).safetyVersion;
    const fr = translator('fr-BE');
    const shown = new Map((await ws.models.listVersions(m.id)).map((v) => [v.id, shownVersionName(v, fr)]));
    expect(shown.get(typed.id)).toBe('Before restoring “Draft”');
    expect(shown.get(keptOnce.id)).toBe('Avant la restauration de « Before restoring “Draft” »');
    expect(shown.get(keptTwice.id)).toBe('Avant la restauration de « Avant la restauration de « Before restoring “Draft” » »');
    ws.close();
  });

  it('removing a model removes its versions, history and runs', async () => {
    const { ws, name } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    await ws.models.saveVersion(m.id, 'v1');
    await ws.models.updateDocument(m.id, setParameterValue(example, 'c_plasma_ngs', 1500));
    await ws.models.addRun(psaRun(m.id, example));
    await ws.models.remove(m.id);
    ws.close();
    const again = await openWorkspace({ name });
    expect(await again.models.list()).toEqual([]);
    expect(await again.models.listVersions(m.id)).toEqual([]);
    expect(await again.models.history(m.id)).toEqual([]);
    expect(await again.models.listRuns(m.id)).toEqual([]);
    again.close();
  });

  it('a model deleted elsewhere and kept again takes its old id back, so the links to it work again; never another model\'s id', async () => {
    const { ws } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    const d = await ws.create({ title: 'D' });
    await ws.update(d.id, (x) => ({ ...x, modelLinks: [{ id: 'l1', name: 'M', ref: '', description: '', modelId: m.id }] }));
    await ws.models.saveVersion(m.id, 'v1');
    await ws.models.remove(m.id);
    const edited = setParameterValue(example, 'p_rebiopsy', 0.64);
    const kept = await ws.models.create({ document: edited, origin: exampleOrigin, preferredId: m.id });
    expect(kept.id).toBe(m.id);
    expect((await ws.models.get(m.id))?.document).toEqual(edited);
    expect(await ws.models.linkedDossiers(m.id)).toEqual([{ id: d.id, title: 'D', status: 'draft', linkId: 'l1' }]);
    // The versions went with the delete: the kept model starts without them.
    expect(await ws.models.listVersions(m.id)).toEqual([]);
    // Kept again by a second window too: the first one's stays, the second gets a new id.
    const second = await ws.models.create({ document: example, origin: exampleOrigin, preferredId: m.id });
    expect(second.id).not.toBe(m.id);
    expect((await ws.models.get(m.id))?.document).toEqual(edited);
    expect((await ws.models.list()).map((x) => x.id).sort()).toEqual([m.id, second.id].sort());
    ws.close();
  });

  it('links: the dossiers linking to a model are found', async () => {
    const { ws } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    const d = await ws.create({ title: 'D' });
    await ws.update(d.id, (x) => ({ ...x, modelLinks: [{ id: 'l1', name: 'M', ref: '', description: '', modelId: m.id }] }));
    expect(await ws.models.linkedDossiers(m.id)).toEqual([{ id: d.id, title: 'D', status: 'draft', linkId: 'l1' }]);
    ws.close();
  });
});

describe('models in files', () => {
  it('a backup carries models, versions, history and runs (typed arrays exact), and restores them', async () => {
    const { ws } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    await ws.models.saveVersion(m.id, 'v1', 'note');
    await ws.models.updateDocument(m.id, setParameterValue(example, 'c_plasma_ngs', 1500));
    const run = await ws.models.addRun(psaRun(m.id, example, 3));
    const file = await ws.backup();
    const parsed = parseBackupFile(file.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.backup.models.map((x) => x.id)).toEqual([m.id]);
    expect(parsed.backup.modelVersions).toHaveLength(1);
    expect(parsed.backup.modelHistory).toHaveLength(1);
    expect(parsed.backup.runs[0]!.results).toMatchObject({ costs: { $float64: expect.any(String) } });

    const other = await openWorkspace({ name: freshDbName() });
    const restored = await other.restoreBackup(file.text);
    expect(restored.kind === 'restored' && restored.counts).toMatchObject({ models: 1, runs: 1 });
    expect(await other.models.get(m.id)).toEqual(await ws.models.get(m.id));
    expect(await other.models.listRuns(m.id)).toEqual([run]);
    const back = (await other.models.getRunResults(run.id)) as { costs: Float64Array };
    expect(back.costs).toEqual((psaRun(m.id, example, 3).results as { costs: Float64Array }).costs);
    expect(await other.models.history(m.id)).toHaveLength(1);
    ws.close();
    other.close();
  });

  it('a dossier file carries the models it links to; importing keeps a different model of the same id and relinks to a copy', async () => {
    const { ws } = await freshWorkspace();
    const m = await ws.models.create({ document: example, origin: exampleOrigin });
    await ws.models.addRun(psaRun(m.id, example, 2));
    const d = await ws.create({ title: 'With a model' });
    await ws.update(d.id, (x) => ({ ...x, modelLinks: [{ id: 'l1', name: 'M', ref: '', description: '', modelId: m.id }, { id: 'l2', name: 'Gone', ref: '', description: '', modelId: 'missing-model' }] }));
    const file = await ws.exportDossier(d.id);
    const parsed = parseDossierFile(file.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.file.models.map((b) => [b.model.id, b.runs.length])).toEqual([[m.id, 1]]);

    // Into an empty workspace: the model comes with its runs.
    const fresh = await openWorkspace({ name: freshDbName() });
    expect((await fresh.importDossier(file.text)).kind).toBe('imported');
    expect((await fresh.models.get(m.id))!.document).toEqual(example);
    expect(await fresh.models.listRuns(m.id)).toHaveLength(1);
    fresh.close();

    // Into a workspace where that model id holds another document: it stays; the file's model is a copy.
    const clash = await openWorkspace({ name: freshDbName(), newId: (() => { let n = 0; return () => `new-${(n += 1)}`; })() });
    const edited = setParameterValue(example, 'c_plasma_ngs', 999);
    await clash.models.importBundles([{ model: { ...m, document: edited }, versions: [], history: [], runs: [] }]);
    const r = await clash.importDossier(file.text);
    if (r.kind !== 'imported') throw new Error(r.kind);
    const copyId = r.dossier.modelLinks[0]!.modelId!;
    expect(copyId).not.toBe(m.id);
    expect(r.dossier.modelLinks[1]!.modelId).toBe('missing-model');
    expect((await clash.models.get(m.id))!.document).toEqual(edited);
    expect(await clash.models.get(copyId)).toMatchObject({ title: `${m.title} (imported copy)`, document: example });
    expect((await clash.models.listRuns(copyId)).map((x) => x.modelId)).toEqual([copyId]);
    // A copy is titled with the suffix the app passes in the display language.
    const dutch = await clash.importDossier(file.text, { onConflict: 'copy', importedCopySuffix: '(geïmporteerde kopie)' });
    if (dutch.kind !== 'imported') throw new Error(dutch.kind);
    expect((await clash.models.get(dutch.dossier.modelLinks[0]!.modelId!))!.title).toBe(`${m.title} (geïmporteerde kopie)`);
    clash.close();
    ws.close();
  });
});

describe('read-only workspace', () => {
  it('a workspace from a newer version lists nothing it cannot read and refuses model writes with the reason', async () => {
    const name = freshDbName();
    const future = new Dexie(name);
    future.version(40).stores({ dossiers: 'id, updatedAt, status, deleted', meta: 'key', models: 'id, updatedAt' });
    await future.open();
    await future.table('meta').add({ key: 'dataFormat', value: 40 });
    future.close();
    const ws = await openWorkspace({ name });
    expect(ws.readOnlyReason).toMatch(/newer HTA Workbench \(data format 40\)/);
    const refused = await rejection(ws.models.create({ document: example, origin: exampleOrigin }));
    expect(refused.code).toBe('read-only');
    expect(refused.message).toBe(ws.readOnlyReason);
    ws.close();
  });
});
