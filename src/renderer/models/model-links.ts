// Links between dossiers and workspace models (many-to-many): a link is a row of the dossier's model links that
// names the workspace model by id. Linking and unlinking are dossier edits, so they appear in the dossier's history
// and follow its rules (a Final dossier refuses them).
import type { Dossier, ModelLink } from '../../dossier/schema';
import type { StoredModel } from '../../dossier/workspace-models';
import { newId } from '../db/ids';
import type { Workspace } from '../db/workspace';

export function linkFor(model: Pick<StoredModel, 'id' | 'title' | 'origin'>): ModelLink {
  return { id: newId(), name: model.title, ref: model.origin.ref ?? '', description: '', modelId: model.id };
}

/** Links the model to the dossier (nothing changes when it is linked already). */
export async function linkModel(workspace: Workspace, dossierId: string, model: Pick<StoredModel, 'id' | 'title' | 'origin'>): Promise<Dossier> {
  return (await workspace.update(dossierId, (d) => (d.modelLinks.some((l) => l.modelId === model.id) ? d : { ...d, modelLinks: [...d.modelLinks, linkFor(model)] }))).dossier;
}

export async function unlinkModel(workspace: Workspace, dossierId: string, linkId: string): Promise<Dossier> {
  return (await workspace.update(dossierId, (d) => ({ ...d, modelLinks: d.modelLinks.filter((l) => l.id !== linkId) }))).dossier;
}

/** A link to a bundled example (by file reference) becomes a link to a workspace copy of it. */
export async function attachWorkspaceModel(workspace: Workspace, dossierId: string, linkId: string, model: Pick<StoredModel, 'id'>): Promise<Dossier> {
  return (await workspace.update(dossierId, (d) => ({ ...d, modelLinks: d.modelLinks.map((l) => (l.id === linkId ? { ...l, modelId: model.id } : l)) }))).dossier;
}
