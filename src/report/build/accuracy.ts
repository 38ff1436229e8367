// The test-accuracy synthesis of the evidence chapter: the 2×2 table of every study (counts with the derived
// sensitivity and specificity and exact 95% intervals), the QUADAS-2 summary (traffic lights and stacked bars), and
// per pool (see accuracy-synthesis.ts) the pooled estimates, the paired forest plot and the SROC plot. Every number
// comes from the engine (two-by-two.ts, meta-analysis.ts); this module only lays it out.
import type { AccuracyRow } from '../../dossier/accuracy-rows';
import { quadasOf } from '../../dossier/accuracy-rows';
import { quadasDomains, quadasRatingLabels } from '../../dossier/schema';
import type { Evidence } from '../../dossier/schema';
import { studySensitivity, studySpecificity } from '../../engine/accuracy/two-by-two';
import type { AccuracyMetaAnalysis } from '../../engine/accuracy/meta-analysis';
import type { Block } from '../document';
import type { AccuracyPool, AccuracySynthesis } from '../accuracy-synthesis';
import { estimateWithInterval, pairedForestChart, quadasBarChart, quadasTrafficLightChart, srocChart } from '../charts/accuracy-charts';
import { quadasBars } from '../charts/accuracy-chart-data';
import type { BuildContext, DraftSection } from './context';
import { draft, figure, idPart, notice, paragraph, table } from './context';

export const STUDY_INTERVAL_NOTE = 'Sensitivity = TP / (TP + FN), specificity = TN / (TN + FP), with exact (Clopper–Pearson) 95% confidence intervals.';

/** "E3" for the evidence item of a row. */
function refOf(evidence: readonly Evidence[], id: string): string {
  return `E${evidence.findIndex((e) => e.id === id) + 1}`;
}

function rowFlags(r: AccuracyRow): string {
  return [r.table.derived ? 'Derived' : '', r.unverified ? 'Unverified' : '', r.secondarySource ? 'Secondary source' : ''].filter(Boolean).join('; ') || '—';
}

/** Index test against reference standard, then setting and alteration, as far as given. */
export function tableDescription(r: AccuracyRow): string {
  const t = r.table;
  const tests = [t.indexTest, t.referenceStandard].filter(Boolean).join(' vs ');
  return [tests, t.setting, t.alteration].filter(Boolean).join('; ') || '—';
}

export function twoByTwoTableBlock(ctx: BuildContext, rows: readonly AccuracyRow[]): Block {
  const evidence = ctx.input.dossier.evidence;
  const n = (v: number) => ctx.fmt.number(v, 0);
  return table({
    id: 'tab-two-by-two',
    caption: 'Test accuracy: 2×2 data per study with sensitivity and specificity (95% CI)',
    header: ['Ref.', 'Study', 'Index test vs reference; setting; alteration', 'TP', 'FN', 'TN', 'FP', 'Sensitivity (95% CI)', 'Specificity (95% CI)', 'Flags'],
    rows: rows.map((r) => {
      const t = r.table;
      return [refOf(evidence, r.evidenceId), r.label, tableDescription(r), n(t.tp), n(t.fn), n(t.tn), n(t.fp), estimateWithInterval(ctx.fmt, studySensitivity(t)), estimateWithInterval(ctx.fmt, studySpecificity(t)), rowFlags(r)];
    }),
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    widths: [0.5, 1.8, 2.2, 0.5, 0.5, 0.5, 0.5, 1.45, 1.45, 0.8],
    notes: [`${STUDY_INTERVAL_NOTE} Derived: counts back-calculated from reported percentages and group sizes.`],
  });
}

function quadasSection(ctx: BuildContext, rows: readonly AccuracyRow[]): DraftSection {
  const judged = quadasOf(ctx.input.dossier, rows);
  if (judged.length === 0) {
    return draft('sec-evidence-quadas', 'Risk of bias and applicability (QUADAS-2)', [paragraph('No study with 2×2 data has a QUADAS-2 judgement in the dossier.')]);
  }
  const applicability = quadasDomains.filter((d) => d.key !== 'flowAndTiming');
  const rating = (r: keyof typeof quadasRatingLabels) => quadasRatingLabels[r];
  const lights = figure(
    'fig-quadas-lights',
    `QUADAS-2 judgements per study (${judged.length} studies): risk of bias and concerns about applicability`,
    quadasTrafficLightChart('chart-quadas-lights', judged),
    table({
      id: 'fig-quadas-lights-data',
      caption: 'QUADAS-2 judgements per study',
      header: ['Study', ...quadasDomains.map((d) => `Risk of bias: ${d.label}`), ...applicability.map((d) => `Applicability: ${d.label}`)],
      rows: judged.map((s) => [s.label, ...quadasDomains.map((d) => rating(s.quadas.riskOfBias[d.key])), ...applicability.map((d) => rating(s.quadas.applicability[d.key]))]),
    }),
  );
  const bars = quadasBars(judged.map((s) => s.quadas));
  const summary = figure(
    'fig-quadas-bars',
    `QUADAS-2 summary: share of the ${judged.length} studies at low, high or unclear risk of bias and concern about applicability`,
    quadasBarChart('chart-quadas-bars', ctx.fmt, judged),
    table({
      id: 'fig-quadas-bars-data',
      caption: 'QUADAS-2 summary (number of studies)',
      header: ['Domain', 'Low', 'High', 'Unclear'],
      rows: bars.map((b) => [`${b.part === 'riskOfBias' ? 'Risk of bias' : 'Applicability'}: ${b.label}`, String(b.counts.low), String(b.counts.high), String(b.counts.unclear)]),
      numeric: true,
    }),
  );
  const unjudged = new Set(rows.map((r) => r.evidenceId)).size - judged.length;
  return draft('sec-evidence-quadas', 'Risk of bias and applicability (QUADAS-2)', [
    ...(unjudged > 0 ? [paragraph(`${unjudged} of the ${judged.length + unjudged} studies with 2×2 data have no QUADAS-2 judgement and are not shown.`, 'note')] : []),
    summary,
    lights,
  ]);
}

