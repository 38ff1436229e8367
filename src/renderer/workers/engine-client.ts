// The UI's handle on the engine worker: one worker for the whole app, started on first use; calls are typed by
// engine-api.ts and return promises (comlink).
import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { EngineApi } from './engine-api';

let remote: Remote<EngineApi> | null = null;

export function engineWorker(): Remote<EngineApi> {
  if (remote === null) {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    remote = wrap<EngineApi>(worker);
  }
  return remote;
}

/**
 * An engine worker of its own for one long job (EVPPI): terminating it cancels the job at once without stopping the
 * shared worker the other screens use.
 */
export function dedicatedEngineWorker(): { remote: Remote<EngineApi>; terminate: () => void } {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine-job' });
  return { remote: wrap<EngineApi>(worker), terminate: () => worker.terminate() };
}
