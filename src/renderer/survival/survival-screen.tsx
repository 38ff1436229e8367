import { AppFrame } from '../layout/app-frame';
import { SurvivalPage } from './survival-page';
import { useLanguage } from '../i18n/language';

// The Survival route (#/survival) in the app frame.
export function SurvivalScreen() {
  const { t } = useLanguage();
  return (
    <AppFrame activeNav="survival" title={<span className="current">{t('survival.title')}</span>}>
      <SurvivalPage />
    </AppFrame>
  );
}
