// Messages between a PSA client and a worker (Node worker thread or Web Worker), and the worker-side handler both
// entry points share, so the engine code that runs in a worker is the same everywhere. The worker compiles the
// model once on `init`, then evaluates chunks on request; result arrays are transferred, not copied.
import type { HtaModel } from '../model/schema';
import { createPsaSetup } from './psa-setup';
import type { PsaSetup } from './psa-setup';
import { createPsaWorkspace, runPsaChunk } from './psa-runner';
import type { PsaChunkResult, PsaWorkspace } from './psa-runner';
import { psaRunInfo } from './psa-run';
import { adoptInversionTables, buildTableShare } from '../uncertainty/inversion-table';
import type { InversionTableEntry, TableShare } from '../uncertainty/inversion-table';
import type { PsaRunInfo } from './psa-run';

export type PsaWorkerRequest =
  /**
   * tables: inversion tables the client already built (cachedInversionTables), so the worker need not. share: the
   * worker builds its share of the run's tables before it is ready, and replies with them for the other workers.
   */
  | { type: 'init'; model: HtaModel; seed: number; tables?: InversionTableEntry[]; share?: TableShare }
  /**
   * Inversion tables built by the client or other workers after `init` (it sends init first, so the worker
   * compiles the model while they are built); they arrive before any chunk. No reply.
   */
  | { type: 'tables'; tables: InversionTableEntry[] }
  | { type: 'chunk'; id: number; start: number; end: number };

export type PsaWorkerResponse =
  /** tables: the worker's share of the inversion tables (init's `share`). */
  | { type: 'ready'; info: PsaRunInfo; tables?: InversionTableEntry[] }
  | { type: 'chunk'; id: number; result: PsaChunkResult }
  | { type: 'error'; id: number | null; name: string; message: string };

export interface PsaWorkerReply {
  message: PsaWorkerResponse;
  /** Buffers to transfer with the message. */
  transfer: ArrayBuffer[];
}

/** Worker-side state machine: feed it requests, post back what it returns (if anything). Never throws. */
export function createPsaWorkerHandler(): (request: PsaWorkerRequest) => PsaWorkerReply | null {
  let setup: PsaSetup | null = null;
  let workspace: PsaWorkspace | null = null;
  const fail = (id: number | null, e: unknown): PsaWorkerReply => ({
    message: { type: 'error', id, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) },
    transfer: [],
  });
  return (request) => {
    if (request.type === 'init') {
      try {
        if (request.tables) adoptInversionTables(request.tables);
        setup = createPsaSetup(request.model, request.seed);
        workspace = createPsaWorkspace(setup);
        const tables = request.share ? buildTableShare(setup.sampler.tableDistributions(), request.share) : undefined;
        return { message: { type: 'ready', info: psaRunInfo(setup), tables }, transfer: [] };
      } catch (e) {
        return fail(null, e);
      }
    }
    if (request.type === 'tables') {
      adoptInversionTables(request.tables);
      return null;
    }
    if (!setup || !workspace) return fail(request.id, new Error('PSA worker received a chunk before init'));
    try {
      const result = runPsaChunk(setup, request.start, request.end, workspace);
      return {
        message: { type: 'chunk', id: request.id, result },
        transfer: [result.costs.buffer, result.effects.buffer, result.parameters.buffer] as ArrayBuffer[],
      };
    } catch (e) {
      return fail(request.id, e);
    }
  };
}
