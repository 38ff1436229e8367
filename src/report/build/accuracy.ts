// The test-accuracy synthesis of the evidence chapter: the 2×2 table of every study (counts with the derived
// sensitivity and specificity and exact 95% intervals), the QUADAS-2 summary (traffic lights and stacked bars), and
// per pool (see accuracy-synthesis.ts) the pooled estimates, the paired forest plot and the SROC plot. Every number
// comes from the engine (two-by-two.ts, meta-analysis.ts); this module only lays it out.
import { describeAccuracyWarning } from '../engine-problems';
import type { AccuracyRow } from '../../dossier/accuracy-rows';
import { quadasOf } from '../../dossier/accuracy-rows';
import { quadasDomains } from '../../dossier/schema';
import type { QuadasRating } from '../../dossier/schema';
import type { Translate } from '../i18n/translate';
import type { NumberFormats } from '../format';
import type { Evidence } from '../../dossier/schema';
import { studySensitivity, studySpecificity } from '../../engine/accuracy/two-by-two';
import type { AccuracyMetaAnalysis } from '../../engine/accuracy/meta-analysis';
import type { Block } from '../document';
import type { AccuracyPool, AccuracySynthesis } from '../accuracy-synthesis';
import { estimateWithInterval, pairedForestChart, quadasBarChart, quadasTrafficLightChart, srocChart } from '../charts/accuracy-charts';
import { quadasBars } from '../charts/accuracy-chart-data';
import type { BuildContext, DraftSection } from './context';
import { draft, figure, idPart, notice, paragraph, table } from './context';


/** "E3" for the evidence item of a row. */
function refOf(evidence: readonly Evidence[], id: string): string {
  return `E${evidence.findIndex((e) => e.id === id) + 1}`;
}

function rowFlags(t: Translate, r: AccuracyRow): string {
  return [r.table.derived ? t('reportText.derived') : '', r.unverified ? t('reportText.unverified') : '', r.secondarySource ? t('reportText.secondarySource') : ''].filter(Boolean).join('; ') || '—';
}

/** Index test against reference standard, then setting and alteration, as far as given ("vs" in English without `t`). */
export function tableDescription(r: AccuracyRow, t?: Translate): string {
  const tt = r.table;
  const tests = tt.indexTest && tt.referenceStandard ? (t ? t('reportAccuracy.versus', { index: tt.indexTest, reference: tt.referenceStandard }) : `${tt.indexTest} vs ${tt.referenceStandard}`) : tt.indexTest || tt.referenceStandard;
  return [tests, tt.setting, tt.alteration].filter(Boolean).join('; ') || '—';
}

/** A pool's name: "All studies" and "Any alteration" are the product's words, an alteration is the user's. */
export function poolName(t: Translate, label: string): string {
  return label === 'All studies' ? t('reportAccuracy.allStudies') : label === 'Any alteration' ? t('reportAccuracy.anyAlteration') : label;
}

function quadasDomainLabel(t: Translate, key: string): string {
  return t(`reportAccuracy.quadas.${key as 'patientSelection'}`);
}

export function twoByTwoTableBlock(ctx: BuildContext, rows: readonly AccuracyRow[]): Block {
  const { t } = ctx;
  const evidence = ctx.input.dossier.evidence;
  const n = (v: number) => ctx.fmt.number(v, 0);
  return table({
    id: 'tab-two-by-two',
    caption: t('reportAccuracy.twoByTwoCaption'),
    header: [t('report.limits.ref'), t('reportAccuracy.study'), t('reportAccuracy.testsHeader'), 'TP', 'FN', 'TN', 'FP', t('reportEvidence.sensitivityCi'), t('reportEvidence.specificityCi'), t('report.limits.flags')],
    rows: rows.map((r) => {
      const tt = r.table;
      return [refOf(evidence, r.evidenceId), r.label, tableDescription(r, t), n(tt.tp), n(tt.fn), n(tt.tn), n(tt.fp), estimateWithInterval(ctx.fmt, studySensitivity(tt)), estimateWithInterval(ctx.fmt, studySpecificity(tt)), rowFlags(t, r)];
    }),
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    widths: [0.5, 1.8, 2.2, 0.5, 0.5, 0.5, 0.5, 1.45, 1.45, 0.8],
    notes: [t('reportAccuracy.twoByTwoNote', { note: t('reportAccuracy.intervalNote') })],
  });
}

