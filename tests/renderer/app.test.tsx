// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/app/app';
import { createBrowserPlatform } from '../../src/renderer/platform/browser-platform';
import { PlatformProvider } from '../../src/renderer/platform/platform-context';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function renderApp() {
  return render(
    <PlatformProvider platform={createBrowserPlatform(window)}>
      <App />
    </PlatformProvider>,
  );
}

describe('App (jsdom + fake IndexedDB)', () => {
  it('opens the workspace, seeds the example, lists it, and opens the editor from the library', async () => {
    renderApp();
    const table = await screen.findByTestId('library-table', {}, { timeout: 10_000 });
    const rows = within(table).getAllByTestId('library-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('Plasma ctDNA NGS (liquid biopsy)');
    fireEvent.click(within(rows[0]!).getByTestId('open-dossier'));
    const editor = await screen.findByTestId('dossier-editor');
    expect(within(editor).getByTestId('completion').textContent).toMatch(/^\d+ of \d+ complete or not relevant$/);
    expect(screen.getByTestId('save-state').textContent).toBe('All changes saved');
    // Every section tab (18, with Test accuracy) is labelled and reachable; exactly one is selected.
    const tabs = within(editor).getAllByRole('tab');
    expect(tabs).toHaveLength(19);
    expect(tabs.filter((t) => t.getAttribute('aria-selected') === 'true')).toHaveLength(1);
  });
});
