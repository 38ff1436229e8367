import type { HtaBridge } from '../../shared/ipc';
import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import type { Platform } from './platform';

type WindowWithBridge = Window & { htaBridge?: HtaBridge };

/** The Electron bridge when the preload exposed one, the browser implementation otherwise. */
export function selectPlatform(win: WindowWithBridge = window): Platform {
  return win.htaBridge ? createElectronPlatform(win.htaBridge) : createBrowserPlatform(win);
}