function quadasSection(ctx: BuildContext, rows: readonly AccuracyRow[]): DraftSection {
  const { t } = ctx;
  const judged = quadasOf(ctx.input.dossier, rows);
  if (judged.length === 0) {
    return draft('sec-evidence-quadas', t('reportAccuracy.quadasTitle'), [paragraph(t('reportAccuracy.noQuadas'))]);
  }
  const applicability = quadasDomains.filter((d) => d.key !== 'flowAndTiming');
  const rating = (r: QuadasRating) => t(`reportAccuracy.rating.${r}`);
  const lights = figure(
    'fig-quadas-lights',
    t('reportAccuracy.lightsCaption', { n: judged.length }),
    quadasTrafficLightChart('chart-quadas-lights', judged, t),
    table({
      id: 'fig-quadas-lights-data',
      caption: t('reportAccuracy.lightsDataCaption'),
      header: [t('reportAccuracy.study'), ...quadasDomains.map((d) => t('reportAccuracy.riskOfBiasDomain', { domain: quadasDomainLabel(t, d.key) })), ...applicability.map((d) => t('reportAccuracy.applicabilityDomain', { domain: quadasDomainLabel(t, d.key) }))],
      rows: judged.map((s) => [s.label, ...quadasDomains.map((d) => rating(s.quadas.riskOfBias[d.key])), ...applicability.map((d) => rating(s.quadas.applicability[d.key]))]),
    }),
  );
  const bars = quadasBars(judged.map((s) => s.quadas));
  const summary = figure(
    'fig-quadas-bars',
    t('reportAccuracy.barsCaption', { n: judged.length }),
    quadasBarChart('chart-quadas-bars', ctx.fmt, judged, t),
    table({
      id: 'fig-quadas-bars-data',
      caption: t('reportAccuracy.barsDataCaption'),
      header: [t('reportAccuracy.domain'), t('reportAccuracy.rating.low'), t('reportAccuracy.rating.high'), t('reportAccuracy.rating.unclear')],
      rows: bars.map((b) => [t(b.part === 'riskOfBias' ? 'reportAccuracy.riskOfBiasDomain' : 'reportAccuracy.applicabilityDomain', { domain: quadasDomainLabel(t, b.domain) }), String(b.counts.low), String(b.counts.high), String(b.counts.unclear)]),
      numeric: true,
    }),
  );
  const unjudged = new Set(rows.map((r) => r.evidenceId)).size - judged.length;
  return draft('sec-evidence-quadas', t('reportAccuracy.quadasTitle'), [
    ...(unjudged > 0 ? [paragraph(t('reportAccuracy.unjudged', { n: unjudged, total: judged.length + unjudged }), 'note')] : []),
    summary,
    lights,
  ]);
}

