// The element-wording fix-up: dossiers written with the wording of the templates before the card check get the
// corrected topics and questions, on import and when read from the workspace; answers stay with their element and
// text a user changed is kept.
import { describe, expect, it } from 'vitest';
import { appInfo } from '../../src/dossier/app-info';
import { coreModelDomains, elementTemplate } from '../../src/dossier/core-model';
import { PREVIOUS_ELEMENT_WORDING, upgradeElementWording } from '../../src/dossier/element-wording';
import { buildBackupFile, buildDossierFile, serializeFile } from '../../src/dossier/file-format';
import { parseBackupFile, parseDossierFile, validateDossier } from '../../src/dossier/parse-file';
import type { Dossier } from '../../src/dossier/schema';
import { oldWordingDossier, T0, validDossier } from './fixtures';

const element = (d: Dossier, id: string) => coreModelDomains.flatMap((dom) => d.domains[dom.code].elements).find((e) => e.id === id)!;

describe('element wording fix-up', () => {
  it('replaces the old topics and questions; every answer stays with its element', () => {
    const old = oldWordingDossier();
    expect(element(old, 'E0003')).toMatchObject({ topic: 'Resource utilization', issue: PREVIOUS_ELEMENT_WORDING.E0003!.issue });
    const { dossier, changed } = upgradeElementWording(old);
    expect(changed.sort()).toEqual(Object.keys(PREVIOUS_ELEMENT_WORDING).filter((id) => elementTemplate(id)).sort());
    expect(element(dossier, 'E0003')).toMatchObject({ topic: 'Unit costs', issue: elementTemplate('E0003')!.issue, answer: 'Answer of E0003' });
    expect(element(dossier, 'F0018').topic).toBe('Questions about effectiveness and accuracy');
    expect(element(dossier, 'G0101').topic).toBe('Structure of health care system');
    expect(element(dossier, 'I0011').issue).toBe('Is the technology equally accessible to all needing members in a given society?');
    for (const dom of coreModelDomains) {
      expect(dossier.domains[dom.code].elements.map((e) => [e.id, e.answer, e.status])).toEqual(old.domains[dom.code].elements.map((e) => [e.id, e.answer, e.status]));
    }
    expect(validateDossier(dossier).ok).toBe(true);
    // The input is not changed, and a second pass changes nothing (the same object comes back).
    expect(element(old, 'E0003').topic).toBe('Resource utilization');
    const again = upgradeElementWording(dossier);
    expect(again.changed).toEqual([]);
    expect(again.dossier).toBe(dossier);
  });

  it('keeps a topic or question the user changed', () => {
    const old = oldWordingDossier();
    const e4 = element(old, 'E0004');
    e4.issue = 'Our own question about productivity';
    const { dossier } = upgradeElementWording(old);
    expect(element(dossier, 'E0004')).toMatchObject({ topic: 'Indirect Costs', issue: 'Our own question about productivity' });
  });

  it('is applied when a dossier file or a backup (with its snapshots) is imported', () => {
    const parsed = parseDossierFile(serializeFile(buildDossierFile(oldWordingDossier(), appInfo, T0)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(element(parsed.dossier, 'E0011').topic).toBe('Characterising heterogeneity');
    expect(element(parsed.file.dossier, 'E0011').topic).toBe('Characterising heterogeneity');
    const old = oldWordingDossier();
    const backup = buildBackupFile({ dossiers: [old], snapshots: [{ id: 's-1', dossierId: old.id, name: 'Before', createdAt: T0, automatic: false, dossier: old }], history: [], models: [], modelVersions: [], modelHistory: [], runs: [], psaImports: [] }, appInfo, T0);
    const restored = parseBackupFile(serializeFile(backup));
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(element(restored.backup.dossiers[0]!, 'H0009').issue).toBe('What are the consequences in decision making?');
    expect(element(restored.backup.snapshots[0]!.dossier, 'H0009').issue).toBe('What are the consequences in decision making?');
  });

  it('leaves a dossier without Core Model elements, or with current wording, untouched', () => {
    const blank = validDossier();
    for (const dom of coreModelDomains) blank.domains[dom.code].elements = [];
    expect(upgradeElementWording(blank).dossier).toBe(blank);
    const current = validDossier();
    expect(upgradeElementWording(current).changed).toEqual([]);
  });
});
