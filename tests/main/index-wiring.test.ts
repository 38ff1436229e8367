import { beforeAll, describe, expect, it, vi } from 'vitest';

// The Electron entry point with a fake `electron` module: checks the wiring that the pure modules cannot
// (window options, navigation and window-open handlers, session handlers, protocol, IPC registration).

type Handler = (...args: unknown[]) => unknown;

const state = vi.hoisted(() => ({
  windows: [] as Array<{
    options: Record<string, unknown>; contentsHandlers: Map<string, (...args: unknown[]) => unknown>; windowOpenHandler?: () => unknown; loadedUrl?: string;
    minimized: boolean; visible: boolean; calls: string[];
  }>,
  isPackaged: false,
  lockGranted: true,
  quitCalls: 0,
  whenReadyCalls: 0,
  devicePermission: undefined as undefined | ((details: { deviceType: string }) => boolean),
  permissionCheck: undefined as undefined | ((wc: unknown, permission: string) => boolean),
  appHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  ipcChannels: [] as string[],
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  beforeRequest: undefined as undefined | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  menuTemplate: undefined as unknown,
  readyResolve: undefined as undefined | (() => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows() {
      return BrowserWindow.all;
    }
    webContents: Record<string, Handler>;
    record: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      const record = { options, contentsHandlers: new Map<string, Handler>(), minimized: false, visible: true, calls: [] as string[] } as (typeof state.windows)[number];
      this.record = record;
      state.windows.push(record);
      this.webContents = {
        on: (event: string, handler: Handler) => void record.contentsHandlers.set(event as string, handler),
        setWindowOpenHandler: (handler: Handler) => {
          record.windowOpenHandler = handler as () => unknown;
        },
        send: () => undefined,
      } as unknown as Record<string, Handler>;
      (this as unknown as { loadURL: Handler }).loadURL = async (url: unknown) => {
        record.loadedUrl = url as string;
      };
      BrowserWindow.all.push(this);
    }
    once() {}
    on() {}
    isMinimized() {
      return this.record.minimized;
    }
    isVisible() {
      return this.record.visible;
    }
    restore() {
      this.record.calls.push('restore');
      this.record.minimized = false;
    }
    show() {
      this.record.calls.push('show');
      this.record.visible = true;
    }
    focus() {
      this.record.calls.push('focus');
    }
  }
  return {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      requestSingleInstanceLock: () => state.lockGranted,
      getName: () => 'HTA Workbench',
      getVersion: () => '0.1.0',
      getPath: () => '/home/u/Documents',
      on: (event: string, handler: Handler) => void state.appHandlers.set(event, handler),
      whenReady: () => {
        state.whenReadyCalls += 1;
        return new Promise<void>((resolve) => {
          state.readyResolve = resolve;
        });
      },
      quit: () => {
        state.quitCalls += 1;
      },
    },
    BrowserWindow,
    dialog: {},
    ipcMain: { handle: (channel: string) => void state.ipcChannels.push(channel) },
    Menu: { buildFromTemplate: (template: unknown) => ((state.menuTemplate = template), template), setApplicationMenu: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => void state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof state.permissionRequest) => {
          state.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: typeof state.permissionCheck) => {
          state.permissionCheck = handler;
        },
        setDevicePermissionHandler: (handler: typeof state.devicePermission) => {
          state.devicePermission = handler;
        },
        webRequest: {
          onBeforeRequest: (handler: typeof state.beforeRequest) => {
            state.beforeRequest = handler;
          },
          onHeadersReceived: () => undefined,
        },
      },
    },
  };
});

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL;
  await import('../../src/main/index');
  state.readyResolve?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
});

