import type { HtaBridge } from '../../shared/ipc';
import type { Platform } from './platform';

/** The platform over the preload bridge (window.htaBridge). */
export function createElectronPlatform(bridge: HtaBridge): Platform {
  return {
    kind: 'electron',
    async saveFile({ suggestedName, content, fileTypes }) {
      const result = await bridge.saveFile({ suggestedName, content, filters: fileTypes });
      return result.saved ? { saved: true, location: result.path, via: 'file' } : { saved: false };
    },
    async openFile({ fileTypes, maxBytes }) {
      const result = await bridge.openFile({ filters: fileTypes, maxBytes });
      return result.opened ? { opened: true, name: result.name, content: typeof result.content === 'string' ? result.content : new TextDecoder().decode(result.content) } : result;
    },
    async openBinaryFile({ fileTypes, maxBytes }) {
      const result = await bridge.openFile({ filters: fileTypes, maxBytes, binary: true });
      return result.opened ? { opened: true, name: result.name, bytes: typeof result.content === 'string' ? new TextEncoder().encode(result.content) : result.content } : result;
    },
    async printToPdf({ suggestedName, landscape = false }) {
      const result = await bridge.printToPdf({ suggestedName, landscape });
      return result.saved ? { printed: true, location: result.path } : { printed: false };
    },
    appInfo: () => bridge.appInfo(),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}
