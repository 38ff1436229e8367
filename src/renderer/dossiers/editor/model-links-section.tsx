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
import { useLanguage } from '../../i18n/language';
import { errorText } from '../../db/errors';

// The dossier's models: links to workspace models (many-to-many; a model can serve several dossiers) and older links
// to a bundled example by file name, which "Use this model" turns into a link to a workspace copy. Linking and
// unlinking edit the dossier, so they are saved and recorded in its history like any other change. Below them, the
// PSA results of other models stored with the dossier.

export function ModelLinksSection({ dossier, edit }: SectionProps) {
  const workspace = useWorkspace();
  const toasts = useToasts();
  const { t } = useLanguage();
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
      toasts.show({ message: t('dossier.models.copied', { title: model.title }) });
    } catch (error) {
      toasts.show({ tone: 'error', message: t('dossier.models.copyFailed', { message: errorText(error, t) }) });
    }
  };

  return (
    <div className="section-stack">
      <Card title={t('dossier.models.linked')} testId="model-links-card">
        {dossier.modelLinks.length === 0 ? (
          <p className="empty">{t('dossier.models.none')}</p>
        ) : (
          <table className="table" data-testid="model-links-table">
            <thead>
              <tr>
                <th scope="col">{t('dossier.models.model')}</th>
                <th scope="col">{t('dossier.models.where')}</th>
                <th scope="col">{t('dossier.models.description')}</th>
                <th scope="col" className="actions"><span className="visually-hidden">{t('dossier.snapshots.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {dossier.modelLinks.map((l) => {
                const model = l.modelId ? byId.get(l.modelId) : undefined;
                const exampleId = !l.modelId ? exampleIdForRef(l.ref) : null;
                return (
                  <tr key={l.id} data-testid="model-link-row">
                    <td data-user-content>{model ? <a href={routeHash({ page: 'model', modelId: model.id, tab: 'results' })}>{model.title}</a> : l.name}</td>
                    <td className="subtle-cell">
                      {model ? t('dossier.models.workspaceModel') : l.modelId ? (models === undefined ? '…' : <span className="field-error">{t('dossier.models.missing')}</span>) : exampleId ? t('dossier.models.bundled') : <span className="mono">{l.ref || '—'}</span>}
                    </td>
                    <td data-user-content>{l.description}</td>
                    <td className="actions actions-stack">
                      {model && (
                        <a className="btn btn-sm" href={routeHash({ page: 'model', modelId: model.id, tab: 'results' })} data-testid="open-linked-model" aria-label={t('dossier.models.openModelNamed', { title: model.title })}>{t('dossier.models.openModel')}</a>
                      )}
                      {exampleId && (
                        <>
                          <a className="btn btn-sm" href={routeHash({ page: 'example', exampleId, tab: 'results' })} data-testid="open-linked-model" aria-label={t('dossier.models.openExampleNamed', { name: l.name })}>{t('dossier.models.openExample')}</a>{' '}
                          {!readOnly && (
                            <button type="button" className="btn btn-sm" onClick={() => void copyExample(l, exampleId)} data-testid="use-linked-example">{t('dossier.models.use')}</button>
                          )}
                        </>
                      )}{' '}
                      {!readOnly && (
                        <button type="button" className="btn btn-ghost btn-sm" onClick={() => unlink(l)} aria-label={t('dossier.models.unlinkNamed', { name: l.name })} data-testid="unlink-model">{t('dossier.models.unlink')}</button>
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
        <Card title={t('dossier.models.link')}>
          {models === undefined ? (
            <p className="empty">{t('common.loading')}</p>
          ) : available.length === 0 ? (
            <p className="empty">
              {models.length === 0 ? t('dossier.models.noModels') : t('dossier.models.allLinked')}{' '}
              {t('dossier.models.addOn', { screen: '\u0000' }).split('\u0000').flatMap((part, i) => (i === 0 ? [part] : [<a key="models" href={routeHash({ page: 'models' })}>{t('nav.models')}</a>, part]))}
            </p>
          ) : (
            <form className="inline-form" onSubmit={(e) => { e.preventDefault(); link(); }}>
              <div className="field grow">
                <label className="field-label" htmlFor={selectId}>{t('dossier.models.select')}</label>
                <select id={selectId} className="select" value={chosen} onChange={(e) => setChoice(e.target.value)} data-testid="link-model-select">
                  {available.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
                </select>
              </div>
              <button type="submit" className="btn btn-primary" disabled={!chosen} data-testid="link-model">{t('dossier.models.linkButton')}</button>
            </form>
          )}
        </Card>
      )}
      <ImportedPsaCard dossierId={dossier.id} />
    </div>
  );
}
