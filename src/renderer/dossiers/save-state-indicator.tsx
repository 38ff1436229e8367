import type { SaveState } from './use-autosave';
import { saveStateLabel } from './use-autosave';
import { localWorkspaceMessage } from '../db/errors';
import { useLanguage } from '../i18n/language';

export function SaveStateIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useLanguage();
  const message = state.kind === 'error' ? localWorkspaceMessage(state.message, t) : undefined;
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
