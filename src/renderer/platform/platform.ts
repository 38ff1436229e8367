import type { AppInfo, MenuCommand } from '../../shared/ipc';
import type { ProblemDetail } from '../../shared/problem-detail';

// The one way the renderer reaches its host (Electron or a plain browser).

export interface FileType {
  /** Shown in the native dialog, e.g. "HTA dossier". */
  name: string;
  /** Without the dot, e.g. "htad.json" or "json". */
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  /** Text (written as UTF-8) or bytes for binary files (Word, Excel, PNG). */
  content: string | Uint8Array;
  mimeType: string;
  fileTypes: FileType[];
}

/** `location`: the path written (Electron) or the file name handed to the browser's downloads. */
export type SaveFileOutcome = { saved: true; location: string; via: 'file' | 'download' } | { saved: false };

export interface OpenFileRequest {
  fileTypes: FileType[];
  maxBytes: number;
}

export type OpenFileOutcome =
  | { opened: true; name: string; content: string }
  | { opened: false; reason: 'canceled' | 'too-large' | 'unreadable'; message?: string; detail?: ProblemDetail };

export type OpenBinaryFileOutcome =
  | { opened: true; name: string; bytes: Uint8Array }
  | { opened: false; reason: 'canceled' | 'too-large' | 'unreadable'; message?: string; detail?: ProblemDetail };

export interface PrintRequest {
  suggestedName: string;
  landscape?: boolean;
}

export type PrintOutcome = { printed: true; location?: string } | { printed: false };

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Save dialog + atomic write in Electron; a Blob download in the browser. */
  saveFile(request: SaveFileRequest): Promise<SaveFileOutcome>;
  /** Open dialog in Electron; an <input type=file> in the browser. */
  openFile(request: OpenFileRequest): Promise<OpenFileOutcome>;
  /** The same, with the file's bytes (spreadsheets and other binary files). */
  openBinaryFile(request: OpenFileRequest): Promise<OpenBinaryFileOutcome>;
  /** Print the current page to a PDF file in Electron; the browser's print dialog otherwise. */
  printToPdf(request: PrintRequest): Promise<PrintOutcome>;
  appInfo(): Promise<AppInfo>;
  /** Menu commands (Electron's application menu); the browser has none and never calls back. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
