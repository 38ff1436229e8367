// Source of the bundled liquid-biopsy model, resources/examples/liquid-biopsy-nsclc.json (written by
// `npx tsx scripts/liquid-biopsy-example/write-model.ts`; a test checks the file equals this output). Written as
// code because the model repeats one structure 16 times (4 strategies × 4 alteration groups) and because part of
// its plasma accuracy is computed, not typed: the ALK sensitivity is the meta-analysis of the ALK 2×2 tables held
// by the example dossier's evidence register (one place for the studies; one table per study, as the app's Test
// accuracy section analyses them). The any-driver sensitivity and specificity are the published bivariate
// meta-analysis of Chen 2023 (13 studies, whose 2×2 tables were not retrieved), with a joint distribution on
// logits built from its confidence intervals.
//
// Every figure has a source; a figure without a published source says "Assumption: …" and a derived one
// "Derived: …". [S] marks a figure seen only in a secondary report of the primary source.
import { metaAnalyseAccuracy } from '../../src/engine/accuracy/meta-analysis';
import type { AccuracyMetaAnalysis } from '../../src/engine/accuracy/meta-analysis';
import { logit } from '../../src/engine/numeric/logistic';
import { exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';

/** Where the model is written, relative to the repository root. */
export const LIQUID_BIOPSY_MODEL_FILE = 'resources/examples/liquid-biopsy-nsclc.json';
/** Short names of the studies whose ALK 2×2 tables are pooled (evidence id → name). */
export const ALK_ACCURACY_EVIDENCE: Readonly<Record<string, string>> = { 'ev-nile-2019': 'NILE (Leighl 2019)', 'ev-cui-2017': 'Cui 2017' };
/** Chen 2023: pooled sensitivity and specificity of plasma NGS for any driver, with 95% CIs. */
const CHEN = { sensitivity: [0.69, 0.63, 0.74], specificity: [0.99, 0.97, 1.0] } as const;

type Json = Record<string, unknown>;
type Dist = Json;

interface ParamSpec {
  id: string;
  label: string;
  unit: string;
  kind: string;
  value?: number;
  expression?: string;
  source: string;
  dist?: Dist;
  low?: number | undefined;
  high?: number | undefined;
  rangeSource?: string;
  timeUnit?: string;
}

function param(p: ParamSpec): Json {
  const out: Json = { id: p.id, label: p.label };
  if (p.expression !== undefined) out.expression = p.expression;
  else out.value = p.value;
  out.kind = p.kind;
  if (p.timeUnit) out.timeUnit = p.timeUnit;
  out.unit = p.unit;
  out.source = p.source;
  if (p.dist || p.low !== undefined) {
    const u: Json = {};
    if (p.dist) u.distribution = p.dist;
    if (p.low !== undefined) u.low = p.low;
    if (p.high !== undefined) u.high = p.high;
    if (p.rangeSource) u.source = p.rangeSource;
    out.uncertainty = u;
  }
  return out;
}

const beta = (mean: number, se: number): Dist => ({ type: 'beta', mean, se });
const gamma = (mean: number, se: number): Dist => ({ type: 'gamma', mean, se });
const lognormal = (mean: number, se: number): Dist => ({ type: 'lognormal', mean, se });
const truncNormal = (mean: number, sd: number, lower: number, upper: number): Dist => ({ type: 'normal', mean, sd, lower, upper });
/** Standard error of a proportion from its 95% confidence interval (normal approximation). */
const seFromCi = (lo: number, hi: number): number => +((hi - lo) / 3.92).toPrecision(4);
const pct = (p: number): string => `${(100 * p).toFixed(1)}%`;

// ---------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------

const PREVALENCE_REVIEWS = 'Int J Mol Sci 2021;22(2):612 Table 1 (PMC7827915); Exploration of Targeted Anti-tumor Therapy art. 1002244 Table 2 (DOMAIN-NOTES 3.3 A)';

function prevalenceParameters(): Json[] {
  const prev = (id: string, label: string, value: number, range: [number, number], source: string): Json =>
    param({ id, label, unit: 'share of tested patients', kind: 'proportion', value, source, dist: beta(value, seFromCi(range[0], range[1])), low: range[0], high: range[1], rangeSource: 'Range: the published range' });
  return [
    prev('p_egfr', 'EGFR sensitising mutation', 0.13, [0.1, 0.16], `Derived: midpoint of EGFR 10–16% in Western populations (${PREVALENCE_REVIEWS})`),
    prev('p_alk', 'ALK fusion', 0.045, [0.04, 0.05], `Derived: midpoint of ALK 4–5% (${PREVALENCE_REVIEWS})`),
    prev('p_ros1', 'ROS1 fusion', 0.015, [0.01, 0.02], `Derived: midpoint of ROS1 1–2% (${PREVALENCE_REVIEWS})`),
    prev('p_braf', 'BRAF V600 mutation', 0.015, [0.01, 0.02], `Derived: midpoint of BRAF V600 1–2% (${PREVALENCE_REVIEWS})`),
    prev('p_ret', 'RET fusion', 0.03, [0.02, 0.04], `Derived: midpoint of RET 2–4% (${PREVALENCE_REVIEWS})`),
    prev('p_met', 'MET exon 14 skipping', 0.025, [0.02, 0.03], `Derived: midpoint of MET exon 14 2–3% (${PREVALENCE_REVIEWS})`),
    param({ id: 'p_ntrk', label: 'NTRK1–3 fusion', unit: 'share of tested patients', kind: 'proportion', value: 0.002, source: `NTRK1–3 0.2% (Exploration of Targeted Anti-tumor Therapy art. 1002244 Table 2; DOMAIN-NOTES 3.3 A)`, dist: beta(0.002, 0.001), low: 0.001, high: 0.004, rangeSource: 'Range: assumption (half to twice the published 0.2%)' }),
    param({
      id: 'p_other',
      label: 'Other first-line actionable alteration (ROS1, BRAF V600, RET, MET exon 14, NTRK)',
      unit: 'share of tested patients',
      kind: 'proportion',
      expression: 'p_ros1 + p_braf + p_ret + p_met + p_ntrk',
      source: 'Derived: sum of the five groups. Assumption: all five have a first-line targeted therapy in Belgium (EU label lines not verified); KRAS G12C and HER2 (second-line targets) are counted with the patients without a first-line target',
    }),
  ];
}

const CHEN_SOURCE = 'Chen C, Douglas MP, Ragavan MV, Phillips KA, Jansen JP. medRxiv 2023.10.27.23297657: bivariate random-effects meta-analysis of 13 studies of plasma ctDNA NGS against tissue in advanced NSCLC, any driver (DOMAIN-NOTES 3.3 C)';

function accuracyParameters(alk: AccuracyMetaAnalysis): Json[] {
  const s = alk.sensitivity;
  return [
    // Drawn jointly (jointDistributions below), so no distribution of their own.
    param({ id: 'sens_plasma', label: 'Plasma NGS sensitivity, any driver (pooled)', unit: 'probability', kind: 'probability', value: CHEN.sensitivity[0], source: `${CHEN_SOURCE}: pooled sensitivity 0.69 (95% CI 0.63–0.74)`, low: CHEN.sensitivity[1], high: CHEN.sensitivity[2], rangeSource: 'Range: 95% CI' }),
    param({ id: 'spec_plasma', label: 'Plasma NGS specificity against tissue NGS (pooled)', unit: 'probability', kind: 'probability', value: CHEN.specificity[0], source: `${CHEN_SOURCE}: pooled specificity 0.99 (95% CI 0.97–1.00). Measured against tissue NGS, an imperfect reference: plasma-only findings counted as false positives may be true (NILE: PPV 100%, 34/34)`, low: CHEN.specificity[1], high: CHEN.specificity[2], rangeSource: 'Range: 95% CI' }),
    param({
      id: 'sens_plasma_egfr',
      label: 'Plasma NGS sensitivity, EGFR',
      unit: 'probability',
      kind: 'probability',
      expression: 'sens_plasma',
      source: 'The pooled any-driver value (Chen 2023; an EGFR-specific pooled value was not retrieved). NILE alone found 27 of 32 EGFR mutations (84%, Table 3), above the top of Chen’s by-gene range (KRAS 0.77): a scenario',
    }),
    param({
      id: 'sens_plasma_alk',
      label: 'Plasma NGS sensitivity, ALK fusions',
      unit: 'probability',
      kind: 'probability',
      value: s.estimate,
      source: `Meta-analysis of the example dossier’s ALK 2×2 tables, one per study (NILE, Leighl 2019 Table 3, reanalysis: 6 of 8; Cui 2017: 13 of 24): ${alk.methodLabel}${alk.model === 'univariate' ? ', univariate (2 studies)' : ''}: ${pct(s.estimate)} (95% CI ${pct(s.lower)}–${pct(s.upper)})`,
      dist: beta(+s.estimate.toFixed(6), seFromCi(s.lower, s.upper)),
      low: +s.lower.toFixed(4),
      high: +s.upper.toFixed(4),
      rangeSource: 'Range: 95% CI of the pooled estimate; distribution: a beta with its mean and standard error',
    }),
    param({
      id: 'sens_plasma_ros1',
      label: 'Plasma NGS sensitivity, ROS1 fusions',
      unit: 'probability',
      kind: 'probability',
      value: 0.29,
      source: 'Chen C et al. medRxiv 2023.10.27.23297657: sensitivity for ROS1 0.29 (95% CI 0.13–0.53), the lowest by gene (DOMAIN-NOTES 3.3 C)',
      dist: beta(0.29, seFromCi(0.13, 0.53)),
      low: 0.13,
      high: 0.53,
    }),
    param({
      id: 'sens_plasma_other',
      label: 'Plasma NGS sensitivity, other actionable group',
      unit: 'probability',
      kind: 'probability',
      expression: 'p_other > 0 ? (p_ros1 * sens_plasma_ros1 + (p_braf + p_ret + p_met + p_ntrk) * sens_plasma) / p_other : sens_plasma',
      source: 'Derived: gene-specific sensitivities weighted by the alteration mix: ROS1 0.29 (Chen 2023), the pooled value for BRAF, RET, MET exon 14 and NTRK (no gene-specific estimate retrieved)',
    }),
    param({ id: 'fail_plasma', label: 'Plasma NGS no-result rate', unit: 'probability', kind: 'probability', value: 0.03, source: 'Assumption: 3% of plasma NGS tests give no result (assay failure); non-shedding tumours are already counted as false negatives in the sensitivity', dist: beta(0.03, 0.01786), low: 0.01, high: 0.08 }),
    param({ id: 'sens_tissue', label: 'Tissue NGS sensitivity', unit: 'probability', kind: 'probability', value: 0.95, source: 'Assumption: tissue NGS is the reference standard of the accuracy studies; 5% of alterations missed (low tumour content, incomplete panels) is assumed', dist: beta(0.95, 0.02551), low: 0.9, high: 1 }),
    param({ id: 'spec_tissue', label: 'Tissue NGS specificity', unit: 'probability', kind: 'probability', value: 0.99, source: 'Assumption: 0.99, as plasma NGS in Chen 2023', dist: beta(0.99, 0.00765), low: 0.97, high: 1 }),
    param({ id: 'fail_tissue', label: 'No tissue NGS result on the diagnostic sample', unit: 'probability', kind: 'probability', value: 0.244, source: 'Derived from Patel YP et al. Curr Oncol 2021;28(6):5278–94: insufficient tissue 10% + insufficient DNA 16% of the rest = 0.10 + 0.16 × 0.90 = 0.244 (derivation, not a published figure; DOMAIN-NOTES 3.4)', dist: beta(0.244, 0.10459), low: 0.1, high: 0.51, rangeSource: 'Low 0.10: insufficient tissue alone (Patel 2021); high 0.51: tissue NGS successful in 49% (Thompson JC et al. Clin Cancer Res 2016)' }),
    param({
      id: 'rr_plasma_miss_tissue_fail',
      label: 'Dependence: relative risk of a plasma miss when tissue gives no result',
      unit: 'relative risk',
      kind: 'relative-risk',
      value: 1,
      source: 'Assumption: 1 = plasma misses and tissue failures independent given the alteration (conditional independence, the usual assumption). Direction of a dependence: patients without detectable ctDNA more often have small-volume disease (PMC5341844), which also yields less tissue; scenario 2',
      low: 1,
      high: 2,
      rangeSource: 'Range: assumption (1 = independence, 2 = plasma misses twice as likely among tissue failures)',
    }),
  ];
}

function timeParameters(): Json[] {
  return [
    param({ id: 'tat_plasma', label: 'Plasma NGS turnaround', unit: 'days', kind: 'time', value: 9, source: 'NILE (Leighl NB et al. Clin Cancer Res 2019;25(15):4691): median cfDNA turnaround 9 days; LEMA cfDNA-first throughput 9 days (DOMAIN-NOTES 3.3 E)', dist: gamma(9, 1.78571), low: 7, high: 14, rangeSource: 'Range: assumption (7 to 14 days)' }),
    param({ id: 'tat_tissue', label: 'Tissue NGS turnaround from the diagnostic biopsy', unit: 'days', kind: 'time', value: 15, source: 'NILE (Leighl 2019): median tissue turnaround 15 days (DOMAIN-NOTES 3.3 E)', dist: gamma(15, 2.04082), low: 12, high: 20, rangeSource: 'High 20 days: LEMA tissue-only diagnostic throughput (Koole SN et al.); low: assumption' }),
    param({
      id: 'delay_tissue_after_plasma',
      label: 'Extra wait for tissue NGS after a plasma result without a target',
      unit: 'days',
      kind: 'time',
      value: 0,
      source: 'Assumption: the diagnostic biopsy is taken and processed anyway (histology), so a tissue NGS requested on a plasma result without a target arrives when it would have in tissue-only testing (day 15); LEMA found cfDNA-first faster than tissue-only (9 vs 20 days) and NILE 9 vs 15 days. Scenario: tissue NGS started only after the plasma result (+9 days)',
      low: 0,
      high: 9,
      rangeSource: 'Range: 0 (block in the laboratory) to the plasma turnaround (tissue work-up started after the plasma result)',
    }),
    param({ id: 'delay_rebiopsy', label: 'Time to re-biopsy', unit: 'days', kind: 'time', value: 14, source: 'Assumption: 14 days to schedule and perform a CT-guided re-biopsy before the tissue NGS turnaround starts', dist: gamma(14, 5.35714), low: 7, high: 28 }),
    param({ id: 'u_waiting', label: 'Utility while awaiting treatment', unit: 'utility (per year)', kind: 'utility', value: 0.653, source: 'Nafees B et al. HQLO 2008;6:84: stable metastatic NSCLC 0.653 (UK societal standard gamble); applied while awaiting first-line treatment (assumption), never above the utility of the treatment arm', dist: beta(0.653, 0.06046), low: 0.473, high: 0.71, rangeSource: 'Low 0.473: Nafees progressive; high 0.71: Chouaid PF 1L' }),
    param({
      id: 'mu_waiting',
      label: 'Excess death rate while awaiting treatment',
      unit: 'deaths per person-year',
      kind: 'rate',
      timeUnit: 'year',
      value: 0,
      source: 'Assumption: no excess mortality while waiting days to weeks for a result (no source retrieved quantifies it; survival is measured from diagnosis, so the wait is already inside the survival curves). Scenario: 0.5 per year (about 2–3% over a 3–4 week work-up), the earlier example’s unsourced value',
      low: 0,
      high: 0.5,
      rangeSource: 'Range: 0 to 0.5 per year (assumption)',
    }),
  ];
}

function procedureParameters(): Json[] {
  return [
    param({ id: 'p_rebiopsy', label: 'Re-biopsy uptake', unit: 'share of patients without a result', kind: 'probability', value: 0.5, source: 'Assumption: half of the patients without a molecular result are fit for and accept a re-biopsy (a key ICER driver, value not retrieved: Singapore 2024, Lung Cancer 191:107794)', dist: beta(0.5, 0.12755), low: 0.3, high: 0.8 }),
    param({ id: 'fail_rebiopsy', label: 'No NGS result after re-biopsy', unit: 'probability', kind: 'probability', value: 0.1, source: 'Patel 2021: insufficient tissue ≈10% (DOMAIN-NOTES 3.3 D)', dist: beta(0.1, 0.03827), low: 0.05, high: 0.2, rangeSource: 'High 0.20: biopsies inadequate for molecular testing 10–20% (cancernetwork review); low: assumption' }),
    param({ id: 'p_pneumothorax', label: 'Pneumothorax after re-biopsy', unit: 'per re-biopsy', kind: 'probability', value: 0.259, source: 'Meta-analysis of CT-guided transthoracic biopsy, 36 studies, 23,104 patients (PMC7362905): pneumothorax 25.9% (DOMAIN-NOTES 3.3 D)', dist: beta(0.259, 0.03827), low: 0.15, high: 0.3, rangeSource: 'Low 0.15: Clin Pulm Med 2013;20(1):29–35 (15–25%); high: assumption' }),
    param({ id: 'p_drain', label: 'Pneumothorax needing a chest drain', unit: 'per re-biopsy', kind: 'probability', value: 0.069, source: 'Same meta-analysis (PMC7362905): chest drain 6.9% (a subset of the pneumothoraces)', dist: beta(0.069, 0.01531), low: 0.04, high: 0.1, rangeSource: 'Low 0.04: Clin Pulm Med 2013 (chest tube 4–6%); high: assumption' }),
    param({ id: 'c_tissue_ngs', label: 'Tissue NGS cost', unit: 'EUR per test', kind: 'cost', value: 660, source: 'Italy, full cost per NSCLC tissue sample EUR 659.77 (Pathologica 2023, 4 units), used as a proxy: Belgian RIZIV/INAMI NGS tariff not retrieved (DOMAIN-NOTES 3.3 F)', dist: gamma(660, 153.06122), low: 400, high: 1000, rangeSource: 'Range: assumption' }),
    param({ id: 'c_plasma_ngs', label: 'Plasma NGS cost', unit: 'EUR per test', kind: 'cost', value: 1000, source: 'Assumption: EUR 1,000 per plasma NGS test, close to the Dutch LEMA per-patient difference cfDNA-first minus tissue-only (EUR 3,218 − 2,304 = 914; Koole SN et al.); Belgian tariff not retrieved', dist: gamma(1000, 229.59184), low: 600, high: 1500 }),
    param({ id: 'c_rebiopsy', label: 'Re-biopsy cost', unit: 'EUR per procedure', kind: 'cost', value: 2000, source: 'Assumption: EUR 2,000 per CT-guided re-biopsy (Ontario tissue biopsy about CAD 2,500, OHTAS 2020); Belgian DRG cost not retrieved', dist: gamma(2000, 459.18367), low: 1200, high: 3000 }),
    param({ id: 'c_ptx_observed', label: 'Pneumothorax without drain: cost', unit: 'EUR per event', kind: 'cost', value: 300, source: 'Assumption: EUR 300 per pneumothorax managed by observation (extra imaging, observation stay)', dist: gamma(300, 127.55102), low: 100, high: 600 }),
    param({ id: 'c_drain', label: 'Chest drain: cost', unit: 'EUR per event', kind: 'cost', value: 3000, source: 'Assumption: EUR 3,000 per pneumothorax needing a chest drain (admission)', dist: gamma(3000, 892.85714), low: 1500, high: 5000 }),
    param({ id: 'dq_ptx_observed', label: 'Pneumothorax without drain: QALY loss', unit: 'QALYs lost per event', kind: 'utility', value: 0.002, source: 'Assumption: utility loss 0.1 for one week (0.1 × 7/365 ≈ 0.002 QALY)', dist: gamma(0.002, 0.00128), low: 0, high: 0.005 }),
    param({ id: 'dq_drain', label: 'Chest drain: QALY loss', unit: 'QALYs lost per event', kind: 'utility', value: 0.008, source: 'Assumption: utility loss 0.2 for two weeks (0.2 × 14/365 ≈ 0.008 QALY)', dist: gamma(0.008, 0.00332), low: 0.002, high: 0.015 }),
  ];
}

/**
 * Survival by alteration and arm. Where a trial gives a median and a landmark survival, OS is a log-logistic
 * curve through both points, solved exactly (scale = median; shape = ln(1/S(t) − 1) / ln(t / median)); PFS,
 * where only a median was retrieved, is exponential through it (rate = ln 2 / median). The log-logistic was
 * chosen over the Weibull through the same two points because it reproduces a third published point better
 * (KEYNOTE-189 12-month OS 69.2%: 70.3% vs 66.2%) and never falls below an exponential PFS (no crossing).
 */
function survivalParameters(): Json[] {
  const median = (id: string, label: string, value: number, source: string, dist: Dist, low: number, high: number, rangeSource: string): Json =>
    param({ id, label, unit: 'months', kind: 'time', value, source, dist, low, high, rangeSource });
  const landmark = (id: string, label: string, value: number, source: string, dist: Dist, low: number, high: number, rangeSource: string): Json =>
    param({ id, label, unit: 'probability', kind: 'probability', value, source, dist, low, high, rangeSource });
  return [
    // EGFR: FLAURA, osimertinib.
    median('m_pfs_tki', 'Median PFS, EGFR-targeted therapy (osimertinib)', 18.9, 'FLAURA, osimertinib: median PFS 18.9 months (Soria JC et al. NEJM 2018;378:113–25; DOMAIN-NOTES 3.3 G); exponential through the median (no PFS landmark retrieved)', lognormal(18.9, 1.58), 16, 22, 'Range: assumption ±15%'),
    median('m_os_tki', 'Median OS, EGFR-targeted therapy (osimertinib)', 38.6, 'FLAURA, osimertinib: median OS 38.6 months (95% CI 34.5–41.8) (Ramalingam SS et al. NEJM 2020;382:41–50)', lognormal(38.6, seFromCi(34.5, 41.8)), 34.5, 41.8, 'Range: 95% CI'),
    landmark('s24_os_tki', '24-month OS, EGFR-targeted therapy (osimertinib)', 0.74, '[S] FLAURA final OS (ESMO 2019, LBA5_PR, reported by BTOG): 24-month OS 74% with osimertinib; check: the curve gives 53.8% at 36 months, reported 54% (ESMO 2019 report, Medicom)', truncNormal(0.74, 0.026, 0.505, 0.99), 0.69, 0.79, 'Range: assumption (± 2 binomial standard errors, n = 279); truncated above 0.5 so the curve keeps its median after 24 months'),
    // ALK: ALEX, alectinib.
    median('m_pfs_alk', 'Median PFS, ALK-targeted therapy (alectinib)', 34.8, 'ALEX, alectinib: investigator-assessed median PFS 34.8 months (Mok T et al. Ann Oncol 2020;31(8):1056–64); exponential through the median', lognormal(34.8, 2.9), 29.6, 40, 'Range: assumption ±15%'),
    median('m_os_alk', 'Median OS, ALK-targeted therapy (alectinib)', 81.1, 'ALEX final OS, alectinib: median 81.1 months (Peters S et al. Ann Oncol 2025; DOMAIN-NOTES 3.3 G)', truncNormal(81.1, 6, 61, 120), 70, 93, 'Range: assumption (CI not retrieved); truncated above 60 months, where the 5-year point lies'),
    landmark('s60_os_alk', '5-year OS, ALK-targeted therapy (alectinib)', 0.625, 'ALEX, alectinib: 5-year OS 62.5% (95% CI 54.3–70.8) (Mok T et al. Ann Oncol 2020)', truncNormal(0.625, seFromCi(0.543, 0.708), 0.505, 0.99), 0.543, 0.708, 'Range: 95% CI; truncated above 0.5 (the median lies beyond 60 months)'),
    // No first-line actionable alteration: KEYNOTE-189.
    median('m_pfs_cio', 'Median PFS, chemo-immunotherapy', 9.0, 'KEYNOTE-189, pembrolizumab + pemetrexed-platinum: median PFS 9.0 months (95% CI 8.1–10.4) (Garassino MC et al. JCO 2023;41(11):1992–98; Gadgeel 2020: 9.0); exponential through the median', lognormal(9.0, seFromCi(8.1, 10.4)), 8.1, 10.4, 'Range: 95% CI'),
    median('m_os_cio', 'Median OS, chemo-immunotherapy', 22.0, 'KEYNOTE-189: median OS 22.0 months (95% CI 19.5–24.5) (Garassino 2023)', lognormal(22.0, seFromCi(19.5, 24.5)), 19.5, 24.5, 'Range: 95% CI'),
    landmark('s60_os_cio', '5-year OS, chemo-immunotherapy', 0.194, 'KEYNOTE-189: 5-year OS 19.4% (Garassino 2023); check: the curve gives 70.3% at 12 months, reported 69.2% (Gandhi L et al. NEJM 2018)', beta(0.194, 0.0195), 0.155, 0.233, 'Range: assumption (± 2 binomial standard errors, n = 410)'),
    // Missed actionable alterations treated with chemo-immunotherapy: IMMUNOTARGET.
    median('m_pfs_missed_egfr', 'Median PFS, EGFR-positive on immunotherapy', 2.1, 'IMMUNOTARGET (Mazieres J et al. Ann Oncol 2019; 551 patients with a driver treated with an immune checkpoint inhibitor): median PFS 2.1 months for EGFR; exponential through the median. Assumption: first-line chemo-immunotherapy in a missed EGFR mutation does as poorly as immunotherapy in IMMUNOTARGET', lognormal(2.1, 0.21), 1.7, 2.5, 'Range: assumption ±20%'),
    median('m_pfs_missed_alk', 'Median PFS, ALK-positive on immunotherapy', 2.5, 'IMMUNOTARGET (Mazieres 2019): median PFS 2.5 months for ALK (assumption as for EGFR)', lognormal(2.5, 0.25), 2.0, 3.0, 'Range: assumption ±20%'),
    median('m_pfs_missed_other', 'Median PFS, other driver on immunotherapy', 2.8, 'IMMUNOTARGET (Mazieres 2019): median PFS 2.8 months in the whole cohort (BRAF 3.1, RET 2.1, MET 3.4; ROS1 not reported)', lognormal(2.8, 0.28), 2.2, 3.4, 'Range: BRAF … MET medians (RET 2.1 lower)'),
    median('m_os_missed', 'Median OS, driver-positive on immunotherapy', 13.3, 'IMMUNOTARGET (Mazieres 2019): median OS 13.3 months from the start of immunotherapy, whole cohort (by-driver OS not in the abstract); exponential through the median. Assumption: applies to every missed actionable group', lognormal(13.3, 1.33), 10.6, 16, 'Range: assumption ±20%'),
    // Wrongly given targeted therapy: chemotherapy-alone outcomes.
    median('m_pfs_fp', 'Median PFS, targeted therapy without a target', 4.9, 'Assumption: patients wrongly given targeted therapy (false positives) fare like the KEYNOTE-189 placebo + pemetrexed-platinum arm: median PFS 4.9 months (95% CI 4.7–5.5) (Garassino 2023)', lognormal(4.9, seFromCi(4.7, 5.5)), 4.7, 5.5, 'Range: 95% CI'),
    median('m_os_fp', 'Median OS, targeted therapy without a target', 10.6, 'Assumption: as above; KEYNOTE-189 placebo-combination arm median OS 10.6 months (95% CI 8.7–13.6) (Garassino 2023)', lognormal(10.6, seFromCi(8.7, 13.6)), 8.7, 13.6, 'Range: 95% CI'),
    landmark('s60_os_fp', '5-year OS, targeted therapy without a target', 0.113, 'Assumption: as above; KEYNOTE-189 placebo-combination arm 5-year OS 11.3% (Garassino 2023; 57% crossed over to immunotherapy)', beta(0.113, 0.022), 0.07, 0.157, 'Range: assumption (± 2 binomial standard errors, n = 206)'),
  ];
}

function costAndUtilityParameters(): Json[] {
  return [
    param({ id: 'c_tki_month', label: 'Targeted therapy cost', unit: 'EUR per month', kind: 'cost', value: 5000, source: 'Assumption: EUR 5,000 per month of a first-line tyrosine kinase inhibitor until progression, the same for every target (Belgian prices not retrieved)', dist: gamma(5000, 1020.40816), low: 3000, high: 7000 }),
    param({ id: 'c_cio_month', label: 'Chemo-immunotherapy cost', unit: 'EUR per month', kind: 'cost', value: 7000, source: 'Assumption: EUR 7,000 per month of pembrolizumab + pemetrexed-platinum, at most 2 years of pembrolizumab as in KEYNOTE-189 (Belgian prices not retrieved)', dist: gamma(7000, 1020.40816), low: 5000, high: 9000 }),
    param({ id: 'c_maint_month', label: 'Maintenance after 2 years: cost', unit: 'EUR per month', kind: 'cost', value: 1500, source: 'Assumption: EUR 1,500 per month of pemetrexed maintenance after 2 years of pembrolizumab', dist: gamma(1500, 433.67347), low: 800, high: 2500 }),
    param({ id: 'c_pd_month', label: 'Progressed disease cost', unit: 'EUR per month', kind: 'cost', value: 3000, source: 'Assumption: EUR 3,000 per month after progression (later lines and supportive care)', dist: gamma(3000, 765.30612), low: 1500, high: 4500 }),
    param({ id: 'c_monitor_pf', label: 'Monitoring, progression-free', unit: 'EUR per month', kind: 'cost', value: 400, source: 'Assumption: EUR 400 per month of monitoring while progression-free', dist: gamma(400, 102.04082), low: 200, high: 600 }),
    param({ id: 'c_monitor_pd', label: 'Care, progressed', unit: 'EUR per month', kind: 'cost', value: 300, source: 'Assumption: EUR 300 per month of care after progression, besides treatment', dist: gamma(300, 76.53061), low: 150, high: 450 }),
    param({ id: 'u_pf_tki', label: 'Utility, progression-free on EGFR (or other) targeted therapy', unit: 'utility (per year)', kind: 'utility', value: 0.81, source: 'Labbé C et al. Clin Lung Cancer 2017 (EQ-5D-3L, n = 475): stable on TKI, EGFR 0.81 (DOMAIN-NOTES 3.3 H); other targets: assumption, as EGFR', dist: beta(0.81, 0.0523), low: 0.653, high: 0.858, rangeSource: 'Low 0.653: Nafees stable; high 0.858: ALK+ on TKIs (PMID 33380870)' }),
    param({ id: 'u_pd_tki', label: 'Utility, progressed after EGFR (or other) targeted therapy', unit: 'utility (per year)', kind: 'utility', value: 0.7, source: 'Labbé 2017: progressing, EGFR 0.70', dist: beta(0.7, 0.07602), low: 0.473, high: 0.771, rangeSource: 'Low 0.473: Nafees progressive; high 0.771: EGFRm real world PD' }),
    param({ id: 'u_pf_alk', label: 'Utility, progression-free on ALK-targeted therapy', unit: 'utility (per year)', kind: 'utility', value: 0.82, source: 'Labbé 2017: stable on TKI, ALK 0.82', dist: beta(0.82, 0.05), low: 0.72, high: 0.858, rangeSource: 'Range: assumption; high 0.858: ALK+ on TKIs (PMID 33380870)' }),
    param({ id: 'u_pd_alk', label: 'Utility, progressed after ALK-targeted therapy', unit: 'utility (per year)', kind: 'utility', value: 0.69, source: 'Labbé 2017: progressing, ALK 0.69', dist: beta(0.69, 0.07), low: 0.55, high: 0.79, rangeSource: 'Range: assumption; ALK progression decrement 0.065 (PMID 33380870)' }),
    param({ id: 'u_pf_cio', label: 'Utility, progression-free on chemo-immunotherapy', unit: 'utility (per year)', kind: 'utility', value: 0.71, source: 'Chouaid C et al. (EQ-5D, 25 hospitals, n = 263): progression-free first line 0.71', dist: beta(0.71, 0.0324), low: 0.653, high: 0.78, rangeSource: 'Low 0.653: Nafees stable; high 0.78: Labbé wild-type stable' }),
    param({ id: 'u_pd_cio', label: 'Utility, progressed after chemo-immunotherapy', unit: 'utility (per year)', kind: 'utility', value: 0.67, source: 'Chouaid C et al.: progressed first line 0.67', dist: beta(0.67, 0.05791), low: 0.473, high: 0.7, rangeSource: 'Low 0.473: Nafees progressive; high 0.70: Labbé EGFR progressing' }),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Sub-models: partitioned survival by alteration group and arm
// ---------------------------------------------------------------------------------------------------------

const exponential = (median: string, label: string): Json => ({ dist: 'exponential', rate: `log(2) / ${median}`, timeUnit: 'month', label });
const logLogistic = (median: string, landmark: string, months: number, label: string): Json => ({
  dist: 'log-logistic',
  shape: `log(1 / ${landmark} - 1) / log(${months} / ${median})`,
  scale: median,
  timeUnit: 'month',
  label,
});

const targetedValues = (pf: string, pd: string): Json => ({
  PF: { costs: { drug: 'c_tki_month', care: 'c_monitor_pf' }, utility: pf },
  PD: { costs: { drug: 'c_pd_month', care: 'c_monitor_pd' }, utility: pd },
  Dead: { utility: 0 },
});
const chemoIoValues: Json = {
  PF: { costs: { drug: 'if(time < 2, c_cio_month, c_maint_month)', care: 'c_monitor_pf' }, utility: 'u_pf_cio' },
  PD: { costs: { drug: 'c_pd_month', care: 'c_monitor_pd' }, utility: 'u_pd_cio' },
  Dead: { utility: 0 },
};

function psm(pfs: Json, os: Json, stateValues: Json): Json {
  return { type: 'psm', curves: { pfs, os }, pfs: 'pfs', os: 'os', stateValues };
}

function submodels(): Json {
  const flauraOs = logLogistic('m_os_tki', 's24_os_tki', 24, 'log-logistic through the median (38.6 months) and 24-month OS (74%)');
  const missedOs = exponential('m_os_missed', 'exponential through the median (13.3 months)');
  return {
    targeted_egfr: psm(exponential('m_pfs_tki', 'exponential through the median (18.9 months)'), flauraOs, targetedValues('u_pf_tki', 'u_pd_tki')),
    targeted_alk: psm(exponential('m_pfs_alk', 'exponential through the median (34.8 months)'), logLogistic('m_os_alk', 's60_os_alk', 60, 'log-logistic through the median (81.1 months) and 5-year OS (62.5%)'), targetedValues('u_pf_alk', 'u_pd_alk')),
    // Assumption (stated in the notes): the other first-line targets fare as EGFR with osimertinib.
    targeted_other: psm(exponential('m_pfs_tki', 'FLAURA PFS (assumption for the other targets)'), flauraOs, targetedValues('u_pf_tki', 'u_pd_tki')),
    chemo_io: psm(exponential('m_pfs_cio', 'exponential through the median (9.0 months)'), logLogistic('m_os_cio', 's60_os_cio', 60, 'log-logistic through the median (22.0 months) and 5-year OS (19.4%)'), chemoIoValues),
    missed_egfr: psm(exponential('m_pfs_missed_egfr', 'exponential through the median (2.1 months)'), missedOs, chemoIoValues),
    missed_alk: psm(exponential('m_pfs_missed_alk', 'exponential through the median (2.5 months)'), missedOs, chemoIoValues),
    missed_other: psm(exponential('m_pfs_missed_other', 'exponential through the median (2.8 months)'), missedOs, chemoIoValues),
    targeted_no_target: psm(exponential('m_pfs_fp', 'exponential through the median (4.9 months)'), logLogistic('m_os_fp', 's60_os_fp', 60, 'log-logistic through the median (10.6 months) and 5-year OS (11.3%)'), { ...targetedValues('u_pf_cio', 'u_pd_cio') }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Tests and strategies
// ---------------------------------------------------------------------------------------------------------

function tests(): Json[] {
  return [
    { id: 'plasma_ngs', label: 'Plasma ctDNA NGS', sensitivity: 'sens_plasma', specificity: 'spec_plasma', noResult: 'fail_plasma', costs: { test: 'c_plasma_ngs' }, turnaround: 'tat_plasma', ruleOut: false },
    { id: 'tissue_ngs', label: 'Tissue NGS on the diagnostic biopsy', sensitivity: 'sens_tissue', specificity: 'spec_tissue', noResult: 'fail_tissue', costs: { test: 'c_tissue_ngs' }, turnaround: 'tat_tissue' },
    {
      id: 'rebiopsy_ngs',
      label: 'CT-guided re-biopsy + tissue NGS',
      sensitivity: 'sens_tissue',
      specificity: 'spec_tissue',
      noResult: 'fail_rebiopsy',
      costs: { procedure: 'c_rebiopsy', test: 'c_tissue_ngs' },
      turnaround: 'delay_rebiopsy + tat_tissue',
      adverseEvents: [
        { id: 'pneumothorax_observed', label: 'Pneumothorax, observation', probability: 'p_pneumothorax - p_drain', costs: { adverse_events: 'c_ptx_observed' }, qalys: '-dq_ptx_observed' },
        { id: 'chest_drain', label: 'Pneumothorax with chest drain', probability: 'p_drain', costs: { adverse_events: 'c_drain' }, qalys: '-dq_drain' },
      ],
    },
  ];
}

export const STRATEGIES = [
  { id: 'tissue_only', label: 'Tissue-only NGS' },
  { id: 'tissue_first_plasma_rescue', label: 'Tissue-first NGS, plasma NGS if tissue gives no result' },
  { id: 'plasma_first', label: 'Plasma-first NGS, tissue NGS if plasma finds no target or gives no result' },
  { id: 'concurrent', label: 'Concurrent plasma + tissue NGS' },
] as const;
export type StrategyId = (typeof STRATEGIES)[number]['id'];

interface Group {
  id: 'egfr' | 'alk' | 'other' | 'none';
  label: string;
  probability: string;
  /** Plasma sensitivity in this group; null: no alteration (only specificity matters). */
  sensitivity: string | null;
  targeted: string;
  missed: string;
}

const GROUPS: Group[] = [
  { id: 'egfr', label: 'EGFR', probability: 'p_egfr', sensitivity: 'sens_plasma_egfr', targeted: 'targeted_egfr', missed: 'missed_egfr' },
  { id: 'alk', label: 'ALK', probability: 'p_alk', sensitivity: 'sens_plasma_alk', targeted: 'targeted_alk', missed: 'missed_alk' },
  { id: 'other', label: 'Other actionable', probability: 'p_other', sensitivity: 'sens_plasma_other', targeted: 'targeted_other', missed: 'missed_other' },
  { id: 'none', label: 'No first-line target', probability: 'C', sensitivity: null, targeted: 'targeted_no_target', missed: 'chemo_io' },
];

const REBIOPSY_STEP = { tests: ['rebiopsy_ngs'], when: ['no-result'], uptake: 'p_rebiopsy', label: 're-biopsy' };
/** Tissue failure among patients with the alteration whose plasma result has no target (dependence). */
const TISSUE_FAIL_AFTER_PLASMA_MISS = 'min(1, fail_tissue * rr_plasma_miss_tissue_fail)';

function steps(strategy: StrategyId, group: Group): Json[] {
  const actionable = group.sensitivity !== null;
  switch (strategy) {
    case 'tissue_only':
      return [{ tests: ['tissue_ngs'] }, REBIOPSY_STEP];
    case 'tissue_first_plasma_rescue':
      return [
        { tests: ['tissue_ngs'] },
        {
          tests: ['plasma_ngs'],
          when: ['no-result'],
          label: 'plasma NGS if tissue gives no result',
          ...(actionable ? { overrides: { plasma_ngs: { sensitivity: `1 - min(1, (1 - ${group.sensitivity}) * rr_plasma_miss_tissue_fail)` } } } : {}),
        },
        REBIOPSY_STEP,
      ];
    case 'plasma_first':
      return [
        { tests: ['plasma_ngs'] },
        {
          tests: ['tissue_ngs'],
          when: ['no-result'],
          label: 'tissue NGS if plasma finds no target or gives no result',
          overrides: {
            tissue_ngs: {
              turnaround: 'max(tat_tissue - tat_plasma, 0) + delay_tissue_after_plasma',
              ...(actionable ? { noResult: TISSUE_FAIL_AFTER_PLASMA_MISS } : {}),
            },
          },
        },
        REBIOPSY_STEP,
      ];
    case 'concurrent':
      return [{ tests: ['plasma_ngs', 'tissue_ngs'], ...(actionable ? { overrides: { tissue_ngs: { noResult: TISSUE_FAIL_AFTER_PLASMA_MISS } } } : {}) }, REBIOPSY_STEP];
  }
}

function outcomes(group: Group): Json {
  const terminal = (id: string, submodel: string, count: string[]): Json => ({ kind: 'terminal', id, submodel, count });
  const targeted = terminal('matched_targeted_therapy', group.targeted, ['matched_targeted_therapy', `targeted_${group.id}`]);
  if (group.sensitivity === null) {
    // No alteration: only specificity matters; a positive is a false positive.
    const wrong = terminal('targeted_without_target', 'targeted_no_target', ['targeted_without_target']);
    const chemo = terminal('chemo_io', 'chemo_io', ['chemo_immunotherapy']);
    return { truePositive: wrong, falsePositive: wrong, falseNegative: chemo, trueNegative: chemo, noResult: terminal('no_result_chemo_io', 'chemo_io', ['chemo_immunotherapy']) };
  }
  const missed = terminal('missed_chemo_io', group.missed, ['chemo_immunotherapy', 'missed_actionable']);
  return { truePositive: targeted, falsePositive: targeted, falseNegative: missed, trueNegative: missed, noResult: terminal('no_result_chemo_io', group.missed, ['chemo_immunotherapy', 'missed_actionable']) };
}

function strategyBranch(strategy: (typeof STRATEGIES)[number]): Json {
  return {
    id: strategy.id,
    label: strategy.label,
    kind: 'chance',
    branches: GROUPS.map((g) => ({
      id: `${strategy.id}_${g.id}`,
      label: g.label,
      kind: 'diagnostic',
      probability: g.probability,
      // Each group's construct holds patients who all have (prevalence 1) or all lack (0) a first-line target.
      prevalence: g.sensitivity === null ? 0 : 1,
      ...(g.sensitivity !== null ? { overrides: { plasma_ngs: { sensitivity: g.sensitivity } } } : {}),
      steps: steps(strategy.id, g),
      outcomes: outcomes(g),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios and the Belgian budget impact
// ---------------------------------------------------------------------------------------------------------

function scenarios(): Json[] {
  return [
    { id: 'waiting_mortality', label: 'Excess mortality while waiting 0.5 per year', description: 'Assumption (the earlier example’s value): the only way a slower strategy loses life-years in this model.', parameters: { mu_waiting: 0.5 } },
    { id: 'dependent_misses', label: 'Plasma misses twice as likely when tissue fails', description: 'Dependence between tests: relative risk 2 of a plasma miss among tissue failures (base case: conditional independence).', parameters: { rr_plasma_miss_tissue_fail: 2 } },
    { id: 'missed_like_keynote189', label: 'Missed actionable patients fare like KEYNOTE-189', description: 'The earlier example’s assumption: missed EGFR/ALK/other patients get the medians of chemo-immunotherapy in driver-negative disease (PFS 9.0, OS 22.0 months) instead of IMMUNOTARGET’s.', parameters: { m_pfs_missed_egfr: 'm_pfs_cio', m_pfs_missed_alk: 'm_pfs_cio', m_pfs_missed_other: 'm_pfs_cio', m_os_missed: 'm_os_cio' } },
    { id: 'nile_egfr_sensitivity', label: 'EGFR plasma sensitivity 84% (NILE)', description: 'NILE alone: 27 of 32 tissue EGFR mutations found in plasma (Table 3).', parameters: { sens_plasma_egfr: 0.84375 } },
    { id: 'tissue_after_plasma', label: 'Tissue NGS started only after the plasma result', description: 'Plasma-first patients without a target wait the plasma turnaround, then the full tissue turnaround (9 + 15 days).', parameters: { delay_tissue_after_plasma: 'tat_plasma' } },
    { id: 'poor_tissue', label: 'Tissue NGS gives no result in 51%', description: 'Thompson JC et al. Clin Cancer Res 2016: tissue NGS successful in 49% of 102 patients.', parameters: { fail_tissue: 0.51 } },
  ];
}

function budgetImpact(): Json {
  const countOutcomes = { tested: 1, identified: { modelCount: 'truePositive' }, targeted: { modelCount: 'matched_targeted_therapy' }, rebiopsied: { modelCount: 'test_rebiopsy_ngs' }, plasma_tests: { modelCount: 'test_plasma_ngs' } };
  return {
    label: 'Plasma ctDNA NGS in first-line genotyping of advanced non-squamous NSCLC, Belgium',
    description:
      'Five-year budget impact for the Belgian health-care payer, linked to this model: per-patient costs by year from the model’s undiscounted per-cycle costs, patient counts from its outcome counters. Incidence from the Belgian Cancer Registry (9,410 lung cancers in 2022); the shares down to patients genotyped are assumptions (the registry’s stage and histology shares were not retrieved). The test budget (category "test") is reported apart from the drug budget it triggers.',
    perspective: 'Health-care payer (federal government and patients), KCE Report 183C',
    startYear: 2027,
    horizonYears: 5,
    discountRate: 0,
    population: {
      country: 'Belgium',
      annualGrowth: { label: 'Growth of lung cancer counts per year', value: 0, source: 'Assumption: the 2022 count is held for 2027–2031; the registry’s all-cancer count rose 1.5% from 2022 to 2023 (76,220 → 77,344), the high value', low: 0, high: 0.015 },
      funnel: [
        { id: 'bia_lung_cancers', label: 'New lung cancers per year', value: 9410, source: 'Belgian Cancer Registry: 9,410 lung cancer diagnoses in 2022 (kankerregister.org; DOMAIN-NOTES 3.5)', low: 9000, high: 9800 },
        { id: 'bia_nsclc_share', label: 'Non-small-cell lung cancer', value: 0.85, source: 'NSCLC 85% of lung cancers (Seegobin K et al. Front Oncol 2021;11:750657, a review; not a Belgian figure)', low: 0.8, high: 0.88 },
        { id: 'bia_stage_iv_share', label: 'Stage IV (advanced) at diagnosis', value: 0.45, source: 'Assumption: 45% diagnosed at stage IV (Belgian Cancer Registry stage shares not retrieved)', low: 0.4, high: 0.55 },
        { id: 'bia_non_squamous_share', label: 'Non-squamous histology', value: 0.7, source: 'Assumption: 70% non-squamous (registry histology shares not retrieved)', low: 0.65, high: 0.75 },
        { id: 'bia_fit_for_therapy', label: 'Fit for first-line systemic therapy (eligible for genotyping)', value: 0.8, source: 'Assumption: 80%', low: 0.7, high: 0.9 },
        { id: 'bia_tested_share', label: 'Genotyped', value: 0.9, source: 'Assumption: 90% genotyped; the Belgian EGFR testing rate was 51% in 2011 (de Jager 2024, Table 3), assumed much higher since the RIZIV/INAMI NGS convention (2019–2024)', low: 0.75, high: 0.95 },
      ],
    },
    outcomes: [{ id: 'plasma_tests', label: 'Plasma NGS tests' }],
    strategies: STRATEGIES.map((s) => ({ id: s.id, label: s.label, modelStrategy: s.id, outcomes: countOutcomes })),
    currentWorld: {
      label: 'Current world (tissue genotyping)',
      shares: {
        tissue_only: 'rest',
        tissue_first_plasma_rescue: { shape: 'constant', value: 0.05, source: 'Assumption: 5% plasma rescue after tissue failure today (Belgian figure not retrieved)' },
        plasma_first: 0,
        concurrent: 0,
      },
    },
    newWorld: {
      label: 'New world (plasma NGS reimbursed for tissue-first rescue)',
      shares: {
        tissue_only: 'rest',
        tissue_first_plasma_rescue: { shape: 'linear', from: 0.3, to: 0.8, source: 'Assumption: uptake 30% in 2027 rising linearly to 80% in 2031', low: 0.6, high: 0.95 },
        plasma_first: 0,
        concurrent: 0,
      },
    },
    scenarios: [
      { id: 'plasma_first_instead', label: 'Plasma-first instead of tissue-first rescue', newWorld: { shares: { tissue_first_plasma_rescue: 0.05, plasma_first: { shape: 'linear', from: 0.25, to: 0.75 } } } },
      { id: 'concurrent_instead', label: 'Concurrent plasma + tissue instead of tissue-first rescue', newWorld: { shares: { tissue_first_plasma_rescue: 0.05, concurrent: { shape: 'linear', from: 0.25, to: 0.75 } } } },
      { id: 'registry_growth', label: 'Lung cancer counts grow 1.5% a year', values: { annual_growth: 0.015 } },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------------------

/** The meta-analysis (REML) of the example dossier's ALK 2×2 tables, one per study. */
export function pooledAlkAccuracy(): AccuracyMetaAnalysis {
  const evidence = exampleDossier().evidence.filter((e) => ALK_ACCURACY_EVIDENCE[e.id] !== undefined);
  const studies = evidence.flatMap((e) =>
    (e.twoByTwo ?? []).filter((t) => t.alteration === 'ALK').map((t) => ({ study: ALK_ACCURACY_EVIDENCE[e.id]!, tp: t.tp, fn: t.fn, tn: t.tn, fp: t.fp })),
  );
  return metaAnalyseAccuracy(studies, { method: 'reml' });
}

/**
 * Joint distribution of the any-driver sensitivity and specificity: bivariate normal on logits centred on Chen's
 * pooled values, standard deviations from the 95% CIs on the logit scale (specificity: from its lower bound, the
 * upper one being rounded to 1.00), correlation 0 (Chen does not report it).
 */
export function chenJointDistribution(): Json {
  const [se, seLo, seHi] = CHEN.sensitivity;
  const [sp, spLo] = CHEN.specificity;
  const sdSens = (logit(seHi) - logit(seLo)) / (2 * 1.959963984540054);
  const sdSpec = (logit(sp) - logit(spLo)) / 1.959963984540054;
  return {
    type: 'multivariate-normal',
    name: 'Plasma ctDNA NGS accuracy, any driver (Chen 2023)',
    parameters: ['sens_plasma', 'spec_plasma'],
    scale: ['logit', 'logit'],
    mean: [logit(se), logit(sp)],
    covariance: [
      [sdSens ** 2, 0],
      [0, sdSpec ** 2],
    ],
    source: 'Derived: Chen 2023 pooled sensitivity 0.69 (0.63–0.74) and specificity 0.99 (0.97–1.00) on the logit scale, standard deviations from the confidence intervals; correlation 0 (assumption: not reported)',
  };
}

/** The model file's JSON (as written to resources/examples/liquid-biopsy-nsclc.json). */
export function buildLiquidBiopsyModel(): Json {
  const draft: Json & { parameters: Json[] } = {
    $schema: '../schema/hta-model.schema.json',
    format: 'hta-workbench-model',
    version: 1,
    metadata: {
      title: 'Liquid biopsy (plasma ctDNA NGS) for first-line genotyping of advanced non-squamous NSCLC',
      description:
        'Decision tree of four genotyping strategies (tissue-only NGS; tissue-first NGS with plasma NGS when tissue gives no result; plasma-first NGS with tissue NGS when plasma finds no target or gives no result; concurrent plasma + tissue NGS), each with the same re-biopsy policy, for patients with an EGFR, ALK or other first-line-actionable alteration or none, feeding partitioned survival models by alteration and treatment: matched targeted therapy when found, chemo-immunotherapy otherwise (with immunotherapy outcomes in driver-positive disease when an alteration is missed). Survival is measured from diagnosis, so waiting for a result never adds life. Illustrative example for the HTA Workbench, Belgian settings (KCE discount rates); Belgian unit costs and prices were not retrieved and are stated assumptions (sources starting with "Assumption:"). Not for decision making.',
      authors: ['HTA Workbench example'],
      references: [
        'Leighl NB et al. (NILE). Clin Cancer Res 2019;25(15):4691 (Table 3: 2×2 tables by gene)',
        'Cui S et al. Oncotarget 2017;8:2771–80 (ALK in plasma by capture-based NGS)',
        'Chen C, Douglas MP, Ragavan MV, Phillips KA, Jansen JP. medRxiv 2023.10.27.23297657',
        'Koole SN et al. (LEMA), cell-free DNA at diagnosis for stage IV NSCLC',
        'Patel YP et al. Curr Oncol 2021;28(6):5278-94; Thompson JC et al. Clin Cancer Res 2016;22(23):5772-82',
        'Meta-analysis of CT-guided transthoracic biopsy complications, PMC7362905',
        'Soria JC et al. NEJM 2018;378:113-25; Ramalingam SS et al. NEJM 2020;382:41-50 (FLAURA)',
        'Mok T et al. Ann Oncol 2020;31(8):1056-64; Peters S et al. Ann Oncol 2025 (ALEX)',
        'Gandhi L et al. NEJM 2018; Gadgeel S et al. JCO 2020;38(14):1505-17; Garassino MC et al. JCO 2023;41(11):1992-98 (KEYNOTE-189)',
        'Mazieres J et al. Ann Oncol 2019 (IMMUNOTARGET)',
        'Labbé C et al. Clin Lung Cancer 2017; Nafees B et al. HQLO 2008;6:84; Chouaid C et al. (EQ-5D)',
        'Belgian Cancer Registry, incidence 2022 (kankerregister.org)',
        'Cleemput I et al. KCE Report 183C, 2012 (discounting 3% costs, 1.5% effects)',
      ],
      notes: [
        'Dossier: bundled example dossier "liquid-biopsy-nsclc" (src/dossier/examples/liquid-biopsy-nsclc.ts), model link "model-liquid-biopsy-nsclc"; PICO comparators and these four strategies map one to one. Built by scripts/liquid-biopsy-example/build-model.ts.',
        'Alteration groups: EGFR, ALK, other first-line actionable (ROS1, BRAF V600, RET, MET exon 14, NTRK) and none. Plasma sensitivity is gene-specific (any-driver pooled value for EGFR and for BRAF, RET, MET, NTRK; ALK from the dossier’s ALK tables; ROS1 0.29), so the strategy-level sensitivity is the mix-weighted one.',
        'Plasma accuracy: any-driver sensitivity and specificity from the bivariate meta-analysis of Chen 2023 (13 studies), drawn jointly (bivariate normal on logits from its confidence intervals, correlation 0); ALK sensitivity from the REML meta-analysis of the dossier’s ALK 2×2 tables (NILE, Cui 2017). Specificity is measured against tissue NGS, an imperfect reference: plasma-only findings counted as false positives may be true.',
        'Dependence: plasma misses and tissue failures are independent given the alteration (conditional independence), named as parameter rr_plasma_miss_tissue_fail = 1; scenario dependent_misses sets 2. It enters as test overrides: plasma sensitivity in the rescue step of tissue-first, tissue failure after a plasma result without target in plasma-first and concurrent.',
        'A negative plasma result does not rule an alteration out (ruleOut false): it leads to tissue testing and, without a tissue result, to the re-biopsy policy.',
        'Time to treatment: turnaround times (re-biopsy adds its scheduling delay); in plasma-first the tissue block is already in the laboratory, so tissue results arrive as in tissue-only testing (delay_tissue_after_plasma = 0; scenario tissue_after_plasma). Survival is measured from diagnosis (engine 1.2.0): waiting is valued at u_waiting, never adds life, and excess mortality while waiting (mu_waiting) is 0 in the base case, 0.5 per year in scenario waiting_mortality.',
        'Survival: OS curves are log-logistic through a published median and landmark (FLAURA 24-month, ALEX and KEYNOTE-189 5-year), PFS exponential through the median; missed actionable patients get IMMUNOTARGET immunotherapy outcomes; the other targets are assumed to fare as EGFR with osimertinib; false positives fare like KEYNOTE-189’s chemotherapy arm (assumption). 20-year horizon, monthly cycles, life-table counting; no background mortality cap (no Belgian life table retrieved).',
        'Costs in EUR, price year 2024 by assumption (sources of different years used without inflation adjustment).',
      ],
    },
    settings: { cycleLength: 1 / 12, horizon: 20, counting: 'life-table', discount: { costs: 0.03, effects: 0.015, firstCycleDiscounted: false }, effect: 'qalys', currency: 'EUR', priceYear: 2024, wtp: [30000, 50000] },
    costCategories: [
      { id: 'test', label: 'Molecular tests' },
      { id: 'procedure', label: 'Re-biopsy procedures' },
      { id: 'adverse_events', label: 'Re-biopsy complications' },
      { id: 'drug', label: 'Anticancer drugs' },
      { id: 'care', label: 'Monitoring and care' },
    ],
    parameters: [...prevalenceParameters(), ...accuracyParameters(pooledAlkAccuracy()), ...timeParameters(), ...procedureParameters(), ...survivalParameters(), ...costAndUtilityParameters()],
    model: {
      type: 'tree',
      timeUnit: 'day',
      tests: tests(),
      waiting: { utility: 'u_waiting', mortalityRate: 'mu_waiting' },
      submodels: submodels(),
      root: { kind: 'decision', label: 'First-line genotyping', branches: STRATEGIES.map(strategyBranch) },
    },
    strategies: STRATEGIES.map((s) => ({ id: s.id, label: s.label })),
    scenarios: scenarios(),
    budgetImpact: budgetImpact(),
  };
  const { scenarios: modelScenarios, budgetImpact: bia, ...rest } = draft;
  return { ...rest, jointDistributions: [chenJointDistribution()], scenarios: modelScenarios, budgetImpact: bia };
}
