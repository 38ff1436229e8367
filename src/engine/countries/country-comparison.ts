// One model under several country profiles: each country's discounting applied, its own prices where the user
// gives them, results in the currency of its thresholds (converted from the model's currency by a rate from the
// table, stated), net monetary benefit at each of its thresholds and the optimal strategy there, and the headroom:
// the highest price of a test (or drug) at which a strategy stays optimal at that threshold.
import { baseCase } from '../analysis/base-case';
import { parseModel } from '../compile-model';
import { calculateIcers } from '../economics/incremental';
import type { IncrementalRow } from '../economics/incremental';
import { setParameterValue } from '../model/document-edits';
import type { ModelDocumentJson } from '../model/document-edits';
import { createDsaSetup } from '../sensitivity/dsa-setup';
import { thresholdAnalysis } from '../sensitivity/threshold';
import { applyCountryProfile } from './apply-profile';
import type { ProfileFieldNote } from './apply-profile';
import type { CountryProfile, ProfileDiscount, Threshold } from './country-profile';
import { findConversion } from './exchange-rates';
import type { Conversion, ExchangeRateTable } from './exchange-rates';

export class CountryComparisonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CountryComparisonError';
  }
}

export interface CountryRequest {
  profile: CountryProfile;
  /** Parameter values (prices) for this country, in its result currency (see CountryResult.currency). */
  prices?: Record<string, number>;
}

export interface HeadroomRequest {
  /** The price parameter (e.g. the plasma test's unit cost). */
  parameter: string;
  /** The strategy whose cost-effectiveness the price decides. */
  strategy: string;
  /** Price range searched, in each country's result currency (default: 0 to 20 × the country's price). */
  low?: number;
  high?: number;
}

export interface CountryComparisonOptions {
  rates: ExchangeRateTable;
  headroom?: HeadroomRequest;
}

export interface CountryStrategyResult {
  id: string;
  label: string;
  /** Discounted cost per person, in the result currency. */
  cost: number;
  qalys: number;
  lifeYears: number;
  /** The model's effect measure (QALYs or life-years). */
  effect: number;
}

export interface HeadroomResult {
  /** 'found': the strategy is optimal up to `price`; 'above-range': optimal even at the top of the range;
   *  'never-optimal': not optimal even at the bottom of the range. */
  status: 'found' | 'above-range' | 'never-optimal';
  /** Highest price (result currency) at which the strategy is optimal; the range end for 'above-range'; null otherwise. */
  price: number | null;
  /** The strategy that becomes optimal above the headroom price. */
  overtakenBy: string | null;
  low: number;
  high: number;
}

export interface ThresholdOutcome {
  threshold: Threshold;
  /** The threshold in the model's currency (what the engine used). */
  inModelCurrency: number;
  /** Net monetary benefit per strategy (result currency), in strategy order. */
  netBenefit: number[];
  optimal: string;
  headroom: HeadroomResult | null;
}

export interface CountryResult {
  profileId: string;
  country: string;
  countryCode: string;
  agency: string;
  /** Currency of costs and net benefit: the thresholds' currency, or the model's when none can be used. */
  currency: string | null;
  /** Model currency → result currency (factor 1 and no rate when they are the same). */
  conversion: Conversion | null;
  discountCosts: { value: ProfileDiscount; from: 'profile' | 'model' };
  discountEffects: { value: ProfileDiscount; from: 'profile' | 'model' };
  prices: { parameter: string; value: number; inModelCurrency: number }[];
  strategies: CountryStrategyResult[];
  incremental: IncrementalRow[];
  thresholds: ThresholdOutcome[];
  /** Optimal strategy at the first threshold; null when the country has no usable threshold. */
  optimal: string | null;
  /** Why something could not be computed (no threshold, no exchange rate): a code and the reason in words. */
  problems: ComparisonProblem[];
  /** Profile fields the model did not take, with the reason (perspective, outcome, …). */
  notApplied: ProfileFieldNote[];
}

export interface ComparisonProblem {
  code: 'no-threshold-known' | 'no-threshold' | 'unit-mismatch' | 'no-rate' | 'no-model-currency';
  message: string;
  /** Currencies of a missing rate. */
  from?: string;
  to?: string;
}

