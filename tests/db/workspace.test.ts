import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DOSSIER_ID, EXAMPLE_DOSSIER_TITLE } from '../../src/dossier/examples/liquid-biopsy-nsclc';
import { describeStatusEvent, statusEventsAdded } from '../../src/dossier/governance';
import { WorkspaceError } from '../../src/renderer/db/errors';
import { HISTORY_MERGE_WINDOW_MS, openWorkspace } from '../../src/renderer/db/workspace';
import { translator } from '../../src/report/i18n/translate';
import { freshWorkspace } from './helpers';

async function rejection(p: Promise<unknown>): Promise<WorkspaceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkspaceError) return err;
    throw err;
  }
  throw new Error('expected a WorkspaceError');
}

describe('library', () => {
  it('seeds the example on the first run only, and not again after it is deleted', async () => {
    const { ws, name } = await freshWorkspace();
    expect(await ws.seedExampleOnFirstRun()).toBe(true);
    expect((await ws.list()).map((s) => [s.id, s.title])).toEqual([[EXAMPLE_DOSSIER_ID, EXAMPLE_DOSSIER_TITLE]]);
    expect(await ws.seedExampleOnFirstRun()).toBe(false);
    await ws.delete(EXAMPLE_DOSSIER_ID);
    await ws.purgeDeleted();
    ws.close();
    const again = await openWorkspace({ name });
    expect(await again.seedExampleOnFirstRun()).toBe(false);
    expect(await again.list({ archived: 'include' })).toEqual([]);
    again.close();
  });

  it('creates, lists with summaries, duplicates and archives', async () => {
    const { ws, clock } = await freshWorkspace();
    const a = await ws.create({ title: 'Alpha', technologyType: 'ngs-panel' });
    clock.advance(1000);
    const b = await ws.create({ title: 'Beta', template: 'blank' });
    clock.advance(1000);
    const copy = await ws.duplicate(a.id);
    expect(copy.title).toBe('Alpha (copy)');
    expect(copy.id).not.toBe(a.id);
    expect({ ...copy, id: a.id, title: a.title, createdAt: a.createdAt, updatedAt: a.updatedAt }).toEqual(a);
    expect((await ws.list()).map((s) => s.title)).toEqual(['Alpha (copy)', 'Beta', 'Alpha']);
    const summary = (await ws.list({ search: 'beta' }))[0]!;
    expect(summary).toMatchObject({ id: b.id, status: 'draft', technologyType: 'other', completion: { done: 0, total: 0 }, evidenceCount: 0 });
    await ws.setArchived(a.id, true);
    expect((await ws.list()).map((s) => s.title)).toEqual(['Alpha (copy)', 'Beta']);
    expect((await ws.list({ archived: 'only' })).map((s) => s.title)).toEqual(['Alpha']);
    // Archiving stamped Alpha at the copy's time (the clock did not move): equal times sort by title.
    expect((await ws.list({ technologyType: 'ngs-panel', archived: 'include' })).map((s) => s.title)).toEqual(['Alpha', 'Alpha (copy)']);
    ws.close();
  });

  it('a dossier copied on a French screen is titled with the French suffix', async () => {
    const { ws } = await freshWorkspace();
    const a = await ws.create({ title: 'Alpha' });
    expect((await ws.duplicate(a.id, { copySuffix: translator('fr-BE')('common.copySuffix') })).title).toBe('Alpha (copie)');
    ws.close();
  });

  it('finds dossiers by the text of their answers', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'One' });
    await ws.create({ title: 'Two' });
    await ws.update(d.id, (x) => {
      x.domains.ORG.elements[0]!.answer = 'Samples go to the molecular tumour board.';
      return x;
    });
    expect((await ws.list({ search: 'tumour board' })).map((s) => s.title)).toEqual(['One']);
    ws.close();
  });

  it('deletes softly, undoes with the token, and purges for good', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'Doomed' });
    await ws.createSnapshot(d.id, 'v1');
    const receipt = await ws.delete(d.id);
    expect(receipt.title).toBe('Doomed');
    expect(await ws.get(d.id)).toBeUndefined();
    expect(await ws.list({ archived: 'include' })).toEqual([]);
    expect(await ws.undoDelete(receipt.undoToken)).toEqual(d);
    expect((await ws.list()).map((s) => s.id)).toEqual([d.id]);
    expect((await rejection(ws.undoDelete(receipt.undoToken))).code).toBe('not-found');
    const second = await ws.delete(d.id);
    expect(await ws.purgeDeleted()).toBe(1);
    expect((await rejection(ws.undoDelete(second.undoToken))).code).toBe('not-found');
    expect(await ws.listSnapshots(d.id)).toEqual([]);
    expect(await ws.history(d.id)).toEqual([]);
    expect((await rejection(ws.undoDelete('garbage'))).code).toBe('not-found');
    ws.close();
  });

  it('keeps recently deleted dossiers when purging only older ones', async () => {
    const { ws, clock } = await freshWorkspace();
    const old = await ws.create({ title: 'Old' });
    const recent = await ws.create({ title: 'Recent' });
    await ws.delete(old.id);
    clock.advance(60_000);
    const r = await ws.delete(recent.id);
    expect(await ws.purgeDeleted({ olderThanMs: 30_000 })).toBe(1);
    expect((await ws.undoDelete(r.undoToken)).title).toBe('Recent');
    ws.close();
  });
});