function pooledTable(ctx: BuildContext, id: string, r: AccuracyMetaAnalysis): Block {
  const f = (v: number, digits = 4) => ctx.fmt.number(v, digits);
  const p3 = (p: AccuracyMetaAnalysis['sensitivity']) => `${f(p.estimate, 3)} (${f(p.lower, 3)}–${f(p.upper, 3)})`;
  const [[c11, c12], [, c22]] = r.logit.covariance;
  return table({
    id,
    caption: `Pooled test accuracy (${r.studies.length} studies): ${r.methodLabel}${r.model === 'univariate' ? ', univariate fallback' : ''}`,
    header: ['Quantity', 'Sensitivity', 'Specificity', 'Joint: covariance, ρ'],
    rows: [
      ['Pooled estimate (95% CI)', p3(r.sensitivity), p3(r.specificity), '—'],
      ['Pooled logit', f(r.logit.sensitivity), f(r.logit.specificity), '—'],
      ['Covariance matrix of the pooled logits: variances, covariance', f(c11, 5), f(c22, 5), f(c12, 5)],
      ['Between-study variances τ² (logit), correlation ρ', f(r.tau2.sensitivity), f(r.tau2.specificity), r.rho === null ? 'Not estimated (0)' : f(r.rho, 3)],
    ],
    align: ['left', 'right', 'right', 'right'],
    widths: [3.6, 1.7, 1.7, 1.5],
    notes: [
      `${r.studies.length} studies${r.studies.some((s) => s.continuityCorrected) && r.method === 'reml' ? '; 0.5 added to every cell of a study with a zero cell' : ''}. A probabilistic analysis that uses the pooled accuracy samples the logits from a bivariate normal distribution with this covariance matrix.`,
    ],
  });
}

/** Number of the evidence chapter's "Test accuracy" subsection, which holds the 2×2 table. */
function twoByTwoSection(ctx: BuildContext): string {
  return `${ctx.sectionNumbers.get('evidence') ?? ''}.2`;
}

