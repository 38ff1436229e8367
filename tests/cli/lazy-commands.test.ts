// `hta --help` and `hta validate` must not load the PSA machinery: each command's module loads on demand.
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { commands } from '../../src/cli/commands';
import { main } from '../../src/cli/main';

const loaded = vi.hoisted(() => new Set<string>());
vi.mock('../../src/cli/commands/psa-command', async (importOriginal) => {
  loaded.add('psa-command');
  return importOriginal();
});
vi.mock('../../src/cli/psa-workers', async (importOriginal) => {
  loaded.add('psa-workers');
  return importOriginal();
});
vi.mock('../../src/engine/psa/psa-run', async (importOriginal) => {
  loaded.add('psa-run');
  return importOriginal();
});

const HIV = resolve(__dirname, '..', '..', 'resources', 'examples', 'hiv-chancellor-1997.json');
const quiet = { out: () => undefined, err: () => undefined };

describe('command modules load lazily', () => {
  it('help and validate leave the PSA modules unloaded; psa loads them', async () => {
    expect(await main(['--help'], quiet)).toBe(0);
    expect(await main(['validate', HIV], quiet)).toBe(0);
    expect([...loaded]).toEqual([]);
    expect(await main(['psa', '--help'], quiet)).toBe(0);
    expect([...loaded].sort()).toEqual(['psa-command', 'psa-run', 'psa-workers']);
  });

  it('lists the summary each command module gives itself', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary).toBe(entry.summary);
    }
  });
});
