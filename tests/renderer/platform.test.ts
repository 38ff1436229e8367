// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HtaBridge } from '../../src/shared/ipc';
import { acceptAttribute, createBrowserPlatform } from '../../src/renderer/platform/browser-platform';
import { selectPlatform } from '../../src/renderer/platform/select-platform';

function fakeBridge(): HtaBridge {
  return {
    saveFile: vi.fn(async () => ({ saved: true as const, path: '/home/u/a.htad.json' })),
    openFile: vi.fn(async () => ({ opened: true as const, name: 'a.htad.json', content: '{}' })),
    printToPdf: vi.fn(async () => ({ saved: false as const })),
    appInfo: vi.fn(async () => ({ name: 'HTA Workbench', version: '0.1.0', platform: 'linux', versions: { electron: '45', chrome: '1', node: '1' } })),
    onMenuCommand: vi.fn(() => () => undefined),
  };
}

afterEach(() => {
  delete (window as { htaBridge?: unknown }).htaBridge;
  vi.restoreAllMocks();
});

describe('selectPlatform', () => {
  it('uses the browser implementation when there is no bridge', () => {
    expect(selectPlatform(window).kind).toBe('browser');
  });
  it('uses the Electron bridge when the preload exposed one, mapping calls onto it', async () => {
    const bridge = fakeBridge();
    (window as { htaBridge?: HtaBridge }).htaBridge = bridge;
    const platform = selectPlatform(window);
    expect(platform.kind).toBe('electron');
    const types = [{ name: 'HTA dossier', extensions: ['htad.json'] }];
    expect(await platform.saveFile({ suggestedName: 'a.htad.json', content: '{}', mimeType: 'application/json', fileTypes: types })).toEqual({ saved: true, location: '/home/u/a.htad.json', via: 'file' });
    expect(bridge.saveFile).toHaveBeenCalledWith({ suggestedName: 'a.htad.json', content: '{}', filters: types });
    expect(await platform.printToPdf({ suggestedName: 'x.pdf' })).toEqual({ printed: false });
    expect(bridge.printToPdf).toHaveBeenCalledWith({ suggestedName: 'x.pdf', landscape: false });
    await platform.openFile({ fileTypes: types, maxBytes: 10 });
    expect(bridge.openFile).toHaveBeenCalledWith({ filters: types, maxBytes: 10 });
    // Spreadsheets come as bytes: the bridge is asked for them.
    expect(await platform.openBinaryFile({ fileTypes: types, maxBytes: 10 })).toEqual({ opened: true, name: 'a.htad.json', bytes: new TextEncoder().encode('{}') });
    expect(bridge.openFile).toHaveBeenLastCalledWith({ filters: types, maxBytes: 10, binary: true });
  });
});

describe('browser platform', () => {
  it('builds the accept attribute from file types', () => {
    expect(acceptAttribute([{ name: 'd', extensions: ['htad.json', 'json'] }])).toBe('.htad.json,.json');
  });

  it('saves by downloading a Blob under the suggested name', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:test/1';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const outcome = await createBrowserPlatform(window).saveFile({ suggestedName: 'x.htad.json', content: '{"a":1}', mimeType: 'application/json', fileTypes: [] });
    expect(outcome).toEqual({ saved: true, location: 'x.htad.json', via: 'download' });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('x.htad.json');
    expect(clicked[0]!.href).toBe('blob:test/1');
    expect(await created[0]!.text()).toBe('{"a":1}');
    expect(document.querySelector('a[download]')).toBeNull();
  });

  function pickWith(file: File | null) {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      if (file === null) {
        this.dispatchEvent(new Event('cancel'));
        return;
      }
      Object.defineProperty(this, 'files', { value: [file] });
      this.dispatchEvent(new Event('change'));
    });
  }

  it('opens a chosen file as text', async () => {
    pickWith(new File(['{"x":1}'], 'in.htad.json'));
    const outcome = await createBrowserPlatform(window).openFile({ fileTypes: [], maxBytes: 100 });
    expect(outcome).toEqual({ opened: true, name: 'in.htad.json', content: '{"x":1}' });
    expect(document.querySelector('input[type=file]')).toBeNull();
  });

  it('opens a chosen file as bytes for spreadsheets', async () => {
    pickWith(new File([new Uint8Array([80, 75, 3, 4])], 'draws.xlsx'));
    const outcome = await createBrowserPlatform(window).openBinaryFile({ fileTypes: [], maxBytes: 100 });
    expect(outcome).toEqual({ opened: true, name: 'draws.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) });
  });

  it('refuses a file over the size limit without reading it', async () => {
    pickWith(new File(['x'.repeat(50)], 'big.json'));
    const outcome = await createBrowserPlatform(window).openFile({ fileTypes: [], maxBytes: 10 });
    expect(outcome).toMatchObject({ opened: false, reason: 'too-large' });
  });

  it('reports a cancelled choice', async () => {
    pickWith(null);
    expect(await createBrowserPlatform(window).openFile({ fileTypes: [], maxBytes: 10 })).toEqual({ opened: false, reason: 'canceled' });
  });

  it('prints with the browser dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    expect(await createBrowserPlatform(window).printToPdf({ suggestedName: 'x.pdf' })).toEqual({ printed: true });
    expect(print).toHaveBeenCalledOnce();
  });
});
