// The "HTA Workbench model" file format, version 1: one zod definition gives the TypeScript types,
// the runtime check and the JSON Schema shipped in resources/schema/hta-model.schema.json.
// Later model types (partitioned survival, decision trees, hybrids) join the `model` discriminated union;
// budget impact and other analyses join as optional top-level sections. Extend, never rename.
import { z } from 'zod';
import { distributionSpecSchema, correlationSpecSchema, jointDistributionSchema } from '../uncertainty/distribution-schema';
import { buildPsmModelSchema } from '../psm/psm-schema';
import { buildTreeModelSchema } from '../tree/tree-schema';
import { budgetImpactSchema } from '../budget/bia-schema';
import { MAX_CYCLES, MAX_CYCLE_LENGTH, MAX_SCENARIOS, MAX_STRATEGIES, MAX_TABLE_ROWS, MIN_CYCLE_LENGTH, withThousands } from './limits';

export const MODEL_FORMAT = 'hta-workbench-model';
export const MODEL_FORMAT_VERSION = 1;

/** Names usable in expressions: a letter first, then letters, digits or underscores. */
export const identifierSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must start with a letter and contain only letters, digits and _')
  .describe('Identifier usable in expressions: a letter, then letters, digits or _.');

/** A number, or an expression in the model's expression language (see docs/model-format.md). */
export const expressionSchema = z
  .union([z.number(), z.string().min(1)])
  .describe('A number or an expression string, e.g. "rate_to_prob(r_death) * hr".');

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
/** A discount rate: (1 + r) must stay positive, so r > -1 (e.g. 0.035 for 3.5% a year). */
const discountRate = finite.refine((v) => v > -1, 'must be greater than -1 (a discount rate such as 0.035)');
/** A stepped discount schedule: steps from year 0, in increasing order of `fromYear`. */
const discountScheduleSchema = z
  .array(
    z
      .object({
        fromYear: finite.refine((v) => v >= 0, 'must be 0 or more (years since the start)').describe('Years since the start from which this rate applies.'),
        rate: discountRate,
      })
      .strict(),
  )
  .min(1)
  .max(100)
  .superRefine((steps, ctx) => {
    if (steps[0] && steps[0].fromYear !== 0) ctx.addIssue({ code: 'custom', path: [0, 'fromYear'], message: 'the first step must start at year 0' });
    for (let k = 1; k < steps.length; k++) {
      if (!(steps[k]!.fromYear > steps[k - 1]!.fromYear)) ctx.addIssue({ code: 'custom', path: [k, 'fromYear'], message: `must be greater than the previous step's ${steps[k - 1]!.fromYear}` });
    }
  })
  .describe('Stepped annual rates, e.g. [{fromYear: 0, rate: 0.035}, {fromYear: 35, rate: 0.025}, {fromYear: 70, rate: 0.015}]; each rate compounds over the years spent in its step.');
const cycleLength = z
  .number()
  .min(MIN_CYCLE_LENGTH, `must be at least ${MIN_CYCLE_LENGTH} years (about 53 minutes)`)
  .max(MAX_CYCLE_LENGTH, `must be at most ${MAX_CYCLE_LENGTH} years`);
const cycleCount = z.number().int().min(1).max(MAX_CYCLES, `must be at most ${withThousands(MAX_CYCLES)} (the engine's limit)`);
const horizonYears = z
  .number()
  .positive()
  .max(MAX_CYCLES * MAX_CYCLE_LENGTH);
const cohortSize = z.number().positive().max(1e15);
const wtpList = z.array(finite.refine((v) => v >= 0, 'must be 0 or more (a willingness to pay per unit of effect)'));

// ---- PSA distributions: defined with the uncertainty engine (native parameters or mean + se) ----
export const distributionSchema = distributionSpecSchema;

export const uncertaintySchema = z
  .object({
    distribution: distributionSchema.optional(),
    low: finite.optional().describe('Lower value for one-way sensitivity analysis.'),
    high: finite.optional().describe('Upper value for one-way sensitivity analysis.'),
    source: z.string().optional(),
  })
  .strict();

