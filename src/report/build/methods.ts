// Section "Economic evaluation methods": the decision problem as the assessors frame it (perspective, setting,
// analysis plan, engagement, heterogeneity, distributional effects), then per model its type and structure,
// strategies, settings (horizon, cycle, counting, discounting, currency and price year, thresholds) and the full
// parameter table (value, unit, distribution, range, source, "Assumption" flag).
import type { HtaModel, Parameter } from '../../engine/model/schema';
import { describeParameterDistribution, settingsRows } from '../model-description';
import { jointMemberships } from '../../engine/uncertainty/joint-distribution';
import type { ReportModel } from '../report-input';
import { drawModelDiagram } from '../../diagram/model-diagram';
import type { BuildContext, DraftSection } from './context';
import { draft, figure, idPart, isAssumption, joinWords, orNotReported, paragraph, perModel, table } from './context';
import { translator } from '../i18n/translate';
import type { Translate } from '../i18n/translate';

/** "Markov cohort model", … in the language of `t` (the type id for an unknown type). */
export function modelTypeName(type: string, t: Translate = translator('en')): string {
  return ['markov', 'psm', 'tree'].includes(type) ? t(`modelWords.type.${type as 'tree'}`) : type;
}

/** "Decision tree with diagnostic tests feeding 3 partitioned survival sub-models". */
export function describeModelType(model: HtaModel, t: Translate = translator('en')): string {
  const structure = model.model as { type: string; tests?: unknown[]; submodels?: Record<string, { type: string }> };
  const name = modelTypeName(structure.type, t);
  if (structure.type !== 'tree') return name;
  const tests = structure.tests?.length ?? 0;
  const subs = Object.values(structure.submodels ?? {});
  const kinds = [...new Set(subs.map((s) => (s.type === 'psm' || s.type === 'markov' ? t(`modelWords.kind.${s.type}`) : s.type)))];
  const withTests = tests > 0 ? t('modelWords.treeWith', { name, tests: tests === 1 ? t('modelWords.oneTest') : t('modelWords.tests', { n: tests }) }) : name;
  if (subs.length === 0) return withTests;
  return t(subs.length === 1 ? 'modelWords.feeding' : 'modelWords.feedingMany', { name: withTests, n: subs.length, kinds: joinWords(t, kinds) });
}

function structureRows(ctx: BuildContext, model: HtaModel): string[][] {
  const s = model.model as Record<string, unknown> & { type: string };
  const { t } = ctx;
  const rows: string[][] = [[t('report.methods.modelType'), describeModelType(model, t)]];
  if (s.type === 'markov' && Array.isArray(s.states)) {
    const states = s.states as { id: string; label?: string; dead?: boolean }[];
    rows.push([t('report.methods.healthStates'), states.map((st) => (st.dead ? t('report.methods.dead', { state: st.label ?? st.id }) : (st.label ?? st.id))).join(', ')]);
    rows.push([t('report.methods.transitions'), String(Array.isArray(s.transitions) ? s.transitions.length : 0)]);
  }
  if (s.type === 'psm') rows.push([t('report.methods.curves'), t('modelWords.curves', { pfs: String(s.pfs), os: String(s.os) })]);
  if (s.type === 'tree') {
    const tests = (s.tests ?? []) as { id: string; label?: string }[];
    if (tests.length > 0) rows.push([t('report.methods.tests'), tests.map((t) => t.label ?? t.id).join('; ')]);
    const subs = Object.entries((s.submodels ?? {}) as Record<string, { type: string }>);
    if (subs.length > 0) rows.push([t('report.methods.submodels'), subs.map(([id, sub]) => `${id} (${modelTypeName(sub.type, t)})`).join('; ')]);
    if (typeof s.timeUnit === 'string') rows.push([t('report.methods.timeUnit'), ['cycle', 'year', 'month', 'week', 'day'].includes(s.timeUnit) ? t(`modelWords.timeUnit.${s.timeUnit as 'day'}`) : s.timeUnit]);
  }
  const categories = model.costCategories.map((c) => c.label ?? c.id);
  if (categories.length > 0) rows.push([t('report.methods.costCategories'), categories.join(', ')]);
  return rows;
}

function rangeText(ctx: BuildContext, p: Parameter): string {
  const u = p.uncertainty;
  if (!u || (u.low === undefined && u.high === undefined)) return '—';
  return `${ctx.fmt.parameter(u.low)} – ${ctx.fmt.parameter(u.high)}`;
}

/** "Assumption", "Range assumed", both or none (in the language of `t`). */
export function parameterFlag(p: Parameter, t: Translate = translator('en')): string {
  const flags = [isAssumption(p.source) ? t('reportText.assumption') : '', isAssumption(p.uncertainty?.source) ? t('reportText.rangeAssumed') : ''].filter(Boolean);
  return flags.join('; ') || '—';
}

