// The nine domains of the EUnetHTA HTA Core Model (version 3.0) and a default set of assessment elements
// for a diagnostic technology.
// Sources (the project's domain notes, §1.2): domain codes after the EUPATI course page
// learning.eupati.eu/mod/page/view.php?id=956; element IDs, topics and wording from the htacoremodel.info
// element cards of the "HTA Core Model Application for Diagnostic Technologies (1.1)").

export const domainCodes = ['CUR', 'TEC', 'SAF', 'EFF', 'ECO', 'ETH', 'ORG', 'SOC', 'LEG'] as const;
export type DomainCode = (typeof domainCodes)[number];

export const elementLetters = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;
export type ElementLetter = (typeof elementLetters)[number];

export interface CoreModelDomain {
  code: DomainCode;
  /** Prefix letter of the domain's assessment element IDs (A0002 belongs to CUR). */
  letter: ElementLetter;
  /** Domain name in Core Model wording. */
  name: string;
  /** HTAR 2021/2282 Art 2(e): CUR, TEC, SAF and EFF form the clinical assessment; the rest is non-clinical. */
  clinical: boolean;
}

export const coreModelDomains: readonly CoreModelDomain[] = [
  { code: 'CUR', letter: 'A', name: 'Health Problem and Current Use of the Technology', clinical: true },
  { code: 'TEC', letter: 'B', name: 'Description and technical characteristics of technology', clinical: true },
  { code: 'SAF', letter: 'C', name: 'Safety', clinical: true },
  { code: 'EFF', letter: 'D', name: 'Clinical effectiveness', clinical: true },
  { code: 'ECO', letter: 'E', name: 'Costs and economic evaluation', clinical: false },
  { code: 'ETH', letter: 'F', name: 'Ethical analysis', clinical: false },
  { code: 'ORG', letter: 'G', name: 'Organisational aspects', clinical: false },
  { code: 'SOC', letter: 'H', name: 'Patients and Social aspects', clinical: false },
  { code: 'LEG', letter: 'I', name: 'Legal aspects', clinical: false },
];

export function domainByCode(code: DomainCode): CoreModelDomain {
  const domain = coreModelDomains.find((d) => d.code === code);
  if (!domain) throw new Error(`unknown Core Model domain ${code}`);
  return domain;
}

export function domainCodeForElementId(elementId: string): DomainCode | undefined {
  return coreModelDomains.find((d) => d.letter === elementId.charAt(0))?.code;
}

/**
 * How faithfully `issue` reproduces the element card:
 * - 'verbatim': the question as quoted in DOMAIN-NOTES.md from the element card;
 * - 'paraphrase': DOMAIN-NOTES.md names the element's subject but does not quote its question;
 * - 'unverified': the ID and question come from general knowledge of the Core Model, not from the notes.
 * Topics named in the notes (Target Condition, Features of the technology, Test accuracy, Change-in management,
 * Test-treatment chain, Resource utilization, Health delivery process, Major life areas, Equality in health
 * care) are as seen on the cards; the others (Patient safety, Measurement and estimation of outcomes,
 * Characterising uncertainty, Benefit-harm balance) are our labels and should be checked against the cards.
 */
export type ElementWording = 'verbatim' | 'paraphrase' | 'unverified';

export interface ElementTemplate {
  id: string;
  domain: DomainCode;
  topic: string;
  issue: string;
  wording: ElementWording;
}

