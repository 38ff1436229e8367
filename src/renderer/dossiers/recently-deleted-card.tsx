import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import type { DeletedDossierInfo } from '../db/workspace';
import { DELETED_RETENTION_DAYS, DELETED_RETENTION_MS } from '../db/start-up';
import { useLanguage } from '../i18n/language';
import { ConfirmDialog } from '../ui/dialog';
import { useToasts } from '../ui/toasts';
import { countText } from './count-text';
import { useWorkspace } from './workspace-context';
import { errorText } from '../db/errors';
import { When } from '../ui/when';
import { NARROW_WINDOW, useMediaQuery } from '../ui/use-media-query';

// "Recently deleted": deleted dossiers stay restorable (with their history and snapshots) for the retention period,
// until the user deletes one permanently or empties the list; both ask first.

export function RecentlyDeletedCard({ readOnly, onOpen }: { readOnly: boolean; onOpen: (id: string) => void }) {
  const workspace = useWorkspace();
  const toasts = useToasts();
  const { t, fmt } = useLanguage();
  // Below 1280 px the kept-until column is not drawn.
  const narrow = useMediaQuery(NARROW_WINDOW);
  const deleted = useLiveQuery(() => workspace.listDeleted(), [workspace]);
  const [removing, setRemoving] = useState<DeletedDossierInfo | null>(null);
  const [emptying, setEmptying] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (!deleted || deleted.length === 0) return null;

  const act = async (action: () => Promise<void>, failure: string) => {
    try {
      await action();
      // The row's buttons are gone: keep the keyboard in the card.
      headingRef.current?.focus();
    } catch (error) {
      toasts.show({ tone: 'error', message: t('shell.failure', { action: failure, message: errorText(error, t) }) });
    }
  };
  const restore = (item: DeletedDossierInfo) =>
    act(async () => {
      await workspace.restoreDeleted(item.id);
      toasts.show({ message: t('library.bin.restored', { title: item.title }), actionLabel: t('library.bin.open'), onAction: () => onOpen(item.id) });
    }, t('library.bin.restoreFailed'));
  const removeForGood = (item: DeletedDossierInfo) =>
    act(async () => {
      setRemoving(null);
      await workspace.deletePermanently(item.id);
      toasts.show({ message: t('library.bin.removed', { title: item.title }) });
    }, t('library.bin.removeFailed'));
  const empty = () =>
    act(async () => {
      setEmptying(false);
      const count = await workspace.purgeDeleted();
      toasts.show({ message: t('library.bin.emptied', { dossiers: countText(t, fmt, 'library.n.dossier', count) }) });
    }, t('library.bin.emptyFailed'));

  return (
    <section className="card section-gap" aria-labelledby="recently-deleted-title" data-testid="recently-deleted">
      <div className="card-header">
        <h2 id="recently-deleted-title" ref={headingRef} tabIndex={-1}>{t('library.bin.title')}</h2>
        <span className="subtle">{countText(t, fmt, 'library.n.dossier', deleted.length)}</span>
        <button type="button" className="btn btn-sm btn-ghost danger-text" disabled={readOnly} onClick={() => setEmptying(true)} data-testid="recently-deleted-empty">{t('library.bin.empty')}</button>
      </div>
      <p className="card-intro subtle">{t('library.bin.intro', { days: DELETED_RETENTION_DAYS })}</p>
      <div className="table-wrap">
        <table className="table table-fixed" data-testid="recently-deleted-table">
          <colgroup>
            <col />
            <col className="w-date-time" />
            {!narrow && <col className="w-date" />}
            <col className="w-bin-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('library.dossier')}</th>
              <th scope="col">{t('library.bin.deletedAt')}</th>
              {!narrow && <th scope="col">{t('library.bin.keptUntil')}</th>}
              <th scope="col" className="actions"><span className="visually-hidden">{t('library.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {deleted.map((item) => {
              const keptUntil = new Date(Date.parse(item.deletedAt) + DELETED_RETENTION_MS).toISOString();
              return (
                <tr key={item.id} data-testid="recently-deleted-row">
                  <td>
                    <div className="clamp" data-user-content>{item.title}</div>
                    {item.indication && <div className="subtle one-line" data-user-content>{item.indication}</div>}
                  </td>
                  <td className="nowrap"><When iso={item.deletedAt} /></td>
                  {!narrow && <td className="nowrap"><When iso={keptUntil} dayOnly /></td>}
                  <td className="actions">
                    <button type="button" className="btn btn-sm" disabled={readOnly} onClick={() => void restore(item)} aria-label={t('library.bin.restoreNamed', { title: item.title })} data-testid="recently-deleted-restore">{t('library.bin.restore')}</button>
                    <button type="button" className="btn btn-sm btn-ghost danger-text" disabled={readOnly} onClick={() => setRemoving(item)} aria-label={t('library.bin.removeNamed', { title: item.title })} data-testid="recently-deleted-remove">{t('library.bin.remove')}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={t('library.bin.removeTitle')}
        message={
          <>
            <p>{t('library.bin.removeMessage', { title: removing?.title ?? '' })}</p>
            <p className="subtle">{t('library.bin.removeHint')}</p>
          </>
        }
        confirmLabel={t('library.bin.removeConfirm')}
        testId="recently-deleted-remove-dialog"
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && void removeForGood(removing)}
      />
      <ConfirmDialog
        open={emptying}
        title={t('library.bin.emptyTitle')}
        message={
          <>
            <p>{t('library.bin.emptyMessage', { dossiers: countText(t, fmt, 'library.n.dossier', deleted.length) })}</p>
            <p className="subtle">{t('library.bin.removeHint')}</p>
          </>
        }
        confirmLabel={t('library.bin.emptyConfirm')}
        testId="recently-deleted-empty-dialog"
        tone="danger"
        onCancel={() => setEmptying(false)}
        onConfirm={() => void empty()}
      />
    </section>
  );
}
