// The dossier schema: one zod source for the TypeScript types, runtime validation of imported files and
// the JSON Schema shipped in resources/schema/. Validators use only zod features that work with
// `z.config({ jitless: true })` (the renderer's CSP forbids new Function).
import { z } from 'zod';
import { customIssue, schemaError } from '../shared/zod-issue-text';
import type { CustomIssue } from '../shared/zod-issue-text';
import { coreModelDomains, domainCodes } from './core-model';
import type { DomainCode } from './core-model';
import {
  MAX_ASSESSORS,
  MAX_ELEMENTS_PER_DOMAIN,
  MAX_EVIDENCE,
  MAX_ID,
  MAX_LINKED_EVIDENCE,
  MAX_LIST_ITEMS,
  MAX_LONG_TEXT,
  MAX_MODEL_LINKS,
  MAX_PICOS,
  MAX_SHORT_TEXT,
  MAX_TWO_BY_TWO,
  MAX_STATUS_EVENTS,
} from './limits';

export const technologyTypes = ['liquid-biopsy', 'ngs-panel', 'companion-diagnostic', 'medicine', 'digital-tool', 'other'] as const;
export type TechnologyType = (typeof technologyTypes)[number];
export const technologyTypeLabels: Record<TechnologyType, string> = {
  'liquid-biopsy': 'Liquid biopsy',
  'ngs-panel': 'NGS panel',
  'companion-diagnostic': 'Companion diagnostic',
  medicine: 'Medicine',
  'digital-tool': 'Digital tool',
  other: 'Other',
};

export const elementStatuses = ['not-started', 'in-progress', 'complete', 'not-relevant'] as const;
export type ElementStatus = (typeof elementStatuses)[number];
export const elementStatusLabels: Record<ElementStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  'not-relevant': 'Not relevant',
};

export const dossierStatuses = ['draft', 'under-review', 'final'] as const;
export type DossierStatus = (typeof dossierStatuses)[number];
export const dossierStatusLabels: Record<DossierStatus, string> = {
  draft: 'Draft',
  'under-review': 'Under review',
  final: 'Final',
};

/**
 * The status workflow, in one place: draft → under review → final. A review can send the dossier back to
 * draft; a final dossier can only be reopened as a draft (so every change to it passes review again).
 */
export const statusTransitions: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  draft: ['under-review'],
  'under-review': ['draft', 'final'],
  final: ['draft'],
};

export function canChangeStatus(from: DossierStatus, to: DossierStatus): boolean {
  return statusTransitions[from].includes(to);
}

// The schema's own messages carry their detail, so screens can word them in the display language.
export function textTooLong(maximum: number): string {
  return schemaError(`text is too long (at most ${maximum} characters)`, { code: 'text-too-long', values: { maximum } });
}
export function tooMany(what: string, maximum: number): string {
  return schemaError(`too many ${what} (at most ${maximum})`, { code: `too-many-${what.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`, values: { maximum } });
}
const proportionError = schemaError('expected a number between 0 and 1', { code: 'proportion' });
const wholeNumber = schemaError('expected a whole number >= 0', { code: 'whole-number' });
const participants = schemaError('expected a whole number of participants', { code: 'whole-participants' });

export const shortText = z.string().max(MAX_SHORT_TEXT, { error: textTooLong(MAX_SHORT_TEXT) });
export const longText = z.string().max(MAX_LONG_TEXT, { error: textTooLong(MAX_LONG_TEXT) });
const textList = z.array(shortText).max(MAX_LIST_ITEMS, { error: schemaError(`too many items (at most ${MAX_LIST_ITEMS})`, { code: 'too-many-items', values: { maximum: MAX_LIST_ITEMS } }) });

/** Local identifiers: letters, digits, '-', '_' and '.' (UUIDs fit). */
export const idSchema = z
  .string()
  .min(1, { error: schemaError('an id cannot be empty', { code: 'id-empty' }) })
  .max(MAX_ID, { error: schemaError(`an id has at most ${MAX_ID} characters`, { code: 'id-too-long', values: { maximum: MAX_ID } }) })
  .regex(/^[A-Za-z0-9._-]+$/, { error: schemaError("an id may contain only letters, digits, '.', '_' and '-'", { code: 'id-characters' }) });

