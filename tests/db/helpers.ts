// Shared test helpers: a fresh database name per test and a controllable clock.
import 'fake-indexeddb/auto';
import { openWorkspace } from '../../src/renderer/db/workspace';
import type { Workspace } from '../../src/renderer/db/workspace';

let counter = 0;
export function freshDbName(): string {
  counter += 1;
  return `test-db-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** A clock that advances only when told to. */
export function manualClock(start = '2026-11-28T10:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

export async function freshWorkspace(): Promise<{ ws: Workspace; clock: ReturnType<typeof manualClock>; name: string }> {
  const clock = manualClock();
  const name = freshDbName();
  let n = 0;
  const ws = await openWorkspace({ name, now: clock.now, newId: () => `id-${(n += 1)}` });
  return { ws, clock, name };
}
