// Country comparison section: the first model run under each chosen country profile, with each profile's methods
// stated (discounting, perspective, outcome, threshold and its source, each with its verification status), the
// optimal strategy per country, a chart and per-country tables. Texts come from the catalogue of the report's
// language; profile values (guideline titles, perspectives) are printed as the profile holds them.
import { runCountryComparison } from '../../engine/countries/country-comparison';
import type { CountryComparison, CountryResult } from '../../engine/countries/country-comparison';
import type { CountryProfile, VerificationStatus } from '../../engine/countries/country-profile';
import type { MessageKey } from '../i18n/translate';
import { countryComparisonChart, countryName, discountText, problemText, strategyLabel, thresholdText } from '../countries/country-text';
import type { BuildContext, DraftSection } from './context';
import { draft, figure, notice, paragraph, table } from './context';

const statusKeys: Record<VerificationStatus, MessageKey> = { verified: 'status.verified', secondary: 'status.secondary', unverified: 'status.unverified' };

function withStatus(ctx: BuildContext, value: string, status: VerificationStatus): string {
  return ctx.t('report.countries.status', { value: value === '' ? ctx.t('profile.notKnown') : value, status: ctx.t(statusKeys[status]) });
}

function methodsRow(ctx: BuildContext, profile: CountryProfile, r: CountryResult): string[] {
  const { t, fmt } = ctx;
  const guideline = [profile.guideline.value, profile.versionDate.value].filter((x) => x).join(', ');
  const discount = (side: 'discountCosts' | 'discountEffects') => {
    const used = side === 'discountCosts' ? r.discountCosts : r.discountEffects;
    const text = discountText(used.value, t, fmt);
    return used.from === 'model' ? `${text} (${t('results.modelRate')})` : withStatus(ctx, text, profile[side].status);
  };
  const perspective = [profile.perspectiveCosts.value, profile.perspectiveOutcomes.value].filter((x) => x).join('; ');
  const thresholds = profile.thresholds.value;
  const thresholdTextAll = thresholds === null ? '' : thresholds.length === 0 ? t('profile.noThreshold') : thresholds.map((x) => thresholdText(x, t, fmt)).join('; ');
  return [
    t('profile.name', { country: countryName(profile, fmt.locale), agency: profile.agency }),
    withStatus(ctx, guideline, profile.guideline.status),
    discount('discountCosts'),
    discount('discountEffects'),
    withStatus(ctx, perspective, profile.perspectiveCosts.status),
    withStatus(ctx, profile.preferredOutcome.value ?? '', profile.preferredOutcome.status),
    withStatus(ctx, thresholdTextAll, profile.thresholds.status),
    [profile.thresholds.source, profile.thresholds.note].filter((x) => x).join(' — ') || '—',
  ];
}

function headroomCell(ctx: BuildContext, c: CountryComparison, r: CountryResult): string {
  const { t, fmt } = ctx;
  const parts = r.thresholds.map((x) => {
    const h = x.headroom;
    if (!h) return null;
    const at = thresholdText(x.threshold, t, fmt, false);
    if (h.status === 'found') return `${at}: ${t('headroom.found', { price: fmt.money(h.price, r.currency), other: strategyLabel(c, h.overtakenBy) })}`;
    if (h.status === 'above-range') return `${at}: ${t('headroom.aboveRange', { price: fmt.money(h.high, r.currency) })}`;
    return `${at}: ${t('headroom.never', { price: fmt.money(h.low, r.currency) })}`;
  });
  return parts.filter((p) => p !== null).join('; ') || '—';
}

