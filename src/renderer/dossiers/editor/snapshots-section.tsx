import { useState } from 'react';
import type { SnapshotInfo } from '../../db/workspace';
import { ConfirmDialog } from '../../ui/dialog';
import { Card, TextField } from '../../ui/fields';

export interface SnapshotsSectionProps {
  snapshots: readonly SnapshotInfo[] | undefined;
  onCreate: (name: string) => Promise<void>;
  onRestore: (snapshot: SnapshotInfo) => Promise<void>;
}

export function SnapshotsSection({ snapshots, onCreate, onRestore }: SnapshotsSectionProps) {
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
      <Card title="Create a snapshot">
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim() !== '') void create();
          }}
        >
          <TextField label="Snapshot name" hint="e.g. Submitted to scoping meeting" value={name} testId="snapshot-name" onChange={setName} />
          <button type="submit" className="btn btn-primary" disabled={busy || name.trim() === ''} data-testid="snapshot-create">
            Create snapshot
          </button>
        </form>
      </Card>
      <Card title="Snapshots">
        {snapshots === undefined ? (
          <p className="empty">Loading…</p>
        ) : snapshots.length === 0 ? (
          <p className="empty">No snapshots yet. A snapshot keeps a named copy of the whole dossier that you can restore later.</p>
        ) : (
          <table className="table" data-testid="snapshots-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Created</th>
                <th className="actions"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.id} data-testid="snapshot-row">
                  <td>
                    {s.name} {s.automatic && <span className="badge badge-draft">Automatic</span>}
                  </td>
                  <td>{new Date(s.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td className="actions">
                    <button type="button" className="btn btn-sm" data-testid="snapshot-restore" onClick={() => setRestoring(s)}>
                      Restore…
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
        title="Restore this snapshot?"
        message={
          <p>
            The dossier will be replaced by the snapshot “{restoring?.name}”. The current version is kept first as an automatic snapshot, so
            you can return to it.
          </p>
        }
        confirmLabel="Restore snapshot"
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
