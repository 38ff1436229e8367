// What happens once the workspace is open: the example on a true first run, the purge of deletes past retention, and
// no silent fresh start when a workspace this computer had was deleted behind the app's back.
import { WORKSPACE_LOST_NOTICE } from './errors';
import type { Workspace } from './workspace';

/** How long a deleted dossier stays in "Recently deleted" (restorable) before a start-up removes it for good. */
export const DELETED_RETENTION_DAYS = 30;
export const DELETED_RETENTION_MS = DELETED_RETENTION_DAYS * 24 * 60 * 60 * 1000;

/** The part of Web Storage used here (localStorage in the app; a Map-backed fake in tests). */
export type MarkerStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage key remembering that this computer had a workspace of that name (survives its database). */
export function workspaceSeenKey(databaseName: string): string {
  return `hta-workbench:workspace-seen:${databaseName}`;
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback; // storage disabled or full: behave as before the marker existed
  }
}

export interface StartUpResult {
  /** A notice for the user, or null. */
  notice: string | null;
}

export async function startUpWorkspace(workspace: Workspace, marker: MarkerStorage | null): Promise<StartUpResult> {
  if (workspace.readOnlyReason) return { notice: null };
  const key = workspaceSeenKey(workspace.name);
  const seenBefore = marker !== null && safely(() => marker.getItem(key) !== null, false);
  let notice: string | null = null;
  if (workspace.createdNow && seenBefore) {
    await workspace.skipExampleSeed();
    notice = WORKSPACE_LOST_NOTICE;
  } else {
    await workspace.seedExampleOnFirstRun();
  }
  if (marker) safely(() => marker.setItem(key, new Date().toISOString()), undefined);
  // Deleted dossiers wait in "Recently deleted" for the retention period, then go for good.
  await workspace.purgeDeleted({ olderThanMs: DELETED_RETENTION_MS });
  return { notice };
}
