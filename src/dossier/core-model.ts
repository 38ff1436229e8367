// The nine domains of the EUnetHTA HTA Core Model and a default set of assessment elements for a diagnostic
// technology. Source: the project's domain notes, DOMAIN-NOTES.md §1.2 (domain codes after the EUPATI course page
// learning.eupati.eu/mod/page/view.php?id=956) and §1.4 (the element check of 2026-12-06 against the public
// element cards of four Core Model applications). The Core Model 3.0 element tables could not be read, so no
// element text is claimed as 3.0 wording: each element records the application and card it was taken from.
// Domain H is named as in 3.0 ("Patients and Social Aspects"; earlier applications say "Social aspects").
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
 * - 'verbatim': the question as found on the element card named by `card` (DOMAIN-NOTES.md §1.4);
 * - 'paraphrase': the notes name the element's subject (a card cross-reference) but no card text was found;
 * - 'unverified': no card, table or cross-reference was found; the ID and question come from general knowledge
 *   of the Core Model and are flagged as such.
 */
export type ElementWording = 'verbatim' | 'paraphrase' | 'unverified';

/** The Core Model applications whose public element cards were checked, with their htacoremodel.info ids. */
export const coreModelApplications = {
  'Diagnostic Technologies 1.1': 11817,
  'Screening Technologies 1.0': 11818,
  'Pharmaceuticals 2.0': 14235,
  'Medical and Surgical Interventions 2.0': 14248,
} as const;
export type CoreModelApplication = keyof typeof coreModelApplications;

/** Where an element's wording was taken from: one application's element card (htacoremodel.info, `e=`). */
export interface ElementCard {
  application: CoreModelApplication;
  card: number;
}

export interface ElementTemplate {
  id: string;
  domain: DomainCode;
  topic: string;
  /** true when the card (or the notes' list of card topics) gives this topic; false: our label, to be checked. */
  topicOnCard: boolean;
  issue: string;
  wording: ElementWording;
  /** The card the wording comes from; null for paraphrased and unverified elements. */
  card: ElementCard | null;
  note?: string;
}

/** "HTA Core Model Application for Diagnostic Technologies 1.1, element card 198 (htacoremodel.info, a=11817&e=198)". */
export function elementCardReference(card: ElementCard): string {
  return `HTA Core Model Application for ${card.application}, element card ${card.card} (htacoremodel.info, a=${coreModelApplications[card.application]}&e=${card.card})`;
}

const DIAG = 'Diagnostic Technologies 1.1';
const SCR = 'Screening Technologies 1.0';
const PHARMA = 'Pharmaceuticals 2.0';
const MS = 'Medical and Surgical Interventions 2.0';
const card = (application: CoreModelApplication, e: number): ElementCard => ({ application, card: e });