/** ISO 8601 date-time with a time zone, e.g. 2026-11-28T12:00:00.000Z. */
export const timestampSchema = z.iso.datetime({ offset: true, error: schemaError('expected an ISO 8601 date-time such as 2026-11-28T12:00:00Z', { code: 'timestamp' }) });

const proportion = z
  .number({ error: proportionError })
  .min(0, { error: proportionError })
  .max(1, { error: proportionError });

/** A proportion (sensitivity, specificity) with its 95% confidence interval; bounds may be unknown. */
export const accuracyEstimateSchema = z
  .strictObject({
    estimate: proportion,
    lower: proportion.nullable(),
    upper: proportion.nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.lower !== null && v.lower > v.estimate) ctx.addIssue(customIssue(['lower'], 'the lower 95% bound is above the estimate', { code: 'lower-above-estimate' }));
    if (v.upper !== null && v.upper < v.estimate) ctx.addIssue(customIssue(['upper'], 'the upper 95% bound is below the estimate', { code: 'upper-below-estimate' }));
  })
  .meta({ description: 'Point estimate with 95% confidence interval, all as proportions in [0, 1].' });
export type AccuracyEstimate = z.infer<typeof accuracyEstimateSchema>;

export const technologySchema = z.strictObject({
  name: shortText,
  type: z.enum(technologyTypes),
  manufacturer: shortText,
  /** e.g. "CE-IVDR class C" */
  regulatoryStatus: shortText,
  intendedUse: longText,
});
export type Technology = z.infer<typeof technologySchema>;

export const picoSchema = z.strictObject({
  id: idSchema,
  label: shortText,
  population: longText,
  intervention: longText,
  comparators: textList,
  outcomes: textList,
});
export type Pico = z.infer<typeof picoSchema>;

/** Element IDs: the domain letter, then the Core Model number (A0002) or a local suffix (G-local-1). */
export const elementIdSchema = z
  .string()
  .regex(/^[A-I][A-Za-z0-9-]{1,40}$/, { error: schemaError('expected an element id such as A0002 (domain letter A–I, then a number)', { code: 'element-id' }) });

export const assessmentElementSchema = z.strictObject({
  id: elementIdSchema,
  topic: shortText,
  issue: longText,
  answer: longText,
  status: z.enum(elementStatuses),
  evidenceIds: z.array(idSchema).max(MAX_LINKED_EVIDENCE, { error: tooMany('linked evidence items', MAX_LINKED_EVIDENCE) }),
});
export type AssessmentElement = z.infer<typeof assessmentElementSchema>;

export const domainSchema = z.strictObject({
  elements: z.array(assessmentElementSchema).max(MAX_ELEMENTS_PER_DOMAIN, { error: tooMany('elements in one domain', MAX_ELEMENTS_PER_DOMAIN) }),
});
export type DomainAssessment = z.infer<typeof domainSchema>;

export const domainsSchema = z.strictObject({
  CUR: domainSchema,
  TEC: domainSchema,
  SAF: domainSchema,
  EFF: domainSchema,
  ECO: domainSchema,
  ETH: domainSchema,
  ORG: domainSchema,
  SOC: domainSchema,
  LEG: domainSchema,
});
export type Domains = z.infer<typeof domainsSchema>;

const cellCount = z
  .number({ error: wholeNumber })
  .int({ error: wholeNumber })
  .min(0, { error: wholeNumber })
  .max(1e9, { error: schemaError('expected at most 1,000,000,000', { code: 'expected-at-most', values: { maximum: 1e9 } }) });

/**
 * One 2×2 table of a test-accuracy study against its reference standard; a study may report several (per index
 * test, alteration or gene, setting).
 */
