import type { Route } from '../app/routes';
import { AppFrame } from '../layout/app-frame';
import { useLanguage } from '../i18n/language';
import { ModelsPage } from './models-page';

// The models list (#/models) in the app frame. One model (#/models/<id>/<tab>) and one bundled example
// (#/examples/<file>/<tab>) draw their own frame (model-page.tsx, example-page.tsx): their header shows the save
// state and undo/redo.

export function ModelsScreen({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useLanguage();
  return (
    <AppFrame activeNav="models" title={<span className="current">{t('nav.models')}</span>}>
      <ModelsPage navigate={navigate} />
    </AppFrame>
  );
}
