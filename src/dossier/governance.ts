// Governance of a dossier's status: what approving it as final should warn about (elements not finished, evidence
// not verified in its primary source), who approved it and when, and each status change in words for the history.
import { coreModelDomains } from './core-model';
import { dossierStatusLabels } from './schema';
import type { Dossier, StatusEvent } from './schema';

export interface ApprovalWarnings {
  /** Assessment elements neither complete nor marked not relevant. */
  incompleteElements: { domain: string; id: string; topic: string }[];
  /** Evidence whose figures were not seen in the primary source. */
  unverifiedEvidence: { id: string; citation: string }[];
}

export function approvalWarnings(dossier: Dossier): ApprovalWarnings {
  return {
    incompleteElements: coreModelDomains.flatMap((d) =>
      dossier.domains[d.code].elements.filter((el) => el.status !== 'complete' && el.status !== 'not-relevant').map((el) => ({ domain: d.code, id: el.id, topic: el.topic })),
    ),
    unverifiedEvidence: dossier.evidence.filter((e) => e.unverified).map((e) => ({ id: e.id, citation: e.citation })),
  };
}

/** The event that made the dossier final, when it is final. */
export function currentApproval(dossier: Dossier): StatusEvent | null {
  if (dossier.status !== 'final') return null;
  const log = dossier.statusLog ?? [];
  for (let i = log.length - 1; i >= 0; i--) if (log[i]!.to === 'final') return log[i]!;
  return null;
}

/** "Approved as final by Dr A. Peeters", "Reopened as draft by B. Maes: new survival data", "Under review → Draft". */
export function describeStatusEvent(e: Pick<StatusEvent, 'from' | 'to' | 'by' | 'reason'>): string {
  const by = e.by.trim() ? ` by ${e.by.trim()}` : '';
  const reason = e.reason.trim() ? `: ${e.reason.trim()}` : '';
  if (e.to === 'final') return `Approved as final${by}${reason}`;
  if (e.from === 'final') return `Reopened as draft${by}${reason}`;
  if (e.to === 'under-review') return `Submitted for review${by}${reason}`;
  return `${dossierStatusLabels[e.from]} → ${dossierStatusLabels[e.to]}${by}${reason}`;
}

/**
 * The status events a history entry added: the first one of a dossier replaces the whole (absent) log, later ones
 * add one item each (`statusLog[#id]`).
 */
export function statusEventsAdded(path: string, before: unknown, after: unknown): StatusEvent[] {
  const ids = new Set(Array.isArray(before) ? (before as StatusEvent[]).map((e) => e.id) : []);
  if (path === 'statusLog' && Array.isArray(after)) return (after as StatusEvent[]).filter((e) => !ids.has(e.id));
  if (path.startsWith('statusLog[#') && before === null && after !== null && typeof after === 'object' && !Array.isArray(after)) return [after as StatusEvent];
  return [];
}