export const diagnosticElementTemplates: readonly ElementTemplate[] = [
  // CUR (A)
  { id: 'A0002', domain: 'CUR', topic: 'Target Condition', issue: 'What is the disease or health condition in the scope of this assessment?', wording: 'verbatim' },
  { id: 'A0003', domain: 'CUR', topic: 'Target Condition', issue: 'What are the known risk factors for the disease or health condition?', wording: 'paraphrase' },
  { id: 'A0004', domain: 'CUR', topic: 'Target Condition', issue: 'What is the natural course of the disease or health condition?', wording: 'paraphrase' },
  { id: 'A0005', domain: 'CUR', topic: 'Target Condition', issue: 'What are the symptoms of the disease or health condition?', wording: 'paraphrase' },
  { id: 'A0006', domain: 'CUR', topic: 'Target Condition', issue: 'What is the burden of the disease or health condition, including its prevalence and incidence?', wording: 'paraphrase' },
  { id: 'A0013', domain: 'CUR', topic: 'Current Management of the Condition', issue: 'How is the disease/health condition currently diagnosed or screened?', wording: 'verbatim' },
  // TEC (B)
  { id: 'B0001', domain: 'TEC', topic: 'Features of the technology', issue: 'What is this technology?', wording: 'verbatim' },
  { id: 'B0006', domain: 'TEC', topic: 'Features of the technology', issue: 'What are the special features of this technology?', wording: 'paraphrase' },
  { id: 'B0018', domain: 'TEC', topic: 'Features of the technology', issue: 'Are the reference values or cut-off points clearly established?', wording: 'verbatim' },
  // SAF (C): the notes only cross-reference C0007 and C0060 (from card B0006); the questions are unverified.
  { id: 'C0008', domain: 'SAF', topic: 'Patient safety', issue: 'How safe is the technology in comparison to the comparator(s)?', wording: 'unverified' },
  { id: 'C0007', domain: 'SAF', topic: 'Patient safety', issue: 'Are the technology and comparator(s) associated with user-dependent harms?', wording: 'unverified' },
  { id: 'C0060', domain: 'SAF', topic: 'Patient safety', issue: 'How does the safety profile of the technology vary between different generations, approved versions or products?', wording: 'unverified' },
  // EFF (D)
  { id: 'D1001', domain: 'EFF', topic: 'Test accuracy', issue: 'What is the accuracy of the test against the reference standard?', wording: 'unverified' },
  { id: 'D1007', domain: 'EFF', topic: 'Test accuracy', issue: 'How does test accuracy vary in different settings?', wording: 'verbatim' },
  { id: 'D0020', domain: 'EFF', topic: 'Change-in management', issue: 'Does use of the test lead to improved detection of the condition?', wording: 'paraphrase' },
  { id: 'D0026', domain: 'EFF', topic: 'Change-in management', issue: 'How does the technology modify the effectiveness of subsequent interventions?', wording: 'verbatim' },
  { id: 'D0032', domain: 'EFF', topic: 'Test-treatment chain', issue: 'How does the test-treatment intervention modify the magnitude and frequency of morbidity?', wording: 'verbatim' },
  // ECO (E)
  { id: 'E0001', domain: 'ECO', topic: 'Resource utilization', issue: 'What types of resources are used when delivering the technology and its comparators (resource-use identification)?', wording: 'paraphrase' },
  { id: 'E0002', domain: 'ECO', topic: 'Resource utilization', issue: 'What amounts of resources are used when delivering the technology and its comparators?', wording: 'paraphrase' },
  { id: 'E0003', domain: 'ECO', topic: 'Resource utilization', issue: 'What are the unit costs of the resources used, including the costs of false positive and false negative results?', wording: 'paraphrase' },
  { id: 'E0004', domain: 'ECO', topic: 'Resource utilization', issue: 'What are the indirect costs (productivity) related to the technology and its comparators?', wording: 'paraphrase' },
  { id: 'E0005', domain: 'ECO', topic: 'Measurement and estimation of outcomes', issue: 'What are the incremental effects of the technology relative to its comparators?', wording: 'paraphrase' },
  { id: 'E0011', domain: 'ECO', topic: 'Characterising uncertainty', issue: 'How is heterogeneity characterised (variation of costs and effects between subgroups)?', wording: 'paraphrase' },
  // ETH (F)
  { id: 'F0018', domain: 'ETH', topic: 'Benefit-harm balance', issue: 'Are the accuracy measures decided and balanced in a transparent and acceptable way?', wording: 'verbatim' },
  // ORG (G)
  { id: 'G0100', domain: 'ORG', topic: 'Health delivery process', issue: 'What is the patient/participant flow, including waiting times?', wording: 'paraphrase' },
  { id: 'G0101', domain: 'ORG', topic: 'Health delivery process', issue: 'What processes ensure access to the technology for patients/participants?', wording: 'paraphrase' },
  { id: 'G0004', domain: 'ORG', topic: 'Health delivery process', issue: 'What kind of co-operation and communication of activities have to be mobilised?', wording: 'paraphrase' },
  // SOC (H)
  { id: 'H0002', domain: 'SOC', topic: 'Major life areas', issue: 'Who are the important others affected by the technology (e.g. relatives in genetic testing)?', wording: 'paraphrase' },
  { id: 'H0009', domain: 'SOC', topic: 'Major life areas', issue: 'What are the consequences of the technology for patients’ decision-making?', wording: 'paraphrase' },
  { id: 'H0012', domain: 'SOC', topic: 'Major life areas', issue: 'Are there factors that could prevent a group or person from gaining access to or participating in the use of the technology?', wording: 'paraphrase' },
  // LEG (I)
  { id: 'I0011', domain: 'LEG', topic: 'Equality in health care', issue: 'Do laws/binding rules require appropriate processes or resources to guarantee equal access?', wording: 'verbatim' },
];

export function elementTemplatesFor(domain: DomainCode): ElementTemplate[] {
  return diagnosticElementTemplates.filter((t) => t.domain === domain);
}
