import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';
import { newDossier } from '../../src/dossier/new-dossier';
import { dossierSchema } from '../../src/dossier/schema';
import type { Dossier } from '../../src/dossier/schema';
import {
  addElement, addPico, allElementIds, changeStatus, evidenceRemoval, formatAccuracy, linesToList, linkEvidence, reinsertElement,
  reinsertEvidence, reinsertPico, removeElement, removeEvidence, removePico, unlinkEvidence, updateElement, upsertEvidence,
  withoutBlankLines,
} from '../../src/renderer/dossiers/dossier-edits';
import { accuracyFromText } from '../../src/renderer/dossiers/editor/evidence-section';
import { describeValue } from '../../src/renderer/dossiers/editor/history-section';

const base = (): Dossier => newDossier({ id: 'd1', now: '2026-11-28T12:00:00.000Z', title: 'T' });

function evidence(id: string) {
  return {
    id, citation: `Study ${id}`, design: 'cohort', population: '', n: 10, indexTest: '', referenceTest: '',
    sensitivity: null, specificity: null, notes: '', unverified: false, secondarySource: false,
  };
}

describe('dossier edits', () => {
  it('updates one element and leaves the original untouched', () => {
    const d = base();
    const next = updateElement(d, 'EFF', 'D1001', { answer: 'yes' });
    expect(next.domains.EFF.elements.find((e) => e.id === 'D1001')?.answer).toBe('yes');
    expect(d.domains.EFF.elements.find((e) => e.id === 'D1001')?.answer).toBe('');
    expect(next.domains.CUR).toBe(d.domains.CUR);
  });

  it('removing evidence also unlinks it everywhere, so the dossier stays valid', () => {
    let d = upsertEvidence(upsertEvidence(base(), evidence('ev-1')), evidence('ev-2'));
    d = linkEvidence(d, 'EFF', 'D1001', 'ev-1');
    d = linkEvidence(d, 'CUR', 'A0002', 'ev-1');
    d = linkEvidence(d, 'CUR', 'A0002', 'ev-2');
    expect(dossierSchema.safeParse(d).success).toBe(true);
    const next = removeEvidence(d, 'ev-1');
    expect(next.evidence.map((e) => e.id)).toEqual(['ev-2']);
    expect(next.domains.EFF.elements.find((e) => e.id === 'D1001')?.evidenceIds).toEqual([]);
    expect(next.domains.CUR.elements.find((e) => e.id === 'A0002')?.evidenceIds).toEqual(['ev-2']);
    expect(dossierSchema.safeParse(next).success).toBe(true);
  });

  it('undoing an evidence removal puts the item and its links back and keeps what was typed since', () => {
    let d = upsertEvidence(upsertEvidence(base(), evidence('ev-1')), evidence('ev-2'));
    d = linkEvidence(d, 'EFF', 'D1001', 'ev-1');
    d = linkEvidence(d, 'CUR', 'A0002', 'ev-2');
    d = linkEvidence(d, 'CUR', 'A0002', 'ev-1');
    const removed = evidenceRemoval(d, 'ev-1')!;
    expect(removed.index).toBe(0);
    expect(removed.links).toEqual([{ code: 'CUR', elementId: 'A0002', position: 1 }, { code: 'EFF', elementId: 'D1001', position: 0 }]);
    // After the removal the analyst answers an element, edits the other item and adds a third, then clicks Undo.
    let after = removeEvidence(d, 'ev-1');
    after = updateElement(after, 'EFF', 'D1001', { answer: 'Sensitivity 0.91' });
    after = upsertEvidence(after, { ...evidence('ev-2'), citation: 'Study 2, corrected' });
    after = upsertEvidence(after, evidence('ev-3'));
    after = linkEvidence(after, 'CUR', 'A0002', 'ev-3');
    const undone = reinsertEvidence(after, removed);
    expect(undone.evidence.map((e) => e.id)).toEqual(['ev-1', 'ev-2', 'ev-3']);
    expect(undone.evidence[1]?.citation).toBe('Study 2, corrected');
    const d1001 = undone.domains.EFF.elements.find((e) => e.id === 'D1001')!;
    expect(d1001.answer).toBe('Sensitivity 0.91');
    expect(d1001.evidenceIds).toEqual(['ev-1']);
    expect(undone.domains.CUR.elements.find((e) => e.id === 'A0002')?.evidenceIds).toEqual(['ev-2', 'ev-1', 'ev-3']);
    expect(dossierSchema.safeParse(undone).success).toBe(true);
    // An element removed in the meantime loses the link, not the undo; a second undo changes nothing.
    const withoutElement = removeElement(after, 'EFF', 'D1001');
    const partly = reinsertEvidence(withoutElement, removed);
    expect(partly.evidence.map((e) => e.id)).toEqual(['ev-1', 'ev-2', 'ev-3']);
    expect(dossierSchema.safeParse(partly).success).toBe(true);
    expect(reinsertEvidence(undone, removed)).toBe(undone);
    expect(evidenceRemoval(d, 'nope')).toBeNull();
  });

  it('works on the bundled example: removing every evidence item leaves a valid dossier', () => {
    let d = exampleDossier();
    for (const e of d.evidence) d = removeEvidence(d, e.id);
    expect(d.evidence).toEqual([]);
    const result = dossierSchema.safeParse(d);
    expect(result.success).toBe(true);
  });

  it('links evidence once and unlinks it', () => {
    let d = upsertEvidence(base(), evidence('ev-1'));
    d = linkEvidence(linkEvidence(d, 'EFF', 'D1001', 'ev-1'), 'EFF', 'D1001', 'ev-1');
    expect(d.domains.EFF.elements.find((e) => e.id === 'D1001')?.evidenceIds).toEqual(['ev-1']);
    d = unlinkEvidence(d, 'EFF', 'D1001', 'ev-1');
    expect(d.domains.EFF.elements.find((e) => e.id === 'D1001')?.evidenceIds).toEqual([]);
  });

  it('upserts evidence by id', () => {
    const d = upsertEvidence(upsertEvidence(base(), evidence('ev-1')), { ...evidence('ev-1'), citation: 'changed' });
    expect(d.evidence).toHaveLength(1);
    expect(d.evidence[0]?.citation).toBe('changed');
  });

  it('keeps the last PICO question', () => {
    const d = base();
    expect(d.picos).toHaveLength(1);
    expect(removePico(d, d.picos[0]!.id)).toBe(d);
  });

  it('follows the status workflow and refuses skipped steps', () => {
    const d = base();
    expect(changeStatus(d, 'final')).toBe(d);
    const review = changeStatus(d, 'under-review');
    expect(review.status).toBe('under-review');
    expect(changeStatus(review, 'final').status).toBe('final');
    expect(changeStatus(changeStatus(review, 'final'), 'under-review').status).toBe('final');
  });

  it('adds elements and knows every element id', () => {
    const d = addElement(base(), 'ETH', { id: 'F0005', topic: 't', issue: 'q', answer: '', status: 'not-started', evidenceIds: [] });
    expect(allElementIds(d).has('F0005')).toBe(true);
    expect(allElementIds(d).has('D1001')).toBe(true);
  });
});

