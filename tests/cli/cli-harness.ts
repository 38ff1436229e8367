// The CLI run in-process, and files written for it: the set-up every command test shares.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

/** What one `hta` call did: its exit code and everything it printed, one line per call of out/err. */
export interface CliOutcome {
  code: number;
  out: string;
  err: string;
}

/** Runs `hta <argv…>` through the CLI's main() and collects its output. */
export async function runHta(...argv: string[]): Promise<CliOutcome> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/** A fresh directory under the OS temp dir; `write` puts a file there (JSON.stringify for anything not a string). */
export function scratchFiles(prefix: string): { dir: string; write: (name: string, content: unknown) => string } {
  const dir = mkdtempSync(join(tmpdir(), `hta-${prefix}-`));
  const write = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  return { dir, write };
}