export interface CountryComparison {
  modelTitle: string;
  modelCurrency: string | null;
  effect: 'qalys' | 'life-years';
  strategyIds: string[];
  countries: CountryResult[];
}

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

function modelDiscount(doc: ModelDocumentJson, side: 'costs' | 'effects'): ProfileDiscount {
  const d = isRecord(doc.settings) && isRecord(doc.settings.discount) ? doc.settings.discount : {};
  const schedule = d[side === 'costs' ? 'costsSchedule' : 'effectsSchedule'];
  if (Array.isArray(schedule)) return schedule as ProfileDiscount;
  return typeof d[side] === 'number' ? d[side] : 0;
}

function argMax(values: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j]! > values[best]!) best = j;
  return best;
}

/** Runs the model document under each country's profile; throws CountryComparisonError for unusable requests. */
export function compareCountries(doc: ModelDocumentJson, requests: readonly CountryRequest[], options: CountryComparisonOptions): CountryComparison {
  if (requests.length === 0) throw new CountryComparisonError('choose at least one country profile');
  const base = parseModel(doc);
  const modelCurrency = base.settings.currency ?? null;
  const parameterIds = new Set(base.parameters.map((p) => p.id));
  const strategyIds = base.strategies.map((s) => s.id);
  if (options.headroom) {
    if (!parameterIds.has(options.headroom.parameter)) throw new CountryComparisonError(`headroom: the model has no parameter "${options.headroom.parameter}"`);
    if (!strategyIds.includes(options.headroom.strategy)) throw new CountryComparisonError(`headroom: the model has no strategy "${options.headroom.strategy}"`);
  }
  const countries = requests.map((request) => compareOne(doc, request, options, modelCurrency, parameterIds));
  return { modelTitle: base.metadata.title, modelCurrency, effect: base.settings.effect, strategyIds, countries };
}

