import type { AppInfo, IpcChannel, IpcParsedArgs, IpcResults } from '../shared/ipc';
import { fileTooLarge } from '../shared/problem-detail';
import { ipcArgSchemas } from '../shared/ipc';
import { isTrustedUrl } from './security';

// The renderer → main handlers, written against small host services so they are tested without Electron.

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface HostServices {
  /** Asks where to save; null when the user cancels. */
  chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  /** Asks which file to open; null when the user cancels. */
  chooseOpenPath(filters: FileFilter[]): Promise<string | null>;
  fileSize(path: string): Promise<number>;
  readTextFile(path: string): Promise<string>;
  readBinaryFile(path: string): Promise<Uint8Array>;
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
  appInfo(): AppInfo;
}

/** What a handler may do with the page that called it. */
export interface CallerPage {
  printToPdf(options: { landscape: boolean }): Promise<Uint8Array>;
}

export type IpcHandlers = {
  [C in IpcChannel]: (args: IpcParsedArgs<C>, caller: CallerPage) => Promise<IpcResults[C]>;
};

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The handler of every channel, over the given host services. */
export function createIpcHandlers(host: HostServices): IpcHandlers {
  return {
    'renderer:save-file': async ({ suggestedName, content, filters }) => {
      const path = await host.chooseSavePath(suggestedName, filters);
      if (path === null) return { saved: false };
      await host.writeFileAtomic(path, content);
      return { saved: true, path };
    },
    'renderer:open-file': async ({ filters, maxBytes, binary }) => {
      const path = await host.chooseOpenPath(filters);
      if (path === null) return { opened: false, reason: 'canceled' };
      const size = await host.fileSize(path);
      if (size > maxBytes) {
        return { opened: false, reason: 'too-large', ...fileTooLarge(baseName(path), size, maxBytes) };
      }
      try {
        return { opened: true, name: baseName(path), content: binary ? await host.readBinaryFile(path) : await host.readTextFile(path) };
      } catch (error) {
        return { opened: false, reason: 'unreadable', message: error instanceof Error ? error.message : String(error) };
      }
    },
    'renderer:print-to-pdf': async ({ suggestedName, landscape }, caller) => {
      const path = await host.chooseSavePath(suggestedName, [{ name: 'PDF document', extensions: ['pdf'] }]);
      if (path === null) return { saved: false };
      await host.writeFileAtomic(path, await caller.printToPdf({ landscape }));
      return { saved: true, path };
    },
    'renderer:app-info': async () => host.appInfo(),
  };
}

export type IpcCallCheck<C extends IpcChannel> =
  | { ok: true; args: IpcParsedArgs<C> }
  | { ok: false; message: string };

/** Checks the sender frame and the argument of one call before any handler runs. */
export function checkIpcCall<C extends IpcChannel>(
  channel: C,
  senderUrl: string | undefined,
  rawArgs: unknown,
  origins: readonly string[],
): IpcCallCheck<C> {
  if (!senderUrl || !isTrustedUrl(senderUrl, origins)) {
    return { ok: false, message: `${channel}: refused a call from an untrusted page (${senderUrl ?? 'no frame'}).` };
  }
  const parsed = ipcArgSchemas[channel].safeParse(rawArgs);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(argument)'}: ${issue.message}`);
    return { ok: false, message: `${channel}: invalid argument — ${problems.join('; ')}` };
  }
  return { ok: true, args: parsed.data as IpcParsedArgs<C> };
}

/** The minimal part of Electron's ipcMain and its event that registration needs. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, args: unknown) => unknown): void;
}
export interface IpcEventLike {
  senderFrame: { url: string } | null;
  sender: { printToPDF(options: { landscape: boolean; printBackground: boolean; preferCSSPageSize: boolean; generateDocumentOutline: boolean }): Promise<Uint8Array> };
}

/** Registers every handler behind the sender and argument checks. */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, origins: readonly string[]): void {
  for (const channel of Object.keys(handlers) as IpcChannel[]) {
    ipcMain.handle(channel, async (event, rawArgs) => {
      const check = checkIpcCall(channel, event.senderFrame?.url, rawArgs, origins);
      if (!check.ok) throw new Error(check.message);
      const caller: CallerPage = {
        // The page's own @page rules (the report's A4, margins, running header) decide the paper; headings become
        // the PDF's outline.
        printToPdf: ({ landscape }) => event.sender.printToPDF({ landscape, printBackground: true, preferCSSPageSize: true, generateDocumentOutline: true }),
      };
      const handler = handlers[channel] as (args: unknown, caller: CallerPage) => Promise<unknown>;
      return handler(check.args, caller);
    });
  }
}
