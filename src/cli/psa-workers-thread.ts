// Entry point of a PSA worker thread: the shared worker handler over node:worker_threads messages.
import { parentPort } from 'node:worker_threads';
import { parseModel } from '../engine/compile-model';
import { createPsaWorkerHandler } from '../engine/psa/psa-worker-protocol';
import type { PsaWorkerRequest } from '../engine/psa/psa-worker-protocol';

const handle = createPsaWorkerHandler();
const port = parentPort;
if (port) {
  port.on('message', (request: PsaWorkerRequest) => {
    const reply = handle(request);
    if (reply) port.postMessage(reply.message, reply.transfer);
  });
}

/**
 * For the build only (bin/command-files.cjs): does a thread's work on a model file (compile it, evaluate `draws`
 * draws) outside any thread, so the code cache written afterwards holds the functions a thread runs.
 */
export function warmUpForCodeCache(json: unknown, draws: number): void {
  const warm = createPsaWorkerHandler();
  const replies = [warm({ type: 'init', model: parseModel(json), seed: 1 }), warm({ type: 'chunk', id: 0, start: 0, end: draws })];
  for (const reply of replies) if (reply?.message.type === 'error') throw new Error(`PSA thread warm-up failed: ${reply.message.message}`);
}
