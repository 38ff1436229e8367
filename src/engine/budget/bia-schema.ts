// The optional `budgetImpact` section of a model file (ISPOR BIA good practice, Sullivan et al. 2014): eligible
// population funnel, current and new world (strategy mix per year), costs per patient by year since start
// (typed, or linked to the model's undiscounted per-cycle costs), outcomes, scenarios. One zod definition gives
// the types, the runtime check and the JSON Schema. Identifier/expression schemas are restated here (same rules
// as model/schema.ts) so that schema.ts can import this file without a circular import.
import { z } from 'zod';
import { worldShareProblems } from './uptake';
import { whenFieldsValid } from '../model/refine-when-valid';

const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must start with a letter and contain only letters, digits and _')
  .describe('Identifier usable in expressions: a letter, then letters, digits or _.');
const expression = z.union([z.number(), z.string().min(1)]).describe('A number or an expression of model parameters and budget-impact values.');
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const share = finite.refine((v) => v >= 0 && v <= 1, 'must be a share between 0 and 1 (e.g. 0.25 for 25%)');
const year = z.number().int().min(1).max(10);

const valueFields = {
  label: z.string().optional(),
  value: expression,
  unit: z.string().optional(),
  source: z.string().optional().describe('Citation, or "Assumption: …" when no source exists.'),
  low: finite.optional().describe('Lower value for one-way sensitivity analysis (tornado).'),
  high: finite.optional().describe('Upper value for one-way sensitivity analysis (tornado).'),
};

/** A named input of the budget impact analysis; its id can be used in other budget-impact expressions. */
export const biaValueSchema = z.object({ id: identifier, ...valueFields }).strict();

/** Like biaValueSchema, with a default id (population fields). */
const populationValueSchema = z.object({ id: identifier.optional(), ...valueFields }).strict();

export const eligibleSchema = z
  .object({
    id: identifier.optional(),
    label: z.string().optional(),
    value: expression.optional().describe('Patients entering in year 1; later years grow with annualGrowth.'),
    perYear: z.array(expression).min(1).optional().describe('Patients entering in each year (1, 2, …), typed directly; no growth applied.'),
    source: z.string().optional(),
    low: finite.optional(),
    high: finite.optional(),
  })
  .strict()
  .refine((e) => (e.value === undefined) !== (e.perYear === undefined), { message: 'give either value or perYear', ...whenFieldsValid });

export const prevalentSchema = populationValueSchema
  .extend({
    yearSinceStart: z
      .number()
      .int()
      .min(1)
      .default(1)
      .describe('Year since start the prevalent patients are in during budget year 1 (they incur those costs then, the next year-since-start costs in year 2, …).'),
  })
  .strict();

export const populationSchema = z
  .object({
    country: z.string().optional(),
    inhabitants: populationValueSchema.optional().describe('Population of the country in year 1 (default id "inhabitants"); start of the funnel and basis of the per-100,000 results.'),
    annualGrowth: populationValueSchema.optional().describe('Annual growth of the population, e.g. 0.005 for +0.5% a year (default id "annual_growth").'),
    funnel: z
      .array(biaValueSchema)
      .default([])
      .describe('Steps multiplied in order: incidence, stage/subgroup shares, eligible, tested. Without inhabitants, the first step is a count of people.'),
    eligible: eligibleSchema.optional().describe('Patients entering each year typed directly, instead of a funnel (default id "eligible").'),
    prevalent: prevalentSchema.optional().describe('Prevalent patients already in the pathway at the start (default id "prevalent").'),
  })
  .strict();

const uptakeMeta = {
  source: z.string().optional(),
  low: share.optional().describe('Low value of the target share (constant: value; linear and S-curve: to) for the tornado.'),
  high: share.optional().describe('High value of the target share for the tornado.'),
};

export const uptakeSchema = z.union([
  share.describe('Constant share every year.'),
  z.literal('rest').describe('Whatever the other strategies leave (1 − their sum); at most one per world.'),
  z.discriminatedUnion('shape', [
    z.object({ shape: z.literal('constant'), value: share, ...uptakeMeta }).strict(),
    z
      .object({
        shape: z.literal('linear'),
        from: share,
        to: share,
        fromYear: year.default(1).describe('Last year at the from share.'),
        toYear: year.optional().describe('First year at the to share (default: the last year of the horizon).'),
        ...uptakeMeta,
      })
      .strict(),
    z
      .object({
        shape: z.literal('s-curve'),
        from: share,
        to: share,
        midpoint: finite.describe('Year at which the share is halfway from → to.'),
        steepness: finite.refine((v) => v > 0, 'must be > 0').describe('Logistic slope k per year: share(y) = from + (to − from) / (1 + exp(−k (y − midpoint))).'),
        ...uptakeMeta,
      })
      .strict(),
    z.object({ shape: z.literal('series'), values: z.array(share).min(1).describe('Share in year 1, 2, …'), source: z.string().optional() }).strict(),
  ]),
]);

