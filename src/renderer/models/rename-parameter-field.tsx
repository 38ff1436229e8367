import { useCallback, useId, useMemo, useState } from 'react';
import type { ModelDocumentJson } from '../../engine/model/document-edits';
import * as edits from '../../engine/model/structure-edits';
import { useLanguage } from '../i18n/language';

// Renaming a parameter with every reference, offered where parameters are listed (the Structure tab's definitions,
// the Model and parameters tab's table): one field, one edit (renameParameter), one undo step, wherever it starts.

export interface ParameterRename {
  /** The id being renamed, if any. */
  renaming: string | null;
  start: (id: string) => void;
  cancel: (id: string) => void;
  rename: (from: string, to: string) => void;
}

/**
 * Which parameter is being renamed in one table; focus goes back to the row's Rename button after it (the row is
 * keyed by the id, so the button is looked up by `${testIdPrefix}-${id}` once drawn).
 */
export function useParameterRename(onRename: (from: string, to: string) => void, testIdPrefix: string): ParameterRename {
  const [renaming, setRenaming] = useState<string | null>(null);
  const focus = useCallback((id: string) => requestAnimationFrame(() => window.document.querySelector<HTMLElement>(`[data-testid="${testIdPrefix}-${id}"]`)?.focus()), [testIdPrefix]);
  return useMemo(
    () => ({
      renaming,
      start: setRenaming,
      cancel: (id: string) => {
        setRenaming(null);
        focus(id);
      },
      rename: (from: string, to: string) => {
        setRenaming(null);
        onRename(from, to);
        focus(to);
      },
    }),
    [renaming, onRename, focus],
  );
}

export function RenameParameterButton({ id, rename, testId }: { id: string; rename: ParameterRename; testId: string }) {
  const { t } = useLanguage();
  return (
    <button type="button" className="btn btn-ghost btn-sm" onClick={() => rename.start(id)} aria-label={t('structure.renameParameterLabel', { id })} disabled={rename.renaming === id} data-testid={testId}>
      {t('structure.rename')}
    </button>
  );
}

/**
 * The new id of a parameter, typed in its row: Enter renames it with every reference (one undo step), Escape or
 * Cancel leaves it. An id that cannot be used is refused here, in the display language, before any edit.
 */
export function RenameParameterField({ document, id, onRename, onCancel }: { document: ModelDocumentJson; id: string; onRename: (to: string) => void; onCancel: () => void }) {
  const { t } = useLanguage();
  const [text, setText] = useState(id);
  const [tried, setTried] = useState(false);
  const hintId = useId();
  const to = text.trim();
  const problem = to === id ? null : edits.parameterIdProblem(document, to);
  const useCount = edits.parameterUses(document, id).length;
  const shown = problem && (tried || to !== '') ? t(`structure.idProblem.${problem.code}`, { id: to }) : null;
  return (
    <form
      className="rename-field"
      data-testid={`parameter-rename-form-${id}`}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (to === id) onCancel();
        else if (!problem) onRename(to);
      }}
    >
      <input
        className="input mono"
        aria-label={t('structure.newIdOf', { id })}
        value={text}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
        aria-invalid={shown ? true : undefined}
        aria-describedby={hintId}
        spellCheck={false}
        data-testid={`parameter-rename-input-${id}`}
      />
      <span className="rename-actions">
        <button type="submit" className="btn btn-sm btn-primary" data-testid={`parameter-rename-ok-${id}`}>{t('structure.rename')}</button>
        <button type="button" className="btn btn-sm" onClick={onCancel}>{t('common.cancel')}</button>
      </span>
      <span id={hintId} className={shown ? 'field-error' : 'field-hint'} role={shown ? 'alert' : undefined} data-testid={`parameter-rename-note-${id}`}>
        {shown ?? (useCount === 0 ? t('structure.renameHintNone') : useCount === 1 ? t('structure.renameHintOne') : t('structure.renameHintMany', { n: useCount }))}
      </span>
    </form>
  );
}

