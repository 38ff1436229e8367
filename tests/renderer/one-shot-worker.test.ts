// One job per worker: the worker is terminated when the job answers, fails, is cancelled or runs out of time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerStoppedError, runOneShot } from '../../src/renderer/workers/one-shot-worker';
import type { OneShotWorker } from '../../src/renderer/workers/one-shot-worker';

afterEach(() => vi.useRealTimers());

/** A worker that answers only when told to (answer), and records what happened to it. */
function fakeWorker() {
  const worker: OneShotWorker & { posted: unknown[]; terminated: number; answer: (data: unknown) => void; crash: (message: string) => void } = {
    posted: [],
    terminated: 0,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      this.posted.push(message);
    },
    terminate() {
      this.terminated += 1;
    },
    answer(data) {
      this.onmessage?.({ data });
    },
    crash(message) {
      this.onerror?.({ message });
    },
  };
  return worker;
}

describe('runOneShot', () => {
  it('posts the request, resolves with the answer and terminates the worker', async () => {
    const w = fakeWorker();
    const job = runOneShot<number>(() => w, { n: 2 });
    expect(w.posted).toEqual([{ n: 2 }]);
    w.answer({ ok: true, result: 4 });
    await expect(job).resolves.toBe(4);
    expect(w.terminated).toBe(1);
  });

  it('rejects with the worker’s message when the job throws, or when the worker crashes', async () => {
    const a = fakeWorker();
    const failing = runOneShot(() => a, null);
    a.answer({ ok: false, message: 'not valid' });
    await expect(failing).rejects.toThrow('not valid');
    expect(a.terminated).toBe(1);
    const b = fakeWorker();
    const crashing = runOneShot(() => b, null);
    b.crash('out of memory');
    await expect(crashing).rejects.toThrow('out of memory');
    expect(b.terminated).toBe(1);
  });

  it('stops a job that never answers when the time limit passes', async () => {
    vi.useFakeTimers();
    const w = fakeWorker();
    const job = runOneShot(() => w, null, { timeoutMs: 30_000 });
    const outcome = job.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(w.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(WorkerStoppedError);
    expect((error as WorkerStoppedError).reason).toBe('timeout');
    expect(w.terminated).toBe(1);
    // A late answer changes nothing.
    w.answer({ ok: true, result: 1 });
  });

  it('stops at once on Cancel, and does not start when already cancelled', async () => {
    const w = fakeWorker();
    const controller = new AbortController();
    const job = runOneShot(() => w, null, { signal: controller.signal });
    controller.abort();
    await expect(job).rejects.toMatchObject({ name: 'WorkerStoppedError', reason: 'cancelled' });
    expect(w.terminated).toBe(1);
    const create = vi.fn(fakeWorker);
    await expect(runOneShot(create, null, { signal: controller.signal })).rejects.toMatchObject({ reason: 'cancelled' });
    expect(create).not.toHaveBeenCalled();
  });
});
