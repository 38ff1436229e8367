// Which models a dossier's report covers in the app today: each model link resolved to a bundled example or to a
// model file opened in this session, with no stored runs yet (the report worker computes every analysis). When
// workspace models with stored runs exist (issue 10), this is the one place that changes: a link's modelId gives
// the stored model document and its runs, passed on as they are.
import type { Dossier, ModelLink } from '../../dossier/schema';
import type { ReportInput, ReportModelSource } from '../../report/report-input';
import { exampleIdForRef, findModel } from '../models/model-catalog';
import type { ModelEntry } from '../models/model-catalog';

export interface ResolvedModels {
  sources: ReportModelSource[];
  unresolvedLinks: ReportInput['unresolvedLinks'];
}

function baseName(ref: string): string {
  return ref.trim().split(/[\\/]/).pop() ?? ref;
}

function entryFor(link: ModelLink, opened: readonly ModelEntry[]): ModelEntry | undefined {
  const example = exampleIdForRef(link.ref);
  if (example !== null) return findModel(example, opened) ?? undefined;
  return opened.find((m) => m.fileName === baseName(link.ref));
}

export function modelSourcesForDossier(dossier: Dossier, opened: readonly ModelEntry[]): ResolvedModels {
  const sources: ReportModelSource[] = [];
  const unresolvedLinks: ReportInput['unresolvedLinks'] = [];
  for (const link of dossier.modelLinks) {
    const entry = entryFor(link, opened);
    if (!entry) {
      unresolvedLinks.push({ link, reason: `the model “${link.ref}” is not in the app; open its file on the Models screen` });
      continue;
    }
    if (sources.some((s) => s.id === entry.id)) continue;
    sources.push({ id: entry.id, title: entry.title, link, document: entry.json, runs: [] });
  }
  return { sources, unresolvedLinks };
}
