// A PSA worker thread that takes every inversion table still free, then fails before building any.
import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { PsaWorkerRequest } from '../../../src/engine/psa/psa-worker-protocol';

if (process.env.HTA_TEST_THREAD_LOADED) writeFileSync(process.env.HTA_TEST_THREAD_LOADED, 'loaded');
parentPort?.on('message', (request: PsaWorkerRequest) => {
  if (request.type !== 'init' || !request.share || !('claims' in request.share)) return;
  const claims = new Int32Array(request.share.claims);
  for (let i = 0; i < claims.length; i++) Atomics.compareExchange(claims, i, 0, request.share.id);
  throw new Error('failed while building its tables');
});
