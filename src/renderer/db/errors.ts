// Errors the workspace throws; `code` lets the UI pick a message or a dialog without parsing text.
import type { FileProblem } from '../../dossier/parse-file';

export type WorkspaceErrorCode =
  /** The workspace was written by a newer app version (or upgraded in another window); nothing may be written. */
  | 'read-only'
  /** No live dossier, snapshot or deleted dossier with that id / undo token. */
  | 'not-found'
  /** The dossier would not be valid; `problems` lists every problem with its path. */
  | 'invalid'
  /** The status change is not allowed by the workflow (see statusTransitions). */
  | 'invalid-transition'
  /** The dossier changed since the caller read it (expectedUpdatedAt did not match). */
  | 'stale'
  /** The dossier is final: read-only until it is reopened with a reason. */
  | 'final'
  /** IndexedDB could not be opened (private mode, disk full, blocked by another window...). */
  | 'open-failed'
  /** The disk (or the browser's storage quota) is full; the write did not happen. */
  | 'disk-full'
  /** The database was deleted while open (site data cleared, another window); nothing more can be written. */
  | 'deleted'
  /** Another storage failure; the write did not happen and may succeed on Retry. */
  | 'storage-failed';

export class WorkspaceError extends Error {
  readonly code: WorkspaceErrorCode;
  readonly problems: FileProblem[];

  constructor(code: WorkspaceErrorCode, message: string, problems: FileProblem[] = []) {
    super(message);
    this.name = 'WorkspaceError';
    this.code = code;
    this.problems = problems;
  }
}

export function newerWorkspaceMessage(found: number, supported: number): string {
  return `This workspace was written by a newer HTA Workbench (data format ${found}); this version reads up to ${supported}. It is open read-only and nothing will be changed. Update HTA Workbench to edit it.`;
}

export const DISK_FULL_MESSAGE = 'The disk is full: free some space, then Retry. Nothing you typed is lost.';
export const STORAGE_FAILED_MESSAGE = 'The workspace could not be written to disk just now. Retry; nothing you typed is lost.';
export const DATABASE_DELETED_MESSAGE =
  'The workspace database was deleted while HTA Workbench had it open (for example when the browser’s site data was cleared). Nothing more can be saved to it; what is on screen stays until you reload. Reload to start a new, empty workspace, then restore a backup if you have one.';
export const DATABASE_UPGRADED_MESSAGE =
  'HTA Workbench was updated in another window and upgraded this workspace. Reload to continue; nothing more is saved here.';
export const WORKSPACE_LOST_NOTICE =
  'The workspace database that was on this computer was not found: it was deleted outside HTA Workbench (for example when the browser’s site data was cleared). A new, empty workspace was started and the example was not added. Restore a backup to bring your dossiers back.';

function errorChain(err: unknown): { name?: string }[] {
  const chain: { name?: string }[] = [];
  for (let e = err as { name?: string; inner?: unknown } | null | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.inner as typeof e, depth += 1) chain.push(e);
  return chain;
}

/** Dexie wraps the browser's error (`inner`); a full disk surfaces as QuotaExceededError at some level. */
export function isQuotaError(err: unknown): boolean {
  return errorChain(err).some((e) => e.name === 'QuotaExceededError');
}

/** The connection is closed (by the browser after a disk failure, or a failed reopen): reopening may help. */
export function isDatabaseClosedError(err: unknown): boolean {
  return errorChain(err).some((e) => e.name === 'DatabaseClosedError');
}

/** A storage failure in plain words, never the raw Dexie text; WorkspaceErrors pass unchanged. */
export function storageFailure(err: unknown): WorkspaceError {
  if (err instanceof WorkspaceError) return err;
  if (isQuotaError(err)) return new WorkspaceError('disk-full', DISK_FULL_MESSAGE);
  return new WorkspaceError('storage-failed', STORAGE_FAILED_MESSAGE);
}
