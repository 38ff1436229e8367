// Web Worker entry of the probabilistic analysis: the engine's shared worker handler (the same code as the CLI's
// worker threads) over postMessage. Started by psa-client.ts.
import { createPsaWorkerHandler } from '../../engine/psa/psa-worker-protocol';
import type { PsaWorkerRequest, PsaWorkerResponse } from '../../engine/psa/psa-worker-protocol';

/** The part of DedicatedWorkerGlobalScope used here (the project's DOM lib types `self` as a Window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<PsaWorkerRequest>) => void) | null;
  postMessage(message: PsaWorkerResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const handle = createPsaWorkerHandler();

scope.onmessage = (event) => {
  const reply = handle(event.data);
  if (reply) scope.postMessage(reply.message, reply.transfer);
};
