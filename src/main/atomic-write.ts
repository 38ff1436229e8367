import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temporary file an atomic write goes through: same folder (so rename is atomic), hidden, unique. */
export function temporaryPathFor(targetPath: string): string {
  return join(dirname(targetPath), `.${basename(targetPath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes a file so that readers see either the old or the complete new content, never a half-written file:
 * write a temporary file in the same folder, flush it to disk, then rename it over the target.
 */
export async function writeFileAtomic(targetPath: string, data: string | Uint8Array): Promise<void> {
  const temporaryPath = temporaryPathFor(targetPath);
  const handle = await open(temporaryPath, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporaryPath, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporaryPath, targetPath);
  } catch (error) {
    await rm(temporaryPath, { force: true });
    throw error;
  }
}