export const diagnosticElementTemplates: readonly ElementTemplate[] = [
  // CUR (A)
  { id: 'A0002', domain: 'CUR', topic: 'Target Condition', topicOnCard: true, issue: 'What is the disease or health condition in the scope of this assessment?', wording: 'verbatim', card: card(MS, 669) },
  { id: 'A0003', domain: 'CUR', topic: 'Target Condition', topicOnCard: false, issue: 'What are the known risk factors for the disease or health condition?', wording: 'paraphrase', card: null },
  { id: 'A0004', domain: 'CUR', topic: 'Target Condition', topicOnCard: false, issue: 'What is the natural course of the disease or health condition?', wording: 'verbatim', card: card(PHARMA, 671) },
  { id: 'A0005', domain: 'CUR', topic: 'Target Condition', topicOnCard: false, issue: 'What are the symptoms of the disease or health condition?', wording: 'paraphrase', card: null, note: 'Subject confirmed by the A0002 card; text not found.' },
  { id: 'A0006', domain: 'CUR', topic: 'Target Condition', topicOnCard: false, issue: 'What is the burden of the disease or health condition, including its prevalence and incidence?', wording: 'paraphrase', card: null, note: 'Subject confirmed by the A0002 card; text not found.' },
  { id: 'A0007', domain: 'CUR', topic: 'Target Population', topicOnCard: true, issue: 'What is the target population of the technology?', wording: 'verbatim', card: card(SCR, 353) },
  { id: 'A0013', domain: 'CUR', topic: 'Current Management of the Condition', topicOnCard: true, issue: 'How is the disease/health condition currently diagnosed or screened?', wording: 'verbatim', card: card(SCR, 357), note: 'Pharmaceuticals 2.0 uses A0024 for this subject.' },
  { id: 'A0018', domain: 'CUR', topic: 'Current Management of the Condition', topicOnCard: false, issue: 'What are the other typical or common alternatives to the current technology?', wording: 'verbatim', card: card(PHARMA, 679) },
  { id: 'A0024', domain: 'CUR', topic: 'Current Management of the Condition', topicOnCard: false, issue: 'How is the disease or health condition currently diagnosed according to published guidelines and in practice?', wording: 'verbatim', card: card(PHARMA, 680) },
  // TEC (B)
  { id: 'B0001', domain: 'TEC', topic: 'Features of the technology', topicOnCard: true, issue: 'What is this technology?', wording: 'verbatim', card: card(DIAG, 198) },
  { id: 'B0006', domain: 'TEC', topic: 'Features of the technology', topicOnCard: false, issue: 'Are there any special features relevant to this technology?', wording: 'verbatim', card: card(SCR, 372), note: 'The card lists C0007 and C0060 as related.' },
  { id: 'B0008', domain: 'TEC', topic: 'Requirements for use', topicOnCard: false, issue: 'What kind of special premises are needed to use the technology?', wording: 'verbatim', card: card(SCR, 376) },
  { id: 'B0018', domain: 'TEC', topic: 'Features of the technology', topicOnCard: false, issue: 'Are the reference values or cut-off points clearly established?', wording: 'verbatim', card: card(SCR, 374) },
  // SAF (C)
  { id: 'C0001', domain: 'SAF', topic: 'Patient safety', topicOnCard: true, issue: 'What kind of harms can use of the technology cause to the patient; what are the incidence, severity and duration of harms?', wording: 'verbatim', card: card(SCR, 384) },
  { id: 'C0007', domain: 'SAF', topic: 'Patient safety', topicOnCard: false, issue: 'What are the special features in using (applying/interpreting/maintaining) the technology that may increase the risk of harmful events?', wording: 'verbatim', card: card(SCR, 391), note: 'The earlier wording ("user-dependent harms") was not found on any card.' },
  { id: 'C0008', domain: 'SAF', topic: 'Patient safety', topicOnCard: false, issue: 'How safe is the technology in comparison to the comparator(s)?', wording: 'unverified', card: null, note: 'No card, table or cross-reference found.' },
  { id: 'C0060', domain: 'SAF', topic: 'Patient safety', topicOnCard: false, issue: 'How does the safety profile of the technology vary between different generations, approved versions or products?', wording: 'unverified', card: null, note: 'The id exists (cross-referenced by the B0006 card); its text was not found.' },
  // EFF (D)
  { id: 'D1001', domain: 'EFF', topic: 'Test accuracy', topicOnCard: false, issue: 'What is the accuracy of the test against the reference standard?', wording: 'unverified', card: null, note: 'No card found (D1001–D1006 and D1008 cards were not found).' },
  { id: 'D1007', domain: 'EFF', topic: 'Test accuracy', topicOnCard: true, issue: 'How does test accuracy vary in different settings?', wording: 'verbatim', card: card(SCR, 427) },
  { id: 'D0020', domain: 'EFF', topic: 'Change-in management', topicOnCard: true, issue: 'Does use of the test lead to improved detection of the condition?', wording: 'verbatim', card: card(SCR, 408) },
  { id: 'D0023', domain: 'EFF', topic: 'Change-in management', topicOnCard: false, issue: 'How does the technology modify the need for other technologies and use of resources?', wording: 'verbatim', card: card(SCR, 412) },
  { id: 'D0026', domain: 'EFF', topic: 'Change-in management', topicOnCard: false, issue: 'How does the technology modify the effectiveness of subsequent interventions?', wording: 'verbatim', card: card(SCR, 406), note: 'The card does not show its topic.' },
  { id: 'D0029', domain: 'EFF', topic: 'Benefit-harm balance', topicOnCard: true, issue: 'What are the overall benefits and harms of the technology in health outcomes?', wording: 'verbatim', card: card(PHARMA, 723) },
  { id: 'D0032', domain: 'EFF', topic: 'Test-treatment chain', topicOnCard: true, issue: 'How does the test-treatment intervention modify the magnitude and frequency of morbidity?', wording: 'verbatim', card: card(DIAG, 323) },
  { id: 'D0001', domain: 'EFF', topic: 'Mortality', topicOnCard: false, issue: 'What is the effect of the intervention on overall mortality?', wording: 'verbatim', card: card(SCR, 400) },
  // ECO (E)
  { id: 'E0001', domain: 'ECO', topic: 'Resource utilization', topicOnCard: false, issue: 'What types of resources are used when delivering the assessed technology and its comparators (resource use identification)?', wording: 'verbatim', card: card(SCR, 434) },
  { id: 'E0002', domain: 'ECO', topic: 'Resource utilization', topicOnCard: false, issue: 'What amounts of resources are used when delivering the assessed technology and its comparators (resource-use measurement)?', wording: 'verbatim', card: card(PHARMA, 749) },
  { id: 'E0003', domain: 'ECO', topic: 'Unit costs', topicOnCard: true, issue: 'What are the unit costs of the resources used when delivering the assessed technology and its comparators?', wording: 'verbatim', card: card(SCR, 436), note: 'Costs of false positive and false negative results are guidance on the card, not part of the question.' },
  { id: 'E0004', domain: 'ECO', topic: 'Indirect Costs', topicOnCard: true, issue: 'What is the impact of the technology on indirect costs?', wording: 'verbatim', card: card(DIAG, 249) },
  { id: 'E0005', domain: 'ECO', topic: 'Measurement and estimation of outcomes', topicOnCard: false, issue: 'What are the incremental effects of the technology relative to its comparator(s)?', wording: 'verbatim', card: card(DIAG, 250), note: 'The card does not show its topic.' },
  { id: 'E0011', domain: 'ECO', topic: 'Characterising heterogeneity', topicOnCard: true, issue: "To what extent can differences in costs, outcomes, or 'cost effectiveness' be explained by variations between any subgroups using the technology and its comparator(s)?", wording: 'verbatim', card: card(PHARMA, 754) },
  // ETH (F)
  { id: 'F0017', domain: 'ETH', topic: 'Questions about effectiveness and accuracy', topicOnCard: false, issue: 'What are the ethical consequences of the choice of end-points, cut-off values and comparators/controls in the assessment?', wording: 'verbatim', card: card(MS, 773) },
  { id: 'F0018', domain: 'ETH', topic: 'Questions about effectiveness and accuracy', topicOnCard: true, issue: 'Are the accuracy measures decided and balanced on a transparent and acceptable way?', wording: 'verbatim', card: card(SCR, 458) },
  // ORG (G)
  { id: 'G0100', domain: 'ORG', topic: 'Health delivery process', topicOnCard: false, issue: 'What kind of patient/participant flow is associated with the new technology?', wording: 'verbatim', card: card(PHARMA, 777), note: 'Waiting times are in the card’s guidance.' },
  { id: 'G0101', domain: 'ORG', topic: 'Structure of health care system', topicOnCard: true, issue: 'What are the processes ensuring access to care of the new technology for patients/participants?', wording: 'verbatim', card: card(PHARMA, 783) },
  { id: 'G0004', domain: 'ORG', topic: 'Health delivery process', topicOnCard: false, issue: 'What kind of co-operation and communication of activities have to be mobilised?', wording: 'verbatim', card: card(MS, 780) },
  // SOC (H)
  { id: 'H0002', domain: 'SOC', topic: 'Major life areas', topicOnCard: false, issue: 'Who are the important others that may be affected, in addition to the individual using the technology?', wording: 'verbatim', card: card(SCR, 473) },
  { id: 'H0009', domain: 'SOC', topic: 'Major life areas', topicOnCard: false, issue: 'What are the consequences in decision making?', wording: 'verbatim', card: card(DIAG, 286), note: 'The Screening 1.0 card asks instead: What influences patients’ or citizens’ decisions to use the technology?' },
  { id: 'H0012', domain: 'SOC', topic: 'Major life areas', topicOnCard: false, issue: 'Are there factors that could prevent a group or persons to participate?', wording: 'verbatim', card: card(SCR, 497), note: 'Filed under ETH "Justice and Equity" in Medical and Surgical Interventions 2.0.' },
  // LEG (I)
  { id: 'I0011', domain: 'LEG', topic: 'Equality in health care', topicOnCard: false, issue: 'Is the technology equally accessible to all needing members in a given society?', wording: 'verbatim', card: card(DIAG, 293), note: 'The Screening 1.0 card asks: Do laws/binding rules require appropriate processes or resources to guarantee equal access to the technology? (legal domain rewritten in 2.1).' },
  { id: 'I0017', domain: 'LEG', topic: 'Authorisation & safety', topicOnCard: true, issue: 'Does the technology fulfil product safety requirements?', wording: 'verbatim', card: card(DIAG, 299) },
];

export function elementTemplate(id: string): ElementTemplate | undefined {
  return diagnosticElementTemplates.find((t) => t.id === id);
}

export function elementTemplatesFor(domain: DomainCode): ElementTemplate[] {
  return diagnosticElementTemplates.filter((t) => t.domain === domain);
}
