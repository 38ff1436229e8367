import { describe, expect, it } from 'vitest';
import type { CoreModelApplication } from '../../src/dossier/core-model';
import { coreModelDomains, diagnosticElementTemplates, domainCodeForElementId, elementCardReference, elementTemplate } from '../../src/dossier/core-model';

describe('HTA Core Model domains', () => {
  it('has the nine domains in Core Model order with letters A to I', () => {
    expect(coreModelDomains.map((d) => `${d.letter}:${d.code}`)).toEqual(['A:CUR', 'B:TEC', 'C:SAF', 'D:EFF', 'E:ECO', 'F:ETH', 'G:ORG', 'H:SOC', 'I:LEG']);
    // HTAR Art 2(e): the clinical assessment is CUR + TEC + SAF + EFF.
    expect(coreModelDomains.filter((d) => d.clinical).map((d) => d.code)).toEqual(['CUR', 'TEC', 'SAF', 'EFF']);
    expect(coreModelDomains.find((d) => d.code === 'SOC')!.name).toBe('Patients and Social aspects');
  });

  it('files every default element under the domain of its letter, once', () => {
    for (const t of diagnosticElementTemplates) expect(domainCodeForElementId(t.id)).toBe(t.domain);
    const ids = diagnosticElementTemplates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of coreModelDomains) expect(diagnosticElementTemplates.some((t) => t.domain === d.code)).toBe(true);
  });
});

