// The test-accuracy synthesis a report shows: the dossier's 2×2 tables pooled per alteration or gene, as the Test
// accuracy screen pools them when an alteration is chosen (all index tests, one table per study), with the engine's
// bivariate normal model fitted by REML (the screen's default). Dossiers whose tables name no alteration get one
// pool of all studies. The meta-analysis is not stored in the dossier; it is recomputed from the 2×2 data, which
// takes milliseconds.
import { accuracyRows, selectRows, studiesOf } from '../dossier/accuracy-rows';
import type { AccuracyRow } from '../dossier/accuracy-rows';
import type { Dossier } from '../dossier/schema';
import { AccuracyAnalysisError, metaAnalyseAccuracy } from '../engine/accuracy/meta-analysis';
import type { AccuracyMetaAnalysis, AccuracyMethod } from '../engine/accuracy/meta-analysis';
import type { AccuracyStudy } from '../engine/accuracy/two-by-two';

export const REPORT_ACCURACY_METHOD: AccuracyMethod = 'reml';

export interface AccuracyPool {
  /** The alteration or gene of the tables ("" for tables that name none). */
  alteration: string;
  /** "ALK", "Any alteration", or "All studies" when no table names an alteration. */
  label: string;
  studies: AccuracyStudy[];
  /** Further tables of the same studies, left out so no study counts twice. */
  skipped: AccuracyRow[];
  /** The fit; null with `problem` when the pool has fewer than 2 studies or the fit failed. */
  result: AccuracyMetaAnalysis | null;
  problem: string | null;
}

export interface AccuracySynthesis {
  rows: AccuracyRow[];
  pools: AccuracyPool[];
}

function fit(studies: readonly AccuracyStudy[]): { result: AccuracyMetaAnalysis | null; problem: string | null } {
  if (studies.length < 2) return { result: null, problem: `${studies.length === 1 ? 'one study' : 'no study'}: a meta-analysis needs at least 2` };
  try {
    return { result: metaAnalyseAccuracy(studies, { method: REPORT_ACCURACY_METHOD }), problem: null };
  } catch (error) {
    if (error instanceof AccuracyAnalysisError) return { result: null, problem: error.message };
    throw error;
  }
}

// Keyed by the evidence array: the preview rebuilds the report on every keystroke of the summary, which copies the
// dossier but not its evidence, and a fit of 30 studies takes some 30 ms on a busy machine.
const cache = new WeakMap<Dossier['evidence'], AccuracySynthesis>();

/** The 2×2 rows and pools of a dossier (computed once per evidence register: the document and the workbook share it). */
export function accuracySynthesis(d: Dossier): AccuracySynthesis {
  const known = cache.get(d.evidence);
  if (known) return known;
  const rows = accuracyRows(d);
  const alterations = [...new Set(rows.map((r) => r.table.alteration))];
  const named = alterations.some((a) => a !== '');
  const pools = alterations.map((alteration): AccuracyPool => {
    const { studies, skipped } = studiesOf(selectRows(rows, { indexTest: null, alteration }));
    const label = !named ? 'All studies' : alteration === '' ? 'Any alteration' : alteration;
    return { alteration, label, studies, skipped, ...fit(studies) };
  });
  const synthesis = { rows, pools };
  cache.set(d.evidence, synthesis);
  return synthesis;
}
