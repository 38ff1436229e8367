// The budget impact analysis of a model's budgetImpact section, with located problems instead of a throw.
import { formatPath } from '../errors';
import type { HtaModel } from '../model/schema';
import { runBudgetImpact } from '../budget/run-budget-impact';
import type { BudgetImpactReport } from '../budget/run-budget-impact';
import { problemsOf } from './problems';
import type { AnalysisProblem } from './problems';

export type BudgetOutcome = { ok: true; report: BudgetImpactReport } | { ok: false; problems: AnalysisProblem[] };

export function runBudget(model: HtaModel): BudgetOutcome {
  try {
    const { report, issues } = runBudgetImpact(model);
    if (report) return { ok: true, report };
    return { ok: false, problems: issues.filter((i) => i.severity === 'error').map((i) => ({ path: formatPath(i.path), message: i.message, code: i.code, ...(i.params ? { params: i.params } : {}) })) };
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  }
}
