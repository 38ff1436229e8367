import type { SaveState } from './use-autosave';
import { saveStateLabel } from './use-autosave';
import { errorText } from '../db/errors';
import { useLanguage } from '../i18n/language';

// The saved state of an editor (dossier, workspace model): a short word in the header, and when something is not
// saved, why and what to do in a strip under the header (AppFrame's headerNote). The header has room for the word
// only at 1024 px; the strip wraps, so the reason is read in full at any width, with the keyboard.

const SAVE_NOTE_ID = 'save-note';

export interface SaveStateProps {
  state: SaveState;
  /** The title field holds a title that cannot be stored (everything else is saved without it). */
  titleProblem?: boolean;
  /**
   * The id of a message on the page that already says why nothing is saved and what to do (an edit conflict): an
   * unsaved state (pending, saving or failed) then says only `errorLabel` in the header, described by that
   * message, and no strip.
   */
  explainedBy?: string;
  errorLabel?: string;
}

export function SaveStateIndicator({ state, titleProblem = false, explainedBy, errorLabel }: SaveStateProps) {
  const { t } = useLanguage();
  const titleOnly = titleProblem && state.kind === 'saved';
  // Explained by a message on the page: whatever the autosave is doing (waiting, trying, refused), nothing gets
  // saved until the user chooses there, so the header says that one thing.
  const explained = explainedBy !== undefined && state.kind !== 'saved';
  const noted = titleOnly || state.kind === 'error' || explained;
  return (
    <span className="save-indicator">
      <span className="save-state" data-state={titleOnly ? 'title-problem' : explained ? 'error' : state.kind} data-testid="save-state" role="status" aria-describedby={noted ? (explainedBy ?? SAVE_NOTE_ID) : undefined}>
        {titleOnly ? t('dossier.save.titleNotSaved') : explained ? (errorLabel ?? t('dossier.save.notSaved')) : state.kind === 'error' ? t('dossier.save.notSaved') : saveStateLabel(state, t)}
      </span>
    </span>
  );
}

/** What is not saved and why, with the way out (Retry, or Go to title), under the header; nothing when all is saved. */
export function SaveStateNote({ state, onRetry, titleProblem = false, onGoToTitle, explainedBy }: SaveStateProps & { onRetry: () => void; onGoToTitle?: () => void }) {
  const { t } = useLanguage();
  if (explainedBy) return null;
  if (state.kind === 'error') {
    return (
      <div className="notice notice-error banner save-note" role="alert" data-testid="save-note">
        <span className="grow" id={SAVE_NOTE_ID} data-testid="save-error">{errorText(state.error, t)}</span>
        <button type="button" className="btn btn-sm" onClick={onRetry}>{t('dossier.save.retry')}</button>
      </div>
    );
  }
  if (titleProblem && state.kind === 'saved') {
    return (
      <div className="notice notice-warning banner save-note" role="status" data-testid="save-note">
        <span className="grow" id={SAVE_NOTE_ID} data-testid="save-title-problem">{t('dossier.save.titleNotSavedDetail')}</span>
        {onGoToTitle && <button type="button" className="btn btn-sm" data-testid="go-to-title" onClick={onGoToTitle}>{t('dossier.save.goToTitle')}</button>}
      </div>
    );
  }
  return null;
}