export const parameterKindSchema = z.enum([
  'probability',
  'rate',
  'relative-risk',
  'hazard-ratio',
  'odds-ratio',
  'odds',
  'cost',
  'utility',
  'count',
  'time',
  'age',
  'proportion',
  'other',
]);

export const timeUnitSchema = z.enum(['cycle', 'year', 'month', 'week', 'day']);

export const parameterSchema = z
  .object({
    id: identifierSchema,
    label: z.string().optional(),
    value: finite.optional(),
    expression: z.string().min(1).optional(),
    kind: parameterKindSchema.optional().describe('What the number is; lets validation catch a rate used as a probability.'),
    timeUnit: timeUnitSchema.optional().describe('Period of a probability or rate (e.g. an annual probability: "year").'),
    unit: z.string().optional().describe('Free-text unit shown to users, e.g. "EUR per cycle".'),
    description: z.string().optional(),
    source: z.string().optional().describe('Citation of where the value comes from.'),
    uncertainty: uncertaintySchema.optional(),
  })
  .strict();

// ---- lookup tables (e.g. mortality by age and sex) ----
export const tableKeySchema = z
  .object({
    name: identifierSchema,
    match: z
      .enum(['exact', 'bins', 'interpolate'])
      .describe('exact: key must equal a row value; bins: largest row value <= x (left-closed bins, last open); interpolate: linear, clamped at the ends.'),
  })
  .strict();

export const tableSchema = z
  .object({
    id: identifierSchema,
    description: z.string().optional(),
    source: z.string().optional(),
    keys: z.array(tableKeySchema).min(1),
    rows: z
      .array(z.array(finite))
      .min(1)
      .max(MAX_TABLE_ROWS, `too many rows (at most ${withThousands(MAX_TABLE_ROWS)})`)
      .describe('Each row: one value per key, then the table value.'),
  })
  .strict();

// ---- settings ----
export const countingMethodSchema = z.enum([
  'beginning',
  'none',
  'end',
  'life-table',
  'half-cycle',
  'trapezoidal',
  'simpson-1/3',
  'custom',
]);

/** When one-off transition values are counted: see docs/model-format.md#transition-values. */
export const transitionValueTimingSchema = z
  .enum(['cycle-start', 'destination-row'])
  .describe('cycle-start: a move during cycle c is valued in counted cycle c, discounted like it, with no within-cycle weight; destination-row: valued like a state value of trace row c (its within-cycle weight and discount), as DARTH-style R code does.');

const countingWeightsSchema = expressionSchema.describe('With counting "custom": weight of trace row `cycle` (0 to n_cycles), an expression of cycle and n_cycles, e.g. "cycle == 0 || cycle == n_cycles ? 0.5 : 1".');

export const settingsSchema = z
  .object({
    cycleLength: cycleLength.default(1).describe('Cycle length in years (from 0.0001 to 100).'),
    cycles: cycleCount.optional().describe('Number of cycles (1 to 100,000).'),
    horizon: horizonYears.optional().describe('Time horizon in years (cycles = horizon / cycleLength, at most 100,000).'),
    startAge: finite.optional(),
    cohortSize: cohortSize.default(1),
    discount: z
      .object({
        costs: discountRate.default(0),
        effects: discountRate.default(0),
        firstCycleDiscounted: z
          .boolean()
          .default(false)
          .describe('false: cycle 1 undiscounted, cycle t divided by (1+r)^((t-1)L) (heemod default); true: by (1+r)^(tL) (DMHEE).'),
        costsSchedule: discountScheduleSchema.optional().describe('Stepped schedule for costs; replaces `costs` when given (cost categories and values with their own discountRate keep it).'),
        effectsSchedule: discountScheduleSchema.optional().describe('Stepped schedule for effects; replaces `effects` when given.'),
      })
      .strict()
      .default({ costs: 0, effects: 0, firstCycleDiscounted: false }),
    counting: countingMethodSchema.default('life-table'),
    countingWeights: countingWeightsSchema.optional(),
    transitionValues: transitionValueTimingSchema.default('cycle-start'),
    effect: z.enum(['qalys', 'life-years']).default('qalys').describe('Which outcome is the effect in incremental analysis.'),
    currency: z.string().optional(),
    priceYear: z.number().int().optional(),
    wtp: wtpList.default([]).describe('Willingness-to-pay thresholds (currency per unit of effect, 0 or more).'),
  })
  .strict();

