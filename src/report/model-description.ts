// Words for a model's settings and parameters, as the settings summary and the parameter table show them.
import type { Distribution, HtaModel, Parameter } from '../engine/model/schema';
import { jointLabel } from '../engine/uncertainty/joint-distribution';
import type { JointMembership } from '../engine/uncertainty/joint-distribution';
import { capitalFirst, formatsFor } from './format';
import type { NumberFormats } from './format';
import { translator } from './i18n/translate';
import type { Translate } from './i18n/translate';

// Every function here takes the language's formats and lookup last, defaulting to English (the renderer's and the
// CLI's callers pass none).
const english = formatsFor('en');
const englishWords = translator('en');

export const countingLabels: Record<string, string> = {
  beginning: 'Beginning of cycle (no correction)',
  none: 'Beginning of cycle (no correction)',
  end: 'End of cycle',
  'life-table': 'Life-table (mean of start and end of cycle)',
  trapezoidal: 'Trapezoidal (half-cycle correction)',
  'half-cycle': 'Trapezoidal (half-cycle correction)',
  'simpson-1/3': "Simpson's 1/3 rule (textbook weights 1, 4, 2, …, 4, 1)",
  custom: 'Custom weights',
};

/** A counting method's name in the language of `t`. */
export function countingLabel(counting: string, t: Translate = englishWords): string {
  return Object.hasOwn(countingLabels, counting) ? t(`modelWords.counting.${counting as 'end'}`) : counting;
}

function countingText(s: HtaModel['settings'], t: Translate): string {
  const base = countingLabel(s.counting, t);
  const method = s.counting === 'custom' && s.countingWeights !== undefined ? `${base}: ${String(s.countingWeights)}` : base;
  return s.transitionValues === 'destination-row' ? t('modelWords.destinationRow', { method }) : method;
}

/** "1 month", "1 year", "1 week", else "0.25 years". */
export function describeCycleLength(years: number, fmt: NumberFormats = english, t: Translate = englishWords): string {
  if (Math.abs(years - 1) < 1e-9) return t('modelWords.oneYear');
  if (Math.abs(years * 12 - 1) < 1e-9) return t('modelWords.oneMonth');
  if (Math.abs(years * 52 - 1) < 1e-6 || Math.abs((years * 365.25) / 7 - 1) < 1e-6) return t('modelWords.oneWeek');
  if (Math.abs(years * 365.25 - 1) < 1e-6 || Math.abs(years * 365 - 1) < 1e-6) return t('modelWords.oneDay');
  return t('modelWords.years', { n: fmt.parameter(years) });
}

export function cyclesOf(settings: HtaModel['settings']): number | null {
  if (settings.cycles !== undefined) return settings.cycles;
  if (settings.horizon !== undefined) return Math.round(settings.horizon / settings.cycleLength);
  return null;
}

export interface SettingRow {
  label: string;
  value: string;
}

/** "3.5% a year", or a stepped schedule: "3.5% years 0–35, 2.5% years 35–70, 1.5% from year 70". */
export function describeDiscount(spec: number | readonly { fromYear: number; rate: number }[], fmt: NumberFormats = english, t: Translate = englishWords): string {
  if (typeof spec === 'number') return t('modelWords.rateAYear', { rate: fmt.percent(spec) });
  return spec
    .map((step, k) => {
      const next = spec[k + 1];
      return next ? t('modelWords.rateYears', { rate: fmt.percent(step.rate), from: fmt.parameter(step.fromYear), to: fmt.parameter(next.fromYear) }) : t('modelWords.rateFromYear', { rate: fmt.percent(step.rate), from: fmt.parameter(step.fromYear) });
    })
    .join(', ');
}

