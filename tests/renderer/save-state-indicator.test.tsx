// @vitest-environment jsdom
// The header's save state during an edit conflict says one thing, the banner's, whatever the autosave is doing:
// an edit made during the conflict (pending, then trying to save) does not show "Saving…" beside the banner.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SaveStateIndicator } from '../../src/renderer/dossiers/save-state-indicator';
import type { SaveState } from '../../src/renderer/dossiers/use-autosave';

const states: SaveState[] = [{ kind: 'pending' }, { kind: 'saving' }, { kind: 'error', message: 'stale', error: new Error('stale') }];

describe('SaveStateIndicator explained by a message on the page', () => {
  afterEach(cleanup);

  for (const state of states) {
    it(`says only the explained label, described by the message, when ${state.kind}`, () => {
      render(
        <>
          <p id="conflict">Keep which one?</p>
          <SaveStateIndicator state={state} explainedBy="conflict" errorLabel="Not saved: see the choice above" />
        </>,
      );
      const shown = screen.getByTestId('save-state');
      expect(shown.textContent).toBe('Not saved: see the choice above');
      expect(shown.getAttribute('aria-describedby')).toBe('conflict');
      expect(shown.getAttribute('data-state')).toBe('error');
    });
  }

  it('says saved when saved, and without an explaining message says Saving… while pending', () => {
    const { rerender } = render(<SaveStateIndicator state={{ kind: 'saved' }} explainedBy="conflict" errorLabel="Not saved: see the choice above" />);
    expect(screen.getByTestId('save-state').textContent).toBe('All changes saved');
    expect(screen.getByTestId('save-state').getAttribute('aria-describedby')).toBeNull();
    rerender(<SaveStateIndicator state={{ kind: 'pending' }} />);
    expect(screen.getByTestId('save-state').textContent).toBe('Saving…');
  });
});
