// @vitest-environment jsdom
// Opening a model file whose check never ends: the screen offers Cancel, and gives up by itself after the time
// limit; either way the checking worker is terminated and the user is told in plain words.
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorkspace } from '../../../src/renderer/db/workspace';
import { WorkspaceProvider } from '../../../src/renderer/dossiers/workspace-context';
import { ModelsPage } from '../../../src/renderer/models/models-page';
import type { Platform } from '../../../src/renderer/platform/platform';
import { PlatformProvider } from '../../../src/renderer/platform/platform-context';
import { ToastProvider } from '../../../src/renderer/ui/toasts';
import { MODEL_CHECK_TIMEOUT_MS } from '../../../src/renderer/workers/file-jobs';

/** A Worker that receives the job and never answers (a pathological file). */
class SilentWorker {
  static created: SilentWorker[] = [];
  onmessage: unknown = null;
  onerror: unknown = null;
  posted: unknown[] = [];
  terminated = false;
  constructor() {
    SilentWorker.created.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

const platform: Platform = {
  kind: 'browser',
  saveFile: async () => ({ saved: false }),
  openFile: async () => ({ opened: true, name: 'deep.json', content: '{"format":"hta-workbench-model","version":1}' }),
  openBinaryFile: async () => ({ opened: false, reason: 'canceled' }),
  printToPdf: async () => ({ printed: false }),
  appInfo: async () => ({ name: 'HTA Workbench', version: '0', platform: 'linux', versions: { electron: '', chrome: '', node: '' } }),
  onMenuCommand: () => () => undefined,
};

beforeEach(() => {
  SilentWorker.created = [];
  vi.stubGlobal('Worker', SilentWorker);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

let dbCount = 0;

/** The Models screen on a fresh workspace; returns the navigate mock (called only when a model is opened). */
async function renderPage() {
  const onOpen = vi.fn();
  const name = `model-check-cancel-${++dbCount}-${Date.now()}`;
  render(
    <PlatformProvider platform={platform}>
      <ToastProvider>
        <WorkspaceProvider open={() => openWorkspace({ name })}>
          <ModelsPage navigate={onOpen} />
        </WorkspaceProvider>
      </ToastProvider>
    </PlatformProvider>,
  );
  await screen.findByTestId('open-model-file');
  return onOpen;
}

describe('opening a model file that never finishes checking', () => {
  it('Cancel stops the check, terminates its worker and says so', async () => {
    const onOpen = await renderPage();
    await act(async () => {
      fireEvent.click(screen.getByTestId('open-model-file'));
    });
    expect(screen.getByTestId('model-check-progress').textContent).toContain('Checking deep.json');
    expect(SilentWorker.created).toHaveLength(1);
    expect(SilentWorker.created[0]!.posted).toEqual([{ format: 'hta-workbench-model', version: 1 }]);
    await act(async () => {
      fireEvent.click(screen.getByTestId('cancel-model-check'));
    });
    expect(SilentWorker.created[0]!.terminated).toBe(true);
    expect(screen.queryByTestId('model-check-progress')).toBeNull();
    expect(screen.getByTestId('toast').textContent).toContain('Checking deep.json was cancelled');
    expect((screen.getByTestId('open-model-file') as HTMLButtonElement).disabled).toBe(false);
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('gives up after the time limit with a plain message', async () => {
    const onOpen = await renderPage();
    vi.useFakeTimers();
    await act(async () => {
      fireEvent.click(screen.getByTestId('open-model-file'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(SilentWorker.created).toHaveLength(1);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(MODEL_CHECK_TIMEOUT_MS);
    });
    expect(SilentWorker.created[0]!.terminated).toBe(true);
    expect(screen.getByTestId('problems-dialog').textContent).toContain(`Checking was stopped after ${MODEL_CHECK_TIMEOUT_MS / 1000} seconds`);
    expect(onOpen).not.toHaveBeenCalled();
  });
});