/** The settings summary: cycle, horizon, discounting, counting, effect, currency, thresholds, cohort. */
export function settingsRows(model: HtaModel, fmt: NumberFormats = english, t: Translate = englishWords): SettingRow[] {
  const s = model.settings;
  const cycles = cyclesOf(s);
  const horizonYears = cycles !== null ? cycles * s.cycleLength : null;
  const schedules = s.discount.costsSchedule || s.discount.effectsSchedule;
  const rates = schedules
    ? t('modelWords.discountSchedules', { costs: describeDiscount(s.discount.costsSchedule ?? s.discount.costs, fmt, t), effects: describeDiscount(s.discount.effectsSchedule ?? s.discount.effects, fmt, t) })
    : t('modelWords.discountRates', { costs: fmt.percent(s.discount.costs), effects: fmt.percent(s.discount.effects) });
  const unit = s.effect === 'qalys' ? t('reportText.qaly') : t('reportText.lifeYear');
  const rows: SettingRow[] = [
    { label: t('modelWords.cycleLength'), value: describeCycleLength(s.cycleLength, fmt, t) },
    { label: t('reportBudget.horizon'), value: horizonYears === null ? '—' : t('modelWords.horizon', { years: fmt.parameter(horizonYears), cycles: cycles! }) },
    { label: t('modelWords.discountRatesLabel'), value: `${rates}; ${s.discount.firstCycleDiscounted ? t('modelWords.firstDiscounted') : t('modelWords.firstNotDiscounted')}` },
    { label: t('modelWords.counting'), value: countingText(s, t) },
    { label: t('modelWords.effect'), value: s.effect === 'qalys' ? t('reportText.qalysLabel') : t('reportText.lifeYearsLabel') },
    { label: t('reportBudget.currency'), value: [s.currency ?? t('reportBudget.notStated'), s.priceYear !== undefined ? String(s.priceYear) : t('modelWords.priceYearNotStated')].join(', ') },
    { label: t('reportUncertainty.wtp'), value: s.wtp.length === 0 ? t('modelWords.noneGiven') : s.wtp.map((w) => t('reportText.perUnit', { amount: fmt.money(w, s.currency), unit })).join('; ') },
    { label: t('modelWords.cohort'), value: `${fmt.parameter(s.cohortSize)}${s.startAge !== undefined ? t('modelWords.startAge', { age: fmt.parameter(s.startAge) }) : ''}` },
  ];
  return rows;
}


/**
 * "Beta(α = 350, β = 1401)", "Gamma(mean 1701, SE 1701)", "Dirichlet group from_A (α = 350)"; numbers as typed, or
 * grouped for readers ("Gamma(mean 5,294, SE 529)"; fr "5 294").
 */
export function describeDistribution(d: Distribution | undefined, fmt: NumberFormats = english, t: Translate = englishWords, numbers: 'typed' | 'grouped' = 'typed'): string {
  if (!d) return '—';
  const f = (x: number | undefined) => (numbers === 'grouped' ? fmt.grouped(x) : fmt.parameter(x));
  // The arguments are separated by the formats' list separator: never a comma where the comma is the decimal mark.
  const sep = fmt.listSeparator;
  const args = (...values: string[]) => `(${values.join(sep)})`;
  const meanSe = (name: string, e: { mean?: number | undefined; se?: number | undefined }) => t('modelWords.dist.meanSe', { name, mean: f(e.mean), se: f(e.se), sep });
  switch (d.type) {
    case 'beta':
      return d.alpha !== undefined ? `Beta${args(`α = ${f(d.alpha)}`, `β = ${f(d.beta)}`)}` : meanSe('Beta', d);
    case 'gamma':
      if (d.mean !== undefined) return meanSe('Gamma', d);
      return d.scale !== undefined ? t('modelWords.dist.gammaScale', { shape: f(d.shape), scale: f(d.scale), sep }) : t('modelWords.dist.gammaRate', { shape: f(d.shape), rate: f(d.rate), sep });
    case 'lognormal':
      return d.meanlog !== undefined ? `${t('modelWords.dist.lognormal')}${args(`μ = ${f(d.meanlog)}`, `σ = ${f(d.sdlog)}`)}` : meanSe(t('modelWords.dist.lognormal'), d);
    case 'normal': {
      const bounds = d.lower !== undefined || d.upper !== undefined ? t('modelWords.dist.bounds', { lower: d.lower !== undefined ? f(d.lower) : '−∞', upper: d.upper !== undefined ? f(d.upper) : '∞', sep }) : '';
      return `${t('modelWords.dist.normal', { mean: f(d.mean), sd: f(d.sd ?? d.se), sep })}${bounds}`;
    }
    case 'uniform':
      return `${t('modelWords.dist.uniform')}${args(f(d.min), f(d.max))}`;
    case 'triangular':
      return `${t('modelWords.dist.triangular')}${args(f(d.min), f(d.mode), f(d.max))}`;
    case 'dirichlet':
      return t('modelWords.dist.dirichlet', { group: d.group, alpha: f(d.alpha) });
    case 'fixed':
      return t('modelWords.dist.fixed', { value: f(d.value) });
  }
}