function parameterRows(ctx: BuildContext, m: ReportModel): string[][] {
  const values = m.analyses['base-case']?.parameterValues ?? {};
  const joints = jointMemberships(m.model.jointDistributions);
  return m.model.parameters.map((p) => {
    // An expression parameter shows its base-case value; the expression follows its name (it is too long for the
    // value column).
    const value = ctx.fmt.parameter(p.value ?? values[p.id]);
    const name = `${p.label ?? p.id} (${p.id})${p.value === undefined && p.expression ? ` = ${p.expression}` : ''}`;
    const source = [p.source, p.uncertainty?.source].filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(' ');
    return [name, value, p.unit ?? p.kind ?? '—', describeParameterDistribution(p, joints.get(p.id), ctx.fmt, ctx.t), rangeText(ctx, p), source || ctx.t('report.methods.notStated'), parameterFlag(p, ctx.t)];
  });
}

function modelParts(ctx: BuildContext, m: ReportModel, prefix: string): DraftSection[] {
  const { t } = ctx;
  const settings = settingsRows(m.model, ctx.fmt, t).map((r) => [r.label, r.value]);
  const diagram = drawModelDiagram(m.model, `${prefix}-structure-diagram`, { t, fmt: ctx.fmt });
  return [
    draft(`${prefix}-structure`, t('report.methods.structure'), [
      paragraph(m.model.metadata.description ?? m.model.metadata.title),
      table({ id: `tab-${idPart(prefix)}-structure`, caption: t('report.methods.structureCaption'), header: [t('report.methods.element'), t('report.methods.description')], rows: structureRows(ctx, m.model), widths: [1.4, 5] }),
      ...(diagram ? [figure(`fig-${idPart(prefix)}-structure`, t('report.methods.structureCaption'), { svg: diagram.svg, width: diagram.width, height: diagram.height, alt: diagram.description }, table({ id: `tab-${idPart(prefix)}-structure-data`, caption: t('report.methods.structureCaption'), header: m.model.model.type === 'psm' ? [t('report.methods.curve'), t('report.methods.defines'), t('report.methods.distribution')] : [t('report.methods.from'), t('report.methods.to'), t('report.methods.probability')], rows: diagram.rows }))] : []),
    ]),
    draft(`${prefix}-strategies`, t('report.methods.strategies'), [
      table({
        id: `tab-${idPart(prefix)}-strategies`,
        caption: t('report.methods.strategies'),
        header: [t('report.methods.strategy'), t('report.methods.id'), t('report.methods.description')],
        rows: m.model.strategies.map((s) => [s.label ?? s.id, s.id, s.description ?? '—']),
        widths: [2.5, 1.3, 4],
      }),
    ]),
    draft(`${prefix}-settings`, t('report.methods.settings'), [
      table({ id: `tab-${idPart(prefix)}-settings`, caption: t('report.methods.settingsCaption'), header: [t('report.methods.settingName'), t('report.methods.value')], rows: settings, widths: [1.6, 5] }),
    ]),
    draft(`${prefix}-parameters`, t('report.methods.parameters'), [
      paragraph(t('report.methods.parametersNote', { n: m.model.parameters.length }), 'note'),
      table({
        id: `tab-${idPart(prefix)}-parameters`,
        caption: t('report.methods.parameters'),
        header: [t('report.methods.parameter'), t('report.methods.value'), t('report.methods.unit'), t('report.methods.distribution'), t('report.methods.range'), t('report.methods.source'), t('report.methods.flag')],
        rows: parameterRows(ctx, m),
        align: ['left', 'right', 'left', 'left', 'right', 'left', 'left'],
        widths: [2.2, 0.9, 1.3, 1.8, 1.2, 3.6, 1.5],
      }),
    ]),
  ];
}

export function methodsSection(ctx: BuildContext): DraftSection[] {
  const r = ctx.input.dossier.reporting ?? {};
  const { t } = ctx;
  const stated = (text: string | undefined) => orNotReported(text, t('report.notReported'));
  const problem = draft('sec-methods-problem', t('report.methods.problem'), [
    table({
      id: 'tab-methods-problem',
      caption: t('report.methods.problemCaption'),
      header: [t('report.front.item'), t('report.methods.description')],
      rows: [
        [t('report.methods.perspective'), stated(r.perspective)],
        [t('report.methods.setting'), stated(r.setting)],
        [t('report.methods.analysisPlan'), stated(r.analysisPlan)],
        [t('report.methods.engagement'), stated(r.engagement)],
        [t('report.methods.heterogeneity'), stated(r.heterogeneity)],
        [t('report.methods.distributional'), stated(r.distributionalEffects)],
      ],
      widths: [2, 5],
    }),
  ]);
  if (ctx.input.models.length === 0) return [problem, draft('sec-methods-none', t('report.methods.models'), [paragraph(t('report.methods.noModel'))])];
  return [problem, ...perModel(ctx, 'methods', (m, prefix) => modelParts(ctx, m, prefix))];
}
