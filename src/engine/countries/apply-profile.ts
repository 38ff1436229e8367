// Applying a country profile to a model document: the profile sets exactly what it defines that the model format
// has a place for (discounting of costs and effects, willingness-to-pay thresholds), and lists what it leaves
// alone and why (a field it does not know, a perspective the model states elsewhere, a threshold in a currency
// with no rate). The changes are returned as field differences, so the app can show them before applying.
import { diffJson } from '../json/json-diff';
import type { FieldChange } from '../json/json-diff';
import type { ModelDocumentJson } from '../model/document-edits';
import type { CountryProfile, ProfileDiscount, ProfileFieldId } from './country-profile';
import { emptyRateTable, findConversion } from './exchange-rates';
import type { Conversion, ExchangeRateTable } from './exchange-rates';

/** Why a profile field left the model alone: a code screens translate, and the reason in English words. */
export type NotAppliedCode = 'not-known' | 'no-threshold' | 'unit-mismatch' | 'no-model-currency' | 'no-rate' | 'described-only';

export interface ProfileFieldNote {
  field: ProfileFieldId;
  code: NotAppliedCode;
  /** Why the model keeps its own value, or what the profile value means for the model. */
  reason: string;
}

export interface ProfileApplication {
  document: ModelDocumentJson;
  /** Field differences from the input document (paths such as `settings.discount.costs`). */
  changes: FieldChange[];
  /** Profile fields that changed the model. */
  applied: ProfileFieldId[];
  /** Profile fields that did not change the model, with the reason. */
  notApplied: ProfileFieldNote[];
  /** The conversion of the profile's thresholds into the model's currency (whole units), when one was needed. */
  thresholdConversion: Conversion | null;
}

export interface ApplyProfileOptions {
  rates?: ExchangeRateTable;
}

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Discount settings with one side (costs or effects) set from a profile value: a flat rate or a schedule. */
function withDiscount(discount: JsonRecord, side: 'costs' | 'effects', value: ProfileDiscount): JsonRecord {
  const next = { ...discount };
  const scheduleKey = side === 'costs' ? 'costsSchedule' : 'effectsSchedule';
  if (typeof value === 'number') {
    next[side] = value;
    delete next[scheduleKey];
  } else {
    // The flat rate reads as the first step for tools that show one number.
    next[side] = value[0]!.rate;
    next[scheduleKey] = value.map((s) => ({ fromYear: s.fromYear, rate: s.rate }));
  }
  return next;
}

/** Profile fields that only describe methods (stated in reports), not model settings. */
const describedOnly: ProfileFieldId[] = [
  'guideline',
  'versionDate',
  'perspectiveCosts',
  'perspectiveOutcomes',
  'preferredOutcome',
  'analysisType',
  'modifiers',
  'budgetImpactRequired',
  'budgetImpactHorizonYears',
  'budgetImpactPerspective',
  'budgetImpactDiscounting',
  'sourceUrl',
];

export function applyCountryProfile(doc: ModelDocumentJson, profile: CountryProfile, options: ApplyProfileOptions = {}): ProfileApplication {
  const settings: JsonRecord = isRecord(doc.settings) ? { ...doc.settings } : {};
  let discount: JsonRecord = isRecord(settings.discount) ? { ...settings.discount } : {};
  const applied: ProfileFieldId[] = [];
  const notApplied: ProfileFieldNote[] = [];
  let thresholdConversion: Conversion | null = null;

  for (const [field, side] of [['discountCosts', 'costs'], ['discountEffects', 'effects']] as const) {
    const value = profile[field].value;
    if (value === null) notApplied.push({ field, code: 'not-known', reason: 'not known for this profile; the model keeps its own rate' });
    else {
      discount = withDiscount(discount, side, value);
      applied.push(field);
    }
  }
  settings.discount = discount;

  const thresholds = profile.thresholds.value;
  const modelCurrency = typeof settings.currency === 'string' ? settings.currency : null;
  const effect = settings.effect === 'life-years' ? 'life-year' : 'QALY';
  if (thresholds === null) notApplied.push({ field: 'thresholds', code: 'not-known', reason: 'not known for this profile; the model keeps its willingness-to-pay values' });
  else if (thresholds.length === 0) notApplied.push({ field: 'thresholds', code: 'no-threshold', reason: 'the guideline sets no threshold; the model keeps its willingness-to-pay values' });
  else if (thresholds.some((t) => t.per !== effect)) notApplied.push({ field: 'thresholds', code: 'unit-mismatch', reason: `the thresholds are per ${thresholds[0]!.per}, the model's effect is per ${effect}` });
  else if (modelCurrency === null) notApplied.push({ field: 'thresholds', code: 'no-model-currency', reason: 'the model states no currency (settings.currency), so thresholds cannot be set in it' });
  else {
    const currency = thresholds[0]!.currency;
    const conversion = findConversion(options.rates ?? emptyRateTable(), currency, modelCurrency);
    if (!conversion) notApplied.push({ field: 'thresholds', code: 'no-rate', reason: `no exchange rate from ${currency} to ${modelCurrency} in the rate table; add one to set the thresholds` });
    else {
      settings.wtp = thresholds.map((t) => Math.round(t.value * conversion.factor));
      if (conversion.rate) thresholdConversion = conversion;
      applied.push('thresholds');
    }
  }
  for (const field of describedOnly) {
    if (profile[field].value !== null) notApplied.push({ field, code: 'described-only', reason: 'stated in the report with the methods; the model format has no setting for it' });
  }

  const document = { ...doc, settings };
  const changes = diffJson(doc, document);
  return { document: changes.length > 0 ? document : doc, changes, applied, notApplied, thresholdConversion };
}
