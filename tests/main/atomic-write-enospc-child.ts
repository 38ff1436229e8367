// Run by atomic-write.test.ts inside a private mount namespace where argv[2] is a 64 kB tmpfs: fills the disk
// with one atomic write and prints what happened as JSON.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/main/atomic-write';

async function fillTheDisk(folder: string): Promise<void> {
  const target = join(folder, 'x.json');
  await writeFile(target, 'old');
  let error = 'none';
  try {
    await writeFileAtomic(target, 'x'.repeat(512 * 1024));
  } catch (e) {
    error = (e as NodeJS.ErrnoException).code ?? String(e);
  }
  process.stdout.write(JSON.stringify({ error, target: await readFile(target, 'utf8'), entries: await readdir(folder) }));
}

void fillTheDisk(process.argv[2]!);
