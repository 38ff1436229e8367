// A dossier stored with the element wording of the templates before the Core Model card check is read with the
// corrected wording; an edit then stores it, without history entries for the wording (it is not an edit).
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { coreModelDomains } from '../../src/dossier/core-model';
import type { Dossier } from '../../src/dossier/schema';
import { freshWorkspace } from './helpers';
import { oldWordingDossier } from '../dossier/fixtures';

const e0003 = (d: Dossier) => coreModelDomains.flatMap((dom) => d.domains[dom.code].elements).find((e) => e.id === 'E0003')!;

describe('stored dossiers with the old element wording', () => {
  it('are read with the corrected wording, and an edit stores it with only the edit in the history', async () => {
    const { ws, name } = await freshWorkspace();
    const created = await ws.create({ title: 'Stored before the card check' });
    // Overwrite the stored body with the old wording, as an earlier version of the app left it.
    const old = { ...oldWordingDossier(), id: created.id, createdAt: created.createdAt, updatedAt: created.updatedAt };
    const raw = new Dexie(name);
    await raw.open();
    const rec = await raw.table('dossiers').get(created.id);
    await raw.table('dossiers').put({ ...rec, dossier: old });
    raw.close();

    const read = (await ws.get(created.id))!;
    expect(e0003(read)).toMatchObject({ topic: 'Unit costs', answer: 'Answer of E0003' });
    expect(read.updatedAt).toBe(old.updatedAt);

    const { changes } = await ws.update(created.id, (d) => {
      e0003(d).answer = 'Tariffs from the RIZIV/INAMI nomenclature';
      return d;
    }, { expectedUpdatedAt: read.updatedAt });
    expect(changes.map((c) => c.path)).toEqual(['domains.ECO.elements[#E0003].answer']);
    const check = new Dexie(name);
    await check.open();
    const stored = (await check.table('dossiers').get(created.id)).dossier as Dossier;
    check.close();
    expect(e0003(stored)).toMatchObject({ topic: 'Unit costs', answer: 'Tariffs from the RIZIV/INAMI nomenclature' });
    ws.close();
  });
});
