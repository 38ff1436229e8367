import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryPathFor, writeFileAtomic } from '../../src/main/atomic-write';
import type { AtomicWriteFileHandle, AtomicWriteFs } from '../../src/main/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hta-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Step = 'open' | 'writeFile' | 'chmod' | 'sync' | 'close' | 'rename' | 'syncDirectory';

function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** The real file system, recording each call, with `failAt` steps throwing the given errno code. */
function injectedFs(failAt: Partial<Record<Step, string>> = {}) {
  const calls: string[] = [];
  const fail = (step: Step) => {
    const code = failAt[step];
    if (code) throw errnoError(code);
  };
  const wrapHandle = (real: fs.FileHandle, isDirectory: boolean): AtomicWriteFileHandle => ({
    writeFile: async (data) => {
      calls.push('writeFile');
      fail('writeFile');
      await real.writeFile(data);
    },
    chmod: async (mode) => {
      calls.push('chmod');
      fail('chmod');
      await real.chmod(mode);
    },
    sync: async () => {
      calls.push(isDirectory ? 'sync directory' : 'sync');
      fail(isDirectory ? 'syncDirectory' : 'sync');
      await real.sync();
    },
    close: async () => {
      calls.push(isDirectory ? 'close directory' : 'close');
      await real.close();
      if (!isDirectory) fail('close');
    },
  });
  const fake: AtomicWriteFs = {
    open: async (path, flags, mode) => {
      const isDirectory = flags === 'r';
      calls.push(isDirectory ? 'open directory' : 'open');
      if (!isDirectory) fail('open');
      return wrapHandle(await fs.open(path, flags, mode), isDirectory);
    },
    stat: (path) => fs.stat(path),
    rename: async (from, to) => {
      calls.push('rename');
      fail('rename');
      await fs.rename(from, to);
    },
    rm: async (path, options) => {
      calls.push('rm');
      await fs.rm(path, options);
    },
  };
  return { fs: fake, calls };
}

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
});

describe.skipIf(process.platform === 'win32')('permissions', () => {
  it('keeps a 0600 file 0600 (and 0640 stays 0640), whatever the umask', async () => {
    for (const mode of [0o600, 0o640]) {
      const target = join(dir, `private-${mode.toString(8)}.htad.json`);
      await writeFile(target, 'old');
      await chmod(target, mode);
      await writeFileAtomic(target, 'new');
      expect((await stat(target)).mode & 0o777).toBe(mode);
      expect(await readFile(target, 'utf8')).toBe('new');
    }
  });

  it('gives a new file the usual permissions (0666 less the umask), like any other program', async () => {
    const target = join(dir, 'new.json');
    await writeFileAtomic(target, 'x');
    const umask = process.umask();
    expect((await stat(target)).mode & 0o777).toBe(0o666 & ~umask);
  });
});

describe('temporary file name', () => {
  it('sits next to the target, hidden, unique and short', () => {
    const tmp = temporaryPathFor(join(dir, 'x.json'));
    expect(tmp.startsWith(join(dir, '.hta-'))).toBe(true);
    expect(tmp.endsWith('.tmp')).toBe(true);
    expect(tmp.length - dir.length).toBeLessThanOrEqual(24);
    expect(temporaryPathFor(join(dir, 'x.json'))).not.toBe(tmp);
  });

  it('writes a target whose name is near the 255-byte limit (a suffixed name would not fit)', async () => {
    const target = join(dir, `${'a'.repeat(240)}.htad.json`);
    await writeFileAtomic(target, 'long');
    expect(await readFile(target, 'utf8')).toBe('long');
  });
});

describe('durability', () => {
  it('flushes the file before the rename and the folder after it', async () => {
    const injected = injectedFs();
    const target = join(dir, 'x.json');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new', injected.fs);
    const expected = ['open', 'writeFile', 'chmod', 'sync', 'close', 'rename'];
    if (process.platform !== 'win32') expected.push('open directory', 'sync directory', 'close directory');
    expect(injected.calls).toEqual(expected);
  });

  it.skipIf(process.platform === 'win32')('tolerates a file system that cannot sync a folder (EINVAL) but reports an I/O error', async () => {
    const target = join(dir, 'x.json');
    await writeFileAtomic(target, 'new', injectedFs({ syncDirectory: 'EINVAL' }).fs);
    expect(await readFile(target, 'utf8')).toBe('new');
    await expect(writeFileAtomic(target, 'newer', injectedFs({ syncDirectory: 'EIO' }).fs)).rejects.toMatchObject({ code: 'EIO' });
  });
});

describe('every error path removes the temporary file and leaves the target as it was', () => {
  const steps: Array<[Step, string]> = [
    ['writeFile', 'ENOSPC'],
    ['chmod', 'EPERM'],
    ['sync', 'EIO'],
    ['close', 'EIO'],
    ['rename', 'EXDEV'],
  ];
  for (const [step, code] of steps) {
    it(`${step} fails with ${code}`, async () => {
      const target = join(dir, 'x.json');
      await writeFile(target, 'old');
      const injected = injectedFs({ [step]: code });
      await expect(writeFileAtomic(target, 'new', injected.fs)).rejects.toMatchObject({ code });
      expect(await readFile(target, 'utf8')).toBe('old');
      expect(await readdir(dir)).toEqual(['x.json']);
      expect(injected.calls).toContain('rm');
      expect(injected.calls.filter((c) => c === 'close')).toHaveLength(1);
    });
  }

  it('open fails: nothing was created, nothing to remove', async () => {
    const target = join(dir, 'x.json');
    await writeFile(target, 'old');
    await expect(writeFileAtomic(target, 'new', injectedFs({ open: 'EMFILE' }).fs)).rejects.toMatchObject({ code: 'EMFILE' });
    expect(await readdir(dir)).toEqual(['x.json']);
  });
});

// A full disk for real: a 64 kB tmpfs mounted in a private mount namespace (`unshare`, no root needed where user
// namespaces are enabled). Where the machine does not allow it, this test is skipped and the injected-ENOSPC test
// above (writeFile fails with ENOSPC) is the one that covers a full disk.
const root = resolve(__dirname, '..', '..');
const childScript = join(root, 'tests', 'main', 'atomic-write-enospc-child.ts');

function canMountTmpfs(): boolean {
  if (process.platform !== 'linux') return false;
  const probe = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d" && rmdir "$d"'], { encoding: 'utf8' });
  return probe.status === 0;
}

describe.skipIf(!canMountTmpfs())('a real full disk (64 kB tmpfs in a private mount namespace)', () => {
  it('fails with ENOSPC, keeps the old file and removes the temporary file', () => {
    const mountPoint = join(dir, 'tiny');
    const result = spawnSync(
      'unshare',
      ['--user', '--map-root-user', '--mount', 'sh', '-c', 'mkdir "$1" && mount -t tmpfs -o size=64k tmpfs "$1" && exec "$2" --import tsx "$3" "$1"', 'sh', mountPoint, process.execPath, childScript],
      { cwd: root, encoding: 'utf8', timeout: 30000 },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ error: 'ENOSPC', target: 'old', entries: ['x.json'] });
  });
});
