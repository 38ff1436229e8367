// A PSA worker thread running the real handler that refuses any chunk for which it would build an inversion table:
// a pool must hand it, before its first chunk, every table it did not build in its share.
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { createPsaWorkerHandler } from '../../../src/engine/psa/psa-worker-protocol';
import type { PsaWorkerRequest } from '../../../src/engine/psa/psa-worker-protocol';
import { inversionTablesBuilt } from '../../../src/engine/uncertainty/inversion-table';

const handle = createPsaWorkerHandler();
// Tells the test that this thread has loaded its code (its environment is the test's when it started).
if (process.env.HTA_TEST_THREAD_LOADED) writeFileSync(process.env.HTA_TEST_THREAD_LOADED, 'loaded');
parentPort?.on('message', (request: PsaWorkerRequest) => {
  const before = inversionTablesBuilt();
  const reply = handle(request);
  const late = inversionTablesBuilt() - before;
  if (request.type === 'chunk' && late > 0) {
    parentPort?.postMessage({ type: 'error', id: request.id, name: 'Error', message: `built ${late} inversion tables at a chunk` });
  } else if (reply) {
    parentPort?.postMessage(reply.message, reply.transfer);
  }
});