// ---- Markov cohort model ----
export const stateSchema = z
  .object({
    id: identifierSchema,
    label: z.string().optional(),
    description: z.string().optional(),
    dead: z.boolean().optional().describe('Dead/absorbing state: no life-years are counted in it.'),
    maxStateTime: z
      .number()
      .int()
      .min(2)
      .max(MAX_CYCLES)
      .optional()
      .describe('Track time in state (state_time = 1..maxStateTime, the last absorbs longer stays) via tunnel states.'),
  })
  .strict();

export const COMPLEMENT = 'C';

export const transitionSchema = z
  .object({
    from: identifierSchema,
    to: identifierSchema,
    probability: expressionSchema.describe('Probability per cycle, or "C" for the complement of the row.'),
  })
  .strict();

export const costEntrySchema = z.union([
  expressionSchema,
  z
    .object({
      value: expressionSchema,
      discountRate: discountRate.optional().describe('Overrides the cost discount rate for this value (0: undiscounted).'),
    })
    .strict(),
]);

export const stateValueSchema = z
  .object({
    costs: z.record(identifierSchema, costEntrySchema).optional().describe('Cost per cycle in the state, by category.'),
    utility: expressionSchema.optional().describe('Utility weight (QALYs per year in the state).'),
  })
  .strict();

export const transitionValueSchema = z
  .object({
    from: identifierSchema.optional().describe('Omit for "from any other state".'),
    to: identifierSchema,
    costs: z.record(identifierSchema, costEntrySchema).optional().describe('One-off cost per person making the move.'),
    qalys: expressionSchema.optional().describe('One-off QALY change per person making the move (negative: disutility).'),
  })
  .strict();

export const markovModelSchema = z
  .object({
    type: z.literal('markov'),
    states: z.array(stateSchema).min(1),
    initial: z.record(identifierSchema, expressionSchema).describe('Share of the cohort in each state at the start (sums to 1).'),
    transitions: z.array(transitionSchema),
    stateValues: z.record(identifierSchema, stateValueSchema).default({}),
    transitionValues: z.array(transitionValueSchema).default([]),
  })
  .strict();

// Partitioned survival (src/engine/psm) and decision trees / tree → cohort hybrids / diagnostic tests (src/engine/tree).
export const psmModelSchema = buildPsmModelSchema({ identifier: identifierSchema, expression: expressionSchema, stateValue: stateValueSchema, timeUnit: timeUnitSchema });
export const treeModelSchema = buildTreeModelSchema({
  identifier: identifierSchema,
  expression: expressionSchema,
  timeUnit: timeUnitSchema,
  submodel: z.discriminatedUnion('type', [markovModelSchema, psmModelSchema]),
});

/** Discriminated on `type`: markov, psm, tree (a tree's terminal nodes may enter markov/psm sub-models: hybrids). */
export const modelStructureSchema = z.discriminatedUnion('type', [markovModelSchema, psmModelSchema, treeModelSchema]);

export const costCategorySchema = z
  .object({
    id: identifierSchema,
    label: z.string().optional(),
    description: z.string().optional(),
    discountRate: discountRate.optional().describe('Overrides the cost discount rate for this category.'),
  })
  .strict();

export const strategySchema = z
  .object({
    id: identifierSchema,
    label: z.string().optional(),
    description: z.string().optional(),
    parameters: z.record(identifierSchema, expressionSchema).optional().describe('Parameter overrides for this strategy.'),
    transitions: z.array(transitionSchema).optional().describe('Replace (or add) transitions by from/to.'),
    stateValues: z.record(identifierSchema, stateValueSchema).optional().describe('Merged over the model state values.'),
    initial: z.record(identifierSchema, expressionSchema).optional(),
  })
  .strict();

