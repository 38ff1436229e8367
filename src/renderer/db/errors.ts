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
  | 'open-failed';

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
