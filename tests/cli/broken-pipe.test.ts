// `hta … | head` closes stdout early: the command must end quietly, not with an unhandled EPIPE trace.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

it('ends quietly when the reader of its output stops early', () => {
  const errFile = join(mkdtempSync(join(tmpdir(), 'hta-pipe-')), 'stderr.txt');
  // The JSON (about 100 kB) is larger than a pipe buffer, so the write outlives `head`.
  const pipeline = `"${process.execPath}" bin/hta.cjs dsa resources/examples/liquid-biopsy-nsclc.json --json 2>"${errFile}" | head -c 10 >/dev/null`;
  execFileSync('bash', ['-c', pipeline], { cwd: root });
  expect(readFileSync(errFile, 'utf8')).not.toMatch(/EPIPE|Unhandled/);
});
