import { describeChangePath } from '../../../dossier/diff';
import { describeStatusEvent, statusEventsAdded } from '../../../dossier/governance';
import { dossierStatusLabels } from '../../../dossier/schema';
import type { DossierStatus, HistoryEntry } from '../../../dossier/schema';
import { Card } from '../../ui/fields';

const sourceLabels: Record<HistoryEntry['source'], string> = {
  edit: 'Edit',
  status: 'Status',
  'snapshot-restore': 'Snapshot restored',
  'import-replace': 'Replaced by import',
};

/** A short text for one side of a change: strings as they are, absent as "—", objects summarised. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value.length > 160 ? `${value.slice(0, 157)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(empty list)' : value.every((v) => typeof v === 'string') ? value.join(', ') : `${value.length} items`;
  const record = value as Record<string, unknown>;
  const name = record.title ?? record.citation ?? record.name ?? record.label ?? record.id;
  return typeof name === 'string' && name !== '' ? `“${name.length > 80 ? `${name.slice(0, 77)}…` : name}”` : '(item)';
}

/** Values shown with their labels where the field has them (status). */
export function describeEntryValue(path: string, value: unknown): string {
  if (path === 'status' && typeof value === 'string' && value in dossierStatusLabels) return dossierStatusLabels[value as DossierStatus];
  return describeValue(value);
}

export function HistorySection({ entries }: { entries: readonly HistoryEntry[] | undefined }) {
  return (
    <Card title="Edit history">
      {entries === undefined ? (
        <p className="empty">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="empty">No changes recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="history-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Field</th>
                <th>Old</th>
                <th>New</th>
                <th>Source</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, i) => {
                const when = new Date(entry.at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
                const events = statusEventsAdded(entry.path, entry.before, entry.after);
                if (events.length > 0) {
                  // Who approved or reopened, and why, in words.
                  return events.map((e) => (
                    <tr key={`${entry.at}-${e.id}`} data-testid="history-row" data-kind="status-event">
                      <td className="nowrap">{when}</td>
                      <td>Status change</td>
                      <td colSpan={2} data-testid="status-event">{describeStatusEvent(e)}</td>
                      <td>{sourceLabels[entry.source]}</td>
                    </tr>
                  ));
                }
                return (
                  <tr key={`${entry.at}-${entry.path}-${i}`} data-testid="history-row">
                    <td className="nowrap">{when}</td>
                    <td className="mono">{describeChangePath(entry.path)}</td>
                    <td><span className="diff-old">{describeEntryValue(entry.path, entry.before)}</span></td>
                    <td><span className="diff-new">{describeEntryValue(entry.path, entry.after)}</span></td>
                    <td>{sourceLabels[entry.source]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