function poolSection(ctx: BuildContext, pool: AccuracyPool, idBase: string, title: string): DraftSection {
  const r = pool.result!;
  const forestStudies = r.studies.map((s) => ({ label: s.study, sensitivity: s.sensitivity, specificity: s.specificity }));
  const pooled = { label: r.model === 'bivariate' ? 'Pooled (bivariate)' : 'Pooled (univariate)', sensitivity: r.sensitivity, specificity: r.specificity };
  const n = (v: number) => ctx.fmt.number(v, 0);
  const forest = figure(
    `fig-${idBase}-forest`,
    `Paired forest plot of sensitivity and specificity${pool.label === 'All studies' ? '' : ` (${pool.label})`}: studies with exact 95% CIs and the pooled estimate`,
    pairedForestChart(`chart-${idBase}-forest`, ctx.fmt, forestStudies, pooled),
    table({
      id: `fig-${idBase}-forest-data`,
      caption: `Paired forest plot: the pooled estimate (each study's counts and estimates are in the 2×2 table of section ${twoByTwoSection(ctx)})`,
      header: ['', 'Studies', 'Sensitivity (95% CI)', 'Specificity (95% CI)'],
      rows: [{ cells: [pooled.label, n(r.studies.length), estimateWithInterval(ctx.fmt, r.sensitivity), estimateWithInterval(ctx.fmt, r.specificity)], tone: 'strong' as const }],
      numeric: true,
      widths: [2.4, 1, 2, 2],
    }),
  );
  const range = (points: readonly { fpr: number; sensitivity: number }[] | null, key: 'fpr' | 'sensitivity') =>
    points ? `${ctx.fmt.number(Math.min(...points.map((p) => p[key])), 3)}–${ctx.fmt.number(Math.max(...points.map((p) => p[key])), 3)}` : 'Not estimable';
  const level = Math.round(r.level * 100);
  const sroc = figure(
    `fig-${idBase}-sroc`,
    `Summary ROC plot${pool.label === 'All studies' ? '' : ` (${pool.label})`}: studies sized by n, SROC curve, summary point with ${level}% confidence and prediction regions`,
    srocChart(`chart-${idBase}-sroc`, ctx.fmt, r),
    table({
      id: `fig-${idBase}-sroc-data`,
      caption: `Summary ROC plot (study points: the 2×2 table of section ${twoByTwoSection(ctx)}; n = TP + FN + TN + FP)`,
      header: ['Element', 'Sensitivity', '1 − specificity'],
      rows: [
        ['Summary point', ctx.fmt.number(r.summaryPoint.sensitivity, 3), ctx.fmt.number(r.summaryPoint.fpr, 3)],
        [`${level}% confidence region (extent)`, range(r.confidenceRegion, 'sensitivity'), range(r.confidenceRegion, 'fpr')],
        [`${level}% prediction region (extent)`, range(r.predictionRegion, 'sensitivity'), range(r.predictionRegion, 'fpr')],
        ['SROC curve (Rutter–Gatsonis), over', r.sroc.curve.length > 0 ? range(r.sroc.curve, 'sensitivity') : 'Not drawn', r.sroc.curve.length > 0 ? range(r.sroc.curve, 'fpr') : ''],
        ['Study sizes n (circle area ∝ n)', `${n(Math.min(...r.studies.map((s) => s.n)))}–${n(Math.max(...r.studies.map((s) => s.n)))}`, ''],
      ],
      numeric: true,
      widths: [3, 2, 2],
    }),
  );
  const blocks: Block[] = [
    pooledTable(ctx, `tab-${idBase}-pooled`, r),
    ...r.warnings.map((w) => notice(`${w[0]!.toUpperCase()}${w.slice(1)}.`, 'warning')),
    ...(pool.skipped.length > 0 ? [paragraph(`${pool.skipped.length} further table${pool.skipped.length === 1 ? '' : 's'} of the same studies left out (each study contributes one table).`, 'note')] : []),
    forest,
    sroc,
  ];
  return draft(idBase, title, blocks);
}

function metaAnalysisSection(ctx: BuildContext, synthesis: AccuracySynthesis): DraftSection {
  const intro = paragraph(
    'Sensitivity and specificity are pooled with the bivariate random-effects model on their logits (Reitsma et al. 2005), fitted by restricted maximum likelihood, which keeps their correlation across studies; with fewer than four studies, or when the bivariate fit fails, two univariate random-effects models are fitted instead (correlation 0). ' +
      (synthesis.pools.length > 1 || synthesis.pools[0]?.label !== 'All studies' ? 'Studies are pooled per alteration or gene, each contributing one 2×2 table.' : 'Each study contributes one 2×2 table.'),
  );
  const pools = synthesis.pools;
  if (pools.length === 1 && pools[0]!.result !== null) {
    const only = poolSection(ctx, pools[0]!, 'sec-evidence-pooled', 'Meta-analysis of test accuracy');
    return { ...only, blocks: [intro, ...only.blocks] };
  }
  // Pools that could not be fitted are named in one list rather than as subsections of one sentence each.
  const unfitted = pools.filter((p) => p.result === null);
  const few = unfitted.filter((p) => p.studies.length < 2);
  const failed = unfitted.filter((p) => p.studies.length >= 2);
  const blocks: Block[] = [intro];
  if (few.length > 0) {
    blocks.push(paragraph(`Not pooled (fewer than 2 studies): ${few.map((p) => `${p.label} (${p.studies.length === 1 ? '1 study' : 'no study'})`).join(', ')}. Their 2×2 data are in section ${twoByTwoSection(ctx)}.`));
  }
  for (const p of failed) blocks.push(notice(`${p.label}: not pooled: ${p.problem}`, 'warning'));
  const fitted = pools.filter((p) => p.result !== null);
  return draft(
    'sec-evidence-pooled',
    'Meta-analysis of test accuracy',
    blocks,
    fitted.map((p, i) => poolSection(ctx, p, `sec-evidence-pooled-${i + 1}-${idPart(p.label).toLowerCase()}`, p.label)),
  );
}

/** The QUADAS-2 and meta-analysis subsections of the evidence chapter (the 2×2 table goes under "Test accuracy"). */
export function accuracySynthesisSections(ctx: BuildContext, synthesis: AccuracySynthesis): DraftSection[] {
  if (synthesis.rows.length === 0) return [];
  return [quadasSection(ctx, synthesis.rows), metaAnalysisSection(ctx, synthesis)];
}