describe('elements checked against the element cards (DOMAIN-NOTES.md §1.4)', () => {
  // Copied by hand from the §1.4 table: id → [application, card e=, question as found].
  const cards: Record<string, [CoreModelApplication, number, string]> = {
    A0002: ['Medical and Surgical Interventions 2.0', 669, 'What is the disease or health condition in the scope of this assessment?'],
    A0004: ['Pharmaceuticals 2.0', 671, 'What is the natural course of the disease or health condition?'],
    A0007: ['Screening Technologies 1.0', 353, 'What is the target population of the technology?'],
    A0013: ['Screening Technologies 1.0', 357, 'How is the disease/health condition currently diagnosed or screened?'],
    A0018: ['Pharmaceuticals 2.0', 679, 'What are the other typical or common alternatives to the current technology?'],
    A0024: ['Pharmaceuticals 2.0', 680, 'How is the disease or health condition currently diagnosed according to published guidelines and in practice?'],
    B0001: ['Diagnostic Technologies 1.1', 198, 'What is this technology?'],
    B0006: ['Screening Technologies 1.0', 372, 'Are there any special features relevant to this technology?'],
    B0008: ['Screening Technologies 1.0', 376, 'What kind of special premises are needed to use the technology?'],
    B0018: ['Screening Technologies 1.0', 374, 'Are the reference values or cut-off points clearly established?'],
    C0001: ['Screening Technologies 1.0', 384, 'What kind of harms can use of the technology cause to the patient; what are the incidence, severity and duration of harms?'],
    C0007: ['Screening Technologies 1.0', 391, 'What are the special features in using (applying/interpreting/maintaining) the technology that may increase the risk of harmful events?'],
    D0001: ['Screening Technologies 1.0', 400, 'What is the effect of the intervention on overall mortality?'],
    D0020: ['Screening Technologies 1.0', 408, 'Does use of the test lead to improved detection of the condition?'],
    D0023: ['Screening Technologies 1.0', 412, 'How does the technology modify the need for other technologies and use of resources?'],
    D0026: ['Screening Technologies 1.0', 406, 'How does the technology modify the effectiveness of subsequent interventions?'],
    D0029: ['Pharmaceuticals 2.0', 723, 'What are the overall benefits and harms of the technology in health outcomes?'],
    D0032: ['Diagnostic Technologies 1.1', 323, 'How does the test-treatment intervention modify the magnitude and frequency of morbidity?'],
    D1007: ['Screening Technologies 1.0', 427, 'How does test accuracy vary in different settings?'],
    E0001: ['Screening Technologies 1.0', 434, 'What types of resources are used when delivering the assessed technology and its comparators (resource use identification)?'],
    E0002: ['Pharmaceuticals 2.0', 749, 'What amounts of resources are used when delivering the assessed technology and its comparators (resource-use measurement)?'],
    E0003: ['Screening Technologies 1.0', 436, 'What are the unit costs of the resources used when delivering the assessed technology and its comparators?'],
    E0004: ['Diagnostic Technologies 1.1', 249, 'What is the impact of the technology on indirect costs?'],
    E0005: ['Diagnostic Technologies 1.1', 250, 'What are the incremental effects of the technology relative to its comparator(s)?'],
    E0011: ['Pharmaceuticals 2.0', 754, "To what extent can differences in costs, outcomes, or 'cost effectiveness' be explained by variations between any subgroups using the technology and its comparator(s)?"],
    F0017: ['Medical and Surgical Interventions 2.0', 773, 'What are the ethical consequences of the choice of end-points, cut-off values and comparators/controls in the assessment?'],
    F0018: ['Screening Technologies 1.0', 458, 'Are the accuracy measures decided and balanced on a transparent and acceptable way?'],
    G0004: ['Medical and Surgical Interventions 2.0', 780, 'What kind of co-operation and communication of activities have to be mobilised?'],
    G0100: ['Pharmaceuticals 2.0', 777, 'What kind of patient/participant flow is associated with the new technology?'],
    G0101: ['Pharmaceuticals 2.0', 783, 'What are the processes ensuring access to care of the new technology for patients/participants?'],
    H0002: ['Screening Technologies 1.0', 473, 'Who are the important others that may be affected, in addition to the individual using the technology?'],
    H0009: ['Diagnostic Technologies 1.1', 286, 'What are the consequences in decision making?'],
    H0012: ['Screening Technologies 1.0', 497, 'Are there factors that could prevent a group or persons to participate?'],
    I0011: ['Diagnostic Technologies 1.1', 293, 'Is the technology equally accessible to all needing members in a given society?'],
    I0017: ['Diagnostic Technologies 1.1', 299, 'Does the technology fulfil product safety requirements?'],
  };

  it('quotes each card verbatim and names its application and card, not a blanket "3.0"', () => {
    const verbatim = diagnosticElementTemplates.filter((t) => t.wording === 'verbatim');
    expect(Object.fromEntries(verbatim.map((t) => [t.id, [t.card!.application, t.card!.card, t.issue]]))).toEqual(cards);
    expect(elementCardReference(elementTemplate('B0001')!.card!)).toBe('HTA Core Model Application for Diagnostic Technologies 1.1, element card 198 (htacoremodel.info, a=11817&e=198)');
  });

  it('uses the diagnostic application’s wording where it differs (H0009, I0011)', () => {
    expect(elementTemplate('H0009')!.card!.application).toBe('Diagnostic Technologies 1.1');
    expect(elementTemplate('I0011')!.card!.application).toBe('Diagnostic Technologies 1.1');
  });

  it('files E0003, E0004, E0011, F0018 and G0101 under the topics their cards show', () => {
    const topics = Object.fromEntries(['E0003', 'E0004', 'E0011', 'F0018', 'G0101'].map((id) => [id, elementTemplate(id)!.topic]));
    expect(topics).toEqual({ E0003: 'Unit costs', E0004: 'Indirect Costs', E0011: 'Characterising heterogeneity', F0018: 'Questions about effectiveness and accuracy', G0101: 'Structure of health care system' });
    for (const id of Object.keys(topics)) expect(elementTemplate(id)!.topicOnCard).toBe(true);
  });

  it('keeps the elements whose card was not found flagged, without a card', () => {
    const flagged = diagnosticElementTemplates.filter((t) => t.wording !== 'verbatim');
    expect(flagged.map((t) => [t.id, t.wording])).toEqual([
      ['A0003', 'paraphrase'],
      ['A0005', 'paraphrase'],
      ['A0006', 'paraphrase'],
      ['C0008', 'unverified'],
      ['C0060', 'unverified'],
      ['D1001', 'unverified'],
    ]);
    for (const t of flagged) expect(t.card, t.id).toBeNull();
  });

  it('offers the elements a diagnostic dossier needs', () => {
    for (const id of ['A0007', 'A0018', 'A0024', 'B0008', 'C0001', 'D0001', 'D0023', 'D0029', 'F0017', 'I0017']) expect(elementTemplate(id), id).toBeDefined();
  });
});
