// Country comparison in words and as a chart, shared by the Countries screen and the report: discounting
// described in the display language, and the incremental net benefit of each strategy at each country's threshold.
import type { ComparisonProblem, CountryComparison, CountryResult } from '../../engine/countries/country-comparison';
import type { ProfileDiscount, Threshold } from '../../engine/countries/country-profile';
import type { Chart } from '../document';
import { groupedBarChart } from '../charts/charts';
import { seriesColour } from '../charts/svg';
import type { NumberFormats, ReportLocale } from '../format';
import { translator } from '../i18n/translate';
import type { MessageKey, Translate } from '../i18n/translate';

/** "3.0% a year", or "3.5% years 0–35, 2.5% years 35–70, 1.5% from year 70", in the display language. */
export function discountText(spec: ProfileDiscount, t: Translate, fmt: NumberFormats): string {
  if (typeof spec === 'number') return t('discount.flat', { rate: fmt.percent(spec) });
  return spec
    .map((step, k) => {
      const next = spec[k + 1];
      return next
        ? t('discount.step', { rate: fmt.percent(step.rate), from: fmt.parameter(step.fromYear), to: fmt.parameter(next.fromYear) })
        : t('discount.lastStep', { rate: fmt.percent(step.rate), from: fmt.parameter(step.fromYear) });
    })
    .join(', ');
}

/** "£20,000 per QALY (lower end of the range)". */
export function thresholdText(threshold: Threshold, t: Translate, fmt: NumberFormats, withLabel = true): string {
  const amount = t(threshold.per === 'QALY' ? 'threshold.perQaly' : 'threshold.perLifeYear', { amount: fmt.money(threshold.value, threshold.currency) });
  return withLabel && threshold.label ? `${amount} (${threshold.label})` : amount;
}

/** The label of a strategy id in the comparison. */
export function strategyLabel(c: CountryComparison, id: string | null): string {
  if (id === null) return '—';
  return c.countries[0]?.strategies.find((s) => s.id === id)?.label ?? id;
}

/** Incremental net benefit of each strategy against the first, at the country's first threshold, in model currency. */
function incrementalNetBenefit(r: CountryResult): number[] | null {
  const first = r.thresholds[0];
  if (!first) return null;
  const factor = r.conversion?.factor ?? 1;
  return first.netBenefit.map((nb) => (nb - first.netBenefit[0]!) / factor);
}

export function countryComparisonChart(c: CountryComparison, t: Translate, fmt: NumberFormats, id = 'country-comparison-chart'): Chart {
  const currency = c.modelCurrency ?? '';
  const groups = c.countries.map((r) => (r.thresholds.length > 0 ? countryName(r, fmt.locale) : t('chart.noThreshold', { country: countryName(r, fmt.locale) })));
  const values = c.countries.map(incrementalNetBenefit);
  const series = c.strategyIds.map((sid, si) => ({ label: strategyLabel(c, sid), colour: seriesColour(si), values: values.map((v) => v?.[si] ?? 0) }));
  const optimal = c.countries.map((r) => `${countryName(r, fmt.locale)}: ${strategyLabel(c, r.optimal)}`).join('; ');
  return groupedBarChart({
    id,
    title: t('chart.title'),
    description: t('chart.description', { reference: strategyLabel(c, c.strategyIds[0] ?? null), optimal }),
    groups,
    series,
    y: { label: t('chart.yLabel', { currency }), format: (v) => fmt.moneyCompact(v, c.modelCurrency) },
    xLabel: t('chart.xLabel'),
  });
}

/** A comparison problem in the display language (the engine's English message for codes without a text). */
export function problemText(problem: ComparisonProblem, t: Translate): string {
  switch (problem.code) {
    case 'no-threshold-known':
      return t('problem.noThresholdKnown');
    case 'no-threshold':
      return t('problem.noThreshold');
    case 'no-rate':
      return t('problem.noRate', { from: problem.from ?? '', to: problem.to ?? '' });
    default:
      return problem.message;
  }
}

const ukNations: Record<string, MessageKey> = {
  england: 'country.england',
  scotland: 'country.scotland',
  wales: 'country.wales',
  'northern ireland': 'country.northernIreland',
};

/**
 * The country's name in the display language (Intl.DisplayNames from its ISO code); the UK's nations (England's
 * guideline is not the United Kingdom's) from the catalogue; a name neither knows stays the profile's own.
 */
export function countryName(profile: { country: string; countryCode: string }, locale: ReportLocale): string {
  if (locale === 'en') return profile.country;
  // The United Kingdom's nations have their own agencies (NICE for England); Intl names only the kingdom.
  if (profile.countryCode === 'GB') {
    const nation = ukNations[profile.country.trim().toLowerCase()];
    return nation ? translator(locale)(nation) : profile.country;
  }
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(profile.countryCode) ?? profile.country;
  } catch {
    return profile.country;
  }
}