export const twoByTwoSchema = z
  .strictObject({
    id: idSchema,
    indexTest: shortText,
    referenceStandard: shortText,
    setting: shortText,
    /** The alteration or gene the table is about (e.g. "EGFR"), or "" for any driver. */
    alteration: shortText,
    tp: cellCount,
    fn: cellCount,
    tn: cellCount,
    fp: cellCount,
    /** Counts back-calculated from reported percentages and group sizes, not printed in the publication. */
    derived: z.boolean(),
  })
  .superRefine((t, ctx) => {
    if (t.tp + t.fn === 0) ctx.addIssue(customIssue(['tp'], 'no one with the condition (TP + FN = 0): sensitivity is undefined', { code: 'no-one-with-condition' }));
    if (t.tn + t.fp === 0) ctx.addIssue(customIssue(['tn'], 'no one without the condition (TN + FP = 0): specificity is undefined', { code: 'no-one-without-condition' }));
  })
  .meta({ description: 'A 2×2 table: true/false positives and negatives against the reference standard.' });
export type TwoByTwoTable = z.infer<typeof twoByTwoSchema>;

export const quadasRatings = ['low', 'high', 'unclear'] as const;
export type QuadasRating = (typeof quadasRatings)[number];
export const quadasRatingLabels: Record<QuadasRating, string> = { low: 'Low', high: 'High', unclear: 'Unclear' };
const quadasRating = z.enum(quadasRatings);

/** QUADAS-2 domains, in the tool's order; applicability has no flow-and-timing domain. */
export const quadasDomains = [
  { key: 'patientSelection', label: 'Patient selection' },
  { key: 'indexTest', label: 'Index test' },
  { key: 'referenceStandard', label: 'Reference standard' },
  { key: 'flowAndTiming', label: 'Flow and timing' },
] as const;
export type QuadasDomain = (typeof quadasDomains)[number]['key'];
export type QuadasApplicabilityDomain = Exclude<QuadasDomain, 'flowAndTiming'>;

/** QUADAS-2 (Whiting et al. 2011): risk of bias in four domains, concerns about applicability in three. */
export const quadasSchema = z.strictObject({
  riskOfBias: z.strictObject({ patientSelection: quadasRating, indexTest: quadasRating, referenceStandard: quadasRating, flowAndTiming: quadasRating }),
  applicability: z.strictObject({ patientSelection: quadasRating, indexTest: quadasRating, referenceStandard: quadasRating }),
  notes: longText,
});
export type Quadas = z.infer<typeof quadasSchema>;

