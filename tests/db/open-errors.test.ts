// Failures while opening IndexedDB become WorkspaceErrors or a read-only workspace with a clear message.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/renderer/db/schema-versions';
import { openWorkspace } from '../../src/renderer/db/workspace';
import { freshDbName } from './helpers';

afterEach(() => vi.restoreAllMocks());

function namedError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

describe('opening the workspace', () => {
  it("turns Dexie's VersionError into a read-only workspace with the versions named", async () => {
    const name = freshDbName();
    const future = new Dexie(name);
    future.version(7).stores({ dossiers: 'id, updatedAt, status, deleted', meta: 'key' });
    await future.open();
    future.close();
    // Skip the probe and make the declared open fail as a browser would.
    vi.spyOn(Dexie, 'exists').mockResolvedValue(false);
    vi.spyOn(Dexie.prototype, 'open').mockRejectedValueOnce(namedError('VersionError', 'The requested version (20) is less than the existing version (70).'));
    const ws = await openWorkspace({ name });
    expect(ws.readOnlyReason).toBe(
      `This workspace was written by a newer HTA Workbench (data format 7); this version reads up to ${LATEST_SCHEMA_VERSION}. It is open read-only and nothing will be changed. Update HTA Workbench to edit it.`,
    );
    await expect(ws.create()).rejects.toMatchObject({ code: 'read-only' });
    ws.close();
  });

  it('names a full disk and other failures', async () => {
    vi.spyOn(Dexie.prototype, 'open').mockRejectedValueOnce(namedError('QuotaExceededError', 'quota'));
    await expect(openWorkspace({ name: freshDbName() })).rejects.toMatchObject({
      code: 'open-failed',
      message: 'Could not open the workspace: there is not enough disk space for the workspace',
    });
    vi.spyOn(Dexie.prototype, 'open').mockRejectedValueOnce(namedError('UnknownError', 'boom'));
    await expect(openWorkspace({ name: freshDbName() })).rejects.toMatchObject({ code: 'open-failed', message: 'Could not open the workspace: UnknownError: boom' });
  });
});
