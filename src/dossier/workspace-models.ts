// Models as members of the workspace, as they are stored and as dossier files and backups carry them: the current
// model document, its named versions, its edit history and the runs made from it. A run records what produced it
// (the SHA-256 of the model document's canonical JSON, app and engine versions, seed, iterations, the analysis
// inputs, start time and duration) next to its results, so a result can always be traced and found out of date.
import { z } from 'zod';
import { MODEL_FORMAT } from '../engine/model/schema';
import { idSchema, longText, shortText, timestampSchema } from './schema';

/** The analyses a run can hold. */
export const runKinds = ['base-case', 'one-way', 'two-way', 'threshold', 'scenarios', 'psa', 'evppi', 'budget-impact'] as const;
export type RunKind = (typeof runKinds)[number];
export const runKindLabels: Record<RunKind, string> = {
  'base-case': 'Base case',
  'one-way': 'One-way sensitivity (tornado)',
  'two-way': 'Two-way sensitivity',
  threshold: 'Threshold analysis',
  scenarios: 'Scenarios',
  psa: 'Probabilistic analysis',
  evppi: 'Partial EVPI',
  'budget-impact': 'Budget impact',
};

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a SHA-256 hash (64 lower-case hex digits)' });

/**
 * A model document as the user edits it (the model file's JSON, before defaults are filled in). Stored models may
 * be invalid while being built; they are validated in full when opened or run, so only the envelope is checked here.
 */
export const modelDocumentSchema = z
  .record(z.string(), z.json())
  .refine((doc) => doc.format === MODEL_FORMAT, { error: `not an HTA Workbench model: "format" must be "${MODEL_FORMAT}"` })
  .refine((doc) => typeof doc.version === 'number' && Number.isInteger(doc.version) && doc.version >= 1, { error: 'the model format "version" must be a whole number' });
export type ModelDocument = z.infer<typeof modelDocumentSchema>;

export const modelOrigins = ['example', 'file', 'template', 'copy'] as const;

export const storedModelSchema = z.strictObject({
  id: idSchema,
  title: shortText,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** Where the workspace copy came from: a bundled example (its file name), an opened file, a template, a copy. */
  origin: z.strictObject({ kind: z.enum(modelOrigins), ref: shortText.optional() }),
  document: modelDocumentSchema,
});
export type StoredModel = z.infer<typeof storedModelSchema>;

export const modelVersionSchema = z.strictObject({
  id: idSchema,
  modelId: idSchema,
  name: shortText,
  note: longText,
  createdAt: timestampSchema,
  /** SHA-256 of the document's canonical JSON (engine/json/canonical-json). */
  hash: sha256HexSchema,
  /** true when the app made it (e.g. before restoring another version) rather than the user. */
  automatic: z.boolean(),
  /**
   * true when the user typed the name (shown as typed, even "Version" or "Snapshot"); false when the app gave it.
   * On an automatic "Before restoring “…”" name: how many “…” levels down the typed name sits (1: the name quoted
   * directly), false when none was typed; true (written on 2026-12-07 before levels were counted): the deepest.
   * Written since 2026-12-07; absent in older data, where a name exactly the default reads as the default.
   */
  typedName: z.union([z.boolean(), z.number().int().min(1)]).optional(),
  document: modelDocumentSchema,
});
export type ModelVersion = z.infer<typeof modelVersionSchema>;

export const modelHistorySources = ['edit', 'version-restore', 'import-replace'] as const;

/** One changed field of a model document, with the change in words as it read when it was made. */
export const modelHistoryEntrySchema = z.strictObject({
  modelId: idSchema,
  at: timestampSchema,
  /** e.g. `parameters[#sens_plasma].value` (list items addressed by id, see engine/json/json-diff). */
  path: shortText,
  before: z.json(),
  after: z.json(),
  /** e.g. "Plasma test sensitivity 0.69 → 0.8". */
  summary: shortText,
  source: z.enum(modelHistorySources),
});
export type ModelHistoryEntry = z.infer<typeof modelHistoryEntrySchema>;

export const runStatuses = ['complete', 'partial'] as const;

/**
 * One analysis run. `inputs` are the analysis settings (thresholds, comparator, ranges, scenario ids, …) and
 * `results` the engine's output, both plain JSON in files (typed arrays encoded by dossier/typed-json).
 */
export const storedRunSchema = z.strictObject({
  id: idSchema,
  modelId: idSchema,
  kind: z.enum(runKinds),
  /** e.g. "PSA, 10,000 draws, seed 1". */
  label: shortText,
  modelHash: sha256HexSchema,
  appVersion: shortText,
  engineVersion: shortText,
  startedAt: timestampSchema,
  durationMs: z.number().nonnegative(),
  /** partial: a cancelled PSA whose finished draws the user chose to keep. */
  status: z.enum(runStatuses),
  seed: z.number().int().nonnegative().optional(),
  iterations: z.number().int().positive().optional(),
  /** Draws actually done (equals iterations unless the run is partial). */
  completedIterations: z.number().int().nonnegative().optional(),
  inputs: z.json(),
  results: z.json(),
});
export type StoredRun = z.infer<typeof storedRunSchema>;

/** One model with everything the workspace holds about it, as a dossier file carries it. */
export const modelBundleSchema = z.strictObject({
  model: storedModelSchema,
  versions: z.array(modelVersionSchema),
  history: z.array(modelHistoryEntrySchema),
  runs: z.array(storedRunSchema),
});
export type ModelBundle = z.infer<typeof modelBundleSchema>;
