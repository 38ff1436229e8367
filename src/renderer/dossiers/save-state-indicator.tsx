import type { SaveState } from './use-autosave';
import { saveStateLabel } from './use-autosave';
import { errorText } from '../db/errors';
import { useLanguage } from '../i18n/language';

/** `titleProblem`: the title field holds a title that cannot be stored (everything else is saved without it). */
export function SaveStateIndicator({ state, onRetry, titleProblem = false, onGoToTitle }: { state: SaveState; onRetry: () => void; titleProblem?: boolean; onGoToTitle?: () => void }) {
  const { t } = useLanguage();
  const message = state.kind === 'error' ? errorText(state.error, t) : undefined;
  if (titleProblem && state.kind === 'saved') {
    return (
      <span className="save-indicator">
        <span className="save-state" data-state="title-problem" data-testid="save-state" role="status" title={t('dossier.save.titleNotSavedDetail')}>
          {t('dossier.save.titleNotSaved')}
        </span>
        {onGoToTitle && <button type="button" className="btn btn-sm" data-testid="go-to-title" onClick={onGoToTitle}>{t('dossier.save.goToTitle')}</button>}
      </span>
    );
  }
  return (
    <span className="save-indicator">
      <span className="save-state" data-state={state.kind} data-testid="save-state" role="status" title={message}>
        {state.kind === 'error' ? t('dossier.save.notSaved') : saveStateLabel(state, t)}
      </span>
      {state.kind === 'error' && (
        <>
          <span className="save-error-detail" data-testid="save-error">{message}</span>
          <button type="button" className="btn btn-sm" onClick={onRetry}>{t('dossier.save.retry')}</button>
        </>
      )}
    </span>
  );
}
