// What the engine worker does for "Analyse PSA results…": read a draws file (CSV or .xlsx) with the reader `hta voi`
// uses, summarise the draws for the charts, and estimate EVPPI per parameter column with the same engine function
// as `hta voi` (a few parameters per call, so the screen can show progress and Cancel by ending the worker).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CsvError } from '../../engine/survival-fit/csv-table';
import { DrawsTableError, readPsaDraws } from '../../engine/psa/external-draws';
import type { ExternalPsaDraws } from '../../engine/psa/external-draws';
import { drawsEvppi } from '../../engine/psa/draws-analysis';
import { summarisePsa, wtpGrid } from '../../engine/analysis/psa-view';
import type { PsaView } from '../../engine/analysis/psa-view';
import { calculateIcers } from '../../engine/economics/incremental';
import type { IncrementalRow } from '../../engine/economics/incremental';
import type { EvppiResult } from '../../engine/uncertainty/evppi';
import { readDrawsTable } from '../../report/draws-file';

export interface ReadDrawsRequest {
  name: string;
  bytes: Uint8Array;
  /** Names of c1…cN strategies (wide numbered layout). */
  strategyNames?: string[];
}

/** `sheet`: the worksheet read from a workbook, null for CSV. */
export type ReadDrawsOutcome = { ok: true; draws: ExternalPsaDraws; sha256: string; sheet: string | null } | { ok: false; message: string };

/** The file's draws and the SHA-256 of its bytes, or the located reason it cannot be read. */
async function readImportedDraws(request: ReadDrawsRequest): Promise<ReadDrawsOutcome> {
  try {
    const table = await readDrawsTable(request.name, request.bytes);
    return { ok: true, draws: readPsaDraws(table, request.strategyNames), sha256: bytesToHex(sha256(request.bytes)), sheet: table.sheet };
  } catch (e) {
    if (e instanceof CsvError || e instanceof DrawsTableError) return { ok: false, message: `${request.name}: ${e.message}` };
    throw e;
  }
}

export interface ImportedDrawsSummary {
  view: PsaView;
  incremental: IncrementalRow[];
}

/** Thresholds from 0 to the highest willingness to pay (101 of them). */
export const IMPORT_WTP_STEPS = 100;

/** Means, CE plane, CEAC, CEAF and EVPI of the draws (the model screens' PSA view) and the incremental analysis of the means. */
function summariseImportedDraws(draws: ExternalPsaDraws, options: { maxWtp: number; maxPoints: number }): ImportedDrawsSummary {
  const view = summarisePsa({ ...draws, strategyLabels: draws.strategyIds, seed: 0 }, { wtpGrid: wtpGrid(options.maxWtp, IMPORT_WTP_STEPS), comparator: draws.strategyIds[0]!, maxPoints: options.maxPoints });
  const incremental = calculateIcers(view.means.map((m) => ({ id: m.id, cost: m.cost.mean, effect: m.effect.mean })));
  return { view, incremental };
}

/** EVPPI of these parameter columns at one threshold (drawsEvppi, as `hta voi --evppi-wtp`). */
function importedDrawsEvppi(draws: ExternalPsaDraws, wtp: number, parameters: string[], seDraws: number): EvppiResult[] {
  return drawsEvppi(draws, [wtp], parameters, seDraws);
}

export const psaImportApi = { readImportedDraws, summariseImportedDraws, importedDrawsEvppi };
