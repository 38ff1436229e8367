import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { contentSecurityPolicyHeader } from '../shared/csp';
import type { MenuCommand } from '../shared/ipc';
import { resolveAppAssetPath, mimeTypeFor } from './app-protocol';
import { writeFileAtomic } from './atomic-write';
import { createIpcHandlers, registerIpcHandlers } from './ipc-handlers';
import type { HostServices } from './ipc-handlers';
import { buildMenuTemplate } from './menu';
import {
  appEntryUrl, appScheme, isNavigationAllowed, isPermissionGranted, isTrustedUrl, secureWebPreferences,
  trustedOrigins, windowOpenDecision,
} from './security';

// The Electron shell: one window, the app protocol, the security baseline, the menu and the IPC handlers.
// Decisions live in the pure modules next to this file; this one only wires them to Electron.

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const origins = trustedOrigins(devServerUrl);
const rendererRoot = join(__dirname, '../renderer');

// standard + secure: a real origin for IndexedDB and ES modules; corsEnabled: module scripts load in CORS mode.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, allowServiceWorkers: false } },
]);

let mainWindow: BrowserWindow | null = null;

function serveAppProtocol(): void {
  protocol.handle(appScheme, async (request) => {
    const filePath = resolveAppAssetPath(request.url, rendererRoot);
    if (filePath === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(filePath);
      return new Response(body, {
        headers: { 'content-type': mimeTypeFor(filePath), 'content-security-policy': contentSecurityPolicyHeader() },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_webContents, permission) => isPermissionGranted(permission));
  // The dev server's pages get the same policy as a header; remote requests never happen, but refuse them anyway.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const local = url.startsWith(`${appScheme}:`) || url.startsWith('data:') || url.startsWith('blob:') ||
      url.startsWith('devtools:') || isTrustedUrl(url, origins) || (devServerUrl !== undefined && url.startsWith('ws://localhost'));
    callback({ cancel: !local });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (isTrustedUrl(details.url, origins) && details.resourceType === 'mainFrame') {
      headers['Content-Security-Policy'] = [contentSecurityPolicyHeader()];
    }
    callback({ responseHeaders: headers });
  });
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send('main:menu-command', command);
}

function hostServices(): HostServices {
  return {
    chooseSavePath: async (suggestedName, filters) => {
      const owner = mainWindow ?? undefined;
      const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseOpenPath: async (filters) => {
      const owner = mainWindow ?? undefined;
      const options = { properties: ['openFile' as const], filters };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    fileSize: async (path) => (await stat(path)).size,
    readTextFile: (path) => readFile(path, 'utf8'),
    writeFileAtomic,
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
    }),
  };
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'HTA Workbench',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, origins)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, origins)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // The renderer blocks unloading while edits are unsaved; Electron would then cancel silently, so ask.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Stay', 'Leave without saving'],
      defaultId: 0,
      cancelId: 0,
      title: 'Unsaved changes',
      message: 'Some changes have not been saved yet.',
      detail: 'Stay to let HTA Workbench finish saving (or to correct what could not be saved).',
    });
    if (choice === 1) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(() => windowOpenDecision());
  void window.loadURL(devServerUrl ?? appEntryUrl);
  return window;
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => windowOpenDecision());
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, origins)) event.preventDefault();
  });
});

void app.whenReady().then(() => {
  serveAppProtocol();
  hardenSession();
  registerIpcHandlers(ipcMain, createIpcHandlers(hostServices()), origins);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(sendMenuCommand, process.platform === 'darwin')));
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