function pooledTable(ctx: BuildContext, id: string, r: AccuracyMetaAnalysis): Block {
  const { t } = ctx;
  const f = (v: number, digits = 4) => ctx.fmt.number(v, digits);
  const p3 = (p: AccuracyMetaAnalysis['sensitivity']) => `${f(p.estimate, 3)} (${f(p.lower, 3)}–${f(p.upper, 3)})`;
  const [[c11, c12], [, c22]] = r.logit.covariance;
  return table({
    id,
    caption: t(r.model === 'univariate' ? 'reportAccuracy.pooledCaptionFallback' : 'reportAccuracy.pooledCaption', { n: r.studies.length, method: t(`reportAccuracy.method.${r.method}`) }),
    header: [t('reportAccuracy.quantity'), t('reportAccuracy.sensitivity'), t('reportAccuracy.specificity'), t('reportAccuracy.joint')],
    rows: [
      [t('reportAccuracy.pooledEstimate'), p3(r.sensitivity), p3(r.specificity), '—'],
      [t('reportAccuracy.pooledLogit'), f(r.logit.sensitivity), f(r.logit.specificity), '—'],
      [t('reportAccuracy.covariance'), f(c11, 5), f(c22, 5), f(c12, 5)],
      [t('reportAccuracy.tau2'), f(r.tau2.sensitivity), f(r.tau2.specificity), r.rho === null ? t('reportAccuracy.notEstimated') : f(r.rho, 3)],
    ],
    align: ['left', 'right', 'right', 'right'],
    widths: [3.6, 1.7, 1.7, 1.5],
    notes: [
      t(r.studies.some((s) => s.continuityCorrected) && r.method === 'reml' ? 'reportAccuracy.pooledNoteCorrected' : 'reportAccuracy.pooledNote', { n: r.studies.length }),
    ],
  });
}

/** The meta-analysis's warnings in the report's language (by code; English text for a warning without one). */
function accuracyWarnings(t: Translate, fmt: NumberFormats, r: AccuracyMetaAnalysis): string[] {
  return r.warnings.map((_, i) => {
    const text = describeAccuracyWarning(r, i, t, fmt);
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  });
}

/** Number of the evidence chapter's "Test accuracy" subsection, which holds the 2×2 table. */
function twoByTwoSection(ctx: BuildContext): string {
  return `${ctx.sectionNumbers.get('evidence') ?? ''}.2`;
}

function poolSection(ctx: BuildContext, pool: AccuracyPool, idBase: string, title: string): DraftSection {
  const { t } = ctx;
  const r = pool.result!;
  const forestStudies = r.studies.map((s) => ({ label: s.study, sensitivity: s.sensitivity, specificity: s.specificity }));
  const pooled = { label: t(r.model === 'bivariate' ? 'reportAccuracy.pooledBivariate' : 'reportAccuracy.pooledUnivariate'), sensitivity: r.sensitivity, specificity: r.specificity };
  const n = (v: number) => ctx.fmt.number(v, 0);
  const forest = figure(
    `fig-${idBase}-forest`,
    pool.label === 'All studies' ? t('reportAccuracy.forestCaption') : t('reportAccuracy.forestCaptionPool', { pool: poolName(t, pool.label) }),
    pairedForestChart(`chart-${idBase}-forest`, ctx.fmt, forestStudies, pooled, t),
    table({
      id: `fig-${idBase}-forest-data`,
      caption: t('reportAccuracy.forestDataCaption', { section: twoByTwoSection(ctx) }),
      header: ['', t('reportAccuracy.studies'), t('reportEvidence.sensitivityCi'), t('reportEvidence.specificityCi')],
      rows: [{ cells: [pooled.label, n(r.studies.length), estimateWithInterval(ctx.fmt, r.sensitivity), estimateWithInterval(ctx.fmt, r.specificity)], tone: 'strong' as const }],
      numeric: true,
      widths: [2.4, 1, 2, 2],
    }),
  );
  const range = (points: readonly { fpr: number; sensitivity: number }[] | null, key: 'fpr' | 'sensitivity') =>
    points ? `${ctx.fmt.number(Math.min(...points.map((p) => p[key])), 3)}–${ctx.fmt.number(Math.max(...points.map((p) => p[key])), 3)}` : t('reportAccuracy.notEstimable');
  const level = Math.round(r.level * 100);
  const sroc = figure(
    `fig-${idBase}-sroc`,
    pool.label === 'All studies' ? t('reportAccuracy.srocCaption', { level }) : t('reportAccuracy.srocCaptionPool', { level, pool: poolName(t, pool.label) }),
    srocChart(`chart-${idBase}-sroc`, ctx.fmt, r, t),
    table({
      id: `fig-${idBase}-sroc-data`,
      caption: t('reportAccuracy.srocDataCaption', { section: twoByTwoSection(ctx) }),
      header: [t('reportEvidence.element'), t('reportAccuracy.sensitivity'), t('reportAccuracy.oneMinusSpecificity')],
      rows: [
        [t('reportAccuracy.summaryPoint'), ctx.fmt.number(r.summaryPoint.sensitivity, 3), ctx.fmt.number(r.summaryPoint.fpr, 3)],
        [t('reportAccuracy.confidenceRegion', { level }), range(r.confidenceRegion, 'sensitivity'), range(r.confidenceRegion, 'fpr')],
        [t('reportAccuracy.predictionRegion', { level }), range(r.predictionRegion, 'sensitivity'), range(r.predictionRegion, 'fpr')],
        [t('reportAccuracy.srocCurve'), r.sroc.curve.length > 0 ? range(r.sroc.curve, 'sensitivity') : t('reportAccuracy.notDrawn'), r.sroc.curve.length > 0 ? range(r.sroc.curve, 'fpr') : ''],
        [t('reportAccuracy.studySizes'), `${n(Math.min(...r.studies.map((s) => s.n)))}–${n(Math.max(...r.studies.map((s) => s.n)))}`, ''],
      ],
      numeric: true,
      widths: [3, 2, 2],
    }),
  );
  const blocks: Block[] = [
    pooledTable(ctx, `tab-${idBase}-pooled`, r),
    ...accuracyWarnings(t, ctx.fmt, r).map((w) => notice(w, 'warning')),
    ...(pool.skipped.length > 0 ? [paragraph(t(pool.skipped.length === 1 ? 'reportAccuracy.skippedOne' : 'reportAccuracy.skipped', { n: pool.skipped.length }), 'note')] : []),
    forest,
    sroc,
  ];
  return draft(idBase, title, blocks);
}

