// A dossier whose evidence register holds the Kearon et al. (1998) ultrasonography studies (tests/fixtures/
// dta_bivariate_kearon.json, the reference of the engine's accuracy tests) as 2×2 tables, with QUADAS-2 judgements
// on some of them, as report input without models.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { newDossier } from '../../src/dossier/new-dossier';
import type { Dossier, Evidence, Quadas, QuadasRating } from '../../src/dossier/schema';
import type { AccuracyStudy } from '../../src/engine/accuracy/two-by-two';
import type { ReportInput } from '../../src/report/report-input';

export const NOW = '2026-12-06T10:00:00.000Z';

export const kearonStudies = (
  JSON.parse(readFileSync(resolve(__dirname, '..', 'fixtures', 'dta_bivariate_kearon.json'), 'utf8')) as { all_studies: { data: (AccuracyStudy & { year: number; patients: string })[] } }
).all_studies.data;

const ratings: QuadasRating[] = ['low', 'low', 'unclear', 'high'];
/** A varied but fixed QUADAS-2 judgement for the i-th study (made up for the layout; not from Kearon et al.). */
function quadasFor(i: number): Quadas {
  const r = (k: number) => ratings[(i * 7 + k * 3) % ratings.length]!;
  return {
    riskOfBias: { patientSelection: r(0), indexTest: r(1), referenceStandard: r(2), flowAndTiming: r(3) },
    applicability: { patientSelection: r(4), indexTest: r(5), referenceStandard: r(6) },
    notes: '',
  };
}

export function kearonDossier(options: { quadasEvery?: number } = {}): Dossier {
  const every = options.quadasEvery ?? 1;
  const evidence: Evidence[] = kearonStudies.map((s, i) => ({
    id: `ev-kearon-${i + 1}`,
    citation: `${s.study} ${s.year}`,
    design: 'Diagnostic accuracy study',
    population: `${s.patients} patients`,
    n: s.tp + s.fn + s.tn + s.fp,
    indexTest: 'Venous ultrasonography',
    referenceTest: 'Venography',
    sensitivity: null,
    specificity: null,
    notes: '',
    unverified: false,
    secondarySource: false,
    twoByTwo: [{ id: `t-${i + 1}`, indexTest: 'Venous ultrasonography', referenceStandard: 'Venography', setting: s.patients, alteration: '', tp: s.tp, fn: s.fn, tn: s.tn, fp: s.fp, derived: false }],
    ...(i % every === 0 ? { quadas: quadasFor(i) } : {}),
  }));
  return { ...newDossier({ id: 'dossier-kearon', now: NOW, title: 'Ultrasonography for deep vein thrombosis' }), evidence, modelLinks: [] };
}

export function kearonInput(dossier: Dossier = kearonDossier()): ReportInput {
  return { dossier, models: [], unresolvedLinks: [], appVersion: '0.1.0', engineVersion: '1.0.0', generatedAt: NOW };
}