describe('updates and history', () => {
  it('records one history entry per changed field, with old and new values', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    clock.advance(5000);
    const r = await ws.update(d.id, (x) => ({ ...x, title: 'T2', indication: 'NSCLC' }));
    expect(r.dossier.updatedAt).toBe('2026-11-28T10:00:05.000Z');
    expect(r.changes).toEqual([
      { path: 'title', before: 'T', after: 'T2' },
      { path: 'indication', before: '', after: 'NSCLC' },
    ]);
    const h = await ws.history(d.id);
    expect(h.map((e) => [e.path, e.before, e.after, e.source, e.at])).toEqual([
      ['indication', '', 'NSCLC', 'edit', '2026-11-28T10:00:05.000Z'],
      ['title', 'T', 'T2', 'edit', '2026-11-28T10:00:05.000Z'],
    ]);
    expect(await ws.get(d.id)).toEqual(r.dossier);
    ws.close();
  });

  it('writes nothing when nothing changed', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    clock.advance(5000);
    const r = await ws.update(d.id, (x) => x);
    expect(r).toEqual({ dossier: d, changes: [] });
    expect(await ws.history(d.id)).toEqual([]);
    ws.close();
  });

  it('merges autosaves of the same field within the window into one entry', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    const setAnswer = (text: string) =>
      ws.update(d.id, (x) => {
        x.domains.EFF.elements[0]!.answer = text;
        return x;
      });
    await setAnswer('S');
    clock.advance(1000);
    await setAnswer('Se');
    clock.advance(1000);
    await setAnswer('Sens');
    let h = await ws.history(d.id);
    expect(h.map((e) => [e.path, e.before, e.after])).toEqual([['domains.EFF.elements[#D1001].answer', '', 'Sens']]);
    // After the window a new entry starts.
    clock.advance(HISTORY_MERGE_WINDOW_MS + 1);
    await setAnswer('Sensitivity');
    h = await ws.history(d.id);
    expect(h.map((e) => [e.before, e.after])).toEqual([
      ['Sens', 'Sensitivity'],
      ['', 'Sens'],
    ]);
    // Typing back to the entry's old value removes the entry.
    clock.advance(1000);
    await setAnswer('Sens');
    expect((await ws.history(d.id)).map((e) => e.after)).toEqual(['Sens']);
    ws.close();
  });

  it('does not merge across a change of another field', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    await ws.update(d.id, (x) => ({ ...x, title: 'A' }));
    clock.advance(1000);
    await ws.update(d.id, (x) => ({ ...x, indication: 'I' }));
    clock.advance(1000);
    await ws.update(d.id, (x) => ({ ...x, title: 'B' }));
    expect((await ws.history(d.id)).map((e) => `${e.path}:${String(e.before)}→${String(e.after)}`)).toEqual(['title:A→B', 'indication:→I', 'title:T→A']);
    ws.close();
  });

  it('refuses invalid dossiers, listing every problem, and changes nothing', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    const err = await rejection(
      ws.update(d.id, (x) => {
        x.title = '';
        x.domains.EFF.elements[0]!.evidenceIds = ['nope'];
        return x;
      }),
    );
    expect(err.code).toBe('invalid');
    expect(err.problems.map((p) => p.path)).toEqual(['title', 'domains.EFF.elements[0].evidenceIds[0]']);
    expect(await ws.get(d.id)).toEqual(d);
    const err2 = await rejection(ws.update(d.id, { ...d, id: 'other' }));
    expect(err2.code).toBe('invalid');
    ws.close();
  });

  it('keeps id and createdAt, and refuses stale writes', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    clock.advance(1000);
    const r = await ws.update(d.id, (x) => ({ ...x, title: 'U', createdAt: '2000-01-01T00:00:00.000Z' }));
    expect(r.dossier.createdAt).toBe(d.createdAt);
    const err = await rejection(ws.update(d.id, (x) => ({ ...x, title: 'V' }), { expectedUpdatedAt: d.updatedAt }));
    expect(err.code).toBe('stale');
    expect((await ws.update(d.id, (x) => ({ ...x, title: 'V' }), { expectedUpdatedAt: r.dossier.updatedAt })).dossier.title).toBe('V');
    ws.close();
  });

  it('follows the status workflow and records status changes', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    const err = await rejection(ws.changeStatus(d.id, 'final'));
    expect(err.code).toBe('invalid-transition');
    expect(err.message).toBe('A dossier cannot go from “Draft” to “Final”.');
    await ws.changeStatus(d.id, 'under-review');
    const final = await ws.changeStatus(d.id, 'final', { by: 'Dr A. Peeters' });
    expect(final.status).toBe('final');
    expect((await ws.history(d.id)).filter((e) => e.path === 'status').map((e) => [e.path, e.before, e.after, e.source])).toEqual([
      ['status', 'under-review', 'final', 'status'],
      ['status', 'draft', 'under-review', 'status'],
    ]);
    expect((await rejection(ws.update(d.id, (x) => ({ ...x, status: 'under-review' })))).code).toBe('invalid-transition');
    ws.close();
  });

  it('governance: approving names the approver; a final dossier is read-only until reopened with a reason; each change is logged', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    await ws.changeStatus(d.id, 'under-review');
    const noName = await rejection(ws.changeStatus(d.id, 'final', { by: '  ' }));
    expect([noName.code, noName.message]).toEqual(['invalid', 'Approving a dossier as final needs the name of the person approving it.']);
    clock.advance(1000);
    const final = await ws.changeStatus(d.id, 'final', { by: ' Dr A. Peeters ' });
    expect(final.statusLog?.map((e) => [e.from, e.to, e.by, e.reason, e.at])).toEqual([
      ['draft', 'under-review', '', '', '2026-11-28T10:00:00.000Z'],
      ['under-review', 'final', 'Dr A. Peeters', '', '2026-11-28T10:00:01.000Z'],
    ]);
    // Content, snapshots restored onto it and reopening without a reason are all refused; archiving is not.
    const edit = await rejection(ws.update(d.id, (x) => ({ ...x, title: 'Changed' })));
    expect([edit.code, edit.message]).toEqual(['final', '“T” is final and read-only. Reopen it as a draft, with a reason, to change it.']);
    const snap = await ws.createSnapshot(d.id, 'final version');
    expect((await rejection(ws.restoreSnapshot(snap.id))).code).toBe('final');
    expect((await ws.setArchived(d.id, true)).archived).toBe(true);
    expect((await rejection(ws.changeStatus(d.id, 'draft'))).message).toBe('Reopening a final dossier needs a reason.');
    expect((await ws.get(d.id))!.status).toBe('final');
    clock.advance(1000);
    const reopened = await ws.changeStatus(d.id, 'draft', { by: 'B. Maes', reason: 'New survival data' });
    expect(reopened.statusLog?.at(-1)).toMatchObject({ from: 'final', to: 'draft', by: 'B. Maes', reason: 'New survival data' });
    expect((await ws.update(d.id, (x) => ({ ...x, title: 'Changed' }))).dossier.title).toBe('Changed');
    const history = await ws.history(d.id);
    // The history tells each change in words.
    expect(history.flatMap((h) => statusEventsAdded(h.path, h.before, h.after)).map(describeStatusEvent)).toEqual([
      'Reopened as draft by B. Maes: New survival data',
      'Approved as final by Dr A. Peeters',
      'Submitted for review',
    ]);
    ws.close();
  });

  it('says which dossier is missing', async () => {
    const { ws } = await freshWorkspace();
    const err = await rejection(ws.update('nope', (x) => x));
    expect([err.code, err.message]).toEqual(['not-found', 'No dossier with id nope']);
    ws.close();
  });
});
