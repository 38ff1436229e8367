// Words for a model's settings and parameters, as the settings summary and the parameter table show them.
import type { Distribution, HtaModel, Parameter } from '../engine/model/schema';
import { jointLabel } from '../engine/uncertainty/joint-distribution';
import type { JointMembership } from '../engine/uncertainty/joint-distribution';
import { formatsFor } from './format';
import type { NumberFormats } from './format';

const english = formatsFor('en');

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

function countingLabel(s: HtaModel['settings']): string {
  const base = countingLabels[s.counting] ?? s.counting;
  const method = s.counting === 'custom' && s.countingWeights !== undefined ? `${base}: ${String(s.countingWeights)}` : base;
  return s.transitionValues === 'destination-row' ? `${method}; one-off transition values at the destination row` : method;
}

/** "1 month", "1 year", "1 week", else "0.25 years". */
export function describeCycleLength(years: number, fmt: NumberFormats = english): string {
  if (Math.abs(years - 1) < 1e-9) return '1 year';
  if (Math.abs(years * 12 - 1) < 1e-9) return '1 month';
  if (Math.abs(years * 52 - 1) < 1e-6 || Math.abs((years * 365.25) / 7 - 1) < 1e-6) return '1 week';
  if (Math.abs(years * 365.25 - 1) < 1e-6 || Math.abs(years * 365 - 1) < 1e-6) return '1 day';
  return `${fmt.parameter(years)} years`;
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
export function describeDiscount(spec: number | readonly { fromYear: number; rate: number }[], fmt: NumberFormats = english): string {
  if (typeof spec === 'number') return `${fmt.percent(spec)} a year`;
  return spec
    .map((step, k) => {
      const next = spec[k + 1];
      return next ? `${fmt.percent(step.rate)} years ${fmt.parameter(step.fromYear)}–${fmt.parameter(next.fromYear)}` : `${fmt.percent(step.rate)} from year ${fmt.parameter(step.fromYear)}`;
    })
    .join(', ');
}

/** The settings summary: cycle, horizon, discounting, counting, effect, currency, thresholds, cohort. */
export function settingsRows(model: HtaModel, fmt: NumberFormats = english): SettingRow[] {
  const s = model.settings;
  const cycles = cyclesOf(s);
  const horizonYears = cycles !== null ? cycles * s.cycleLength : null;
  const rows: SettingRow[] = [
    { label: 'Cycle length', value: describeCycleLength(s.cycleLength, fmt) },
    { label: 'Time horizon', value: horizonYears === null ? '—' : `${fmt.parameter(horizonYears)} years (${cycles} cycles)` },
    {
      label: 'Discount rates',
      value: `${s.discount.costsSchedule || s.discount.effectsSchedule ? `costs ${describeDiscount(s.discount.costsSchedule ?? s.discount.costs, fmt)}, effects ${describeDiscount(s.discount.effectsSchedule ?? s.discount.effects, fmt)}` : `costs ${fmt.percent(s.discount.costs)}, effects ${fmt.percent(s.discount.effects)} a year`}; ${s.discount.firstCycleDiscounted ? 'first cycle discounted' : 'first cycle not discounted'}`,
    },
    { label: 'Counting method', value: countingLabel(s) },
    { label: 'Effect measure', value: s.effect === 'qalys' ? 'QALYs' : 'Life-years' },
    { label: 'Currency and price year', value: [s.currency ?? 'not stated', s.priceYear !== undefined ? String(s.priceYear) : 'price year not stated'].join(', ') },
    {
      label: 'Willingness to pay',
      value: s.wtp.length === 0 ? 'none given' : s.wtp.map((w) => `${fmt.money(w, s.currency)} per ${s.effect === 'qalys' ? 'QALY' : 'life-year'}`).join('; '),
    },
    { label: 'Cohort', value: `${fmt.parameter(s.cohortSize)}${s.startAge !== undefined ? `, starting at age ${fmt.parameter(s.startAge)}` : ''}` },
  ];
  return rows;
}


/** "Beta(α = 350, β = 1401)", "Gamma(mean 1701, SE 1701)", "Dirichlet group from_A (α = 350)". */
export function describeDistribution(d: Distribution | undefined, fmt: NumberFormats = english): string {
  if (!d) return '—';
  const f = (x: number | undefined) => fmt.parameter(x);
  switch (d.type) {
    case 'beta':
      return d.alpha !== undefined ? `Beta(α = ${f(d.alpha)}, β = ${f(d.beta)})` : `Beta(mean ${f(d.mean)}, SE ${f(d.se)})`;
    case 'gamma':
      if (d.mean !== undefined) return `Gamma(mean ${f(d.mean)}, SE ${f(d.se)})`;
      return d.scale !== undefined ? `Gamma(shape ${f(d.shape)}, scale ${f(d.scale)})` : `Gamma(shape ${f(d.shape)}, rate ${f(d.rate)})`;
    case 'lognormal':
      return d.meanlog !== undefined ? `Log-normal(μ = ${f(d.meanlog)}, σ = ${f(d.sdlog)})` : `Log-normal(mean ${f(d.mean)}, SE ${f(d.se)})`;
    case 'normal': {
      const bounds = d.lower !== undefined || d.upper !== undefined ? ` in [${d.lower !== undefined ? f(d.lower) : '−∞'}, ${d.upper !== undefined ? f(d.upper) : '∞'}]` : '';
      return `Normal(mean ${f(d.mean)}, SD ${f(d.sd ?? d.se)})${bounds}`;
    }
    case 'uniform':
      return `Uniform(${f(d.min)}, ${f(d.max)})`;
    case 'triangular':
      return `Triangular(${f(d.min)}, ${f(d.mode)}, ${f(d.max)})`;
    case 'dirichlet':
      return `Dirichlet group ${d.group} (α = ${f(d.alpha)})`;
    case 'fixed':
      return `Fixed at ${f(d.value)}`;
  }
}

const jointScaleWords = { identity: '', log: ', log scale', logit: ', logit scale' } as const;

/**
 * A parameter's PSA distribution in words: its own, or the joint distribution it is sampled in ("Joint normal, logit
 * scale, with spec_plasma: Plasma ctDNA NGS accuracy"), so no sampled parameter reads as "—".
 */
export function describeParameterDistribution(p: Parameter, joint: JointMembership | undefined, fmt: NumberFormats = english): string {
  if (!joint) return describeDistribution(p.uncertainty?.distribution, fmt);
  const others = joint.spec.parameters.filter((_, i) => i !== joint.k).join(', ');
  return `Joint normal${jointScaleWords[joint.spec.scale?.[joint.k] ?? 'identity']}, with ${others}: ${jointLabel(joint.spec, joint.index)}`;
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
): string {
  const name = parameter.label ?? parameter.id;
  const unit = parameter.unit?.trim() ?? '';
  const money = /^([A-Z]{3})\b\s*(.*)$/.exec(unit);
  if (money || (parameter.kind === 'cost' && unit === '')) {
    const code = money?.[1] ?? currency;
    const per = money?.[2] ?? '';
    return `${name}, ${fmt.money(low, code, moneyDigits(low, high))} to ${fmt.money(high, code, moneyDigits(low, high))}${per ? ` ${per}` : ''}`;
  }
  const unitless = unit === '' || parameter.kind === 'probability' || parameter.kind === 'proportion' || /^(probability|proportion|share\b)/.test(unit);
  return `${name}, ${fmt.parameter(low)} to ${fmt.parameter(high)}${unitless ? '' : ` ${unit}`}`;
}

/** Whole currency units, or cents when the range is narrower than a few units. */
function moneyDigits(low: number, high: number): number {
  return Math.max(Math.abs(low), Math.abs(high)) < 100 && !(Number.isInteger(low) && Number.isInteger(high)) ? 2 : 0;
}

const stateWords: Record<string, string> = { PF: 'Progression-free', PD: 'Progressed', pf: 'Progression-free', pd: 'Progressed', OS: 'Alive', dead: 'Dead', Dead: 'Dead' };

/** A health state in words: the usual partitioned-survival ids ("PF" → "Progression-free"), else the id as words. */
export function stateLabel(id: string): string {
  if (stateWords[id]) return stateWords[id]!;
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a named scenario changes, in words: "Plasma NGS test cost 1500 (base 2000); horizon 10 years". */
export function describeScenario(model: Pick<HtaModel, 'parameters' | 'settings'>, scenario: HtaModel['scenarios'][number], fmt: NumberFormats = english): string {
  const parts: string[] = [];
  for (const [id, value] of Object.entries(scenario.parameters ?? {})) {
    const p = model.parameters.find((q) => q.id === id);
    const base = p?.value !== undefined ? fmt.parameter(p.value) : p?.expression;
    parts.push(`${p?.label ?? id} ${typeof value === 'number' ? fmt.parameter(value) : `= ${value}`}${base !== undefined ? ` (base ${base})` : ''}`);
  }
  for (const id of Object.keys(scenario.uncertainty ?? {})) {
    if (!(id in (scenario.parameters ?? {}))) parts.push(`new uncertainty for ${model.parameters.find((q) => q.id === id)?.label ?? id}`);
  }
  const s = scenario.settings ?? {};
  if (s.horizon !== undefined) parts.push(`horizon ${fmt.parameter(s.horizon)} years`);
  if (s.cycles !== undefined) parts.push(`${s.cycles} cycles`);
  if (s.discount?.costs !== undefined) parts.push(`costs discounted at ${fmt.percent(s.discount.costs, 1)}`);
  if (s.discount?.effects !== undefined) parts.push(`effects discounted at ${fmt.percent(s.discount.effects, 1)}`);
  if (s.counting !== undefined) parts.push(`counting: ${countingLabels[s.counting] ?? s.counting}`);
  for (const key of Object.keys(s)) {
    if (!['horizon', 'cycles', 'discount', 'counting'].includes(key)) parts.push(`${key} changed`);
  }
  if (scenario.perspective) parts.push(`perspective: ${scenario.perspective}`);
  return parts.length > 0 ? parts.join('; ') : 'No changes from the base case';
}
