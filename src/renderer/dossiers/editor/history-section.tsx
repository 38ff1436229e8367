import { describeChangePath } from '../../../dossier/diff';
import { statusEventsAdded } from '../../../dossier/governance';
import { dossierStatuses } from '../../../dossier/schema';
import type { DossierStatus, HistoryEntry, StatusEvent } from '../../../dossier/schema';
import { translator } from '../../../report/i18n/translate';
import type { Translate } from '../../../report/i18n/translate';
import { useLanguage } from '../../i18n/language';
import { Card } from '../../ui/fields';
import { When } from '../../ui/when';

const english = translator('en');

/** A short text for one side of a change: strings as they are, absent as "—", objects summarised. */
export function describeValue(value: unknown, t: Translate = english): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value.length > 160 ? `${value.slice(0, 157)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? t('dossier.history.emptyList') : value.every((v) => typeof v === 'string') ? value.join(', ') : t('dossier.history.items', { n: value.length });
  const record = value as Record<string, unknown>;
  const name = record.title ?? record.citation ?? record.name ?? record.label ?? record.id;
  return typeof name === 'string' && name !== '' ? `“${name.length > 80 ? `${name.slice(0, 77)}…` : name}”` : t('dossier.history.item');
}

/** Values shown with their labels where the field has them (status). */
export function describeEntryValue(path: string, value: unknown, t: Translate = english): string {
  if (path === 'status' && typeof value === 'string' && (dossierStatuses as readonly string[]).includes(value)) return t(`report.status.${value as DossierStatus}`);
  return describeValue(value, t);
}

/** A status event in words: who approved or reopened, and why. */
export function describeStatusEventIn(t: Translate, e: Pick<StatusEvent, 'from' | 'to' | 'by' | 'reason'>): string {
  const by = e.by.trim();
  const event =
    e.to === 'final' ? (by ? t('dossier.event.approvedBy', { by }) : t('dossier.event.approved'))
      : e.from === 'final' ? (by ? t('dossier.event.reopenedBy', { by }) : t('dossier.event.reopened'))
      : e.to === 'under-review' ? (by ? t('dossier.event.submittedBy', { by }) : t('dossier.event.submitted'))
      : t(by ? 'dossier.event.movedBy' : 'dossier.event.moved', { from: t(`report.status.${e.from}`), to: t(`report.status.${e.to}`), by });
  const reason = e.reason.trim();
  return reason ? t('dossier.event.reason', { event, reason }) : event;
}

export function HistorySection({ entries }: { entries: readonly HistoryEntry[] | undefined }) {
  const { t } = useLanguage();
  return (
    <Card title={t('dossier.history.title')}>
      {entries === undefined ? (
        <p className="empty">{t('common.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="empty">{t('dossier.history.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="history-table">
            <thead>
              <tr>
                <th>{t('dossier.history.when')}</th>
                <th>{t('dossier.history.field')}</th>
                <th>{t('dossier.history.old')}</th>
                <th>{t('dossier.history.new')}</th>
                <th>{t('dossier.history.source')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, i) => {
                const when = <When iso={entry.at} />;
                const source = t(`dossier.history.source.${entry.source}`);
                const events = statusEventsAdded(entry.path, entry.before, entry.after);
                if (events.length > 0) {
                  // Who approved or reopened, and why, in words.
                  return events.map((e) => (
                    <tr key={`${entry.at}-${e.id}`} data-testid="history-row" data-kind="status-event">
                      <td className="nowrap">{when}</td>
                      <td>{t('dossier.history.statusChange')}</td>
                      <td colSpan={2} data-testid="status-event">{describeStatusEventIn(t, e)}</td>
                      <td>{source}</td>
                    </tr>
                  ));
                }
                // Old and new values are the dossier's own text (as typed).
                return (
                  <tr key={`${entry.at}-${entry.path}-${i}`} data-testid="history-row">
                    <td className="nowrap">{when}</td>
                    <td className="mono">{describeChangePath(entry.path)}</td>
                    <td data-user-content><span className="diff-old">{describeEntryValue(entry.path, entry.before, t)}</span></td>
                    <td data-user-content><span className="diff-new">{describeEntryValue(entry.path, entry.after, t)}</span></td>
                    <td>{source}</td>
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