function metaAnalysisSection(ctx: BuildContext, synthesis: AccuracySynthesis): DraftSection {
  const { t } = ctx;
  const intro = paragraph(t('reportAccuracy.intro', { pooling: synthesis.pools.length > 1 || synthesis.pools[0]?.label !== 'All studies' ? t('reportAccuracy.perAlteration') : t('reportAccuracy.oneTable') }));
  const pools = synthesis.pools;
  if (pools.length === 1 && pools[0]!.result !== null) {
    const only = poolSection(ctx, pools[0]!, 'sec-evidence-pooled', t('reportAccuracy.metaTitle'));
    return { ...only, blocks: [intro, ...only.blocks] };
  }
  // Pools that could not be fitted are named in one list rather than as subsections of one sentence each.
  const unfitted = pools.filter((p) => p.result === null);
  const few = unfitted.filter((p) => p.studies.length < 2);
  const failed = unfitted.filter((p) => p.studies.length >= 2);
  const blocks: Block[] = [intro];
  if (few.length > 0) {
    const pools = few.map((p) => `${poolName(t, p.label)} (${p.studies.length === 1 ? t('reportAccuracy.oneStudy') : t('reportAccuracy.noStudy')})`).join(', ');
    blocks.push(paragraph(t('reportAccuracy.notPooled', { pools, section: twoByTwoSection(ctx) })));
  }
  for (const p of failed) blocks.push(notice(t('reportAccuracy.notPooledProblem', { pool: poolName(t, p.label), problem: p.problem ?? '' }), 'warning'));
  const fitted = pools.filter((p) => p.result !== null);
  return draft(
    'sec-evidence-pooled',
    t('reportAccuracy.metaTitle'),
    blocks,
    fitted.map((p, i) => poolSection(ctx, p, `sec-evidence-pooled-${i + 1}-${idPart(p.label).toLowerCase()}`, poolName(t, p.label))),
  );
}

/** The QUADAS-2 and meta-analysis subsections of the evidence chapter (the 2×2 table goes under "Test accuracy"). */
export function accuracySynthesisSections(ctx: BuildContext, synthesis: AccuracySynthesis): DraftSection[] {
  if (synthesis.rows.length === 0) return [];
  return [quadasSection(ctx, synthesis.rows), metaAnalysisSection(ctx, synthesis)];
}
