// Country profiles: what an HTA agency's economic-evaluation guideline asks of a model (discounting, perspective,
// outcome, thresholds, budget impact), each field with its source and how sure it is. Shipped profiles live in
// resources/countries/country-profiles.json; users edit copies in their workspace. A field nobody verified stays
// empty (value null) and says so; it is never filled with a guess.
import { z } from 'zod';

export const COUNTRY_PROFILES_FORMAT = 'hta-workbench-country-profiles';
export const COUNTRY_PROFILES_VERSION = 1;

/**
 * verified: seen in the retrieved text of the guideline or a primary source; secondary: reported by a secondary
 * source (check before relying on it); unverified: not retrieved, or known only second-hand; the value stays empty.
 */
export const verificationStatuses = ['verified', 'secondary', 'unverified'] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const rate = finite.refine((v) => v > -1 && v < 1, 'must be an annual rate between −1 and 1 (0.035 for 3.5%)');

/** A flat annual rate, or steps by year (each rate compounds over the years of its step). */
export const profileDiscountSchema = z.union([
  rate,
  z
    .array(z.object({ fromYear: finite.refine((v) => v >= 0, 'must be 0 or more'), rate }).strict())
    .min(1)
    .refine((steps) => steps[0]!.fromYear === 0 && steps.every((s, k) => k === 0 || s.fromYear > steps[k - 1]!.fromYear), 'steps start at year 0 and increase'),
]);

export const thresholdSchema = z
  .object({
    value: finite.refine((v) => v >= 0, 'must be 0 or more'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
    /** What one unit of effect is, e.g. "QALY". */
    per: z.enum(['QALY', 'life-year']).default('QALY'),
    /** "lower end of the range", "maximum reference value (highest disease burden)", … */
    label: z.string().optional(),
  })
  .strict();

export const modifierSchema = z
  .object({
    description: z.string().min(1),
    /** The largest weight on QALYs the modifier allows (e.g. 1.7), when the source gives one. */
    maxQalyWeight: finite.optional(),
  })
  .strict();

/** One field of a profile: its value (null: not known), how sure it is, where it comes from. */
function field<T extends z.ZodType>(value: T) {
  return z
    .object({
      value: value.nullable(),
      status: z.enum(verificationStatuses),
      source: z.string().optional(),
      note: z.string().optional(),
    })
    .strict();
}

export const countryProfileSchema = z
  .object({
    /** Stable id, e.g. "BE-KCE"; a user's copy gets its own id. */
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, - and _'),
    country: z.string().min(1),
    /** ISO 3166-1 alpha-2 code (GB for England). */
    countryCode: z.string().regex(/^[A-Z]{2}$/),
    agency: z.string().min(1),
    /** Shipped with the app (read-only) or a user's copy. */
    origin: z.enum(['shipped', 'user']).default('shipped'),
    guideline: field(z.string()),
    versionDate: field(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD')),
    discountCosts: field(profileDiscountSchema),
    discountEffects: field(profileDiscountSchema),
    perspectiveCosts: field(z.string()),
    perspectiveOutcomes: field(z.string()),
    preferredOutcome: field(z.string()),
    analysisType: field(z.string()),
    /** [] = the guideline sets no threshold; null = not known. */
    thresholds: field(z.array(thresholdSchema)),
    modifiers: field(z.array(modifierSchema)),
    budgetImpactRequired: field(z.boolean()),
    budgetImpactHorizonYears: field(finite.refine((v) => v > 0)),
    budgetImpactPerspective: field(z.string()),
    budgetImpactDiscounting: field(z.string()),
    sourceUrl: field(z.string().url()),
    notes: z.array(z.string()).default([]),
  })
  .strict();

export const countryProfilesFileSchema = z
  .object({
    format: z.literal(COUNTRY_PROFILES_FORMAT),
    version: z.literal(COUNTRY_PROFILES_VERSION),
    /** Where the shipped values come from, in a sentence. */
    basis: z.string().optional(),
    profiles: z.array(countryProfileSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.profiles.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['profiles', i, 'id'], message: `duplicate profile id "${p.id}"` });
      seen.add(p.id);
    });
  });

export type CountryProfile = z.output<typeof countryProfileSchema>;
export type CountryProfileInput = z.input<typeof countryProfileSchema>;
export type CountryProfilesFile = z.output<typeof countryProfilesFileSchema>;
export type ProfileDiscount = z.output<typeof profileDiscountSchema>;
export type Threshold = z.output<typeof thresholdSchema>;

/** The field names that carry a value and a verification status, in the order profiles are shown. */
export const profileFieldIds = [
  'guideline',
  'versionDate',
  'discountCosts',
  'discountEffects',
  'perspectiveCosts',
  'perspectiveOutcomes',
  'preferredOutcome',
  'analysisType',
  'thresholds',
  'modifiers',
  'budgetImpactRequired',
  'budgetImpactHorizonYears',
  'budgetImpactPerspective',
  'budgetImpactDiscounting',
  'sourceUrl',
] as const satisfies readonly (keyof CountryProfile)[];
export type ProfileFieldId = (typeof profileFieldIds)[number];

/** Fields whose value is known (not null), and the rest, for "verified / unverified" listings. */
export function fieldsByStatus(profile: CountryProfile): Record<VerificationStatus | 'empty', ProfileFieldId[]> {
  const out: Record<VerificationStatus | 'empty', ProfileFieldId[]> = { verified: [], secondary: [], unverified: [], empty: [] };
  for (const id of profileFieldIds) {
    const f = profile[id];
    if (f.value === null) out.empty.push(id);
    out[f.status].push(id);
  }
  return out;
}

export class CountryProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CountryProfileError';
  }
}

/** A profiles file read and checked; throws CountryProfileError naming the first problem's path. */
export function parseCountryProfiles(json: unknown): CountryProfilesFile {
  const r = countryProfilesFileSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new CountryProfileError(`country profiles: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return r.data;
}
