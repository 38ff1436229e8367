import { z } from 'zod';
import type { ProblemDetail } from './problem-detail';
import { MAX_BACKUP_FILE_BYTES } from '../dossier/limits';

// Every renderer → main call, in one typed map: the channel name, the zod schema of its single argument and
// the result type. The preload exposes exactly these calls; main validates every argument against the schema.

const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/\0]/.test(name), { message: 'a file name, not a path' });

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9.]{1,20}$/i)).min(1).max(10),
});

/** Largest text file the host reads or writes for the renderer: the largest workspace backup the importer accepts. */
export const maxFileBytes = MAX_BACKUP_FILE_BYTES;

/** Bytes of a binary file (Word, Excel) the renderer made. */
const fileBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.byteLength <= maxFileBytes, { message: `expected the file's bytes (at most ${maxFileBytes})` });

export const saveFileArgs = z.strictObject({
  suggestedName: fileName,
  /** Text, or the bytes of a binary file (Word, Excel, PNG). */
  content: z.union([z.string().max(maxFileBytes), fileBytes]),
  filters: z.array(fileFilter).max(10).default([]),
});

export const openFileArgs = z.strictObject({
  filters: z.array(fileFilter).max(10).default([]),
  maxBytes: z.number().int().positive().max(maxFileBytes).default(maxFileBytes),
  /** true: the file's bytes (spreadsheets), not UTF-8 text. */
  binary: z.boolean().default(false),
});

export const printToPdfArgs = z.strictObject({
  suggestedName: fileName,
  landscape: z.boolean().default(false),
});

export const noArgs = z.undefined();

export type SaveFileArgs = z.input<typeof saveFileArgs>;
export type OpenFileArgs = z.input<typeof openFileArgs>;
export type PrintToPdfArgs = z.input<typeof printToPdfArgs>;

export type SaveFileResult = { saved: true; path: string } | { saved: false };
export type OpenFileResult =
  | { opened: true; name: string; content: string | Uint8Array }
  | { opened: false; reason: 'canceled' | 'too-large' | 'unreadable'; message?: string; detail?: ProblemDetail };
export type PrintToPdfResult = SaveFileResult;
export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  versions: { electron: string; chrome: string; node: string };
}

/** The handler map: channel → argument schema. Results are typed in `IpcResults`. */
export const ipcArgSchemas = {
  'renderer:save-file': saveFileArgs,
  'renderer:open-file': openFileArgs,
  'renderer:print-to-pdf': printToPdfArgs,
  'renderer:app-info': noArgs,
} as const;

export type IpcChannel = keyof typeof ipcArgSchemas;

export interface IpcResults {
  'renderer:save-file': SaveFileResult;
  'renderer:open-file': OpenFileResult;
  'renderer:print-to-pdf': PrintToPdfResult;
  'renderer:app-info': AppInfo;
}

export type IpcArgs<C extends IpcChannel> = z.input<(typeof ipcArgSchemas)[C]>;
export type IpcParsedArgs<C extends IpcChannel> = z.output<(typeof ipcArgSchemas)[C]>;

/** Commands main pushes to the renderer (menu items and their accelerators). */
export const menuCommands = [
  'new-dossier',
  'import-dossier',
  'export-dossier',
  'print-to-pdf',
  'backup-workspace',
  'restore-workspace',
  'go-library',
] as const;
export type MenuCommand = (typeof menuCommands)[number];
export const menuCommandSchema = z.enum(menuCommands);

export const pushChannels = { menuCommand: 'main:menu-command' } as const;

/** The object the preload exposes as `window.htaBridge`. */
export interface HtaBridge {
  saveFile(args: SaveFileArgs): Promise<SaveFileResult>;
  openFile(args: OpenFileArgs): Promise<OpenFileResult>;
  printToPdf(args: PrintToPdfArgs): Promise<PrintToPdfResult>;
  appInfo(): Promise<AppInfo>;
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export const bridgeKey = 'htaBridge';
