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
  appEntryUrl, appScheme, isDevicePermissionGranted, isNavigationAllowed, isPermissionGranted, isTrustedUrl,
  trustedOrigins, windowOpenDecision,
} from './security';

// The Electron shell: one window, the app protocol, the security baseline, the menu and the IPC handlers.
// Decisions live in the pure modules next to this file; this one only wires them to Electron.

// Developer affordances exist in development only: a packaged build ignores ELECTRON_RENDERER_URL (it always
// loads its own app:// pages) and has no developer tools.
const isDevelopment = !app.isPackaged;
const devServerUrl = isDevelopment ? process.env.ELECTRON_RENDERER_URL : undefined;
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
  ses.setDevicePermissionHandler((details) => isDevicePermissionGranted(details.deviceType));
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
    readBinaryFile: async (path) => new Uint8Array(await readFile(path)),
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
  // webPreferences stay literal here (not built in a helper) so security scanners such as Electronegativity
  // see the baseline where the window is made.
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'HTA Workbench',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would try to open links in a new window (denied anyway): no auxclick events at all.
      disableBlinkFeatures: 'Auxclick',
      devTools: isDevelopment,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Without a handler Electron would pick the first Bluetooth device for navigator.bluetooth.requestDevice.
  window.webContents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
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

function openMainWindow(): void {
  const window = createMainWindow();
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

/** A second launch hands over to the running instance: bring its window to the front. */
function focusExistingWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  if (!mainWindow.isVisible()) mainWindow.show();
  mainWindow.focus();
}

function startApp(): void {
  app.on('second-instance', focusExistingWindow);

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
    const menu = buildMenuTemplate(sendMenuCommand, process.platform === 'darwin', { devTools: isDevelopment });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
    openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

// One instance only: two windows on one database would overwrite each other's saves. A second launch quits and
// the first one comes to the front ('second-instance').
if (app.requestSingleInstanceLock()) {
  startApp();
} else {
  app.quit();
}
