// The generated summary: decision problem, base-case results, probability cost-effective at the thresholds, main
// drivers, budget impact and key limitations, in plain sentences built from the same results as the tables. The
// assessors can replace it (dossier.reporting.summary); the JCA profile keeps to the decision problem and the
// relative effects with their certainty, without economic results or value judgements.
import { netBenefitSummary } from '../../engine/uncertainty/psa-summary';
import { technologyTypeLabels } from '../../dossier/schema';
import type { Block } from '../document';
import type { ReportModel } from '../report-input';
import { accuracySynthesis } from '../accuracy-synthesis';
import type { BuildContext } from './context';
import { currencyOf, effectWord, isAssumption, notice, paragraph, strategyLabel, wtpText } from './context';

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Advanced (stage IV) …" → "advanced (stage IV) …" inside a sentence; acronyms ("NSCLC …") stay. */
function inSentence(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function decisionProblem(ctx: BuildContext): string {
  const d = ctx.input.dossier;
  const picos = d.picos.map((p, i) => `(${i + 1}) ${p.label}`);
  const type = technologyTypeLabels[d.technology.type].toLowerCase();
  const name = d.technology.name.toLowerCase().includes(type) || d.technology.type === 'other' ? d.technology.name : `${d.technology.name} (${type})`;
  return `This report assesses ${name} in ${d.indication ? inSentence(d.indication) : 'the indication stated in the dossier'}. It addresses ${d.picos.length === 1 ? 'one decision problem' : `${d.picos.length} decision problems`}: ${joinWords(picos)}.`;
}

function baseCaseSentence(ctx: BuildContext, m: ReportModel): string | null {
  const base = m.analyses['base-case'];
  if (!base) return null;
  const { fmt } = ctx;
  const cur = currencyOf(m);
  const e = effectWord(m);
  const parts = base.incremental.map((r) => {
    const name = strategyLabel(m, r.id);
    if (r.status === 'reference') return `${name} costs ${fmt.money(r.cost, cur)} per person for ${fmt.number(r.effect, 3)} ${e.plural}`;
    if (r.status === 'nondominated') return `${name} costs ${fmt.money(r.incCost, cur)} more for ${fmt.number(r.incEffect, 4)} more ${e.plural} than the next cheaper strategy on the frontier (ICER ${fmt.icer(r.icer, cur, m.model.settings.effect)})`;
    return `${name} is ${r.status === 'dominated' ? 'dominated' : 'extendedly dominated'}`;
  });
  return `In the base case of the model “${m.title}”, ${joinWords(parts)}.`;
}

function psaSentence(ctx: BuildContext, m: ReportModel): string | null {
  const psa = m.analyses.psa;
  const wtps = m.model.settings.wtp;
  if (!psa || wtps.length === 0) return null;
  const summary = netBenefitSummary(psa, wtps);
  const parts = summary.byWtp.map((s) => `at ${wtpText(ctx, m, s.wtp)}, ${strategyLabel(m, s.optimalId)} has the highest expected net benefit, with a probability of ${ctx.fmt.percent(s.optimalProbability)} of being cost-effective`);
  return `In ${ctx.fmt.number(psa.draws, 0)} probabilistic draws (seed ${psa.seed}), ${joinWords(parts)}.`;
}

function driversSentence(ctx: BuildContext, m: ReportModel): string | null {
  const oneWay = m.analyses['one-way'];
  if (!oneWay) return null;
  const top = oneWay.rows.filter((r) => r.swing !== null && r.swing > 0).slice(0, 3);
  if (top.length === 0) return null;
  const changes = oneWay.rows.filter((r) => r.decisionChanges).length;
  return `The result is most sensitive to ${joinWords(top.map((r) => inSentence(r.label)))} (one-way analysis of ${strategyLabel(m, oneWay.strategy)} against ${strategyLabel(m, oneWay.comparator)} at ${wtpText(ctx, m, oneWay.wtp)}); ${changes === 0 ? 'no input changes the optimal strategy within its range' : `${changes} input${changes === 1 ? '' : 's'} change${changes === 1 ? 's' : ''} the optimal strategy within ${changes === 1 ? 'its' : 'their'} range`}.`;
}

function budgetSentence(ctx: BuildContext, m: ReportModel): string | null {
  const b = m.analyses['budget-impact'];
  if (!b) return null;
  const cur = b.currency ?? currencyOf(m);
  const first = b.years[0];
  return `The budget impact${b.country ? ` in ${b.country}` : ''} over ${b.horizonYears} year${b.horizonYears === 1 ? '' : 's'} is ${ctx.fmt.money(b.cumulative.impact, cur)}${first ? ` (${ctx.fmt.money(first.impact, cur)} in year 1)` : ''}.`;
}

function limitationsSentence(ctx: BuildContext): string {
  const assumptions = ctx.profile === 'jca' ? 0 : ctx.input.models.reduce((n, m) => n + m.model.parameters.filter((p) => isAssumption(p.source)).length, 0);
  const unverified = ctx.input.dossier.evidence.filter((e) => e.unverified).length;
  const secondary = ctx.input.dossier.evidence.filter((e) => e.secondarySource).length;
  const parts = [
    ...(ctx.profile === 'jca' ? [] : [`${assumptions} model input${assumptions === 1 ? ' rests' : 's rest'} on stated assumptions`]),
    `${unverified} evidence item${unverified === 1 ? ' is' : 's are'} marked unverified`,
    `${secondary} come${secondary === 1 ? 's' : ''} from secondary sources`,
  ];
  const where = ctx.sectionNumbers.get('limitations');
  return `Key limitations: ${joinWords(parts)}${where ? ` (section ${where})` : ''}.`;
}

function relativeEffects(ctx: BuildContext): string[] {
  const { fmt } = ctx;
  const ci = (e: { estimate: number; lower: number | null; upper: number | null }) =>
    `${fmt.number(e.estimate, 2)}${e.lower !== null && e.upper !== null ? ` (95% CI ${fmt.number(e.lower, 2)}–${fmt.number(e.upper, 2)})` : ' (95% CI not reported)'}`;
  return ctx.input.dossier.evidence
    .filter((e) => e.sensitivity !== null || e.specificity !== null)
    .map((e) => {
      const flags = [e.unverified ? 'unverified' : '', e.secondarySource ? 'secondary source' : ''].filter(Boolean);
      const accuracy = [e.sensitivity ? `sensitivity ${ci(e.sensitivity)}` : '', e.specificity ? `specificity ${ci(e.specificity)}` : ''].filter(Boolean).join(', ');
      return `${e.indexTest || 'Index test'} against ${e.referenceTest || 'the reference test'}: ${accuracy}${e.n !== null ? `, n = ${fmt.number(e.n, 0)}` : ''} — ${e.citation.split('.')[0]}${flags.length > 0 ? ` [${flags.join(', ')}]` : ''}.`;
    });
}

/** The pooled sensitivity and specificity of each pool of 2×2 data (see accuracy-synthesis.ts), when the part is in. */
function pooledAccuracy(ctx: BuildContext): string[] {
  if (!ctx.parts.has('accuracy')) return [];
  const { fmt } = ctx;
  const ci = (e: { estimate: number; lower: number; upper: number }) => `${fmt.number(e.estimate, 3)} (95% CI ${fmt.number(e.lower, 3)}–${fmt.number(e.upper, 3)})`;
  return accuracySynthesis(ctx.input.dossier).pools.flatMap((p) =>
    p.result
      ? [`${p.label === 'All studies' ? 'Pooled' : `${p.label}, pooled`} over ${p.result.studies.length} studies (${p.result.model === 'bivariate' ? 'bivariate' : 'univariate'} random-effects model): sensitivity ${ci(p.result.sensitivity)}, specificity ${ci(p.result.specificity)}.`]
      : [],
  );
}

/** The generated summary paragraphs. */
export function generatedSummary(ctx: BuildContext): string[] {
  const paragraphs = [decisionProblem(ctx)];
  if (ctx.profile === 'jca') {
    const effects = relativeEffects(ctx);
    const pooled = pooledAccuracy(ctx);
    if (pooled.length > 0) paragraphs.push(`Test accuracy from the meta-analysis of the 2×2 data: ${pooled.join(' ')}`);
    if (effects.length > 0 || pooled.length === 0) paragraphs.push(effects.length > 0 ? `Test accuracy reported in the evidence register: ${effects.join(' ')}` : 'The evidence register reports no test-accuracy estimates.');
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
  return [...generatedSummary(ctx).map((p) => paragraph(p, 'lead')), notice('This summary was generated from the dossier and the model results; the assessors can edit it in the report preview.')];
}