export const evidenceSchema = z.strictObject({
  id: idSchema,
  citation: longText,
  design: shortText,
  population: longText,
  n: z.number().int({ error: participants }).min(0, { error: participants }).max(1e9).nullable(),
  indexTest: shortText,
  referenceTest: shortText,
  /** Only for test-accuracy studies; null otherwise. */
  sensitivity: accuracyEstimateSchema.nullable(),
  specificity: accuracyEstimateSchema.nullable(),
  notes: longText,
  /** The figures were not seen in the primary source (tag [K] in the domain notes): verify before use. */
  unverified: z.boolean(),
  /** The figures come from a secondary source reporting the primary one (tag [S]). */
  secondarySource: z.boolean(),
  /** Test-accuracy studies: their 2×2 tables (optional; absent in older files). */
  twoByTwo: z.array(twoByTwoSchema).max(MAX_TWO_BY_TWO, { error: tooMany('2×2 tables', MAX_TWO_BY_TWO) }).optional(),
  /** Test-accuracy studies: the QUADAS-2 judgement (optional). */
  quadas: quadasSchema.optional(),
}).superRefine((e, ctx) => {
  const seen = new Set<string>();
  (e.twoByTwo ?? []).forEach((t, i) => {
    if (seen.has(t.id)) ctx.addIssue(customIssue(['twoByTwo', i, 'id'], `duplicate id "${t.id}"`, { code: 'duplicate-id', values: { id: t.id } }));
    seen.add(t.id);
    const total = t.tp + t.fn + t.tn + t.fp;
    if (e.n !== null && total > e.n) {
      ctx.addIssue(customIssue(['twoByTwo', i], `TP + FN + TN + FP = ${total} is more than the study's n = ${e.n}`, { code: 'two-by-two-above-n', values: { total, n: e.n } }));
    }
  });
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const assessorSchema = z.strictObject({
  id: idSchema,
  name: shortText,
  role: shortText,
  organisation: shortText,
});
export type Assessor = z.infer<typeof assessorSchema>;

export const modelLinkSchema = z.strictObject({
  id: idSchema,
  name: shortText,
  /** Path or reference of the linked model, e.g. a bundled example "resources/examples/x.json". */
  ref: shortText,
  description: longText,
  /** The linked workspace model (since file version 2); links without one point at `ref` only. */
  modelId: idSchema.optional(),
});
export type ModelLink = z.infer<typeof modelLinkSchema>;

/**
 * One move through the status workflow, with who made it and why: approving as final names the approver;
 * reopening a final dossier needs a reason. Kept in the dossier, so files and reports carry its governance.
 */
export const statusEventSchema = z.strictObject({
  id: idSchema,
  at: timestampSchema,
  from: z.enum(dossierStatuses),
  to: z.enum(dossierStatuses),
  by: shortText,
  reason: longText,
});
export type StatusEvent = z.infer<typeof statusEventSchema>;

/**
 * What a report needs and the rest of the dossier does not hold: the CHEERS 2022 items without a natural home
 * (analysis plan, setting, perspective, heterogeneity, distributional effects, engagement, funding, conflicts of
 * interest), the assessors' own limitations text, an edited report summary and a confidentiality mark. Every field
 * is optional; an empty or missing field is reported as "Not reported".
 */
export const reportingSchema = z
  .strictObject({
    /** CHEERS 4: whether a health economic analysis plan was developed and where it is available. */
    analysisPlan: longText.optional(),
    /** CHEERS 6: setting and location (country, health system, level of care). */
    setting: longText.optional(),
    /** CHEERS 8: perspective(s) of the economic evaluation and why. */
    perspective: longText.optional(),
    /** CHEERS 18: how results vary between subgroups. */
    heterogeneity: longText.optional(),
    /** CHEERS 19: how impacts are distributed across groups; equity adjustments. */
    distributionalEffects: longText.optional(),
    /** CHEERS 21: engagement of patients, the public and others affected in the design. */
    engagement: longText.optional(),
    /** CHEERS 25: what difference that engagement made. */
    engagementEffect: longText.optional(),
    /** CHEERS 27: funding and the funder's role. */
    funding: longText.optional(),
    /** CHEERS 28: conflicts of interest of the assessors. */
    conflictsOfInterest: longText.optional(),
    /** Limitations in the assessors' words (after the generated list in reports). */
    limitations: longText.optional(),
    /** The report summary as edited; empty: the generated summary. */
    summary: longText.optional(),
    /** e.g. "Confidential — draft for review"; printed on every report page. */
    confidentiality: shortText.optional(),
  })
  .meta({ description: 'Reporting details for assessment reports (CHEERS 2022 items without another field); all optional.' });
export type Reporting = z.infer<typeof reportingSchema>;

const dossierObjectSchema = z.strictObject({
  id: idSchema,
  title: z.string().regex(/\S/, { error: schemaError('a dossier needs a title', { code: 'title-needed' }) }).max(MAX_SHORT_TEXT, { error: textTooLong(MAX_SHORT_TEXT) }),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  status: z.enum(dossierStatuses),
  archived: z.boolean(),
  /** Free text such as "advanced non-squamous NSCLC"; the library filters on it. */
  indication: shortText,
  technology: technologySchema,
  picos: z
    .array(picoSchema)
    .min(1, { error: schemaError('a dossier needs at least one PICO question', { code: 'pico-needed' }) })
    .max(MAX_PICOS, { error: tooMany('PICO questions', MAX_PICOS) }),
  domains: domainsSchema,
  evidence: z.array(evidenceSchema).max(MAX_EVIDENCE, { error: tooMany('evidence items', MAX_EVIDENCE) }),
  assessors: z.array(assessorSchema).max(MAX_ASSESSORS, { error: tooMany('assessors', MAX_ASSESSORS) }),
  modelLinks: z.array(modelLinkSchema).max(MAX_MODEL_LINKS, { error: tooMany('model links', MAX_MODEL_LINKS) }),
  /** Status changes with approver and reasons (since this version; older dossiers have none). */
  statusLog: z.array(statusEventSchema).max(MAX_STATUS_EVENTS, { error: tooMany('status changes', MAX_STATUS_EVENTS) }).optional(),
  /** Added in file version 2 (optional, so version-2 files without it stay valid). */
  reporting: reportingSchema.optional(),
});

type DossierShape = z.infer<typeof dossierObjectSchema>;
type IssueSink = { addIssue: (issue: CustomIssue) => void };

function reportDuplicateIds(items: readonly { id: string }[], listPath: string, ctx: IssueSink): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue(customIssue([listPath, i, 'id'], `duplicate id "${item.id}"`, { code: 'duplicate-id', values: { id: item.id } }));
    seen.add(item.id);
  });
}