/**
 * A parameter's PSA distribution in words: its own, or the joint distribution it is sampled in ("Joint normal, logit
 * scale, with spec_plasma: Plasma ctDNA NGS accuracy"), so no sampled parameter reads as "—".
 */
export function describeParameterDistribution(p: Parameter, joint: JointMembership | undefined, fmt: NumberFormats = english, t: Translate = englishWords, numbers: 'typed' | 'grouped' = 'typed'): string {
  if (!joint) return describeDistribution(p.uncertainty?.distribution, fmt, t, numbers);
  const others = joint.spec.parameters.filter((_, i) => i !== joint.k).join(', ');
  const scale = joint.spec.scale?.[joint.k] ?? 'identity';
  return t(scale === 'log' ? 'modelWords.jointLog' : scale === 'logit' ? 'modelWords.jointLogit' : 'modelWords.joint', { others, label: jointLabel(joint.spec, joint.index) });
}

/**
 * A parameter's name with its range in its unit, for tornado rows and range lists: "Targeted therapy cost, €3,000
 * to €7,000 per month", "Plasma NGS turnaround, 7 to 12 days", "Plasma NGS sensitivity, 0.63 to 0.74". Money
 * units ("EUR per month", or a cost without unit) are shown as money; probabilities and shares carry no unit.
 */
export function parameterRangeText(
  parameter: { label?: string; id: string; unit?: string; kind?: string },
  low: number,
  high: number,
  currency: string | undefined,
  fmt: NumberFormats = english,
  t: Translate = englishWords,
): string {
  const name = parameter.label ?? parameter.id;
  const shown = unitOf(parameter, currency);
  if (shown.money !== false) {
    const ends = { name, low: fmt.money(low, shown.money, moneyDigits(low, high)), high: fmt.money(high, shown.money, moneyDigits(low, high)) };
    return shown.unit ? t('modelWords.rangeUnit', { ...ends, unit: shown.unit }) : t('modelWords.range', ends);
  }
  const ends = { name, low: fmt.parameter(low), high: fmt.parameter(high) };
  return shown.unit ? t('modelWords.rangeUnit', { ...ends, unit: shown.unit }) : t('modelWords.range', ends);
}

/** How a parameter's values read: as money of a currency ("EUR per month", a cost without unit), with a unit, or bare. */
function unitOf(parameter: { unit?: string; kind?: string }, currency: string | undefined): { money: string | undefined | false; unit: string } {
  const unit = parameter.unit?.trim() ?? '';
  const money = /^([A-Z]{3})\b\s*(.*)$/.exec(unit);
  if (money || (parameter.kind === 'cost' && unit === '')) return { money: money?.[1] ?? currency, unit: money?.[2] ?? '' };
  const unitless = unit === '' || parameter.kind === 'probability' || parameter.kind === 'proportion' || /^(probability|proportion|share\b)/.test(unit);
  return { money: false, unit: unitless ? '' : unit };
}

/**
 * A parameter as a chart axis: its name with the unit the ticks leave out ("Targeted therapy cost (per month)"), and
 * ticks in the reader's format, money with its currency ("€7,000").
 */
export function parameterAxis(parameter: { label?: string; id: string; unit?: string; kind?: string }, currency: string | undefined, fmt: NumberFormats = english): { label: string; format: (v: number) => string } {
  const shown = unitOf(parameter, currency);
  const name = parameter.label ?? parameter.id;
  return {
    label: shown.unit ? `${name} (${shown.unit})` : name,
    format: shown.money !== false ? (v) => fmt.money(v, shown.money as string | undefined, moneyDigits(v, v)) : (v) => fmt.grouped(v),
  };
}