describe('Electron entry point wiring', () => {
  it('registers app:// as a privileged scheme before ready and serves it', () => {
    expect(state.privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(state.protocolHandlers.has('app')).toBe(true);
  });

  it('opens one window with the security baseline on the app page', () => {
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: true });
    expect(win.loadedUrl).toBe('app://hta/index.html');
  });

  it('denies new windows and navigation away from the app', () => {
    const win = state.windows[0]!;
    expect(win.windowOpenHandler?.()).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    win.contentsHandlers.get('will-navigate')?.({ preventDefault }, 'https://example.org/');
    expect(preventDefault).toHaveBeenCalledOnce();
    const allowed = vi.fn();
    win.contentsHandlers.get('will-navigate')?.({ preventDefault: allowed }, 'app://hta/index.html#/library');
    expect(allowed).not.toHaveBeenCalled();
  });

  it('denies permission requests, permission checks and device access, and cancels remote requests', () => {
    expect(state.permissionCheck?.({}, 'hid')).toBe(false);
    expect(state.devicePermission?.({ deviceType: 'usb' })).toBe(false);
    const decisions: boolean[] = [];
    state.permissionRequest?.({}, 'media', (ok) => decisions.push(ok));
    state.permissionRequest?.({}, 'notifications', (ok) => decisions.push(ok));
    expect(decisions).toEqual([false, false]);
    const results: boolean[] = [];
    for (const url of ['https://cdn.example.org/font.woff2', 'http://10.0.0.1/x', 'app://hta/assets/index.js', 'data:image/png;base64,xx']) {
      state.beforeRequest?.({ url }, (r) => results.push(r.cancel));
    }
    expect(results).toEqual([true, true, false, false]);
  });

  it('registers a handler for every renderer channel and installs the menu', () => {
    expect(state.ipcChannels.sort()).toEqual(['renderer:app-info', 'renderer:open-file', 'renderer:print-to-pdf', 'renderer:save-file']);
    expect(Array.isArray(state.menuTemplate)).toBe(true);
  });

  it('refuses app:// paths outside the renderer folder', async () => {
    const response = await state.protocolHandlers.get('app')!({ url: 'app://other/index.html' });
    expect(response.status).toBe(404);
  });
});

describe('one instance at a time', () => {
  it('brings the running window to the front when the app is launched again', () => {
    const win = state.windows[0]!;
    win.minimized = true;
    state.appHandlers.get('second-instance')?.({}, ['hta-workbench'], '/home/u');
    expect(win.calls).toEqual(['restore', 'focus']);
    win.visible = false;
    state.appHandlers.get('second-instance')?.({}, ['hta-workbench'], '/home/u');
    expect(win.calls).toEqual(['restore', 'focus', 'show', 'focus']);
  });

  it('quits a second instance before it opens a window or touches the database', async () => {
    vi.resetModules();
    const windowsBefore = state.windows.length;
    const readyBefore = state.whenReadyCalls;
    state.lockGranted = false;
    try {
      await import('../../src/main/index');
    } finally {
      state.lockGranted = true;
    }
    expect(state.quitCalls).toBe(1);
    expect(state.whenReadyCalls).toBe(readyBefore);
    expect(state.windows).toHaveLength(windowsBefore);
  });
});

describe('a packaged build', () => {
  it('ignores the dev-server URL override and has no developer tools', async () => {
    vi.resetModules();
    state.isPackaged = true;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    try {
      await import('../../src/main/index');
      state.readyResolve?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      state.isPackaged = false;
      delete process.env.ELECTRON_RENDERER_URL;
    }
    const win = state.windows.at(-1)!;
    expect(win.loadedUrl).toBe('app://hta/index.html');
    expect(win.options.webPreferences).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true });
    const roles = JSON.stringify(state.menuTemplate);
    expect(roles).not.toContain('toggleDevTools');
  });

  it('in development, follows the dev-server URL on loopback', async () => {
    vi.resetModules();
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    try {
      await import('../../src/main/index');
      state.readyResolve?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      delete process.env.ELECTRON_RENDERER_URL;
    }
    const win = state.windows.at(-1)!;
    expect(win.loadedUrl).toBe('http://localhost:5173/');
    expect(JSON.stringify(state.menuTemplate)).toContain('toggleDevTools');
  });
});
