// Which models a dossier's report covers in the app: each model link resolved, as `hta report` resolves a dossier
// file, to the workspace model it names, with that model's stored runs (the report uses those made from the current
// document and computes only what is missing). A legacy link that names a bundled example file only (no workspace
// model) reads the example's document, with no stored runs.
import type { Dossier } from '../../dossier/schema';
import { modelSourcesOf } from '../../report/report-input';
import type { ReportInput, ReportModelSource } from '../../report/report-input';
import type { ModelStore } from '../db/model-store';
import { exampleIdForRef, findExample } from '../models/model-catalog';

export interface ResolvedModels {
  sources: ReportModelSource[];
  unresolvedLinks: ReportInput['unresolvedLinks'];
}

export async function modelSourcesForDossier(dossier: Dossier, store: Pick<ModelStore, 'bundles'>): Promise<ResolvedModels> {
  const bundles = await store.bundles(dossier.modelLinks.flatMap((l) => (l.modelId !== undefined ? [l.modelId] : [])));
  const { sources, unresolvedLinks } = modelSourcesOf({ dossier, models: bundles });
  const stillUnresolved: ReportInput['unresolvedLinks'] = [];
  for (const entry of unresolvedLinks) {
    const exampleId = entry.link.modelId === undefined ? exampleIdForRef(entry.link.ref) : null;
    const example = exampleId !== null ? findExample(exampleId) : null;
    if (!example) {
      stillUnresolved.push({ link: entry.link, reason: entry.link.modelId !== undefined ? 'the linked model is no longer in this workspace' : `the model “${entry.link.ref}” is not in this workspace; open its file on the Models screen and link it` });
      continue;
    }
    const id = `example:${example.id}`;
    if (!sources.some((s) => s.id === id)) sources.push({ id, title: example.title, link: entry.link, document: example.document, runs: [] });
  }
  return { sources, unresolvedLinks: stillUnresolved };
}
