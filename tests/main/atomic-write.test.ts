import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryPathFor, writeFileAtomic } from '../../src/main/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hta-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    const target = join(dir, 'dossier.htad.json');
    await writeFileAtomic(target, '{"a":1}');
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    expect(await readdir(dir)).toEqual(['dossier.htad.json']);
  });
  it('replaces an existing file whole', async () => {
    const target = join(dir, 'x.json');
    await writeFile(target, 'old content that is longer than the new one');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
  });
  it('writes bytes (PDF output)', async () => {
    const target = join(dir, 'x.pdf');
    await writeFileAtomic(target, new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect((await readFile(target)).toString('latin1')).toBe('%PDF');
  });
  it('fails without touching the target when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
  it('puts the temporary file next to the target so rename stays on one file system', () => {
    const tmp = temporaryPathFor(join(dir, 'x.json'));
    expect(tmp.startsWith(join(dir, '.x.json.'))).toBe(true);
    expect(tmp.endsWith('.tmp')).toBe(true);
    expect(temporaryPathFor(join(dir, 'x.json'))).not.toBe(tmp);
  });
});
