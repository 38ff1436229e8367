// What a report is made from: the dossier, and for every linked model its document hash, the parsed model and the
// results of each analysis, typed with the engine's own result types. Results come from the runs stored with the
// model (dossier file or workspace) when they were made from this exact model document; what is missing is run
// here with the given seed. Each result records where it came from, for the report's provenance table.
import type { Dossier, ModelLink } from '../dossier/schema';
import type { DossierFile } from '../dossier/file-format';
import { psaImportFromFile } from '../dossier/psa-imports';
import type { StoredPsaImport } from '../dossier/psa-imports';
import type { StoredRun } from '../dossier/workspace-models';
import { modelDocumentHash } from '../engine/json/canonical-json';
import { validateModel } from '../engine/model/validate';
import { formatIssue } from '../engine/errors';
import type { ModelIssue } from '../engine/errors';
import type { HtaModel } from '../engine/model/schema';
import { completeAnalyses } from '../engine/analysis/model-analyses';
import type { AnalysisKind, AnalysisProblem, AnalysisSettings, CompletedAnalyses, ModelAnalyses } from '../engine/analysis/model-analyses';
import { ENGINE_VERSION } from '../engine/version';
import { analysesFromStoredRuns } from './stored-runs';
import { ReportInputError } from './report-input-error';

export { ReportInputError };

/** One analysis result a report uses, and where it came from. */
export interface ReportRun {
  kind: AnalysisKind;
  source: 'stored' | 'computed';
  /** Stored runs: the run's id and label. */
  runId: string | null;
  label: string;
  /** When the run started (stored) or when the report computed it (ISO date-time). */
  startedAt: string;
  seed: number | null;
  iterations: number | null;
  /** PSA runs cancelled part-way: the draws kept. */
  completedIterations: number | null;
  appVersion: string;
  engineVersion: string;
}

export interface ReportModel {
  /** The workspace model id. */
  id: string;
  title: string;
  /** The dossier's link to the model (null for a model in the file that no link names). */
  link: ModelLink | null;
  /** SHA-256 of the model document's canonical JSON. */
  hash: string;
  model: HtaModel;
  analyses: ModelAnalyses;
  decision: CompletedAnalyses['decision'];
  runs: ReportRun[];
  problems: AnalysisProblem[];
  /** Validation warnings of the model document and notes on stored runs not used (e.g. made from another version). */
  warnings: string[];
  /** The validation warnings as the engine's issues (code and values), the first entries of `warnings`. */
  warningIssues?: ModelIssue[];
}

export interface ReportInput {
  dossier: Dossier;
  models: ReportModel[];
  /** Links whose model the file does not hold. */
  unresolvedLinks: { link: ModelLink; reason: string }[];
  /** PSA results of other models imported with the dossier (their draws; the report summarises them). */
  importedPsa?: StoredPsaImport[];
  appVersion: string;
  engineVersion: string;
  generatedAt: string;
}

/** A model (as stored) the report should cover. */
export interface ReportModelSource {
  id: string;
  title: string;
  link: ModelLink | null;
  document: unknown;
  runs: readonly StoredRun[];
}

export interface PrepareSettings extends AnalysisSettings {
  appVersion: string;
  /** ISO date-time stamped on runs made here and on the report. */
  now: string;
}

/**
 * Validates one model document, takes the stored runs made from it and runs the missing analyses. `at` locates
 * problems in the file (e.g. "models[0]"). Throws ReportInputError when the model or a stored run is unusable.
 */
export function prepareReportModel(source: ReportModelSource, at: string, settings: PrepareSettings): ReportModel {
  const validation = validateModel(source.document);
  if (!validation.valid || !validation.model) {
    throw new ReportInputError(validation.issues.filter((i) => i.severity === 'error').map((i) => `${at}.model.document.${formatIssue(i)}`));
  }
  const hash = modelDocumentHash(source.document);
  const stored = analysesFromStoredRuns(source.runs, hash, `${at}.runs`);
  const completed = completeAnalyses(validation.model, stored.have, settings);
  const computedRuns: ReportRun[] = completed.computed.map((c) => ({
    kind: c.kind,
    source: 'computed',
    runId: null,
    label: 'Computed for this report',
    startedAt: settings.now,
    seed: c.seed ?? null,
    iterations: c.iterations ?? null,
    completedIterations: c.iterations ?? null,
    appVersion: settings.appVersion,
    engineVersion: ENGINE_VERSION,
  }));
  return {
    id: source.id,
    title: source.title,
    link: source.link,
    hash,
    model: validation.model,
    analyses: completed.analyses,
    decision: completed.decision,
    runs: [...stored.used, ...computedRuns],
    problems: completed.problems,
    warnings: [...validation.issues.filter((i) => i.severity === 'warning').map(formatIssue), ...stored.notes],
    warningIssues: validation.issues.filter((i) => i.severity === 'warning'),
  };
}

/** The file name part of a model reference ("resources/examples/x.json" → "x.json"). */
function baseName(ref: string): string {
  return ref.trim().split(/[\\/]/).pop() ?? ref;
}

/** Which model in the file each dossier link names: by modelId, else by the file name of its reference. */
export function modelSourcesOf(file: Pick<DossierFile, 'dossier' | 'models'>): { sources: ReportModelSource[]; unresolvedLinks: ReportInput['unresolvedLinks'] } {
  const sources: ReportModelSource[] = [];
  const unresolvedLinks: ReportInput['unresolvedLinks'] = [];
  const used = new Set<string>();
  for (const link of file.dossier.modelLinks) {
    const bundle =
      file.models.find((b) => link.modelId !== undefined && b.model.id === link.modelId) ??
      (link.modelId === undefined ? file.models.find((b) => b.model.origin.ref !== undefined && baseName(b.model.origin.ref) === baseName(link.ref)) : undefined);
    if (!bundle) {
      unresolvedLinks.push({ link, reason: link.modelId !== undefined ? `the file holds no model with id "${link.modelId}"` : `the file holds no model for "${link.ref}"` });
      continue;
    }
    if (used.has(bundle.model.id)) continue;
    used.add(bundle.model.id);
    sources.push({ id: bundle.model.id, title: bundle.model.title, link, document: bundle.model.document, runs: bundle.runs });
  }
  for (const bundle of file.models) {
    if (!used.has(bundle.model.id)) sources.push({ id: bundle.model.id, title: bundle.model.title, link: null, document: bundle.model.document, runs: bundle.runs });
  }
  return { sources, unresolvedLinks };
}

/** Everything a report needs from a dossier file; throws ReportInputError (every problem located) on a bad model or run. */
export function prepareReportInput(file: Pick<DossierFile, 'dossier' | 'models'> & { psaImports?: DossierFile['psaImports'] }, settings: PrepareSettings): ReportInput {
  const { sources, unresolvedLinks } = modelSourcesOf(file);
  const problems: string[] = [];
  const models: ReportModel[] = [];
  for (const source of sources) {
    const index = file.models.findIndex((b) => b.model.id === source.id);
    try {
      models.push(prepareReportModel(source, `models[${index}]`, settings));
    } catch (error) {
      if (error instanceof ReportInputError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new ReportInputError(problems);
  const importedPsa = (file.psaImports ?? []).map(psaImportFromFile);
  return { dossier: file.dossier, models, unresolvedLinks, ...(importedPsa.length > 0 ? { importedPsa } : {}), appVersion: settings.appVersion, engineVersion: ENGINE_VERSION, generatedAt: settings.now };
}