/** One value of a parameter in its unit, for tables: "€3,000 per month", "7 days", "0.63" (grouped: "1,500"). */
export function parameterValueText(parameter: { unit?: string; kind?: string }, value: number, currency: string | undefined, fmt: NumberFormats = english): string {
  const shown = unitOf(parameter, currency);
  const text = shown.money !== false ? fmt.money(value, shown.money, moneyDigits(value, value)) : fmt.grouped(value);
  return shown.unit ? `${text} ${shown.unit}` : text;
}

/** Whole currency units, or cents when the range is narrower than a few units. */
function moneyDigits(low: number, high: number): number {
  return Math.max(Math.abs(low), Math.abs(high)) < 100 && !(Number.isInteger(low) && Number.isInteger(high)) ? 2 : 0;
}

// died_before_treatment: the state a tree with waiting mortality adds (the engine's, so worded like the others).
const stateWords: Record<string, 'progressionFree' | 'progressed' | 'alive' | 'dead' | 'diedBeforeTreatment'> = { PF: 'progressionFree', PD: 'progressed', pf: 'progressionFree', pd: 'progressed', OS: 'alive', dead: 'dead', Dead: 'dead', died_before_treatment: 'diedBeforeTreatment' };

/** A health state in words: the usual partitioned-survival ids ("PF" → "Progression-free"), else the id as words. */
export function stateLabel(id: string, t: Translate = englishWords): string {
  const known = Object.hasOwn(stateWords, id) ? stateWords[id] : undefined;
  if (known) return t(`modelWords.state.${known}`);
  return capitalFirst(id.replace(/_/g, ' '));
}

/** What a named scenario changes, in words: "Plasma NGS test cost 1500 (base 2000); horizon 10 years". */
export function describeScenario(model: Pick<HtaModel, 'parameters' | 'settings'>, scenario: HtaModel['scenarios'][number], fmt: NumberFormats = english, t: Translate = englishWords): string {
  const parts: string[] = [];
  for (const [id, value] of Object.entries(scenario.parameters ?? {})) {
    const p = model.parameters.find((q) => q.id === id);
    const base = p?.value !== undefined ? fmt.parameter(p.value) : p?.expression;
    const shown = { name: p?.label ?? id, value: typeof value === 'number' ? fmt.parameter(value) : `= ${value}` };
    parts.push(base !== undefined ? t('modelWords.scenario.valueBase', { ...shown, base }) : t('modelWords.scenario.value', shown));
  }
  for (const id of Object.keys(scenario.uncertainty ?? {})) {
    if (!(id in (scenario.parameters ?? {}))) parts.push(t('modelWords.scenario.newUncertainty', { name: model.parameters.find((q) => q.id === id)?.label ?? id }));
  }
  const s = scenario.settings ?? {};
  if (s.horizon !== undefined) parts.push(t('modelWords.scenario.horizon', { years: fmt.parameter(s.horizon) }));
  if (s.cycles !== undefined) parts.push(t('modelWords.scenario.cycles', { n: s.cycles }));
  if (s.discount?.costs !== undefined) parts.push(t('modelWords.scenario.discountCosts', { rate: fmt.percent(s.discount.costs, 1) }));
  if (s.discount?.effects !== undefined) parts.push(t('modelWords.scenario.discountEffects', { rate: fmt.percent(s.discount.effects, 1) }));
  if (s.counting !== undefined) parts.push(t('modelWords.scenario.counting', { method: countingLabel(s.counting, t) }));
  for (const key of Object.keys(s)) {
    if (!['horizon', 'cycles', 'discount', 'counting'].includes(key)) parts.push(t('modelWords.scenario.changed', { setting: key }));
  }
  if (scenario.perspective) parts.push(t('modelWords.scenario.perspective', { perspective: scenario.perspective }));
  return parts.length > 0 ? parts.join('; ') : t('modelWords.scenario.none');
}
