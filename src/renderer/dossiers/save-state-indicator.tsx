import type { SaveState } from './use-autosave';
import { saveStateLabel } from './use-autosave';

export function SaveStateIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <span className="save-indicator">
      <span className="save-state" data-state={state.kind} data-testid="save-state" role="status" title={state.kind === 'error' ? state.message : undefined}>
        {state.kind === 'error' ? 'Not saved' : saveStateLabel(state)}
      </span>
      {state.kind === 'error' && (
        <>
          <span className="save-error-detail" data-testid="save-error">{state.message}</span>
          <button type="button" className="btn btn-sm" onClick={onRetry}>Retry</button>
        </>
      )}
    </span>
  );
}
