import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { startUpWorkspace } from '../db/start-up';
import type { MarkerStorage } from '../db/start-up';
import { openWorkspace } from '../db/workspace';
import type { Workspace } from '../db/workspace';
import { errorText, localWorkspaceMessage } from '../db/errors';
import { useLanguage } from '../i18n/language';

// Opens the local workspace (IndexedDB) once, seeds the bundled example on a true first run (never silently
// after the workspace was lost), and provides it. The banner follows the workspace: a database deleted or
// upgraded elsewhere while open is reported as soon as it happens.

type WorkspaceState = { kind: 'opening' } | { kind: 'open'; workspace: Workspace; notice: string | null } | { kind: 'failed'; error: unknown };

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() needs a <WorkspaceProvider> above it');
  return workspace;
}

/** Why nothing may be written now (re-renders when it changes), or null. */
export function useReadOnlyReason(workspace: Workspace): string | null {
  return useSyncExternalStore(
    (listener) => workspace.subscribe(listener),
    () => workspace.readOnlyReason,
  );
}

function browserMarkerStorage(): MarkerStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function WorkspaceProvider({ children, open = openWorkspace }: { children: ReactNode; open?: () => Promise<Workspace> }) {
  const { t } = useLanguage();
  const [state, setState] = useState<WorkspaceState>({ kind: 'opening' });
  useEffect(() => {
    let cancelled = false;
    let opened: Workspace | null = null;
    open()
      .then(async (workspace) => {
        if (cancelled) {
          workspace.close();
          return;
        }
        opened = workspace;
        const { notice } = await startUpWorkspace(workspace, browserMarkerStorage());
        if (!cancelled) setState({ kind: 'open', workspace, notice });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'failed', error });
      });
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [open]);
  if (state.kind === 'opening') {
    return <div className="splash" data-testid="workspace-opening">{t('shell.openingWorkspace')}</div>;
  }
  if (state.kind === 'failed') {
    return (
      <div className="splash">
        <div className="notice notice-error" role="alert" data-testid="workspace-error">
          <div>
            <strong>{t('shell.workspaceFailed')}</strong>
            <p>{errorText(state.error, t)}</p>
          </div>
        </div>
      </div>
    );
  }
  return (
    <WorkspaceContext.Provider value={state.workspace}>
      <OpenWorkspace workspace={state.workspace} notice={state.notice}>{children}</OpenWorkspace>
    </WorkspaceContext.Provider>
  );
}

function OpenWorkspace({ workspace, notice, children }: { workspace: Workspace; notice: string | null; children: ReactNode }) {
  const { t } = useLanguage();
  const readOnlyReason = useReadOnlyReason(workspace);
  const [showNotice, setShowNotice] = useState(notice !== null);
  return (
    <div className="workspace-root">
      {readOnlyReason && (
        <div className={`notice ${workspace.deleted ? 'notice-error' : 'notice-warning'} banner`} role="alert" data-testid="read-only-banner">{localWorkspaceMessage(readOnlyReason, t)}</div>
      )}
      {notice && showNotice && (
        <div className="notice notice-warning banner" role="alert" data-testid="workspace-notice">
          <span className="grow">{localWorkspaceMessage(notice, t)}</span>
          <button type="button" className="btn btn-sm" onClick={() => setShowNotice(false)}>{t('shell.dismiss')}</button>
        </div>
      )}
      {children}
    </div>
  );
}
