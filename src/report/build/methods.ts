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
import { draft, figure, idPart, isAssumption, orNotReported, paragraph, perModel, table } from './context';

const modelTypeNames: Record<string, string> = {
  markov: 'Markov cohort model',
  psm: 'Partitioned survival model',
  tree: 'Decision tree',
};

/** "Decision tree with diagnostic tests feeding 3 partitioned survival sub-models". */
export function describeModelType(model: HtaModel): string {
  const structure = model.model as { type: string; tests?: unknown[]; submodels?: Record<string, { type: string }> };
  const name = modelTypeNames[structure.type] ?? structure.type;
  if (structure.type !== 'tree') return name;
  const tests = structure.tests?.length ?? 0;
  const subs = Object.values(structure.submodels ?? {});
  const kinds = [...new Set(subs.map((s) => (s.type === 'psm' ? 'partitioned survival' : s.type === 'markov' ? 'Markov' : s.type)))];
  return `${name}${tests > 0 ? ` with ${tests} diagnostic test${tests === 1 ? '' : 's'}` : ''}${subs.length > 0 ? ` feeding ${subs.length} ${kinds.join(' and ')} sub-model${subs.length === 1 ? '' : 's'}` : ''}`;
}

function structureRows(model: HtaModel): string[][] {
  const s = model.model as Record<string, unknown> & { type: string };
  const rows: string[][] = [['Model type', describeModelType(model)]];
  if (s.type === 'markov' && Array.isArray(s.states)) {
    const states = s.states as { id: string; label?: string; dead?: boolean }[];
    rows.push(['Health states', states.map((st) => `${st.label ?? st.id}${st.dead ? ' (dead)' : ''}`).join(', ')]);
    rows.push(['Transitions', String(Array.isArray(s.transitions) ? s.transitions.length : 0)]);
  }
  if (s.type === 'psm') rows.push(['Curves', `progression-free survival “${String(s.pfs)}”, overall survival “${String(s.os)}”`]);
  if (s.type === 'tree') {
    const tests = (s.tests ?? []) as { id: string; label?: string }[];
    if (tests.length > 0) rows.push(['Diagnostic tests', tests.map((t) => t.label ?? t.id).join('; ')]);
    const subs = Object.entries((s.submodels ?? {}) as Record<string, { type: string }>);
    if (subs.length > 0) rows.push(['Sub-models', subs.map(([id, sub]) => `${id} (${modelTypeNames[sub.type] ?? sub.type})`).join('; ')]);
    if (typeof s.timeUnit === 'string') rows.push(['Time unit of the tree', s.timeUnit]);
  }
  const categories = model.costCategories.map((c) => c.label ?? c.id);
  if (categories.length > 0) rows.push(['Cost categories', categories.join(', ')]);
  return rows;
}

function rangeText(ctx: BuildContext, p: Parameter): string {
  const u = p.uncertainty;
  if (!u || (u.low === undefined && u.high === undefined)) return '—';
  return `${ctx.fmt.parameter(u.low)} – ${ctx.fmt.parameter(u.high)}`;
}

/** "Assumption", "Range assumed", both or none. */
export function parameterFlag(p: Parameter): string {
  const flags = [isAssumption(p.source) ? 'Assumption' : '', isAssumption(p.uncertainty?.source) ? 'Range assumed' : ''].filter(Boolean);
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
    return [name, value, p.unit ?? p.kind ?? '—', describeParameterDistribution(p, joints.get(p.id), ctx.fmt), rangeText(ctx, p), source || 'Not stated', parameterFlag(p)];
  });
}

function modelParts(ctx: BuildContext, m: ReportModel, prefix: string): DraftSection[] {
  const settings = settingsRows(m.model, ctx.fmt).map((r) => [r.label, r.value]);
  const diagram = drawModelDiagram(m.model, `${prefix}-structure-diagram`);
  return [
    draft(`${prefix}-structure`, 'Model type and structure', [
      paragraph(m.model.metadata.description ?? m.model.metadata.title),
      table({ id: `tab-${idPart(prefix)}-structure`, caption: 'Model structure', header: ['Element', 'Description'], rows: structureRows(m.model), widths: [1.4, 5] }),
      ...(diagram ? [figure(`fig-${idPart(prefix)}-structure`, 'Model structure', { svg: diagram.svg, width: diagram.width, height: diagram.height, alt: diagram.description }, table({ id: `tab-${idPart(prefix)}-structure-data`, caption: 'Model structure', header: m.model.model.type === 'psm' ? ['Curve', 'Defines', 'Distribution'] : ['From', 'To', 'Probability'], rows: diagram.rows }))] : []),
    ]),
    draft(`${prefix}-strategies`, 'Strategies compared', [
      table({
        id: `tab-${idPart(prefix)}-strategies`,
        caption: 'Strategies compared',
        header: ['Strategy', 'Id', 'Description'],
        rows: m.model.strategies.map((s) => [s.label ?? s.id, s.id, s.description ?? '—']),
        widths: [2.5, 1.3, 4],
      }),
    ]),
    draft(`${prefix}-settings`, 'Horizon, cycles, discounting and currency', [
      table({ id: `tab-${idPart(prefix)}-settings`, caption: 'Model settings', header: ['Setting', 'Value'], rows: settings, widths: [1.6, 5] }),
    ]),
    draft(`${prefix}-parameters`, 'Parameters', [
      paragraph(`All ${m.model.parameters.length} parameters of the model with their base-case value, unit, distribution for the probabilistic analysis, range for the one-way analysis and source. “Assumption” marks values the source states as assumed.`, 'note'),
      table({
        id: `tab-${idPart(prefix)}-parameters`,
        caption: 'Parameters',
        header: ['Parameter', 'Value', 'Unit', 'Distribution', 'Range', 'Source', 'Flag'],
        rows: parameterRows(ctx, m),
        align: ['left', 'right', 'left', 'left', 'right', 'left', 'left'],
        widths: [2.2, 0.9, 1.3, 1.8, 1.2, 3.6, 1.5],
      }),
    ]),
  ];
}

export function methodsSection(ctx: BuildContext): DraftSection[] {
  const r = ctx.input.dossier.reporting ?? {};
  const problem = draft('sec-methods-problem', 'Perspective, setting and analysis plan', [
    table({
      id: 'tab-methods-problem',
      caption: 'Perspective, setting, analysis plan and engagement',
      header: ['Item', 'Description'],
      rows: [
        ['Perspective', orNotReported(r.perspective)],
        ['Setting and location', orNotReported(r.setting)],
        ['Health economic analysis plan', orNotReported(r.analysisPlan)],
        ['Engagement with patients and others affected', orNotReported(r.engagement)],
        ['Heterogeneity (subgroups)', orNotReported(r.heterogeneity)],
        ['Distributional effects', orNotReported(r.distributionalEffects)],
      ],
      widths: [2, 5],
    }),
  ]);
  if (ctx.input.models.length === 0) return [problem, draft('sec-methods-none', 'Models', [paragraph('The dossier links no model the report could read.')])];
  return [problem, ...perModel(ctx, 'methods', (m, prefix) => modelParts(ctx, m, prefix))];
}
