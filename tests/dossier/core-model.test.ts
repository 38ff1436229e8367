import { describe, expect, it } from 'vitest';
import { coreModelDomains, diagnosticElementTemplates, domainCodeForElementId } from '../../src/dossier/core-model';

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

  it('quotes the element cards verbatim where the domain notes do', () => {
    // Copied by hand from DOMAIN-NOTES.md §1.2.
    const quoted: Record<string, string> = {
      A0002: 'What is the disease or health condition in the scope of this assessment?',
      A0013: 'How is the disease/health condition currently diagnosed or screened?',
      B0001: 'What is this technology?',
      B0018: 'Are the reference values or cut-off points clearly established?',
      D1007: 'How does test accuracy vary in different settings?',
      D0026: 'How does the technology modify the effectiveness of subsequent interventions?',
      D0032: 'How does the test-treatment intervention modify the magnitude and frequency of morbidity?',
      F0018: 'Are the accuracy measures decided and balanced in a transparent and acceptable way?',
      I0011: 'Do laws/binding rules require appropriate processes or resources to guarantee equal access?',
    };
    const verbatim = diagnosticElementTemplates.filter((t) => t.wording === 'verbatim');
    expect(Object.fromEntries(verbatim.map((t) => [t.id, t.issue]))).toEqual(quoted);
  });
});
