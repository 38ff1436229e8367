import { useState } from 'react';
import { describeChangePath, diffDossiers } from '../../dossier/diff';
import type { Dossier } from '../../dossier/schema';
import { Dialog } from '../ui/dialog';
import { describeEntryValue } from './editor/history-section';
import { useLanguage } from '../i18n/language';

// Shown when a save is refused because another window or tab saved this dossier since it was loaded here. Nothing
// is lost either way: Reload takes the other version (the edits here are dropped only on this click), Keep mine
// saves this version over it (the other one stays in the edit history), Compare lists the fields that differ.

export interface StaleWriteDialogProps {
  open: boolean;
  /** The version saved elsewhere. */
  theirs: Dossier | null;
  /** The version on screen. */
  mine: Dossier;
  onReload: () => void;
  onKeepMine: () => void;
  onClose: () => void;
}

export function StaleWriteDialog({ open, theirs, mine, onReload, onKeepMine, onClose }: StaleWriteDialogProps) {
  const { t, fmt } = useLanguage();
  const [comparing, setComparing] = useState(false);
  const differences = open && comparing && theirs ? diffDossiers(theirs, mine) : [];
  return (
    <Dialog
      open={open}
      title={t('dossier.stale.title')}
      onClose={onClose}
      wide={comparing}
      testId="stale-write-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => setComparing((c) => !c)} aria-expanded={comparing} data-testid="stale-compare">
            {comparing ? t('dossier.stale.hideCompare') : t('dossier.stale.compare')}
          </button>
          <span className="grow" />
          <button type="button" className="btn" onClick={onReload} data-testid="stale-reload">{t('dossier.reload')}</button>
          <button type="button" className="btn btn-primary" onClick={onKeepMine} data-testid="stale-keep-mine" autoFocus>{t('dossier.stale.keepMine')}</button>
        </>
      }
    >
      <p>{theirs ? t('dossier.stale.introAt', { time: fmt.time(theirs.updatedAt) }) : t('dossier.stale.intro')}</p>
      <ul className="choice-list">
        <li><strong>{t('dossier.reload')}</strong> {t('dossier.stale.reloadHelp')}</li>
        <li><strong>{t('dossier.stale.keepMine')}</strong> {t('dossier.stale.keepHelp')}</li>
      </ul>
      {comparing && (
        <div className="table-wrap compare-wrap">
          {differences.length === 0 ? (
            <p className="empty">{t('dossier.stale.same')}</p>
          ) : (
            <table className="table table-fixed compare-table" data-testid="stale-compare-table">
              <caption className="visually-hidden">{t('dossier.stale.caption')}</caption>
              <colgroup>
                <col className="w-compare-field" />
                <col />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{t('dossier.stale.field')}</th>
                  <th scope="col">{t('dossier.stale.theirs')}</th>
                  <th scope="col">{t('dossier.stale.mine')}</th>
                </tr>
              </thead>
              <tbody>
                {differences.map((d) => (
                  <tr key={d.path} data-testid="stale-compare-row">
                    <th scope="row">{describeChangePath(d.path)}</th>
                    <td>{describeEntryValue(d.path, d.before, t)}</td>
                    <td>{describeEntryValue(d.path, d.after, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Dialog>
  );
}
