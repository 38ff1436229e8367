import type { SaveState } from './use-autosave';
import { saveStateLabel } from './use-autosave';
import { localWorkspaceMessage } from '../db/errors';
import { useLanguage } from '../i18n/language';

/**
 * `titleProblem`: the title field holds a title that cannot be stored (everything else is saved without it).
 * `explainedBy`: the id of a message on the page that already says why nothing is saved and what to do (an edit
 * conflict): a failed save then says only `errorLabel`, described by that message, with no second reason or Retry.
 */
export function SaveStateIndicator({ state, onRetry, titleProblem = false, onGoToTitle, explainedBy, errorLabel }: { state: SaveState; onRetry: () => void; titleProblem?: boolean; onGoToTitle?: () => void; explainedBy?: string; errorLabel?: string }) {
  const { t } = useLanguage();
  if (explainedBy && state.kind === 'error') {
    return (
      <span className="save-indicator">
        <span className="save-state" data-state="error" data-testid="save-state" role="status" aria-describedby={explainedBy}>
          {errorLabel ?? t('dossier.save.notSaved')}
        </span>
      </span>
    );
  }
  const message = state.kind === 'error' ? localWorkspaceMessage(state.message, t) : undefined;
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
