import { appInfo } from '../../dossier/app-info';
import { fileTooLarge } from '../../shared/problem-detail';
import type { Platform, FileType } from './platform';

// The same renderer in a plain browser: downloads instead of a save dialog, a file input instead of an open
// dialog, and the browser's own print dialog (which offers "Save as PDF").

/** The accept attribute of a file input for the given file types (".htad.json,.json"). */
export function acceptAttribute(fileTypes: FileType[]): string {
  return fileTypes.flatMap((type) => type.extensions.map((extension) => `.${extension}`)).join(',');
}

function downloadBlob(doc: Document, name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: the download starts asynchronously in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function pickFile(doc: Document, accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.setAttribute('data-testid', 'platform-file-input');
    const finish = (file: File | null): void => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    doc.body.append(input);
    input.click();
  });
}

export function createBrowserPlatform(win: Window = window): Platform {
  const doc = win.document;
  return {
    kind: 'browser',
    async saveFile({ suggestedName, content, mimeType }) {
      downloadBlob(doc, suggestedName, new Blob([content as BlobPart], { type: mimeType }));
      return { saved: true, location: suggestedName, via: 'download' };
    },
    async openFile({ fileTypes, maxBytes }) {
      const file = await pickFile(doc, acceptAttribute(fileTypes));
      if (file === null) return { opened: false, reason: 'canceled' };
      if (file.size > maxBytes) {
        return { opened: false, reason: 'too-large', ...fileTooLarge(file.name, file.size, maxBytes) };
      }
      try {
        return { opened: true, name: file.name, content: await file.text() };
      } catch (error) {
        return { opened: false, reason: 'unreadable', message: error instanceof Error ? error.message : String(error) };
      }
    },
    async openBinaryFile({ fileTypes, maxBytes }) {
      const file = await pickFile(doc, acceptAttribute(fileTypes));
      if (file === null) return { opened: false, reason: 'canceled' };
      if (file.size > maxBytes) {
        return { opened: false, reason: 'too-large', ...fileTooLarge(file.name, file.size, maxBytes) };
      }
      try {
        return { opened: true, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      } catch (error) {
        return { opened: false, reason: 'unreadable', message: error instanceof Error ? error.message : String(error) };
      }
    },
    async printToPdf() {
      win.print();
      return { printed: true };
    },
    async appInfo() {
      return {
        name: appInfo.name,
        version: appInfo.version,
        platform: 'browser',
        versions: { electron: '', chrome: '', node: '' },
      };
    },
    onMenuCommand: () => () => undefined,
  };
}
