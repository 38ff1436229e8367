import { useState } from 'react';
import { describeChangePath, diffDossiers } from '../../dossier/diff';
import type { Dossier } from '../../dossier/schema';
import { Dialog } from '../ui/dialog';
import { describeEntryValue } from './editor/history-section';

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
  const [comparing, setComparing] = useState(false);
  const differences = open && comparing && theirs ? diffDossiers(theirs, mine) : [];
  return (
    <Dialog
      open={open}
      title="This dossier was changed elsewhere"
      onClose={onClose}
      wide={comparing}
      testId="stale-write-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => setComparing((c) => !c)} aria-expanded={comparing} data-testid="stale-compare">
            {comparing ? 'Hide comparison' : 'Compare'}
          </button>
          <span className="grow" />
          <button type="button" className="btn" onClick={onReload} data-testid="stale-reload">Reload</button>
          <button type="button" className="btn btn-primary" onClick={onKeepMine} data-testid="stale-keep-mine" autoFocus>Keep mine</button>
        </>
      }
    >
      <p>
        Another window or tab saved a newer version of this dossier
        {theirs ? ` at ${new Date(theirs.updatedAt).toLocaleTimeString()}` : ''} while you were editing it here. Your changes have not been saved yet,
        and nothing is lost until you choose.
      </p>
      <ul className="choice-list">
        <li><strong>Reload</strong> shows the other version and drops the changes made here.</li>
        <li><strong>Keep mine</strong> saves this version over it; the other version stays in the edit history.</li>
      </ul>
      {comparing && (
        <div className="table-wrap compare-wrap">
          {differences.length === 0 ? (
            <p className="empty">The two versions have the same content.</p>
          ) : (
            <table className="table table-fixed compare-table" data-testid="stale-compare-table">
              <caption className="visually-hidden">Fields that differ between the version saved elsewhere and yours</caption>
              <colgroup>
                <col className="w-compare-field" />
                <col />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Saved elsewhere</th>
                  <th scope="col">Yours (on screen)</th>
                </tr>
              </thead>
              <tbody>
                {differences.map((d) => (
                  <tr key={d.path} data-testid="stale-compare-row">
                    <th scope="row">{describeChangePath(d.path)}</th>
                    <td>{describeEntryValue(d.path, d.before)}</td>
                    <td>{describeEntryValue(d.path, d.after)}</td>
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
