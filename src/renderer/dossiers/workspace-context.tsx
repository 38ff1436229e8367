import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { openWorkspace } from '../db/workspace';
import type { Workspace } from '../db/workspace';

// Opens the local workspace (IndexedDB) once, seeds the bundled example on the first run, and provides it.

type WorkspaceState = { kind: 'opening' } | { kind: 'open'; workspace: Workspace } | { kind: 'failed'; message: string };

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() needs a <WorkspaceProvider> above it');
  return workspace;
}

export function WorkspaceProvider({ children, open = openWorkspace }: { children: ReactNode; open?: () => Promise<Workspace> }) {
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
        await workspace.seedExampleOnFirstRun();
        // Deletes can be undone only in the session that made them: finish older ones now.
        if (!workspace.readOnlyReason) await workspace.purgeDeleted({ olderThanMs: 0 });
        if (!cancelled) setState({ kind: 'open', workspace });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [open]);
  if (state.kind === 'opening') {
    return <div className="splash" data-testid="workspace-opening">Opening the workspace…</div>;
  }
  if (state.kind === 'failed') {
    return (
      <div className="splash">
        <div className="notice notice-error" role="alert" data-testid="workspace-error">
          <div>
            <strong>The workspace could not be opened.</strong>
            <p>{state.message}</p>
          </div>
        </div>
      </div>
    );
  }
  return (
    <WorkspaceContext.Provider value={state.workspace}>
      <div className="workspace-root">
        {state.workspace.readOnlyReason && (
          <div className="notice notice-warning banner" role="alert" data-testid="read-only-banner">{state.workspace.readOnlyReason}</div>
        )}
        {children}
      </div>
    </WorkspaceContext.Provider>
  );
}
