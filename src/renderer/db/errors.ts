// Errors the workspace throws; `code` lets the UI pick a message or a dialog without parsing text.
import type { FileProblem } from '../../dossier/parse-file';
import { en } from '../../report/i18n/messages-en';
import { translator } from '../../report/i18n/translate';
import type { MessageKey, Translate } from '../../report/i18n/translate';

export type WorkspaceErrorCode =
  /** The workspace was written by a newer app version (or upgraded in another window); nothing may be written. */
  | 'read-only'
  /** No live dossier, snapshot or deleted dossier with that id / undo token. */
  | 'not-found'
  /** The dossier would not be valid; `problems` lists every problem with its path. */
  | 'invalid'
  /** The status change is not allowed by the workflow (see statusTransitions). */
  | 'invalid-transition'
  /** The dossier changed since the caller read it (expectedUpdatedAt did not match). */
  | 'stale'
  /** The dossier is final: read-only until it is reopened with a reason. */
  | 'final'
  /** IndexedDB could not be opened (private mode, disk full, blocked by another window...). */
  | 'open-failed'
  /** The disk (or the browser's storage quota) is full; the write did not happen. */
  | 'disk-full'
  /** The database was deleted while open (site data cleared, another window); nothing more can be written. */
  | 'deleted'
  /** Another storage failure; the write did not happen and may succeed on Retry. */
  | 'storage-failed';

/** An app message as a key and its values (a value may be a key itself, e.g. a dossier status), worded when shown. */
export interface MessageWords {
  key: MessageKey;
  params?: Record<string, string | { key: MessageKey }>;
}

const english = translator('en');

function worded(words: MessageWords, t: Translate): string {
  const params = Object.fromEntries(Object.entries(words.params ?? {}).map(([name, v]) => [name, typeof v === 'string' ? v : t(v.key)]));
  return t(words.key, params);
}

/** An error of the app's own, with its words kept so a screen shows it in the display language (errorText). */
export class WordedError extends Error {
  readonly words: MessageWords;

  constructor(words: MessageWords) {
    super(worded(words, english));
    this.words = words;
  }
}

export class WorkspaceError extends Error {
  readonly code: WorkspaceErrorCode;
  readonly problems: FileProblem[];
  /** The message as a key and values; the English `message` is kept for logs and the command line's tests. */
  readonly words: MessageWords | undefined;

  constructor(code: WorkspaceErrorCode, message: string | MessageWords, problems: FileProblem[] = []) {
    super(typeof message === 'string' ? message : worded(message, english));
    this.name = 'WorkspaceError';
    this.code = code;
    this.problems = problems;
    this.words = typeof message === 'string' ? undefined : message;
  }
}

export function newerWorkspaceMessage(found: number, supported: number): string {
  return en['shell.newerWorkspace'].replace('{found}', String(found)).replace('{supported}', String(supported));
}

// The workspace's messages are its English catalogue texts (the database layer has no display language); the
// screens show them in the display language through localWorkspaceMessage.
export const DISK_FULL_MESSAGE = en['shell.diskFull'];
export const STORAGE_FAILED_MESSAGE = en['shell.storageFailed'];
export const DATABASE_DELETED_MESSAGE = en['shell.databaseDeleted'];
export const DATABASE_UPGRADED_MESSAGE = en['shell.databaseUpgraded'];
export const WORKSPACE_LOST_NOTICE = en['shell.workspaceLost'];

const messageKeys = {
  [DISK_FULL_MESSAGE]: 'shell.diskFull',
  [STORAGE_FAILED_MESSAGE]: 'shell.storageFailed',
  [DATABASE_DELETED_MESSAGE]: 'shell.databaseDeleted',
  [DATABASE_UPGRADED_MESSAGE]: 'shell.databaseUpgraded',
  [WORKSPACE_LOST_NOTICE]: 'shell.workspaceLost',
  // Written by one-shot-worker.ts, which workers load too (so it does not import the catalogues).
  [en['shell.error.workerStopped']]: 'shell.error.workerStopped',
} as const;

/** A workspace message in the display language (other texts, e.g. a file's own problem, pass unchanged). */
export function localWorkspaceMessage(text: string, t: Translate): string {
  const key = (messageKeys as Record<string, keyof typeof en>)[text];
  if (key) return t(key);
  const newer = /\(data format (\d+)\); this version reads up to (\d+)\./.exec(text);
  return newer ? t('shell.newerWorkspace', { found: newer[1]!, supported: newer[2]! }) : text;
}

/** What failed, in the display language: the app's own messages worded, other text (a system's, a file's) as it is. */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof Error)) return String(error);
  const words = (error as { words?: MessageWords }).words;
  return words ? worded(words, t) : localWorkspaceMessage(error.message, t);
}

function errorChain(err: unknown): { name?: string }[] {
  const chain: { name?: string }[] = [];
  for (let e = err as { name?: string; inner?: unknown } | null | undefined, depth = 0; e && typeof e === 'object' && depth < 5; e = e.inner as typeof e, depth += 1) chain.push(e);
  return chain;
}

/** Dexie wraps the browser's error (`inner`); a full disk surfaces as QuotaExceededError at some level. */
export function isQuotaError(err: unknown): boolean {
  return errorChain(err).some((e) => e.name === 'QuotaExceededError');
}

/** The connection is closed (by the browser after a disk failure, or a failed reopen): reopening may help. */
export function isDatabaseClosedError(err: unknown): boolean {
  return errorChain(err).some((e) => e.name === 'DatabaseClosedError');
}

/** A storage failure in plain words, never the raw Dexie text; WorkspaceErrors pass unchanged. */
export function storageFailure(err: unknown): WorkspaceError {
  if (err instanceof WorkspaceError) return err;
  if (isQuotaError(err)) return new WorkspaceError('disk-full', DISK_FULL_MESSAGE);
  return new WorkspaceError('storage-failed', STORAGE_FAILED_MESSAGE);
}
