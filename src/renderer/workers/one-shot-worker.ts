// One job in its own Web Worker, with a time limit and a Cancel: the worker is terminated when the job ends, is
// cancelled or runs out of time, so a pathological input can neither freeze the screen nor keep a CPU busy.
// Worker side: answerOneShot(handler) in the worker module.

export type OneShotReply<T> = { ok: true; result: T } | { ok: false; message: string };

/** The subset of the DOM Worker used here (tests pass an in-process fake). */
export interface OneShotWorker {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
  terminate(): void;
}

export class WorkerStoppedError extends Error {
  readonly reason: 'timeout' | 'cancelled';
  constructor(reason: 'timeout' | 'cancelled') {
    super(reason === 'timeout' ? 'the work took too long and was stopped' : 'the work was cancelled');
    this.name = 'WorkerStoppedError';
    this.reason = reason;
  }
}

export interface OneShotOptions {
  /** Stop after this many milliseconds (default: no limit). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export function runOneShot<T>(create: () => OneShotWorker, request: unknown, options: OneShotOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new WorkerStoppedError('cancelled'));
      return;
    }
    const worker = create();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = (settle: () => void) => {
      if (timer !== null) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(new WorkerStoppedError('cancelled')));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs !== undefined) timer = setTimeout(() => finish(() => reject(new WorkerStoppedError('timeout'))), options.timeoutMs);
    worker.onmessage = (event) => {
      const reply = event.data as OneShotReply<T>;
      finish(() => (reply.ok ? resolve(reply.result) : reject(new Error(reply.message))));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      finish(() => reject(new Error(event.message || 'the worker stopped with an error')));
    };
    worker.postMessage(request);
  });
}

/** The part of DedicatedWorkerGlobalScope a one-shot worker uses (the project's DOM lib types `self` as a Window). */
interface OneShotScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

/** Worker side: answers each request with the handler's result, or its error as a message. */
export function answerOneShot<Req, Res>(handler: (request: Req) => Res): void {
  const scope = self as unknown as OneShotScope;
  scope.onmessage = (event) => {
    let reply: OneShotReply<Res>;
    try {
      reply = { ok: true, result: handler(event.data as Req) };
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    scope.postMessage(reply);
  };
}
