import { vi, describe, expect, it } from 'vitest';
import { checkIpcCall, createIpcHandlers, registerIpcHandlers } from '../../src/main/ipc-handlers';
import type { HostServices, IpcEventLike } from '../../src/main/ipc-handlers';
import { ipcArgSchemas } from '../../src/shared/ipc';

const origins = ['app://hta'];

function fakeHost(overrides: Partial<HostServices> = {}): HostServices {
  return {
    chooseSavePath: vi.fn(async (name: string) => `/home/u/${name}`),
    chooseOpenPath: vi.fn(async () => '/home/u/in.htad.json'),
    fileSize: vi.fn(async () => 10),
    readTextFile: vi.fn(async () => '{"x":1}'),
    readBinaryFile: vi.fn(async () => new Uint8Array([1, 2, 3])),
    writeFileAtomic: vi.fn(async () => undefined),
    appInfo: () => ({ name: 'HTA Workbench', version: '0.1.0', platform: 'linux', versions: { electron: '45', chrome: '140', node: '22' } }),
    ...overrides,
  };
}

const printer = { printToPdf: vi.fn(async () => new Uint8Array([1, 2, 3])) };

describe('checkIpcCall', () => {
  it('refuses calls from pages that are not the app', () => {
    const check = checkIpcCall('renderer:app-info', 'https://evil.example/', undefined, origins);
    expect(check.ok).toBe(false);
    expect(checkIpcCall('renderer:app-info', undefined, undefined, origins).ok).toBe(false);
  });
  it('refuses malformed arguments with the path of each problem', () => {
    const check = checkIpcCall('renderer:save-file', 'app://hta/index.html', { suggestedName: '../../etc/passwd', content: 5 }, origins);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.message).toContain('suggestedName');
      expect(check.message).toContain('content');
    }
  });
  it('refuses unknown extra keys and oversized limits', () => {
    expect(checkIpcCall('renderer:open-file', 'app://hta/', { filters: [], extra: 1 }, origins).ok).toBe(false);
    expect(checkIpcCall('renderer:open-file', 'app://hta/', { maxBytes: 1e12 }, origins).ok).toBe(false);
    expect(checkIpcCall('renderer:app-info', 'app://hta/', { any: 1 }, origins).ok).toBe(false);
  });
  it('fills defaults for valid calls', () => {
    const check = checkIpcCall('renderer:open-file', 'app://hta/index.html', {}, origins);
    expect(check).toMatchObject({ ok: true, args: { filters: [] } });
  });
  it('has a schema for every channel and only renderer:* channels', () => {
    for (const channel of Object.keys(ipcArgSchemas)) expect(channel).toMatch(/^renderer:[a-z-]+$/);
    expect(Object.keys(createIpcHandlers(fakeHost())).sort()).toEqual(Object.keys(ipcArgSchemas).sort());
  });
});

describe('handlers', () => {
  it('save-file writes atomically to the chosen path', async () => {
    const host = fakeHost();
    const result = await createIpcHandlers(host)['renderer:save-file']({ suggestedName: 'a.htad.json', content: '{}', filters: [] }, printer);
    expect(result).toEqual({ saved: true, path: '/home/u/a.htad.json' });
    expect(host.writeFileAtomic).toHaveBeenCalledWith('/home/u/a.htad.json', '{}');
  });
  it('save-file writes binary files (XLSX, PNG) as bytes, and the argument check accepts bytes but nothing else', async () => {
    const host = fakeHost();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const check = checkIpcCall('renderer:save-file', 'app://hta/index.html', { suggestedName: 'chart.png', content: bytes }, origins);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    await createIpcHandlers(host)['renderer:save-file'](check.args, printer);
    expect(host.writeFileAtomic).toHaveBeenCalledWith('/home/u/chart.png', bytes);
    expect(checkIpcCall('renderer:save-file', 'app://hta/index.html', { suggestedName: 'a', content: [1, 2] }, origins).ok).toBe(false);
  });
  it('save-file accepts the bytes of a binary file (Word, Excel) and refuses other values', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const ok = checkIpcCall('renderer:save-file', 'app://hta/index.html', { suggestedName: 'report.docx', content: bytes }, origins);
    expect(ok.ok && ok.args.content).toBe(bytes);
    const bad = checkIpcCall('renderer:save-file', 'app://hta/index.html', { suggestedName: 'report.docx', content: [80, 75] }, origins);
    expect(bad.ok).toBe(false);
  });

  it('save-file writes nothing when the dialog is cancelled', async () => {
    const host = fakeHost({ chooseSavePath: vi.fn(async () => null) });
    expect(await createIpcHandlers(host)['renderer:save-file']({ suggestedName: 'a', content: '', filters: [] }, printer)).toEqual({ saved: false });
    expect(host.writeFileAtomic).not.toHaveBeenCalled();
  });
  it('open-file refuses a file over the limit without reading it', async () => {
    const host = fakeHost({ fileSize: vi.fn(async () => 5000) });
    const result = await createIpcHandlers(host)['renderer:open-file']({ filters: [], maxBytes: 1000, binary: false }, printer);
    expect(result).toMatchObject({ opened: false, reason: 'too-large' });
    expect(host.readTextFile).not.toHaveBeenCalled();
  });
  it('open-file returns the base name and content', async () => {
    const result = await createIpcHandlers(fakeHost())['renderer:open-file']({ filters: [], maxBytes: 1000, binary: false }, printer);
    expect(result).toEqual({ opened: true, name: 'in.htad.json', content: '{"x":1}' });
  });
  it('open-file returns the bytes of a binary file (spreadsheets)', async () => {
    const host = fakeHost();
    const result = await createIpcHandlers(host)['renderer:open-file']({ filters: [], maxBytes: 1000, binary: true }, printer);
    expect(result).toEqual({ opened: true, name: 'in.htad.json', content: new Uint8Array([1, 2, 3]) });
    expect(host.readTextFile).not.toHaveBeenCalled();
  });
  it('print-to-pdf writes the printed bytes', async () => {
    const host = fakeHost();
    const result = await createIpcHandlers(host)['renderer:print-to-pdf']({ suggestedName: 'r.pdf', landscape: true }, printer);
    expect(result).toEqual({ saved: true, path: '/home/u/r.pdf' });
    expect(printer.printToPdf).toHaveBeenCalledWith({ landscape: true });
    expect(host.writeFileAtomic).toHaveBeenCalledWith('/home/u/r.pdf', new Uint8Array([1, 2, 3]));
  });
});

describe('registerIpcHandlers', () => {
  it('runs no handler for an untrusted sender', async () => {
    const registered = new Map<string, (event: IpcEventLike, args: unknown) => unknown>();
    const host = fakeHost();
    registerIpcHandlers({ handle: (channel, listener) => registered.set(channel, listener) }, createIpcHandlers(host), origins);
    expect([...registered.keys()].sort()).toEqual(Object.keys(ipcArgSchemas).sort());
    const event = { senderFrame: { url: 'https://evil.example/' }, sender: { printToPDF: vi.fn() } };
    await expect(registered.get('renderer:save-file')!(event, { suggestedName: 'a', content: '' })).rejects.toThrow(/untrusted/);
    expect(host.chooseSavePath).not.toHaveBeenCalled();
    const good = { senderFrame: { url: 'app://hta/index.html' }, sender: { printToPDF: vi.fn() } };
    await expect(registered.get('renderer:save-file')!(good, { suggestedName: 'a', content: '' })).resolves.toEqual({ saved: true, path: '/home/u/a' });
  });
});
