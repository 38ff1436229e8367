import type { Route } from '../app/routes';
import { routeHash } from '../app/routes';
import { AppFrame } from '../layout/app-frame';
import { findModel, useOpenedModels } from './model-catalog';
import { ModelPage } from './model-page';
import { ModelsPage } from './models-page';

// The two model routes in the app frame: the list (#/models) and one model (#/models/<id>/<tab>).

export function ModelsScreen({ navigate }: { navigate: (route: Route) => void }) {
  return (
    <AppFrame activeNav="models" title={<span className="current">Models</span>}>
      <ModelsPage onOpen={(id) => navigate({ page: 'model', modelId: id, tab: 'model' })} />
    </AppFrame>
  );
}

export function ModelScreen({ modelId, tab, navigate }: { modelId: string; tab: string; navigate: (route: Route) => void }) {
  const opened = useOpenedModels();
  const entry = findModel(modelId, opened);
  return (
    <AppFrame
      activeNav="models"
      title={
        <>
          <a className="crumb" href={routeHash({ page: 'models' })}>Models</a>
          <span className="crumb-sep" aria-hidden="true">/</span>
          <span className="current">{entry?.title ?? modelId}</span>
        </>
      }
    >
      <ModelPage modelId={modelId} tab={tab} onTab={(next) => navigate({ page: 'model', modelId, tab: next })} />
    </AppFrame>
  );
}
