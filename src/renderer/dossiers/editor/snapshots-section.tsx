import { shownVersionName } from '../../../report/automatic-names';
import { useState } from 'react';
import type { SnapshotInfo } from '../../db/workspace';
import { ConfirmDialog } from '../../ui/dialog';
import { Card, TextField } from '../../ui/fields';
import { useLanguage } from '../../i18n/language';
import { When } from '../../ui/when';

export interface SnapshotsSectionProps {
  snapshots: readonly SnapshotInfo[] | undefined;
  onCreate: (name: string) => Promise<void>;
  onRestore: (snapshot: SnapshotInfo) => Promise<void>;
}

export function SnapshotsSection({ snapshots, onCreate, onRestore }: SnapshotsSectionProps) {
  const { t } = useLanguage();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<SnapshotInfo | null>(null);
  const create = async () => {
    setBusy(true);
    try {
      await onCreate(name.trim());
      setName('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="section-stack">
      <Card title={t('dossier.snapshots.create')}>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim() !== '') void create();
          }}
        >
          <TextField label={t('dossier.snapshots.name')} hint={t('dossier.snapshots.nameHint')} value={name} testId="snapshot-name" onChange={setName} />
          <button type="submit" className="btn btn-primary" disabled={busy || name.trim() === ''} data-testid="snapshot-create">
            {t('dossier.snapshots.createButton')}
          </button>
        </form>
      </Card>
      <Card title={t('dossier.snapshots.title')}>
        {snapshots === undefined ? (
          <p className="empty">{t('common.loading')}</p>
        ) : snapshots.length === 0 ? (
          <p className="empty">{t('dossier.snapshots.none')}</p>
        ) : (
          <table className="table" data-testid="snapshots-table">
            <thead>
              <tr>
                <th>{t('dossier.snapshots.nameColumn')}</th>
                <th>{t('dossier.snapshots.created')}</th>
                <th className="actions"><span className="visually-hidden">{t('dossier.snapshots.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.id} data-testid="snapshot-row">
                  <td>
                    <span data-user-content>{shownVersionName(s, t)}</span> {s.automatic && <span className="badge badge-draft">{t('dossier.snapshots.automatic')}</span>}
                  </td>
                  <td className="nowrap"><When iso={s.createdAt} /></td>
                  <td className="actions">
                    <button type="button" className="btn btn-sm" data-testid="snapshot-restore" onClick={() => setRestoring(s)}>
                      {t('dossier.snapshots.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <ConfirmDialog
        open={restoring !== null}
        title={t('dossier.snapshots.restoreTitle')}
        message={
          <p>{t('dossier.snapshots.restoreMessage', { name: restoring ? shownVersionName(restoring, t) : '' })}</p>
        }
        confirmLabel={t('dossier.snapshots.restoreConfirm')}
        testId="snapshot-restore-dialog"
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          const target = restoring;
          setRestoring(null);
          if (target) void onRestore(target);
        }}
      />
    </div>
  );
}