/** Cross-field rules a plain object schema cannot express: ID uniqueness, element letters, evidence links. */
function checkDossierReferences(d: DossierShape, ctx: IssueSink): void {
  reportDuplicateIds(d.picos, 'picos', ctx);
  reportDuplicateIds(d.evidence, 'evidence', ctx);
  reportDuplicateIds(d.assessors, 'assessors', ctx);
  reportDuplicateIds(d.modelLinks, 'modelLinks', ctx);
  reportDuplicateIds(d.statusLog ?? [], 'statusLog', ctx);
  const evidenceIds = new Set(d.evidence.map((e) => e.id));
  const elementIds = new Set<string>();
  for (const domain of coreModelDomains) {
    d.domains[domain.code].elements.forEach((el, i) => {
      const at = ['domains', domain.code, 'elements', i];
      if (el.id.charAt(0) !== domain.letter) {
        ctx.addIssue(customIssue([...at, 'id'], `element ${el.id} does not belong to ${domain.code} (its IDs start with ${domain.letter})`, { code: 'element-wrong-domain', values: { element: el.id, domain: domain.code, letter: domain.letter } }));
      }
      if (elementIds.has(el.id)) ctx.addIssue(customIssue([...at, 'id'], `duplicate element id "${el.id}"`, { code: 'duplicate-element-id', values: { id: el.id } }));
      elementIds.add(el.id);
      el.evidenceIds.forEach((ref, j) => {
        if (!evidenceIds.has(ref)) ctx.addIssue(customIssue([...at, 'evidenceIds', j], `links to evidence "${ref}", which is not in the evidence register`, { code: 'unknown-evidence-link', values: { id: ref } }));
      });
    });
  }
}

export const dossierSchema = dossierObjectSchema.superRefine(checkDossierReferences).meta({
  title: 'HTA Workbench dossier',
  description: 'An HTA dossier: technology, PICO questions, the nine HTA Core Model domains, evidence register, assessors.',
});
export type Dossier = z.infer<typeof dossierSchema>;

export const domainCodeSchema = z.enum(domainCodes);
export type { DomainCode };

/** Where a history entry came from; the UI can show it next to the change. */
export const historySources = ['edit', 'status', 'snapshot-restore', 'import-replace'] as const;
export type HistorySource = (typeof historySources)[number];

/** One changed field: `path` such as `domains.EFF.elements[#D1007].answer` (array items addressed by id). */
export const historyEntrySchema = z.strictObject({
  dossierId: idSchema,
  at: timestampSchema,
  path: z.string().max(MAX_SHORT_TEXT),
  before: z.json(),
  after: z.json(),
  source: z.enum(historySources),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const snapshotSchema = z.strictObject({
  id: idSchema,
  dossierId: idSchema,
  name: shortText,
  createdAt: timestampSchema,
  /** true when the app made it (e.g. before restoring another snapshot) rather than the user. */
  automatic: z.boolean(),
  /**
   * true when the user typed the name (shown as typed, even "Version" or "Snapshot"); false when the app gave it.
   * On an automatic "Before restoring “…”" name: how many “…” levels down the typed name sits (1: the name quoted
   * directly), false when none was typed; true (written on 2026-12-07 before levels were counted): the deepest.
   * Written since 2026-12-07; absent in older data, where a name exactly the default reads as the default.
   */
  typedName: z.union([z.boolean(), z.number().int().min(1)]).optional(),
  dossier: dossierSchema,
});
export type Snapshot = z.infer<typeof snapshotSchema>;
