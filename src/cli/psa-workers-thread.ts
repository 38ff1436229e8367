// Entry point of a PSA worker thread: the shared worker handler over node:worker_threads messages.
import { parentPort } from 'node:worker_threads';
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
