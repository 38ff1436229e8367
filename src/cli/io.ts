// What a command needs from the outside world, so tests can run commands in-process.
import { readFileSync } from 'node:fs';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Exit statuses shared by every command. */
export const EXIT = { ok: 0, invalidModel: 1, usage: 2, internal: 70 } as const;

/** Wrong command line (unknown option, missing argument, unreadable file): exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Thrown when the file is read but is not valid JSON: an invalid model (exit 1). */
export class InvalidJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidJsonError';
  }
}

export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InvalidJsonError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}
