// The generated summary: decision problem, base-case results, probability cost-effective at the thresholds, main
// drivers, budget impact and key limitations, in plain sentences built from the same results as the tables. The
// assessors can replace it (dossier.reporting.summary); the JCA profile keeps to the decision problem and the
// relative effects with their certainty, without economic results or value judgements.
import { netBenefitSummary } from '../../engine/uncertainty/psa-summary';
import type { Block } from '../document';
import type { ReportModel } from '../report-input';
import { accuracySynthesis } from '../accuracy-synthesis';
import type { BuildContext } from './context';
import { currencyOf, effectWord, isAssumption, joinWords, notice, paragraph, strategyLabel, wtpText } from './context';

/** "Advanced (stage IV) …" → "advanced (stage IV) …" inside a sentence; acronyms ("NSCLC …") stay. */
function inSentence(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function decisionProblem(ctx: BuildContext): string {
  const { t } = ctx;
  const d = ctx.input.dossier;
  const picos = d.picos.map((p, i) => `(${i + 1}) ${p.label}`);
  const type = t(`report.technology.${d.technology.type}`).toLowerCase();
  const name = d.technology.name.toLowerCase().includes(type) || d.technology.type === 'other' ? d.technology.name : `${d.technology.name} (${type})`;
  const indication = d.indication ? inSentence(d.indication) : t('reportSummary.statedIndication');
  const problems = d.picos.length === 1 ? t('reportSummary.oneProblem') : t('reportSummary.problems', { n: d.picos.length });
  return t('reportSummary.decisionProblem', { name, indication, problems, picos: joinWords(t, picos) });
}

function baseCaseSentence(ctx: BuildContext, m: ReportModel): string | null {
  const base = m.analyses['base-case'];
  if (!base) return null;
  const { fmt, t } = ctx;
  const cur = currencyOf(m);
  const e = effectWord(m, t);
  const parts = base.incremental.map((r) => {
    const name = strategyLabel(m, r.id);
    if (r.status === 'reference') return t('reportSummary.reference', { name, cost: fmt.money(r.cost, cur), effect: fmt.number(r.effect, 3), unit: e.plural });
    if (r.status === 'nondominated') return t('reportSummary.nondominated', { name, cost: fmt.money(r.incCost, cur), effect: fmt.number(r.incEffect, 4), unit: e.plural, icer: fmt.icer(r.icer, cur, m.model.settings.effect) });
    return t(r.status === 'dominated' ? 'reportSummary.dominated' : 'reportSummary.extendedlyDominated', { name });
  });
  return t('reportSummary.baseCase', { model: m.title, parts: joinWords(t, parts) });
}

function psaSentence(ctx: BuildContext, m: ReportModel): string | null {
  const psa = m.analyses.psa;
  const wtps = m.model.settings.wtp;
  if (!psa || wtps.length === 0) return null;
  const { t } = ctx;
  const summary = netBenefitSummary(psa, wtps);
  const parts = summary.byWtp.map((s) => t('reportSummary.psaPart', { wtp: wtpText(ctx, m, s.wtp), name: strategyLabel(m, s.optimalId), probability: ctx.fmt.percent(s.optimalProbability) }));
  return t('reportSummary.psa', { draws: ctx.fmt.number(psa.draws, 0), seed: psa.seed, parts: joinWords(t, parts) });
}

function driversSentence(ctx: BuildContext, m: ReportModel): string | null {
  const oneWay = m.analyses['one-way'];
  if (!oneWay) return null;
  const { t } = ctx;
  const top = oneWay.rows.filter((r) => r.swing !== null && r.swing > 0).slice(0, 3);
  if (top.length === 0) return null;
  const changes = oneWay.rows.filter((r) => r.decisionChanges).length;
  const decision = changes === 0 ? t('reportSummary.noInputChanges') : changes === 1 ? t('reportSummary.oneInputChanges') : t('reportSummary.inputsChange', { n: changes });
  return t('reportSummary.drivers', { inputs: joinWords(t, top.map((r) => inSentence(r.label))), strategy: strategyLabel(m, oneWay.strategy), comparator: strategyLabel(m, oneWay.comparator), wtp: wtpText(ctx, m, oneWay.wtp), decision });
}

function budgetSentence(ctx: BuildContext, m: ReportModel): string | null {
  const b = m.analyses['budget-impact'];
  if (!b) return null;
  const { t } = ctx;
  const cur = b.currency ?? currencyOf(m);
  const first = b.years[0];
  const years = b.horizonYears === 1 ? t('reportSummary.oneYear') : t('reportSummary.years', { n: b.horizonYears });
  const impact = ctx.fmt.money(b.cumulative.impact, cur);
  const firstYear = first ? t('reportSummary.firstYear', { impact: ctx.fmt.money(first.impact, cur) }) : '';
  return b.country ? t('reportSummary.budgetIn', { country: b.country, years, impact, firstYear }) : t('reportSummary.budget', { years, impact, firstYear });
}

function limitationsSentence(ctx: BuildContext): string {
  const { t } = ctx;
  const assumptions = ctx.profile === 'jca' ? 0 : ctx.input.models.reduce((n, m) => n + m.model.parameters.filter((p) => isAssumption(p.source)).length, 0);
  const unverified = ctx.input.dossier.evidence.filter((e) => e.unverified).length;
  const secondary = ctx.input.dossier.evidence.filter((e) => e.secondarySource).length;
  const parts = [
    ...(ctx.profile === 'jca' ? [] : [t(assumptions === 1 ? 'reportSummary.assumption' : 'reportSummary.assumptions', { n: assumptions })]),
    t(unverified === 1 ? 'reportSummary.unverifiedOne' : 'reportSummary.unverified', { n: unverified }),
    t(secondary === 1 ? 'reportSummary.secondaryOne' : 'reportSummary.secondary', { n: secondary }),
  ];
  const where = ctx.sectionNumbers.get('limitations');
  return where ? t('reportSummary.limitationsIn', { parts: joinWords(t, parts), section: where }) : t('reportSummary.limitations', { parts: joinWords(t, parts) });
}

function relativeEffects(ctx: BuildContext): string[] {
  const { fmt, t } = ctx;
  const ci = (e: { estimate: number; lower: number | null; upper: number | null }) =>
    e.lower !== null && e.upper !== null
      ? t('reportSummary.estimateCi', { estimate: fmt.number(e.estimate, 2), lower: fmt.number(e.lower, 2), upper: fmt.number(e.upper, 2) })
      : t('reportSummary.estimateNoCi', { estimate: fmt.number(e.estimate, 2) });
  return ctx.input.dossier.evidence
    .filter((e) => e.sensitivity !== null || e.specificity !== null)
    .map((e) => {
      const flags = [e.unverified ? t('reportSummary.flagUnverified') : '', e.secondarySource ? t('reportSummary.flagSecondary') : ''].filter(Boolean);
      const accuracy = [e.sensitivity ? t('reportSummary.sensitivity', { value: ci(e.sensitivity) }) : '', e.specificity ? t('reportSummary.specificity', { value: ci(e.specificity) }) : ''].filter(Boolean).join(', ');
      const sentence = t('reportSummary.reportedAccuracy', {
        index: e.indexTest || t('reportSummary.indexTest'),
        reference: e.referenceTest || t('reportSummary.referenceTest'),
        accuracy: `${accuracy}${e.n !== null ? `, n = ${fmt.number(e.n, 0)}` : ''}`,
        source: e.citation.split('.')[0]!,
      });
      return `${sentence}${flags.length > 0 ? ` [${flags.join(', ')}]` : ''}.`;
    });
}

/** The pooled sensitivity and specificity of each pool of 2×2 data (see accuracy-synthesis.ts), when the part is in. */
function pooledAccuracy(ctx: BuildContext): string[] {
  if (!ctx.parts.has('accuracy')) return [];
  const { fmt, t } = ctx;
  const ci = (e: { estimate: number; lower: number; upper: number }) => t('reportSummary.estimateCi', { estimate: fmt.number(e.estimate, 3), lower: fmt.number(e.lower, 3), upper: fmt.number(e.upper, 3) });
  return accuracySynthesis(ctx.input.dossier).pools.flatMap((p) => {
    if (!p.result) return [];
    const params = { n: p.result.studies.length, sensitivity: ci(p.result.sensitivity), specificity: ci(p.result.specificity), pool: p.label };
    const bivariate = p.result.model === 'bivariate';
    if (p.label === 'All studies') return [t(bivariate ? 'reportSummary.pooledBivariate' : 'reportSummary.pooledUnivariate', params)];
    return [t(bivariate ? 'reportSummary.poolBivariate' : 'reportSummary.poolUnivariate', params)];
  });
}

/** The generated summary paragraphs. */
export function generatedSummary(ctx: BuildContext): string[] {
  const { t } = ctx;
  const paragraphs = [decisionProblem(ctx)];
  if (ctx.profile === 'jca') {
    const effects = relativeEffects(ctx);
    const pooled = pooledAccuracy(ctx);
    if (pooled.length > 0) paragraphs.push(t('reportSummary.metaAnalysis', { pooled: pooled.join(' ') }));
    if (effects.length > 0 || pooled.length === 0) paragraphs.push(effects.length > 0 ? t('reportSummary.registerAccuracy', { effects: effects.join(' ') }) : t('reportSummary.noAccuracy'));
  } else {
    for (const m of ctx.input.models) {
      for (const sentence of [baseCaseSentence(ctx, m), psaSentence(ctx, m), driversSentence(ctx, m), budgetSentence(ctx, m)]) if (sentence) paragraphs.push(sentence);
    }
  }
  paragraphs.push(limitationsSentence(ctx));
  return paragraphs;
}

export function summaryBlocks(ctx: BuildContext, edited: string | undefined): Block[] {
  if (edited !== undefined && edited.trim() !== '') {
    return edited
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => paragraph(p, 'lead'));
  }
  return [...generatedSummary(ctx).map((p) => paragraph(p, 'lead')), notice(ctx.t('reportSummary.generatedNote'))];
}
