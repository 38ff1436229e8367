import { useCallback, useMemo, useState } from 'react';
import { appInfo } from '../../dossier/app-info';
import { modelDocumentHash } from '../../engine/json/canonical-json';
import { ENGINE_VERSION } from '../../engine/version';
import { routeHash } from '../app/routes';
import type { Route } from '../app/routes';
import { useWorkspace } from '../dossiers/workspace-context';
import { ExportProvider } from '../exports/export-context';
import { AppFrame } from '../layout/app-frame';
import { useToasts } from '../ui/toasts';
import { useLanguage } from '../i18n/language';
import { findExample, modelTypeLabel } from './model-catalog';
import type { ExampleModel } from './model-catalog';
import { ModelView } from './model-view';
import { useModelEvaluation } from './use-model-evaluation';
import { errorText } from '../db/errors';

// A bundled example as a read-only template: its settings, parameters, base case and budget impact can be looked
// at; "Use this model" makes a workspace copy to edit, run analyses on and keep.

/** Copies a bundled example into the workspace and opens the copy. */
export function useCopyExample(navigate: (route: Route) => void): (example: ExampleModel, tab?: string) => Promise<void> {
  const workspace = useWorkspace();
  const toasts = useToasts();
  const { t } = useLanguage();
  return useCallback(
    async (example, tab = 'model') => {
      try {
        const model = await workspace.models.create({ document: example.document, origin: { kind: 'example', ref: example.fileName } });
        toasts.show({ message: t('example.copied', { title: model.title }) });
        navigate({ page: 'model', modelId: model.id, tab });
      } catch (error) {
        toasts.show({ tone: 'error', message: t('example.copyFailed', { error: errorText(error, t) }) });
      }
    },
    [workspace, toasts, navigate, t],
  );
}

export function ExamplePage({ exampleId, tab, navigate }: { exampleId: string; tab: string; navigate: (route: Route) => void }) {
  const example = findExample(exampleId);
  const { t } = useLanguage();
  return (
    <AppFrame
      activeNav="models"
      title={
        <>
          <a className="crumb" href={routeHash({ page: 'models' })}>{t('nav.models')}</a>
          <span className="crumb-sep" aria-hidden="true">/</span>
          <span className="current">{example?.title ?? exampleId}</span>
        </>
      }
    >
      {example ? (
        <ExampleView key={example.id} example={example} tab={tab} navigate={navigate} />
      ) : (
        <div className="page">
          <div className="notice notice-warning" role="alert">{t('example.missing', { id: exampleId })} <a href={routeHash({ page: 'models' })}>{t('models.goTo')}</a></div>
        </div>
      )}
    </AppFrame>
  );
}

function ExampleView({ example, tab, navigate }: { example: ExampleModel; tab: string; navigate: (route: Route) => void }) {
  const workspace = useWorkspace();
  const { t } = useLanguage();
  const document = example.document;
  const evaluation = useModelEvaluation(document);
  const copy = useCopyExample(navigate);
  const [busy, setBusy] = useState(false);
  const use = async (nextTab?: string) => {
    setBusy(true);
    await copy(example, nextTab);
    setBusy(false);
  };
  const canCopy = workspace.readOnlyReason === null;
  const noop = useMemo(() => () => undefined, []);
  const provenance = useMemo(
    () => [
      t('provenance.example', { title: example.title, file: example.fileName }),
      t('provenance.hash', { hash: modelDocumentHash(document) }),
      t('provenance.app', { app: appInfo.name, version: appInfo.version, engine: ENGINE_VERSION }),
    ],
    [example, document, t],
  );
  const useButton = (nextTab?: string, testId = 'use-model') =>
    canCopy && (
      <button type="button" className="btn btn-primary" onClick={() => void use(nextTab)} disabled={busy} data-testid={testId}>
        {t('models.use')}
      </button>
    );
  return (
    <ExportProvider modelTitle={example.title} provenance={provenance}>
      <div className="page model-page" data-testid="model-page" data-example-id={example.id}>
        <div className="page-header">
          <div className="page-title">
            <h1 data-testid="model-title">{example.title}</h1>
            <p>{t('example.subtitle', { type: modelTypeLabel(example, t), n: example.strategies, file: example.fileName })}</p>
          </div>
          {useButton()}
        </div>
        <div className="notice notice-info" data-testid="template-note">
          {t('example.note')}
        </div>
        <ModelView
          document={document}
          evaluation={evaluation}
          tab={tab}
          onTab={(next) => navigate({ page: 'example', exampleId: example.id, tab: next })}
          readOnly
          onSetValue={noop}
          onSetUncertainty={noop}
          runs={null}
          hasBudgetImpact={example.hasBudgetImpact}
          templateUncertainty={
            <section className="card" data-testid="template-uncertainty">
              <div className="card-header"><h2>{t('example.uncertaintyTitle')}</h2></div>
              <div className="card-body template-offer">
                <p>{t('example.uncertaintyOffer')}</p>
                {useButton('uncertainty', 'use-model-uncertainty')}
              </div>
            </section>
          }
        />
      </div>
    </ExportProvider>
  );
}