export const worldSchema = z
  .object({
    label: z.string().optional(),
    description: z.string().optional(),
    shares: z.record(identifier, uptakeSchema).describe('Share of the entering patients on each strategy, per year; must sum to 100% every year.'),
  })
  .strict();

export const costSeriesSchema = z.union([
  expression.describe('One-off cost per patient in year since start 1.'),
  z.array(expression).min(1).describe('Cost per patient in year since start 1, 2, … (later years 0).'),
  z.object({ perYear: expression, years: z.number().int().min(1).describe('Same cost in years since start 1..years.') }).strict(),
]);

/** Link an outcome to a per-person outcome count of the linked model strategy (decision trees: `count` and diagnostic counters). */
export const modelCountSchema = z.object({ modelCount: z.string().min(1).describe('Name of the model\'s outcome count, e.g. truePositive or rebiopsy.') }).strict();

export const biaStrategySchema = z
  .object({
    id: identifier,
    label: z.string().optional(),
    description: z.string().optional(),
    modelStrategy: identifier.optional().describe("Link: per-patient costs by year since start come from this model strategy's undiscounted per-cycle costs."),
    costs: z.record(identifier, costSeriesSchema).optional().describe('Typed costs per patient by category (added to linked costs).'),
    outcomes: z
      .record(identifier, z.union([expression, modelCountSchema]))
      .optional()
      .describe('Share of this strategy\'s patients with each outcome (e.g. identified, targeted, rebiopsied): an expression (sees this strategy\'s parameter overrides) or a count of the linked model.'),
  })
  .strict();

export const biaOutcomeSchema = z.object({ id: identifier, label: z.string().optional(), description: z.string().optional() }).strict();

const worldOverrideSchema = z.object({ shares: z.record(identifier, uptakeSchema) }).strict();

export const biaScenarioSchema = z
  .object({
    id: identifier,
    label: z.string().optional(),
    description: z.string().optional(),
    values: z.record(identifier, finite).optional().describe('New values of budget-impact inputs or model parameters, by id.'),
    currentWorld: worldOverrideSchema.optional().describe('Replaces the listed strategies\' uptake in the current world.'),
    newWorld: worldOverrideSchema.optional().describe('Replaces the listed strategies\' uptake in the new world.'),
    discountRate: finite.optional(),
  })
  .strict();

const budgetImpactObject = z
  .object({
    label: z.string().optional(),
    description: z.string().optional(),
    perspective: z.string().optional(),
    currency: z.string().optional().describe('Defaults to settings.currency.'),
    priceYear: z.number().int().optional(),
    startYear: z.number().int().optional().describe('Calendar year of budget year 1 (labels only).'),
    horizonYears: year.default(5).describe('Time horizon in years (1–10).'),
    discountRate: finite.refine((v) => v >= 0 && v < 1, 'must be between 0 and 1').default(0).describe('Annual discount rate of the budget (ISPOR: 0, undiscounted); year y divided by (1 + r)^(y − 1).'),
    parameters: z.array(biaValueSchema).default([]).describe('Named inputs (e.g. test prices) usable in budget-impact expressions.'),
    population: populationSchema,
    strategies: z.array(biaStrategySchema).optional().describe('Default: one per model strategy, linked to it.'),
    currentWorld: worldSchema,
    newWorld: worldSchema,
    outcomes: z.array(biaOutcomeSchema).default([]).describe('Labels of outcome counts (ids used in strategies[].outcomes).'),
    scenarios: z.array(biaScenarioSchema).default([]),
    sensitivity: z
      .object({ includeModelParameters: z.boolean().default(true).describe('Also vary model parameters that have uncertainty.low/high.') })
      .strict()
      .default({ includeModelParameters: true }),
  })
  .strict();

export const budgetImpactSchema = budgetImpactObject.superRefine((bia, ctx) => {
  for (const world of ['currentWorld', 'newWorld'] as const) {
    for (const p of worldShareProblems(bia[world].shares, bia.horizonYears)) ctx.addIssue({ code: 'custom', path: [world, 'shares', ...p.path], message: p.message });
  }
  bia.scenarios.forEach((sc, i) => {
    for (const world of ['currentWorld', 'newWorld'] as const) {
      const over = sc[world];
      if (!over) continue;
      for (const p of worldShareProblems({ ...bia[world].shares, ...over.shares }, bia.horizonYears)) ctx.addIssue({ code: 'custom', path: ['scenarios', i, world, 'shares', ...p.path], message: p.message });
    }
  });
}, whenFieldsValid);

export type BudgetImpactSpec = z.output<typeof budgetImpactSchema>;
export type BiaValue = z.output<typeof biaValueSchema>;
export type Uptake = z.output<typeof uptakeSchema>;
export type BiaStrategySpec = z.output<typeof biaStrategySchema>;
export type CostSeries = z.output<typeof costSeriesSchema>;
export type BiaScenarioSpec = z.output<typeof biaScenarioSchema>;
export type WorldId = 'currentWorld' | 'newWorld';
