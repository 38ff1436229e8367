import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { ModelLink } from '../../../dossier/schema';
import { routeHash } from '../../app/routes';
import { exampleIdForRef, findExample } from '../../models/model-catalog';
import { linkFor } from '../../models/model-links';
import { Card } from '../../ui/fields';
import { ImportedPsaCard } from '../../psa-results/imported-psa-card';
import { useToasts } from '../../ui/toasts';
import { useWorkspace } from '../workspace-context';
import type { SectionProps } from './section-props';

// The dossier's models: links to workspace models (many-to-many; a model can serve several dossiers) and older links
// to a bundled example by file name, which "Use this model" turns into a link to a workspace copy. Linking and
// unlinking edit the dossier, so they are saved and recorded in its history like any other change. Below them, the
// PSA results of other models stored with the dossier.

export function ModelLinksSection({ dossier, edit }: SectionProps) {
  const workspace = useWorkspace();
  const toasts = useToasts();
  const models = useLiveQuery(() => workspace.models.list(), [workspace]);
  const [choice, setChoice] = useState('');
  const selectId = useId();
  const readOnly = workspace.readOnlyReason !== null;
  const byId = new Map((models ?? []).map((m) => [m.id, m]));
  const linkedIds = new Set(dossier.modelLinks.flatMap((l) => (l.modelId ? [l.modelId] : [])));
  const available = (models ?? []).filter((m) => !linkedIds.has(m.id));
  const chosen = choice && available.some((m) => m.id === choice) ? choice : (available[0]?.id ?? '');

  const link = () => {
    const model = byId.get(chosen);
    if (model) edit((d) => ({ ...d, modelLinks: [...d.modelLinks, linkFor(model)] }));
  };
  const unlink = (l: ModelLink) => edit((d) => ({ ...d, modelLinks: d.modelLinks.filter((x) => x.id !== l.id) }));
  const copyExample = async (l: ModelLink, exampleId: string) => {
    const example = findExample(exampleId);
    if (!example) return;
    try {
      const model = await workspace.models.create({ document: example.document, origin: { kind: 'example', ref: example.fileName } });
      edit((d) => ({ ...d, modelLinks: d.modelLinks.map((x) => (x.id === l.id ? { ...x, modelId: model.id } : x)) }));
      toasts.show({ message: `“${model.title}” is now in your workspace and linked to this dossier.` });
    } catch (error) {
      toasts.show({ tone: 'error', message: `The model could not be copied: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <div className="section-stack">
      <Card title="Linked models" testId="model-links-card">
        {dossier.modelLinks.length === 0 ? (
          <p className="empty">No models linked yet. Link a model of your workspace below, or from the model’s own screen.</p>
        ) : (
          <table className="table" data-testid="model-links-table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Where it lives</th>
                <th scope="col">Description</th>
                <th scope="col" className="actions"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {dossier.modelLinks.map((l) => {
                const model = l.modelId ? byId.get(l.modelId) : undefined;
                const exampleId = !l.modelId ? exampleIdForRef(l.ref) : null;
                return (
                  <tr key={l.id} data-testid="model-link-row">
                    <td>{model ? <a href={routeHash({ page: 'model', modelId: model.id, tab: 'results' })}>{model.title}</a> : l.name}</td>
                    <td className="subtle-cell">
                      {model ? 'Workspace model' : l.modelId ? (models === undefined ? '…' : <span className="field-error">Missing: not in this workspace</span>) : exampleId ? 'Bundled example (read-only)' : <span className="mono">{l.ref || '—'}</span>}
                    </td>
                    <td>{l.description}</td>
                    <td className="actions">
                      {model && (
                        <a className="btn btn-sm" href={routeHash({ page: 'model', modelId: model.id, tab: 'results' })} data-testid="open-linked-model" aria-label={`Open model ${model.title}`}>Open model</a>
                      )}
                      {exampleId && (
                        <>
                          <a className="btn btn-sm" href={routeHash({ page: 'example', exampleId, tab: 'results' })} data-testid="open-linked-model" aria-label={`Open example ${l.name}`}>Open example</a>{' '}
                          {!readOnly && (
                            <button type="button" className="btn btn-sm" onClick={() => void copyExample(l, exampleId)} data-testid="use-linked-example">Use this model</button>
                          )}
                        </>
                      )}{' '}
                      {!readOnly && (
                        <button type="button" className="btn btn-ghost btn-sm" onClick={() => unlink(l)} aria-label={`Unlink ${l.name}`} data-testid="unlink-model">Unlink</button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
      {!readOnly && (
        <Card title="Link a model">
          {models === undefined ? (
            <p className="empty">Loading…</p>
          ) : available.length === 0 ? (
            <p className="empty">
              {models.length === 0 ? 'Your workspace has no models yet.' : 'Every model of your workspace is linked already.'} Add one on the <a href={routeHash({ page: 'models' })}>Models</a> screen (a bundled example or a model file).
            </p>
          ) : (
            <form className="inline-form" onSubmit={(e) => { e.preventDefault(); link(); }}>
              <div className="field grow">
                <label className="field-label" htmlFor={selectId}>Workspace model</label>
                <select id={selectId} className="select" value={chosen} onChange={(e) => setChoice(e.target.value)} data-testid="link-model-select">
                  {available.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
                </select>
              </div>
              <button type="submit" className="btn btn-primary" disabled={!chosen} data-testid="link-model">Link model</button>
            </form>
          )}
        </Card>
      )}
      <ImportedPsaCard dossierId={dossier.id} />
    </div>
  );
}
