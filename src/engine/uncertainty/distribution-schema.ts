// Zod schema of a parameter's PSA distribution, imported by the model format (src/engine/model/schema.ts).
// Fields are optional per type because each type has several parameterisations; the refinement enforces exactly
// one of them, with the same message as the resolver, and the resolver checks values (e.g. beta moments).
import { z } from 'zod';
import { parameterisationProblem } from './distribution-spec';
import type { DistributionSpec } from './distribution-spec';
import { jointScales, jointSpecProblems } from './joint-distribution';
import type { JointDistributionSpec } from './joint-distribution';
import { whenFieldsValid } from '../model/refine-when-valid';

import { evaluateConstantExpression } from '../expression/constant';

const finite = z.number().finite();
/** A distribution's number, or an expression of numbers such as "log(3)" (evaluated once, when the file is read). */
const distributionNumber = z.union([finite, z.string().min(1)]).transform((v, ctx): number => {
  if (typeof v === 'number') return v;
  const result = evaluateConstantExpression(v);
  if (result.error !== undefined) {
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  }
  return result.value;
});
const optionalFinite = distributionNumber.optional();

const options = [
  z.strictObject({
    type: z.literal('beta'),
    alpha: optionalFinite.describe('Shape alpha (> 0)'),
    beta: optionalFinite.describe('Shape beta (> 0)'),
    mean: optionalFinite.describe('Mean in (0, 1), with se'),
    se: optionalFinite.describe('Standard error, se^2 < mean (1 - mean)'),
  }),
  z.strictObject({
    type: z.literal('gamma'),
    shape: optionalFinite.describe('Shape (> 0), with scale or rate'),
    scale: optionalFinite.describe('Scale (> 0)'),
    rate: optionalFinite.describe('Rate = 1 / scale (> 0)'),
    mean: optionalFinite.describe('Mean (> 0), with se'),
    se: optionalFinite.describe('Standard error (> 0)'),
  }),
  z.strictObject({
    type: z.literal('lognormal'),
    meanlog: optionalFinite.describe('Mean of log(X)'),
    sdlog: optionalFinite.describe('Standard deviation of log(X) (> 0)'),
    mean: optionalFinite.describe('Mean of X (> 0), with se'),
    se: optionalFinite.describe('Standard error of X (> 0)'),
  }),
  z.strictObject({
    type: z.literal('normal'),
    mean: distributionNumber,
    sd: optionalFinite.describe('Standard deviation (> 0)'),
    se: optionalFinite.describe('Synonym of sd'),
    lower: optionalFinite.describe('Truncation: lower bound'),
    upper: optionalFinite.describe('Truncation: upper bound'),
  }),
  z.strictObject({ type: z.literal('uniform'), min: distributionNumber, max: distributionNumber }),
  z.strictObject({ type: z.literal('triangular'), min: distributionNumber, mode: distributionNumber, max: distributionNumber }),
  z.strictObject({
    type: z.literal('dirichlet'),
    group: z.string().min(1).describe('Parameters with the same group are drawn jointly and sum to 1'),
    alpha: distributionNumber.describe('Concentration of this category (> 0), e.g. its observed count'),
  }),
  z.strictObject({ type: z.literal('fixed'), value: distributionNumber }),
] as const;

export const distributionSpecSchema = z
  .discriminatedUnion('type', options)
  .superRefine((spec, ctx) => {
    const problem = parameterisationProblem(spec);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  }, whenFieldsValid)
  .describe('PSA distribution of a parameter');

// Compile-time check that what the schema accepts is a DistributionSpec.
const _schemaMatchesType = (spec: z.infer<typeof distributionSpecSchema>): DistributionSpec => spec;
void _schemaMatchesType;

export const correlationSpecSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    parameters: z.array(z.string().min(1)).min(2),
    matrix: z.array(z.array(finite)),
  })
  .describe('Gaussian-copula correlation of parameters (correlation of normal scores)');

export const jointDistributionSchema = z
  .strictObject({
    type: z.literal('multivariate-normal'),
    name: z.string().min(1).optional().describe('Shown in messages, e.g. "plasma NGS accuracy"'),
    parameters: z.array(z.string().min(1)).min(2).describe('Parameters drawn jointly; none may have a distribution of its own'),
    scale: z
      .array(z.enum(jointScales))
      .optional()
      .describe('Scale on which each parameter is normal: identity (the value), log (value = exp(z)) or logit (value = expit(z)); default identity'),
    mean: z.array(finite).describe('Means on those scales, in the order of parameters'),
    covariance: z.array(z.array(finite)).describe('Covariance matrix on those scales (symmetric, positive definite)'),
    source: z.string().optional().describe('Where it comes from, e.g. a meta-analysis: studies, method, date'),
  })
  .superRefine((spec, ctx) => {
    for (const problem of jointSpecProblems(spec)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  })
  .describe('Joint PSA distribution of a group of parameters: multivariate normal, each parameter on its own scale');

const _jointSchemaMatchesType = (spec: z.infer<typeof jointDistributionSchema>): JointDistributionSpec => spec;
void _jointSchemaMatchesType;
