// @vitest-environment jsdom
// The library's search box: the first key after a pause searches at once, quick typing is debounced (the
// intermediate words are never searched), and the result is the same as without the debounce.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as libraryQuery from '../../src/dossier/library-query';
import { App } from '../../src/renderer/app/app';
import { SEARCH_DEBOUNCE_MS, typingClock } from '../../src/renderer/dossiers/library-page';
import { createBrowserPlatform } from '../../src/renderer/platform/browser-platform';
import { PlatformProvider } from '../../src/renderer/platform/platform-context';

vi.mock('../../src/dossier/library-query', async (importOriginal) => {
  const actual = await importOriginal<typeof libraryQuery>();
  return { ...actual, queryLibrary: vi.fn(actual.queryLibrary) };
});

const realClock = typingClock.now;

afterEach(() => {
  typingClock.now = realClock;
  cleanup();
  window.location.hash = '';
});

describe('library search', () => {
  it('searches the first key at once and only the last of quickly typed keys', async () => {
    render(
      <PlatformProvider platform={createBrowserPlatform(window)}>
        <App />
      </PlatformProvider>,
    );
    await screen.findByTestId('library-row', {}, { timeout: 10_000 });
    const searched = () => vi.mocked(libraryQuery.queryLibrary).mock.calls.map(([, query]) => query?.search ?? '');
    const input = screen.getByTestId('library-search');
    vi.mocked(libraryQuery.queryLibrary).mockClear();
    // Key times are set by the test (10 ms apart), so a slow machine does not turn quick typing into pauses.
    let at = 1000;
    typingClock.now = () => at;
    fireEvent.change(input, { target: { value: 'ж' } });
    await waitFor(() => expect(screen.getByTestId('library-empty')).toBeTruthy());
    expect(searched()).toEqual(['ж']);
    // Quick typing: "жж" and "жжж" are never searched; "liquid" is, once typing pauses.
    for (const value of ['жж', 'жжж', 'liquid']) {
      at += 10;
      fireEvent.change(input, { target: { value } });
    }
    expect(searched()).toEqual(['ж']);
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
    await waitFor(() => expect(screen.getAllByTestId('library-row')).toHaveLength(1));
    expect(searched()).toEqual(['ж', 'liquid']);
  });
});