describe('text helpers', () => {
  it('keeps lines exactly while typing and drops blanks afterwards', () => {
    expect(linesToList('')).toEqual([]);
    expect(linesToList('a\n')).toEqual(['a', '']);
    expect(linesToList('a\n').join('\n')).toBe('a\n');
    expect(withoutBlankLines([' a ', '', '  ', 'b'])).toEqual(['a', 'b']);
  });

  it('formats accuracy with its 95% CI', () => {
    expect(formatAccuracy(null)).toBe('—');
    expect(formatAccuracy({ estimate: 0.691, lower: 0.63, upper: 0.7449 })).toBe('0.69 (0.63–0.74)');
    expect(formatAccuracy({ estimate: 0.8, lower: null, upper: 0.9 })).toBe('0.80');
  });

  it('reads accuracy text boxes by the display language (English here): empty → none, junk → NaN for the schema to reject', () => {
    expect(accuracyFromText({ estimate: '', lower: '', upper: '' })).toBeNull();
    expect(accuracyFromText({ estimate: '0.8', lower: '0.7', upper: '' })).toEqual({ estimate: 0.8, lower: 0.7, upper: null });
    // One rule in every field: in English a comma is a thousands separator, so "0,8" is not a number.
    expect(accuracyFromText({ estimate: '0,8', lower: '', upper: '' })?.estimate).toBeNaN();
    expect(accuracyFromText({ estimate: '', lower: '0.7', upper: '' })?.estimate).toBeNaN();
    expect(accuracyFromText({ estimate: 'abc', lower: '', upper: '' })?.estimate).toBeNaN();
  });

  it('describes history values briefly', () => {
    expect(describeValue(null)).toBe('—');
    expect(describeValue('')).toBe('—');
    expect(describeValue('draft')).toBe('draft');
    expect(describeValue(['a', 'b'])).toBe('a, b');
    expect(describeValue([])).toBe('(empty list)');
    expect(describeValue({ id: 'ev-1', citation: 'Leighl 2019' })).toBe('“Leighl 2019”');
    expect(describeValue('x'.repeat(300))).toHaveLength(158);
  });
});

describe('undo helpers', () => {
  it('reinserts a removed element at its old place, dropping links to evidence removed since', () => {
    let d = upsertEvidence(upsertEvidence(base(), evidence('ev-1')), evidence('ev-2'));
    d = linkEvidence(linkEvidence(d, 'EFF', 'D1007', 'ev-1'), 'EFF', 'D1007', 'ev-2');
    const order = d.domains.EFF.elements.map((e) => e.id);
    const element = d.domains.EFF.elements.find((e) => e.id === 'D1007')!;
    const index = order.indexOf('D1007');
    let next = removeElement(d, 'EFF', 'D1007');
    next = removeEvidence(next, 'ev-2');
    next = reinsertElement(next, 'EFF', element, index);
    expect(next.domains.EFF.elements.map((e) => e.id)).toEqual(order);
    expect(next.domains.EFF.elements[index]?.evidenceIds).toEqual(['ev-1']);
    expect(dossierSchema.safeParse(next).success).toBe(true);
    expect(reinsertElement(next, 'EFF', element, index)).toBe(next);
  });

  it('reinserts a removed PICO question at its old place', () => {
    const second = { id: 'pico-2', label: 'P2', population: '', intervention: '', comparators: [], outcomes: [] };
    const third = { ...second, id: 'pico-3', label: 'P3' };
    const d = addPico(addPico(base(), second), third);
    const next = reinsertPico(removePico(d, 'pico-2'), second, 1);
    expect(next.picos.map((p) => p.id)).toEqual(d.picos.map((p) => p.id));
  });
});