/** Settings a scenario overrides: every field optional and without defaults, so a scenario changes only what it names. */
export const scenarioSettingsSchema = z
  .object({
    cycleLength: cycleLength.optional(),
    cycles: cycleCount.optional(),
    horizon: horizonYears.optional(),
    startAge: finite.optional(),
    cohortSize: cohortSize.optional(),
    discount: z
      .object({
        costs: discountRate.optional(),
        effects: discountRate.optional(),
        firstCycleDiscounted: z.boolean().optional(),
        costsSchedule: discountScheduleSchema.optional(),
        effectsSchedule: discountScheduleSchema.optional(),
      })
      .strict()
      .optional()
      .describe('Only the rates given change; a flat rate given without a schedule replaces the model\'s schedule.'),
    counting: countingMethodSchema.optional(),
    countingWeights: countingWeightsSchema.optional(),
    transitionValues: transitionValueTimingSchema.optional(),
    effect: z.enum(['qalys', 'life-years']).optional(),
    currency: z.string().optional(),
    priceYear: z.number().int().optional(),
    wtp: wtpList.optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    id: identifierSchema,
    label: z.string().optional(),
    description: z.string().optional(),
    perspective: z.string().optional().describe('Perspective label, e.g. "NHS and PSS" or "societal".'),
    parameters: z.record(identifierSchema, expressionSchema).optional().describe('New value or expression per parameter (its file uncertainty is dropped unless `uncertainty` gives one).'),
    uncertainty: z.record(identifierSchema, uncertaintySchema).optional().describe('New uncertainty (distribution, low/high, source) per parameter under this scenario.'),
    settings: scenarioSettingsSchema.optional(),
  })
  .strict();

export const correlationSchema = correlationSpecSchema;

export const htaModelSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_FORMAT_VERSION),
    metadata: z
      .object({
        title: z.string(),
        description: z.string().optional(),
        authors: z.array(z.string()).optional(),
        references: z.array(z.string()).optional(),
        notes: z.array(z.string()).optional(),
      })
      .strict(),
    settings: settingsSchema,
    costCategories: z.array(costCategorySchema).default([]),
    parameters: z.array(parameterSchema).default([]),
    tables: z.array(tableSchema).default([]),
    model: modelStructureSchema,
    strategies: z.array(strategySchema).min(1).max(MAX_STRATEGIES),
    scenarios: z.array(scenarioSchema).max(MAX_SCENARIOS).default([]),
    correlations: z.array(correlationSchema).default([]),
    jointDistributions: z
      .array(jointDistributionSchema)
      .default([])
      .describe('Joint PSA distributions of parameter groups (e.g. sensitivity and specificity from a bivariate meta-analysis); their parameters have no distribution of their own.'),
    budgetImpact: budgetImpactSchema.optional().describe('Budget impact analysis linked to this model (docs/model-format.md).'),
  })
  .strict();

export type HtaModel = z.output<typeof htaModelSchema>;
export type HtaModelInput = z.input<typeof htaModelSchema>;
/** A model file known to be a Markov model (model.type "markov"), e.g. in tests that edit transitions. */
export type MarkovHtaModelInput = HtaModelInput & { model: z.input<typeof markovModelSchema> };
export type Parameter = z.output<typeof parameterSchema>;
export type Distribution = z.output<typeof distributionSchema>;
export type Settings = z.output<typeof settingsSchema>;
export type DiscountSchedule = z.output<typeof discountScheduleSchema>;
export type MarkovModel = z.output<typeof markovModelSchema>;
export type PsmModel = z.output<typeof psmModelSchema>;
export type TreeModel = z.output<typeof treeModelSchema>;
export type Strategy = z.output<typeof strategySchema>;
export type Transition = z.output<typeof transitionSchema>;
export type StateValue = z.output<typeof stateValueSchema>;
export type CostEntry = z.output<typeof costEntrySchema>;
export type LookupTable = z.output<typeof tableSchema>;
export type CountingMethod = z.output<typeof countingMethodSchema>;
export type TransitionValueTiming = z.output<typeof transitionValueTimingSchema>;
export type Expression = z.output<typeof expressionSchema>;

/** JSON Schema of the file format (input side: defaults are optional). */
export function buildModelJsonSchema(): unknown {
  return z.toJSONSchema(htaModelSchema, { io: 'input', target: 'draft-2020-12' });
}