function compareOne(doc: ModelDocumentJson, request: CountryRequest, options: CountryComparisonOptions, modelCurrency: string | null, parameterIds: Set<string>): CountryResult {
  const { profile } = request;
  const problems: ComparisonProblem[] = [];
  // Discounting only: thresholds are used here in their own currency, not written into the model.
  const discountOnly = { ...profile, thresholds: { value: null, status: 'unverified' as const } };
  const application = applyCountryProfile(doc, discountOnly, { rates: options.rates });
  const notApplied = applyCountryProfile(doc, profile, { rates: options.rates }).notApplied.filter((n) => n.field !== 'discountCosts' && n.field !== 'discountEffects');

  const thresholds = profile.thresholds.value ?? [];
  const effectUnit = parseModel(doc).settings.effect === 'life-years' ? 'life-year' : 'QALY';
  const usable = thresholds.filter((t) => t.per === effectUnit);
  if (profile.thresholds.value === null) problems.push({ code: 'no-threshold-known', message: 'No threshold is known for this profile: net benefit and the optimal strategy are not computed (add one in your copy of the profile).' });
  else if (thresholds.length === 0) problems.push({ code: 'no-threshold', message: 'The guideline sets no threshold: net benefit and the optimal strategy do not apply.' });
  else if (usable.length < thresholds.length) problems.push({ code: 'unit-mismatch', message: `Thresholds per ${thresholds.find((t) => t.per !== effectUnit)!.per} do not apply to a model whose effect is per ${effectUnit}.` });

  // Results are in the thresholds' currency when the rate table can convert the model's costs into it.
  let conversion: Conversion | null = modelCurrency ? findConversion(options.rates, modelCurrency, modelCurrency) : null;
  let currency = modelCurrency;
  const wanted = usable[0]?.currency;
  if (wanted && wanted !== modelCurrency) {
    const found = modelCurrency ? findConversion(options.rates, modelCurrency, wanted) : null;
    if (found) {
      conversion = found;
      currency = wanted;
    } else {
      problems.push(
        modelCurrency
          ? { code: 'no-rate', from: modelCurrency, to: wanted, message: `No exchange rate between ${modelCurrency} and ${wanted} in the rate table: results stay in ${modelCurrency} and are not compared with the ${wanted} thresholds.` }
          : { code: 'no-model-currency', message: `The model states no currency, so its costs cannot be compared with thresholds in ${wanted}.` },
      );
    }
  }
  const comparable = usable.filter((t) => t.currency === currency);
  const factor = conversion?.factor ?? 1;

  let working = application.document;
  const prices: CountryResult['prices'] = [];
  for (const [parameter, value] of Object.entries(request.prices ?? {})) {
    if (!parameterIds.has(parameter)) throw new CountryComparisonError(`${profile.id}: the model has no parameter "${parameter}"`);
    if (!Number.isFinite(value)) throw new CountryComparisonError(`${profile.id}: the price of "${parameter}" must be a finite number`);
    const inModelCurrency = value / factor;
    working = setParameterValue(working, parameter, inModelCurrency);
    prices.push({ parameter, value, inModelCurrency });
  }

  const model = parseModel(working);
  const result = baseCase(model);
  const strategies = result.strategies.map((s) => ({ id: s.id, label: s.label, cost: s.cost * factor, qalys: s.qalys, lifeYears: s.lifeYears, effect: s.effect }));
  const incremental = calculateIcers(strategies.map((s) => ({ id: s.id, label: s.label, cost: s.cost, effect: s.effect })));

  const setup = options.headroom ? createDsaSetup(model) : null;
  const outcomes = comparable.map((threshold): ThresholdOutcome => {
    const netBenefit = strategies.map((s) => threshold.value * s.effect - s.cost);
    const inModelCurrency = threshold.value / factor;
    let headroom: HeadroomResult | null = null;
    if (options.headroom && setup) {
      const h = options.headroom;
      const current = result.parameterValues[h.parameter]! * factor;
      const low = h.low ?? 0;
      const high = h.high ?? Math.max(20 * current, 1);
      if (!(low < high)) throw new CountryComparisonError(`headroom: the price range must have low < high (got ${low}, ${high})`);
      const t = thresholdAnalysis(setup, { parameter: h.parameter, wtp: inModelCurrency, low: low / factor, high: high / factor, gridPoints: 81 });
      // The last change away from the strategy as its price rises is its headroom.
      const away = t.thresholds.filter((c) => c.from === h.strategy);
      const last = away[away.length - 1];
      if (t.optimalAtHigh === h.strategy) headroom = { status: 'above-range', price: high, overtakenBy: null, low, high };
      else if (last) headroom = { status: 'found', price: last.value * factor, overtakenBy: last.to, low, high };
      else headroom = { status: 'never-optimal', price: null, overtakenBy: null, low, high };
    }
    return { threshold, inModelCurrency, netBenefit, optimal: strategies[argMax(netBenefit)]!.id, headroom };
  });

  return {
    profileId: profile.id,
    country: profile.country,
    countryCode: profile.countryCode,
    agency: profile.agency,
    currency,
    conversion,
    discountCosts: profile.discountCosts.value !== null ? { value: profile.discountCosts.value, from: 'profile' } : { value: modelDiscount(doc, 'costs'), from: 'model' },
    discountEffects: profile.discountEffects.value !== null ? { value: profile.discountEffects.value, from: 'profile' } : { value: modelDiscount(doc, 'effects'), from: 'model' },
    prices,
    strategies,
    incremental,
    thresholds: outcomes,
    optimal: outcomes[0]?.optimal ?? null,
    problems,
    notApplied,
  };
}

export type CountryComparisonOutcome = { ok: true; result: CountryComparison } | { ok: false; message: string };

/** compareCountries for screens: a request or model that cannot run becomes a message, never a throw. */
export function runCountryComparison(doc: ModelDocumentJson, requests: readonly CountryRequest[], options: CountryComparisonOptions): CountryComparisonOutcome {
  try {
    return { ok: true, result: compareCountries(doc, requests, options) };
  } catch (error) {
    if (error instanceof Error && error.name !== 'TypeError' && error.name !== 'RangeError' && error.name !== 'ReferenceError') return { ok: false, message: error.message };
    throw error;
  }
}
