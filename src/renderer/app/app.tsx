import { useCallback } from 'react';
import { DossierEditorPage } from '../dossiers/dossier-editor-page';
import { LibraryPage } from '../dossiers/library-page';
import { useFileActions } from '../dossiers/use-file-actions';
import { WorkspaceProvider } from '../dossiers/workspace-context';
import { AppFrame } from '../layout/app-frame';
import { ExamplePage } from '../models/example-page';
import { ModelPage } from '../models/model-page';
import { ModelsScreen } from '../models/model-screens';
import { ReportScreen } from '../reports/report-page';
import { usePlatform } from '../platform/platform-context';
import { SettingsProvider } from '../settings/settings-context';
import { SurvivalScreen } from '../survival/survival-screen';
import { CountriesScreen } from '../countries/countries-screen';
import { PsaResultsScreen } from '../psa-results/psa-results-screen';
import { ToastProvider } from '../ui/toasts';
import { MenuCommandProvider, useMenuCommand } from './menu-commands';
import { useRoute } from './use-route';
import { useLanguage } from '../i18n/language';

export function App() {
  return (
    // Settings outermost: notifications and the workspace's own messages follow the display language too.
    <SettingsProvider>
      {(language) => (
        <ToastProvider>
          <MenuCommandProvider>
            <WorkspaceProvider>
              <Screens key={language} />
            </WorkspaceProvider>
          </MenuCommandProvider>
        </ToastProvider>
      )}
    </SettingsProvider>
  );
}

function Screens() {
  const [route, navigate] = useRoute();
  const openDossier = useCallback((id: string) => navigate({ page: 'dossier', dossierId: id, section: 'overview' }), [navigate]);
  const files = useFileActions((dossier) => openDossier(dossier.id));
  const platform = usePlatform();
  const { t } = useLanguage();

  // Commands that work on every screen (the library and editor handle the rest).
  useMenuCommand((command) => {
    switch (command) {
      case 'go-library':
        navigate({ page: 'library' });
        return true;
      case 'import-dossier':
        void files.importDossier();
        return true;
      case 'backup-workspace':
        void files.backupWorkspace();
        return true;
      case 'restore-workspace':
        files.restoreWorkspace();
        return true;
      case 'print-to-pdf':
        void platform.printToPdf({ suggestedName: 'hta-workbench.pdf' });
        return true;
      default:
        return false;
    }
  });

  let screen;
  if (route.page === 'dossier') {
    screen = (
      <DossierEditorPage
        dossierId={route.dossierId}
        section={route.section}
        files={files}
        onSection={(section) => navigate({ page: 'dossier', dossierId: route.dossierId, section })}
      />
    );
  } else if (route.page === 'report') {
    screen = <ReportScreen dossierId={route.dossierId} />;
  } else if (route.page === 'models') {
    screen = <ModelsScreen navigate={navigate} />;
  } else if (route.page === 'model') {
    screen = <ModelPage key={route.modelId} modelId={route.modelId} tab={route.tab} navigate={navigate} />;
  } else if (route.page === 'example') {
    screen = <ExamplePage key={route.exampleId} exampleId={route.exampleId} tab={route.tab} navigate={navigate} />;
  } else if (route.page === 'survival') {
    screen = <SurvivalScreen />;
  } else if (route.page === 'countries') {
    screen = <CountriesScreen />;
  } else if (route.page === 'psa-results') {
    screen = <PsaResultsScreen key={route.importId ?? ''} importId={route.importId} />;
  } else if (route.page === 'library') {
    screen = (
      <AppFrame activeNav="library" title={<span className="current">{t('nav.library')}</span>}>
        <LibraryPage files={files} onOpen={openDossier} />
      </AppFrame>
    );
  } else {
    screen = (
      <AppFrame activeNav="" title={<span className="current">{t('common.notFound')}</span>}>
        <div className="page">
          <div className="notice notice-warning">{t('shell.noPage', { hash: route.hash })} <a href="#/library">{t('shell.goLibrary')}</a></div>
        </div>
      </AppFrame>
    );
  }
  return (
    <>
      {screen}
      {files.dialogs}
    </>
  );
}
