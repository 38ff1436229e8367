// File format of partitioned survival models (model.type "psm"). Built by a factory that receives the shared
// primitives from model/schema.ts, so this file imports no values from it (no import cycle: schema.ts calls
// the factory after defining its primitives and adds the result to the model-type union).
import { z } from 'zod';
import type { identifierSchema, expressionSchema, stateValueSchema, timeUnitSchema } from '../model/schema';

export interface PsmSchemaPrimitives {
  identifier: typeof identifierSchema;
  expression: typeof expressionSchema;
  stateValue: typeof stateValueSchema;
  timeUnit: typeof timeUnitSchema;
}

export const SURVIVAL_DISTRIBUTIONS = ['exponential', 'weibull', 'gompertz', 'log-logistic', 'log-normal', 'generalised-gamma'] as const;

/** Default ids of the three partitioned-survival states (override with model.states). */
export const PSM_STATE_IDS = { progressionFree: 'PF', progressed: 'PD', dead: 'Dead' } as const;

export function buildSurvivalCurveSchema(p: PsmSchemaPrimitives) {
  const unit = p.timeUnit.default('year').describe('Time unit of the curve parameters (a rate per month, a Weibull scale in months...). Default: year.');
  const common = { label: z.string().optional(), source: z.string().optional(), timeUnit: unit };
  return z.discriminatedUnion('dist', [
    z.object({ dist: z.literal('exponential'), rate: p.expression.describe('Hazard rate per time unit.'), ...common }).strict(),
    z
      .object({ dist: z.literal('weibull'), shape: p.expression, scale: p.expression.describe('S(t) = exp(-(t/scale)^shape) (flexsurv / R parametrisation).'), ...common })
      .strict(),
    z.object({ dist: z.literal('gompertz'), shape: p.expression, rate: p.expression.describe('h(t) = rate * exp(shape * t) (flexsurv).'), ...common }).strict(),
    z.object({ dist: z.literal('log-logistic'), shape: p.expression, scale: p.expression.describe('S(t) = 1 / (1 + (t/scale)^shape).'), ...common }).strict(),
    z.object({ dist: z.literal('log-normal'), meanlog: p.expression, sdlog: p.expression.describe('S(t) = 1 - Phi((log t - meanlog) / sdlog).'), ...common }).strict(),
    z
      .object({
        dist: z.literal('generalised-gamma'),
        mu: p.expression,
        sigma: p.expression.describe('> 0'),
        Q: p.expression.describe('flexsurv gengamma (Prentice 1974): Q = 0 log-normal, Q = 1 Weibull, Q = sigma gamma.'),
        ...common,
      })
      .strict(),
    z
      .object({
        dist: z.literal('hazard-ratio'),
        curve: p.identifier.describe('Reference curve (an id in model.curves).'),
        hr: p.expression.describe('Proportional hazards: S(t) = S_ref(t)^hr.'),
        label: z.string().optional(),
        source: z.string().optional(),
      })
      .strict(),
    z
      .object({
        dist: z.literal('table'),
        times: z.array(z.number().nonnegative()).min(1).describe('Increasing times (in timeUnit); survival before the first time is 1.'),
        survival: z.array(z.number().min(0).max(1)).min(1).describe('Survival at each time, non-increasing.'),
        interpolation: z.enum(['linear', 'step']).default('linear').describe('Between table times; after the last time the last value holds.'),
        ...common,
      })
      .strict(),
    z
      .object({
        dist: z.literal('join'),
        curves: z.array(p.identifier).min(2).describe('Curves used one after the other (ids in model.curves).'),
        at: z.array(p.expression).min(1).describe('Cut points (in timeUnit), one fewer than curves: S = S1 up to at[0], then S1(at0) * S2(t)/S2(at0), ... (heemod join).'),
        ...common,
      })
      .strict(),
  ]);
}

export function buildPsmModelSchema(p: PsmSchemaPrimitives) {
  const curve = buildSurvivalCurveSchema(p);
  const arm = z.object({ pfs: p.identifier, os: p.identifier }).strict();
  return z
    .object({
      type: z.literal('psm'),
      curves: z.record(p.identifier, curve).describe('Survival curves by id; pfs/os and hazard-ratio/join curves refer to these ids.'),
      pfs: p.identifier.describe('Progression-free survival curve (id in curves).'),
      os: p.identifier.describe('Overall survival curve (id in curves).'),
      strategyCurves: z.record(p.identifier, arm).optional().describe('Per strategy id: other pfs/os curves than the model-level ones.'),
      states: z
        .object({ progressionFree: p.identifier.optional(), progressed: p.identifier.optional(), dead: p.identifier.optional() })
        .strict()
        .optional()
        .describe('State ids (defaults PF, PD, Dead): occupancy PF = S_pfs, PD = S_os - S_pfs, Dead = 1 - S_os.'),
      stateValues: z.record(p.identifier, p.stateValue).default({}).describe('Costs per cycle and utilities by state id (as in Markov models).'),
      backgroundMortality: p.expression
        .optional()
        .describe('Background mortality hazard per year (may use age or time); OS is capped at the survival it implies.'),
    })
    .strict();
}
