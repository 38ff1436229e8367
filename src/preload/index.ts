import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { HtaBridge, IpcChannel, IpcResults, MenuCommand } from '../shared/ipc';

// Sandboxed preload: only `electron` at run time (the shared module is imported for types only, so zod is not
// bundled here). Main validates every argument again; nothing here is trusted.

function invoke<C extends IpcChannel>(channel: C, args?: unknown): Promise<IpcResults[C]> {
  return ipcRenderer.invoke(channel, args) as Promise<IpcResults[C]>;
}

const bridge = {
  saveFile: (args) => invoke('renderer:save-file', args),
  openFile: (args) => invoke('renderer:open-file', args),
  printToPdf: (args) => invoke('renderer:print-to-pdf', args),
  appInfo: () => invoke('renderer:app-info'),
  onMenuCommand: (listener) => {
    const handler = (_event: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on('main:menu-command', handler);
    return () => {
      ipcRenderer.removeListener('main:menu-command', handler);
    };
  },
} satisfies HtaBridge;

contextBridge.exposeInMainWorld('htaBridge', bridge);
