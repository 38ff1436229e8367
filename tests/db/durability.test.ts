// Saves must reach disk before they resolve: every read-write transaction asks for strict durability.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshWorkspace } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('durability', () => {
  it('opens every readwrite transaction with durability "strict"', async () => {
    // Dexie binds IDBDatabase#transaction when it opens, so spy before opening.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    await ws.update(d.id, (x) => ({ ...x, title: 'U' }));
    await ws.createSnapshot(d.id, 's');
    await ws.delete(d.id);
    const rw = spy.mock.calls.filter((c) => c[1] === 'readwrite');
    expect(rw.length).toBeGreaterThanOrEqual(5); // meta on open + the four writes
    for (const call of rw) expect(call[2]).toEqual({ durability: 'strict' });
    ws.close();
  });
});
