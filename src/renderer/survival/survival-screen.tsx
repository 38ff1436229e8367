import { AppFrame } from '../layout/app-frame';
import { SurvivalPage } from './survival-page';

// The Survival route (#/survival) in the app frame.
export function SurvivalScreen() {
  return (
    <AppFrame activeNav="survival" title={<span className="current">Survival curves</span>}>
      <SurvivalPage />
    </AppFrame>
  );
}
