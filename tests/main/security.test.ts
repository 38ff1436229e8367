import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appOrigin, isDevicePermissionGranted, isNavigationAllowed, isPermissionGranted, isTrustedUrl, originOf, trustedOrigins,
  windowOpenDecision,
} from '../../src/main/security';

describe('trusted origins', () => {
  it('trusts only the app protocol in production', () => {
    expect(trustedOrigins(undefined)).toEqual(['app://hta']);
  });
  it('adds a loopback dev server but never a remote one', () => {
    expect(trustedOrigins('http://localhost:5173/')).toEqual(['app://hta', 'http://localhost:5173']);
    expect(trustedOrigins('https://evil.example/')).toEqual(['app://hta']);
    expect(trustedOrigins('http://192.168.1.5:5173')).toEqual(['app://hta']);
  });
});

describe('originOf', () => {
  it('reads app:// and http origins and rejects the rest', () => {
    expect(originOf('app://hta/index.html#/library')).toBe(appOrigin);
    expect(originOf('app://other/index.html')).toBeNull();
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('sender and navigation checks', () => {
  const origins = trustedOrigins(undefined);
  it('accepts the app page and refuses look-alikes', () => {
    expect(isTrustedUrl('app://hta/index.html', origins)).toBe(true);
    expect(isTrustedUrl('app://hta.evil/index.html', origins)).toBe(false);
    expect(isTrustedUrl('https://hta/index.html', origins)).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd', origins)).toBe(false);
    expect(isTrustedUrl('', origins)).toBe(false);
  });
  it('denies navigation to anything remote', () => {
    expect(isNavigationAllowed('https://example.org/', origins)).toBe(false);
    expect(isNavigationAllowed('file:///tmp/x.html', origins)).toBe(false);
    expect(isNavigationAllowed('app://hta/index.html#/library', origins)).toBe(true);
  });
  it('denies new windows and every permission', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb']) {
      expect(isPermissionGranted(permission)).toBe(false);
    }
    for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) expect(isDevicePermissionGranted(deviceType)).toBe(false);
  });
});

describe('webPreferences', () => {
  // What a static scanner (Electronegativity) reads: the options written literally in the `new BrowserWindow` call.
  const source = readFileSync(resolve(__dirname, '../../src/main/index.ts'), 'utf8');
  const call = /new BrowserWindow\(\{([\s\S]*?)\n {2}\}\);/.exec(source)?.[1] ?? '';
  const prefs = /webPreferences: \{([\s\S]*?)\n {4}\}/.exec(call)?.[1] ?? '';
  it('are written literally inside the one new BrowserWindow({...}) call', () => {
    expect(source.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(prefs).not.toBe('');
  });
  it('keep the security baseline', () => {
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'nodeIntegrationInWorker: false',
      'nodeIntegrationInSubFrames: false', 'webSecurity: true', 'allowRunningInsecureContent: false', 'webviewTag: false', 'experimentalFeatures: false', "disableBlinkFeatures: 'Auxclick'"]) {
      expect(prefs).toContain(`${setting},`);
    }
  });
  it('turn the developer tools off in packaged builds', () => {
    expect(prefs).toContain('devTools: isDevelopment,');
    expect(source).toContain('const isDevelopment = !app.isPackaged;');
  });
});
