import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The file-system calls an atomic write makes; tests pass a failing one to check every error path. */
export interface AtomicWriteFs {
  open(path: string, flags: string, mode?: number): Promise<AtomicWriteFileHandle>;
  stat(path: string): Promise<{ mode: number }>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export interface AtomicWriteFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

const defaultFs: AtomicWriteFs = nodeFs;

/**
 * The temporary file an atomic write goes through: in the target's folder (so the rename is atomic), hidden,
 * unique, and short whatever the target's name (a long name plus a suffix would exceed the 255-byte limit).
 */
export function temporaryPathFor(targetPath: string): string {
  return join(dirname(targetPath), `.hta-${randomBytes(6).toString('hex')}.tmp`);
}

/** The permission bits of an existing file, or undefined when there is none yet. */
async function existingMode(fs: AtomicWriteFs, path: string): Promise<number | undefined> {
  try {
    return (await fs.stat(path)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Makes the rename itself durable. Windows cannot open a folder; some file systems cannot sync one. */
async function syncDirectory(fs: AtomicWriteFs, directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: AtomicWriteFileHandle;
  try {
    handle = await fs.open(directory, 'r');
  } catch (error) {
    if (isDirectorySyncUnsupported(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!isDirectorySyncUnsupported(error)) throw error;
  } finally {
    await handle.close();
  }
}

function isDirectorySyncUnsupported(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EINVAL' || code === 'ENOTSUP' || code === 'EISDIR' || code === 'EPERM' || code === 'EACCES';
}

/**
 * Writes a file so that readers see either the old or the complete new content, never a half-written file:
 * write a temporary file in the same folder with the target's permissions, flush it, rename it over the target,
 * then flush the folder so the rename survives a power cut. The temporary file is removed on every failure.
 */
export async function writeFileAtomic(targetPath: string, data: string | Uint8Array, fs: AtomicWriteFs = defaultFs): Promise<void> {
  const mode = await existingMode(fs, targetPath);
  const temporaryPath = temporaryPathFor(targetPath);
  const handle = await fs.open(temporaryPath, 'wx', mode ?? 0o666);
  let failure: { error: unknown } | null = null;
  try {
    await handle.writeFile(data);
    // open() applies the umask: set the target's bits exactly (a 0600 export stays 0600).
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    failure = { error };
  }
  try {
    await handle.close();
  } catch (error) {
    failure ??= { error };
  }
  if (failure === null) {
    try {
      await fs.rename(temporaryPath, targetPath);
    } catch (error) {
      failure = { error };
    }
  }
  if (failure !== null) {
    // Best effort: the first error is the one worth reporting.
    await fs.rm(temporaryPath, { force: true }).catch(() => undefined);
    throw failure.error;
  }
  await syncDirectory(fs, dirname(targetPath));
}
