import { describe, expect, it } from 'vitest';
import { freshWorkspace } from './helpers';

describe('smoke', () => {
  it('seeds and lists', async () => {
    const { ws } = await freshWorkspace();
    expect(await ws.seedExampleOnFirstRun()).toBe(true);
    const list = await ws.list();
    expect(list).toHaveLength(1);
    const d = await ws.create({ title: 'X' });
    const r = await ws.update(d.id, (x) => ({ ...x, title: 'Y' }));
    expect(r.changes).toEqual([{ path: 'title', before: 'X', after: 'Y' }]);
    expect((await ws.history(d.id)).length).toBe(1);
    ws.close();
  });
});
