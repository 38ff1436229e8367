// Small model files with a budgetImpact section, for budget impact tests.
import { parseModel } from '../../../src/engine/compile-model';
import type { HtaModel } from '../../../src/engine/model/schema';
import { prepareBudgetImpact } from '../../../src/engine/budget/prepare-budget-impact';
import type { PreparedBudgetImpact } from '../../../src/engine/budget/prepare-budget-impact';
import { runBudgetImpact } from '../../../src/engine/budget/run-budget-impact';
import type { BudgetImpactReport } from '../../../src/engine/budget/run-budget-impact';
import { formatIssue } from '../../../src/engine/errors';

/** A one-state Markov model with strategies A and B (no costs): a carrier for typed budget-impact costs. */
export function carrierModel(budgetImpact: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'Budget impact carrier' },
    settings: { cycles: 1 },
    parameters: [],
    model: { type: 'markov', states: [{ id: 'Alive' }], initial: { Alive: 1 }, transitions: [{ from: 'Alive', to: 'Alive', probability: 1 }], stateValues: { Alive: { utility: 1 } } },
    strategies: [{ id: 'A' }, { id: 'B' }],
    budgetImpact,
    ...extra,
  };
}

export function parsed(json: unknown): HtaModel {
  return parseModel(json);
}

export function prepared(json: unknown): PreparedBudgetImpact {
  const { prepared: p, issues } = prepareBudgetImpact(parseModel(json));
  if (!p) throw new Error(issues.map(formatIssue).join('\n'));
  return p;
}

export function report(json: unknown): BudgetImpactReport {
  const { report: r, issues } = runBudgetImpact(parseModel(json));
  if (!r) throw new Error(issues.map(formatIssue).join('\n'));
  return r;
}
