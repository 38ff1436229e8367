// Section "Limitations": generated lists of every input labelled as an assumption, every evidence item marked
// unverified or taken from a secondary source, and every engine warning (capped survival curves, budget-impact
// warnings, analyses that could not run, stored runs not used), followed by the assessors' own text.
import { parameterFlag } from './methods';
import { evidenceFlags } from './evidence';
import type { BuildContext, DraftSection } from './context';
import { draft, isAssumption, list, paragraph, table } from './context';
import { formatPath } from '../../engine/errors';
import { describeProblem, describeWarnings } from '../engine-problems';
import { translator } from '../i18n/translate';
import type { Translate } from '../i18n/translate';
import type { ReportModel } from '../report-input';
import { formatsFor } from '../format';
import type { NumberFormats } from '../format';

/** Every warning the engine gave for a model, in words (in the language of `t`; codes it knows are translated). */
export function engineWarnings(m: ReportModel, t: Translate = translator('en'), fmt: NumberFormats = formatsFor('en')): string[] {
  const issues = m.warningIssues ?? [];
  const validation = issues.map((i) => `${formatPath(i.path)}: ${t('engineProblem.warning', { text: describeProblem(i, t, fmt) })}`);
  const out: string[] = [...validation, ...m.warnings.slice(issues.length)];
  const base = m.analyses['base-case'];
  for (const s of base?.strategies ?? []) {
    for (const w of describeWarnings(s.details?.warnings ?? [], s.details?.warningDetails, t, fmt)) out.push(`${s.label}: ${w}`);
    if (s.details?.pfsCappedCycles && s.details.pfsCappedCycles.length > 0) out.push(t('engineProblem.pfsCapped', { strategy: s.label, n: s.details.pfsCappedCycles.length }));
    for (const [id, sub] of Object.entries(s.details?.submodels ?? {})) {
      if (sub.pfsCappedCycles && sub.pfsCappedCycles.length > 0) out.push(t('engineProblem.pfsCappedSubmodel', { strategy: s.label, submodel: id, n: sub.pfsCappedCycles.length }));
    }
  }
  const budget = m.analyses['budget-impact'];
  for (const w of describeWarnings(budget?.warnings ?? [], budget?.warningDetails, t, fmt)) out.push(t('engineProblem.budgetWarning', { warning: w }));
  for (const p of m.problems) {
    const location = p.params?.location;
    const problem = p.code && p.params ? describeProblem(p, t, fmt) : p.message;
    out.push(t('engineProblem.couldNotRun', { analysis: t(`run.kind.${p.kind}`), problem: problem !== p.message && location ? `${location}: ${problem}` : problem }));
  }
  return [...new Set(out)];
}

export function limitationsSection(ctx: BuildContext): DraftSection[] {
  const { input, fmt, t } = ctx;
  const sections: DraftSection[] = [];
  if (ctx.profile !== 'jca') {
    const rows = input.models.flatMap((m) => [
      ...m.model.parameters
        .filter((p) => parameterFlag(p) !== '—')
        .map((p) => [input.models.length > 1 ? `${m.title}: ${p.label ?? p.id}` : (p.label ?? p.id), p.value !== undefined ? fmt.parameter(p.value) : (p.expression ?? '—'), parameterFlag(p, t), [p.source, p.uncertainty?.source].filter(Boolean).join(' ')]),
      ...(m.analyses['budget-impact']?.inputs ?? []).filter((i) => isAssumption(i.source)).map((i) => [t('report.limits.budgetInput', { label: i.label }), fmt.parameter(i.value), t('reportText.assumption'), i.source ?? '']),
    ]);
    sections.push(
      draft('sec-limitations-assumptions', t('report.limits.assumptions'), [
        rows.length === 0
          ? paragraph(t('report.limits.noAssumption'))
          : table({ id: 'tab-limitations-assumptions', caption: t('report.limits.assumptionsCaption', { n: rows.length }), header: [t('report.limits.input'), t('report.methods.value'), t('report.methods.flag'), t('report.methods.source')], rows, align: ['left', 'right', 'left', 'left'], widths: [2.4, 1, 1.2, 5] }),
      ]),
    );
  }
  const flagged = input.dossier.evidence.map((e, i) => ({ e, ref: `E${i + 1}` })).filter(({ e }) => e.unverified || e.secondarySource);
  sections.push(
    draft('sec-limitations-evidence', t('report.limits.evidence'), [
      flagged.length === 0
        ? paragraph(t('report.limits.noFlaggedEvidence'))
        : table({ id: 'tab-limitations-evidence', caption: t('report.limits.evidenceCaption'), header: [t('report.limits.ref'), t('report.methods.source'), t('report.limits.flags')], rows: flagged.map(({ e, ref }) => [ref, e.citation, evidenceFlags(e, t)]), widths: [0.6, 6, 1.6] }),
    ]),
  );
  if (ctx.profile !== 'jca') {
    const warnings = [...input.models.flatMap((m) => engineWarnings(m, t, fmt).map((w) => (input.models.length > 1 ? `${m.title}: ${w}` : w))), ...input.unresolvedLinks.map((u) => t('report.limits.linkNotReported', { name: u.link.name, reason: u.reason }))];
    sections.push(draft('sec-limitations-warnings', t('report.limits.warnings'), [warnings.length === 0 ? paragraph(t('report.limits.noWarning')) : list(warnings)]));
  }
  const text = input.dossier.reporting?.limitations?.trim() ?? '';
  sections.push(
    draft(
      'sec-limitations-assessors',
      t('report.limits.assessors'),
      text === '' ? [paragraph(t('report.limits.noComments'), 'note')] : text.split(/\n\s*\n/).map((p) => paragraph(p.trim())),
    ),
  );
  return sections;
}
