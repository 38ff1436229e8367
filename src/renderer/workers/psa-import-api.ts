// What the engine worker does for "Analyse PSA results…": read a draws file (CSV or .xlsx) with the reader `hta voi`
// uses, summarise the draws for the charts, and estimate EVPPI per parameter column with the same engine function
// as `hta voi` (a few parameters per call, so the screen can show progress and Cancel by ending the worker).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CsvError } from '../../engine/survival-fit/csv-table';
import { DrawsTableError, readPsaDraws } from '../../engine/psa/external-draws';
import type { ProblemDetail } from '../../shared/problem-detail';
import type { ExternalPsaDraws } from '../../engine/psa/external-draws';
import { drawsEvppi } from '../../engine/psa/draws-analysis';
import { summarisePsa, wtpGrid } from '../../engine/analysis/psa-view';
import type { PsaView } from '../../engine/analysis/psa-view';
import { calculateIcers } from '../../engine/economics/incremental';
import type { IncrementalRow } from '../../engine/economics/incremental';
import type { EvppiResult } from '../../engine/uncertainty/evppi';
import { readDrawsTable } from '../../report/draws-file';
import type { DrawsTable } from '../../report/draws-file';

export interface ReadDrawsRequest {
  name: string;
  bytes: Uint8Array;
  /** Names of c1…cN strategies (wide numbered layout). */
  strategyNames?: string[];
  /** The worksheet of a workbook to read (default: the first). */
  sheet?: string;
}

/**
 * `sheet`: the worksheet read from a workbook, null for CSV; `sheets`: every worksheet of the workbook ([] for CSV),
 * also when the one read holds no draws, so the user can choose another.
 */
export type ReadDrawsOutcome =
  | { ok: true; draws: ExternalPsaDraws; sha256: string; sheet: string | null; sheets: string[] }
  | {
      ok: false;
      sheets: string[];
      /** The located problem, in pieces for the screen to word in its language: the file, the worksheet when it is named, the problem (English) and its detail. */
      file: string;
      sheet: string | null;
      problem: string;
      detail?: ProblemDetail;
    };

const isFileProblem = (e: unknown): e is CsvError | DrawsTableError => e instanceof CsvError || e instanceof DrawsTableError;
const problemOf = (e: CsvError | DrawsTableError): { problem: string; detail?: ProblemDetail } => ({ problem: e.message, ...(e.detail ? { detail: e.detail } : {}) });

/** The file's draws and the SHA-256 of its bytes, or the located reason it cannot be read. */
async function readImportedDraws(request: ReadDrawsRequest): Promise<ReadDrawsOutcome> {
  let table: DrawsTable;
  try {
    table = await readDrawsTable(request.name, request.bytes, request.sheet);
  } catch (e) {
    if (isFileProblem(e)) return { ok: false, sheets: [], file: request.name, sheet: null, ...problemOf(e) };
    throw e;
  }
  const sheets = table.sheets;
  try {
    return { ok: true, draws: readPsaDraws(table, request.strategyNames), sha256: bytesToHex(sha256(request.bytes)), sheet: table.sheet, sheets };
  } catch (e) {
    if (!isFileProblem(e)) throw e;
    return { ok: false, sheets, file: request.name, sheet: sheets.length > 1 ? table.sheet : null, ...problemOf(e) };
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
