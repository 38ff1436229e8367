// Section "Scope": the technology and one table per PICO question. Each intervention and comparator row names
// the strategy of the linked model that answers it; a row without one is a warning row, and a PICO none of whose
// options the model covers gets a warning that its population is not modelled.
import type { Pico } from '../../dossier/schema';
import type { TableRow } from '../document';
import { matchingStrategies } from '../pico-coverage';
import type { BuildContext, DraftSection } from './context';
import { draft, idPart, table } from './context';

function strategiesText(ctx: BuildContext, text: string): { names: string; matched: boolean } {
  const names = ctx.input.models.flatMap((m) => {
    const found = matchingStrategies(text, m.model.strategies.map((s) => ({ id: s.id, label: s.label ?? s.id })));
    return found.map((s) => (ctx.input.models.length > 1 ? `${s.label} (${m.title})` : s.label));
  });
  return { names: names.join('; '), matched: names.length > 0 };
}

function picoTable(ctx: BuildContext, pico: Pico, index: number) {
  const { t } = ctx;
  const withModel = ctx.input.models.length > 0 && ctx.profile !== 'jca';
  const rows: TableRow[] = [];
  const option = (element: 'intervention' | 'comparator', text: string) => {
    const label = t(`report.scope.${element}`);
    if (!withModel) return rows.push({ cells: [label, text] });
    const m = strategiesText(ctx, text);
    const noMatch = element === 'intervention' ? t('report.scope.noInterventionMatch') : t('report.scope.noComparatorMatch');
    rows.push(m.matched ? { cells: [label, text, m.names] } : { cells: [label, text, noMatch], tone: 'warning' });
    return m.matched;
  };
  const population = t('report.scope.population');
  const comparator = t('report.scope.comparator');
  const outcome = t('report.scope.outcome');
  const none = t('report.scope.noneStated');
  const populationRow = rows.length;
  rows.push({ cells: withModel ? [population, pico.population, ''] : [population, pico.population] });
  const interventionMatched = option('intervention', pico.intervention);
  const comparatorsMatched = pico.comparators.map((c) => option('comparator', c));
  if (pico.comparators.length === 0) rows.push({ cells: withModel ? [comparator, none, ''] : [comparator, none] });
  for (const o of pico.outcomes) rows.push({ cells: withModel ? [outcome, o, ''] : [outcome, o] });
  if (pico.outcomes.length === 0) rows.push({ cells: withModel ? [outcome, none, ''] : [outcome, none] });
  if (withModel) {
    const covered = interventionMatched || comparatorsMatched.some(Boolean);
    rows[populationRow] = covered
      ? { cells: [population, pico.population, ctx.input.models.map((m) => m.title).join('; ')] }
      : { cells: [population, pico.population, t('report.scope.notModelled')], tone: 'warning' };
  }
  return table({
    id: `tab-pico-${idPart(pico.id)}`,
    caption: t('report.scope.picoCaption', { n: index + 1, label: pico.label }),
    header: withModel ? [t('report.methods.element'), t('report.methods.description'), t('report.scope.strategyInModel')] : [t('report.methods.element'), t('report.methods.description')],
    rows,
    widths: withModel ? [1.2, 4, 2.4] : [1.2, 5],
  });
}

export function scopeSection(ctx: BuildContext): DraftSection[] {
  const { t } = ctx;
  const tech = ctx.input.dossier.technology;
  const d = ctx.input.dossier;
  const notStated = t('report.methods.notStated');
  return [
    draft('sec-scope-technology', t('report.scope.technology'), [
      table({
        id: 'tab-technology',
        caption: t('report.scope.technologyCaption'),
        header: [t('report.front.item'), t('report.methods.description')],
        rows: [
          [t('report.scope.name'), tech.name],
          [t('report.scope.type'), t(`report.technology.${tech.type}`)],
          [t('report.scope.manufacturer'), tech.manufacturer || notStated],
          [t('report.scope.regulatoryStatus'), tech.regulatoryStatus || notStated],
          [t('report.scope.intendedUse'), tech.intendedUse || notStated],
          [t('report.info.indication'), d.indication || notStated],
        ],
        widths: [1.2, 5],
      }),
    ]),
    draft('sec-scope-pico', t('report.scope.picos'), d.picos.map((p, i) => picoTable(ctx, p, i))),
  ];
}
