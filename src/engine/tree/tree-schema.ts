// File format of decision trees, tree → cohort hybrids and diagnostic-test constructs (model.type "tree").
// Built by a factory that receives the shared primitives from model/schema.ts (no import cycle).
import { z } from 'zod';
import type { identifierSchema, expressionSchema, timeUnitSchema } from '../model/schema';

export interface TreeSchemaPrimitives<S extends z.ZodType> {
  identifier: typeof identifierSchema;
  expression: typeof expressionSchema;
  timeUnit: typeof timeUnitSchema;
  /** The cohort model types a terminal node may enter (markov, psm). */
  submodel: S;
}

export const NODE_KINDS = ['chance', 'decision', 'terminal', 'diagnostic'] as const;
export const TEST_RESULT_STATUSES = ['positive', 'negative', 'no-result'] as const;
export const DIAGNOSTIC_OUTCOMES = ['truePositive', 'falsePositive', 'falseNegative', 'trueNegative', 'noResult'] as const;

type Expr = number | string;

/** A tree node as parsed (kind-specific fields are checked by the tree compiler, with located errors). */
export interface TreeNode {
  kind: (typeof NODE_KINDS)[number];
  id?: string | undefined;
  label?: string | undefined;
  probability?: Expr | undefined;
  costs?: Record<string, Expr> | undefined;
  qalys?: Expr | undefined;
  time?: Expr | undefined;
  count?: string[] | undefined;
  branches?: TreeNode[] | undefined;
  submodel?: string | undefined;
  prevalence?: Expr | undefined;
  steps?: DiagnosticStep[] | undefined;
  outcomes?: Record<(typeof DIAGNOSTIC_OUTCOMES)[number], TreeNode> | undefined;
  overrides?: Record<string, TestOverride> | undefined;
}
export type TreeNodeInput = TreeNode;

/** Values that replace a test's own in one diagnostic construct or step (e.g. gene-specific sensitivity). */
export interface TestOverride {
  sensitivity?: Expr | undefined;
  specificity?: Expr | undefined;
  noResult?: Expr | undefined;
  turnaround?: Expr | undefined;
}
export const TEST_OVERRIDE_FIELDS = ['sensitivity', 'specificity', 'noResult', 'turnaround'] as const;

export interface DiagnosticStep {
  tests: string[];
  when?: (typeof TEST_RESULT_STATUSES)[number][] | undefined;
  uptake?: Expr | undefined;
  label?: string | undefined;
  overrides?: Record<string, TestOverride> | undefined;
}

export function buildTreeModelSchema<S extends z.ZodType>(p: TreeSchemaPrimitives<S>) {
  const costs = z.record(p.identifier, p.expression);
  const common = {
    id: p.identifier.optional().describe('Name of the node in path breakdowns and located errors.'),
    label: z.string().optional(),
    probability: p.expression.optional().describe('Probability of this branch at a chance node, or "C" for the complement.'),
    costs: costs.optional().describe('One-off costs per person reaching the node, by category.'),
    qalys: p.expression.optional().describe('One-off QALY change per person reaching the node (negative: disutility).'),
    time: p.expression.optional().describe('Time spent at this node (in model.timeUnit), e.g. waiting for a result.'),
    count: z.array(p.identifier).optional().describe('Outcome counters: the share of the cohort reaching the node is added to each.'),
  };
  const overrides = z
    .record(
      p.identifier,
      z
        .object({
          sensitivity: p.expression.optional(),
          specificity: p.expression.optional(),
          noResult: p.expression.optional(),
          turnaround: p.expression.optional(),
        })
        .strict(),
    )
    .describe(
      'Per test id, values that replace the test’s own sensitivity, specificity, noResult or turnaround here: e.g. a gene-specific sensitivity, or a value conditional on the earlier result (dependence between tests).',
    );
  const outcomes = (node: z.ZodType) =>
    z
      .object({ truePositive: node, falsePositive: node, falseNegative: node, trueNegative: node, noResult: node })
      .strict()
      .describe('Subtree for each final classification (true/false positive/negative, no result).');
  const step = z
    .object({
      tests: z.array(p.identifier).min(1).describe('Tests done at this step; more than one = concurrent (positive if any is positive).'),
      when: z
        .array(z.enum(TEST_RESULT_STATUSES))
        .min(1)
        .optional()
        .describe('Do this step only when the result so far is one of these (default: first step always, later steps only on no result).'),
      uptake: p.expression.optional().describe('Share of eligible patients who get this step (default 1), e.g. fit for re-biopsy.'),
      label: z.string().optional(),
      overrides: overrides.optional().describe('Test values in this step only (over the construct’s overrides).'),
    })
    .strict();
  const node: z.ZodType<TreeNode, TreeNodeInput> = z.lazy(() =>
    z
      .object({
        kind: z.enum(NODE_KINDS),
        ...common,
        branches: z.array(node).optional().describe('Children of a chance or decision node.'),
        submodel: p.identifier.optional().describe('Terminal: the cohort sub-model (id in model.submodels) the patients enter.'),
        prevalence: p.expression.optional().describe('Diagnostic: share of the population that truly has the condition.'),
        steps: z.array(step).min(1).optional().describe('Diagnostic: the testing sequence, with its re-test policy.'),
        outcomes: outcomes(node).optional(),
        overrides: overrides.optional().describe('Diagnostic: test values in this construct (over model.tests).'),
      })
      .strict(),
  ) as z.ZodType<TreeNode, TreeNodeInput>;
  const adverseEvent = z
    .object({ id: p.identifier, label: z.string().optional(), probability: p.expression, costs: costs.optional(), qalys: p.expression.optional() })
    .strict();
  const test = z
    .object({
      id: p.identifier,
      label: z.string().optional(),
      sensitivity: p.expression,
      specificity: p.expression,
      noResult: p.expression.optional().describe('Probability the test gives no result (failure, insufficient sample); default 0.'),
      costs: costs.optional().describe('Cost per test done, by category.'),
      qalys: p.expression.optional().describe('One-off QALY change per test done.'),
      turnaround: p.expression.optional().describe('Time to result (model.timeUnit); default 0.'),
      ruleOut: z
        .boolean()
        .default(true)
        .describe('false: a negative result does not rule the condition out (e.g. plasma ctDNA), so it counts as no result for the re-test policy.'),
      adverseEvents: z.array(adverseEvent).optional().describe('Complications per test done (expected costs and QALYs; counted in the outcomes).'),
    })
    .strict();
  return z
    .object({
      type: z.literal('tree'),
      timeUnit: p.timeUnit.default('day').describe('Unit of node times and test turnaround times (default day; a year is 365.25 days).'),
      tests: z.array(test).default([]),
      submodels: z.record(p.identifier, p.submodel).default({}).describe('Cohort sub-models (Markov or partitioned survival) terminal nodes can enter.'),
      waiting: z
        .object({
          utility: p.expression.optional().describe('Utility while time passes on the path (before a sub-model starts); default 0.'),
          mortalityRate: p.expression.optional().describe('Death rate per year while waiting; default 0.'),
        })
        .strict()
        .optional(),
      decisionWtp: z.number().optional().describe('Nested decision nodes choose the branch with the highest net monetary benefit at this threshold.'),
      root: node.describe('A decision node whose branches are the strategies (branch id = strategy id).'),
    })
    .strict();
}