export function countriesSection(ctx: BuildContext): DraftSection[] {
  const { t, fmt } = ctx;
  const options = ctx.countries;
  const model = ctx.input.models[0];
  if (!options || !model) return [draft('sec-countries-none', t('report.countries.resultsTitle'), [notice(t('report.countries.noModel'), 'warning')])];
  const outcome = runCountryComparison(model.model as unknown as Record<string, unknown>, options.requests, { rates: options.rates, headroom: options.headroom });
  if (!outcome.ok) return [draft('sec-countries-failed', t('report.countries.resultsTitle'), [notice(t('report.countries.failed', { message: outcome.message }), 'warning')])];
  const c = outcome.result;
  const profiles = options.requests.map((r) => r.profile);
  const hasHeadroom = c.countries.some((r) => r.thresholds.some((x) => x.headroom));

  const methods = draft('sec-countries-methods', t('report.countries.methodsTitle'), [
    paragraph(t('report.countries.intro', { model: model.title })),
    table({
      id: 'tab-countries-methods',
      caption: t('report.countries.methodsCaption'),
      header: [t('results.country'), t('field.guideline'), t('field.discountCosts'), t('field.discountEffects'), t('report.countries.perspective'), t('field.preferredOutcome'), t('field.thresholds'), t('report.countries.thresholdSource')],
      rows: c.countries.map((r, i) => methodsRow(ctx, profiles[i]!, r)),
      widths: [1.4, 2.4, 1.4, 1.4, 2, 1.2, 1.6, 2.2],
    }),
  ]);

  const summaryTable = table({
    id: 'tab-countries-summary',
    caption: t('report.countries.summaryCaption'),
    header: [t('results.country'), t('field.thresholds'), t('results.optimal'), ...(hasHeadroom ? [t('results.headroom')] : [])],
    rows: c.countries.map((r) => [
      t('profile.name', { country: countryName(r, fmt.locale), agency: r.agency }),
      r.thresholds.length === 0 ? '—' : r.thresholds.map((x) => thresholdText(x.threshold, t, fmt, false)).join('; '),
      strategyLabel(c, r.optimal),
      ...(hasHeadroom ? [headroomCell(ctx, c, r)] : []),
    ]),
  });
  const chart = countryComparisonChart(c, t, fmt, 'fig-countries-chart');
  const chartData = table({
    id: 'tab-countries-chart-data',
    caption: t('chart.title'),
    header: [t('results.country'), ...c.strategyIds.map((id) => strategyLabel(c, id))],
    rows: c.countries.map((r) => {
      const first = r.thresholds[0];
      const factor = r.conversion?.factor ?? 1;
      return [countryName(r, fmt.locale), ...c.strategyIds.map((_, i) => (first ? fmt.money((first.netBenefit[i]! - first.netBenefit[0]!) / factor, c.modelCurrency) : '—'))];
    }),
    numeric: true,
  });
  const blocks = [summaryTable, figure('fig-countries-chart', t('report.countries.chartCaption', { currency: c.modelCurrency ?? '' }), chart, chartData)];
  const effectKey: MessageKey = c.effect === 'qalys' ? 'results.qalys' : 'results.lifeYears';
  for (const r of c.countries) {
    const notes = [
      ...(r.conversion?.rate ? [t('results.converted', { from: r.conversion.from, to: r.conversion.to, factor: fmt.parameter(r.conversion.factor), basis: t(r.conversion.rate.basis === 'market-exchange' ? 'rates.basisMarket' : 'rates.basisPpp'), date: r.conversion.rate.date ?? '—', source: r.conversion.rate.source ?? '—' })] : []),
      ...r.prices.map((p) => t('results.price', { parameter: p.parameter, value: fmt.money(p.value, r.currency, 2), model: fmt.money(p.inModelCurrency, c.modelCurrency, 2) })),
      ...r.problems.map((p) => problemText(p, t)),
    ];
    blocks.push(
      table({
        id: `tab-countries-${r.profileId}`,
        caption: t('report.countries.detailCaption', { country: countryName(r, fmt.locale), currency: r.currency ?? '—' }),
        header: [t('results.strategy'), t('results.cost'), t(effectKey), t('results.icer'), ...r.thresholds.map((x) => t('results.nmbAt', { threshold: fmt.money(x.threshold.value, x.threshold.currency) }))],
        rows: r.strategies.map((s, i) => {
          const inc = r.incremental.find((x) => x.id === s.id);
          const icer = inc?.status === 'dominated' ? t('results.dominated') : inc?.status === 'extendedly-dominated' ? t('results.extDominated') : inc?.icer !== null && inc?.icer !== undefined ? fmt.money(inc.icer, r.currency) : '—';
          return { cells: [s.label, fmt.money(s.cost, r.currency), fmt.number(s.effect, 3), icer, ...r.thresholds.map((x) => fmt.money(x.netBenefit[i], r.currency))], ...(r.optimal === s.id ? { tone: 'strong' as const } : {}) };
        }),
        numeric: true,
        notes,
      }),
    );
  }
  return [methods, draft('sec-countries-results', t('report.countries.resultsTitle'), blocks)];
}

