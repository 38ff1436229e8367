// Section "PSA results of other models" (in Uncertainty): draws made by other models and imported with the dossier,
// summarised as a model's PSA is (means, CE plane, CEAC with CEAF, EVPI), from the stored draws. Where they came
// from (file, worksheet, SHA-256, layout, date) is stated; the threshold grid is the one they were stored with.
import { netBenefitSummary } from '../../engine/uncertainty/psa-summary';
import type { StoredPsaImport } from '../../dossier/psa-imports';
import { evpiChart } from '../charts/hta-charts';
import type { Block } from '../document';
import type { BuildContext, DraftSection } from './context';
import { draft, figure, idPart, paragraph, table } from './context';
import { drawsSummaryBlocks } from './draws-summary';

/** The CEAC and EVPI grid of the screen the draws were stored from: 0 to its highest willingness to pay, 101 points. */
function importGrid(maxWtp: number): number[] {
  return Array.from({ length: 101 }, (_, i) => (maxWtp * i) / 100);
}

function importBlocks(ctx: BuildContext, item: StoredPsaImport, p: string): Block[] {
  const { fmt, t } = ctx;
  const currency = item.settings.currency.trim() || undefined;
  // The other model's effect measure is not known: "effect" and "unit of effect", as on the screen they were read on.
  const effect = { unit: t('psa.unitOfEffect'), plural: t('psa.effect'), label: t('psa.effect') };
  const psa = { strategyIds: item.strategyIds, draws: item.draws, costs: item.costs, effects: item.effects };
  const grid = netBenefitSummary(psa, importGrid(item.settings.maxWtp));
  // Draws of other models are often small amounts (a vaccine's cost per person): cents below 1,000, as on screen.
  let largest = 0;
  for (const c of item.costs) largest = Math.max(largest, Math.abs(c));
  const moneyDigits = largest < 1000 ? 2 : 0;
  const source = t(item.sheet ? 'reportImportedPsa.sourceSheet' : 'reportImportedPsa.source', {
    file: item.fileName,
    sheet: item.sheet ?? '',
    sha: item.fileSha256.slice(0, 12),
    date: fmt.dateTime(item.importedAt),
    draws: fmt.number(item.draws, 0),
    strategies: item.strategyIds.length,
    layout: item.layout,
  });
  const blocks: Block[] = [paragraph(source)];
  if (item.parameterNames.length > 0) blocks.push(paragraph(t('reportImportedPsa.parameters', { n: item.parameterNames.length, names: item.parameterNames.join(', '), screen: t('psa.title') }), 'note'));
  const money = { fmt, currency, effectUnit: effect.unit, effectNoun: effect.plural, t };
  const evpiRows = grid.byWtp.filter((_, i) => i % 10 === 0).map((g) => [fmt.money(g.wtp, currency), fmt.money(g.evpi, currency, moneyDigits)]);
  blocks.push(
    ...drawsSummaryBlocks(ctx, p, psa, { labelOf: (id) => id, comparator: item.strategyIds[0]!, currency, effect, wtps: [], grid, moneyDigits, effectDigits: 6, tableEvery: 10 }),
    figure(
      `fig-${p}-evpi`,
      t('reportCharts.evpi'),
      evpiChart(`fig-${p}-evpi-svg`, money, grid.byWtp.map((g) => ({ wtp: g.wtp, evpi: g.evpi }))),
      table({ id: `tab-${p}-evpi-data`, caption: t('reportImportedPsa.evpiDataCaption'), header: [t('reportUncertainty.threshold'), t('reportCharts.evpiPerPerson')], rows: evpiRows, numeric: true }),
    ),
  );
  return blocks;
}

/** One subsection per imported result, under one heading; nothing when the dossier has none. */
export function importedPsaParts(ctx: BuildContext): DraftSection[] {
  const imports = ctx.input.importedPsa ?? [];
  if (imports.length === 0) return [];
  const id = 'sec-uncertainty-imported';
  return [
    draft(
      id,
      ctx.t('reportImportedPsa.title'),
      [paragraph(ctx.t('reportImportedPsa.intro'))],
      imports.map((item) => {
        const prefix = `${id}-${idPart(item.id)}`;
        return draft(prefix, item.fileName, importBlocks(ctx, item, idPart(prefix)));
      }),
    ),
  ];
}
