// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveStateLabel, useAutosave } from '../../src/renderer/dossiers/use-autosave';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(save: (value: { text: string }) => Promise<void>, initial = { text: 'a' }) {
  return renderHook(({ draft }) => useAutosave(draft, save, 500), { initialProps: { draft: initial } });
}

describe('useAutosave', () => {
  it('does not save the value it starts with', async () => {
    const save = vi.fn(async () => undefined);
    const { result } = setup(save);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(save).not.toHaveBeenCalled();
    expect(result.current.state.kind).toBe('saved');
  });

  it('saves once, 500 ms after the last of several quick changes', async () => {
    const save = vi.fn(async () => undefined);
    const { result, rerender } = setup(save);
    rerender({ draft: { text: 'ab' } });
    expect(result.current.state.kind).toBe('pending');
    expect(saveStateLabel(result.current.state)).toBe('Saving…');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    const last = { text: 'abc' };
    rerender({ draft: last });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(499);
    });
    expect(save).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith(last);
    expect(result.current.state.kind).toBe('saved');
    expect(saveStateLabel(result.current.state)).toBe('All changes saved');
  });

  it('shows the error, keeps the draft, and saves it again on retry', async () => {
    let fail = true;
    const save = vi.fn(async () => {
      if (fail) throw new Error('title: a dossier needs a title');
    });
    const { result, rerender } = setup(save);
    rerender({ draft: { text: '' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(result.current.state).toMatchObject({ kind: 'error', message: 'title: a dossier needs a title' });
    fail = false;
    await act(async () => {
      result.current.retry();
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]).toEqual([{ text: '' }]);
    expect(result.current.state.kind).toBe('saved');
  });

  it('flush saves a pending change at once and reports success', async () => {
    const save = vi.fn(async () => undefined);
    const { result, rerender } = setup(save);
    rerender({ draft: { text: 'b' } });
    let ok = false;
    await act(async () => {
      ok = await result.current.flush();
    });
    expect(ok).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does not write back a value marked as saved elsewhere', async () => {
    const save = vi.fn(async () => undefined);
    const { result, rerender } = setup(save);
    const fromWorkspace = { text: 'restored' };
    act(() => result.current.markSaved(fromWorkspace));
    rerender({ draft: fromWorkspace });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(save).not.toHaveBeenCalled();
    expect(result.current.state.kind).toBe('saved');
  });

  it('saves a pending change when the editor closes', async () => {
    const save = vi.fn(async () => undefined);
    const { rerender, unmount } = setup(save);
    rerender({ draft: { text: 'typed just before leaving' } });
    unmount();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(save).toHaveBeenCalledWith({ text: 'typed just before leaving' });
  });

  it('saves a draft that starts different from the stored value (restored after a reload)', async () => {
    const save = vi.fn(async () => undefined);
    const stored = { text: 'stored' };
    const restored = { text: 'typed before the reload' };
    const { result } = renderHook(() => useAutosave(restored, save, 500, stored));
    expect(result.current.state.kind).toBe('pending');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(save).toHaveBeenCalledWith(restored);
    expect(result.current.state.kind).toBe('saved');
  });
});
