// What a command needs from the outside world, so tests can run commands in-process.
import { readFileSync } from 'node:fs';
import { readJsonText } from '../dossier/json-text';
import type { JsonTextProblem } from '../dossier/json-text';
import { MAX_MODEL_JSON_DEPTH } from '../engine/model/limits';

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

/** Thrown when the file is read but is not clean JSON (syntax, duplicate keys, nesting): an invalid model (exit 1). */
export class InvalidJsonError extends Error {
  constructor(readonly problems: JsonTextProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'InvalidJsonError';
  }
}

/** The file's JSON value, read as the app reads files (byte order mark skipped, duplicate keys refused). */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const read = readJsonText(text, { maxDepth: MAX_MODEL_JSON_DEPTH });
  if (!read.ok) throw new InvalidJsonError(read.problems);
  return read.value;
}
