// What a command needs from the outside world, so tests can run commands in-process.

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

