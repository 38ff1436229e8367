// Section "Scope": the technology and one table per PICO question. Each intervention and comparator row names
// the strategy of the linked model that answers it; a row without one is a warning row, and a PICO none of whose
// options the model covers gets a warning that its population is not modelled.
import { technologyTypeLabels } from '../../dossier/schema';
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
  const withModel = ctx.input.models.length > 0 && ctx.profile !== 'jca';
  const rows: TableRow[] = [];
  const option = (element: string, text: string) => {
    if (!withModel) return rows.push({ cells: [element, text] });
    const m = strategiesText(ctx, text);
    rows.push(m.matched ? { cells: [element, text, m.names] } : { cells: [element, text, `Warning: no strategy of the linked model matches this ${element.toLowerCase()}`], tone: 'warning' });
    return m.matched;
  };
  const populationRow = rows.length;
  rows.push({ cells: withModel ? ['Population', pico.population, ''] : ['Population', pico.population] });
  const interventionMatched = option('Intervention', pico.intervention);
  const comparatorsMatched = pico.comparators.map((c) => option('Comparator', c));
  if (pico.comparators.length === 0) rows.push({ cells: withModel ? ['Comparator', 'None stated', ''] : ['Comparator', 'None stated'] });
  for (const o of pico.outcomes) rows.push({ cells: withModel ? ['Outcome', o, ''] : ['Outcome', o] });
  if (pico.outcomes.length === 0) rows.push({ cells: withModel ? ['Outcome', 'None stated', ''] : ['Outcome', 'None stated'] });
  if (withModel) {
    const covered = interventionMatched || comparatorsMatched.some(Boolean);
    rows[populationRow] = covered
      ? { cells: ['Population', pico.population, ctx.input.models.map((m) => m.title).join('; ')] }
      : { cells: ['Population', pico.population, 'Warning: no strategy of the linked model answers this PICO, so its population is not modelled'], tone: 'warning' };
  }
  return table({
    id: `tab-pico-${idPart(pico.id)}`,
    caption: `PICO ${index + 1}: ${pico.label}`,
    header: withModel ? ['Element', 'Description', 'Strategy in the linked model'] : ['Element', 'Description'],
    rows,
    widths: withModel ? [1.2, 4, 2.4] : [1.2, 5],
  });
}

export function scopeSection(ctx: BuildContext): DraftSection[] {
  const t = ctx.input.dossier.technology;
  const d = ctx.input.dossier;
  return [
    draft('sec-scope-technology', 'Technology', [
      table({
        id: 'tab-technology',
        caption: 'The technology assessed',
        header: ['Item', 'Description'],
        rows: [
          ['Name', t.name],
          ['Type', technologyTypeLabels[t.type]],
          ['Manufacturer', t.manufacturer || 'Not stated'],
          ['Regulatory status', t.regulatoryStatus || 'Not stated'],
          ['Intended use', t.intendedUse || 'Not stated'],
          ['Indication', d.indication || 'Not stated'],
        ],
        widths: [1.2, 5],
      }),
    ]),
    draft('sec-scope-pico', 'PICO questions', d.picos.map((p, i) => picoTable(ctx, p, i))),
  ];
}
