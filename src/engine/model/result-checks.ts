// Checks of a base-case result that `hta run` and the app report: every total finite, the incremental analysis
// possible, the net benefit finite at every willingness-to-pay threshold. validateModel runs them, so a model
// that validates also runs. Each problem is located: at the number in the file that overflows when there is
// one, else at the strategy or the threshold.
import type { HtaModel } from './schema';
import type { ModelResult, StrategyTotals } from '../compiled-model';
import type { IssuePath, ModelIssue } from '../errors';
import { formatPath } from '../errors';
import { calculateIcers, IncrementalAnalysisError, incrementalNetBenefit } from '../economics/incremental';

/** Numbers at least this large are named as the likely cause of an overflow. */
const HUGE = 1e100;

/** Path and value of the number of largest magnitude in the model (iterative walk), or null when there is none. */
function largestNumber(model: HtaModel): { path: IssuePath; value: number } | null {
  let best: { path: IssuePath; value: number } | null = null;
  const stack: { value: unknown; path: IssuePath }[] = [{ value: model, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'number') {
      if (!best || Math.abs(value) > Math.abs(best.value)) best = { path, value };
    } else if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return best;
}

function overflowIssue(model: HtaModel, fallback: IssuePath, what: string): ModelIssue {
  const largest = largestNumber(model);
  if (largest && Math.abs(largest.value) >= HUGE) {
    return { code: 'not-finite', severity: 'error', path: largest.path, message: `${what}: ${largest.value} (at ${formatPath(largest.path)}) is too large to compute with` };
  }
  return { code: 'not-finite', severity: 'error', path: fallback, message: `${what}: the model's values are too large or too small to compute it` };
}

const TOTALS: (keyof StrategyTotals)[] = ['cost', 'effect', 'qalys', 'lifeYears', 'costUndiscounted', 'effectUndiscounted', 'qalysUndiscounted', 'lifeYearsUndiscounted'];

/** Problems of a base-case result of `model` (its strategies in file order). */
export function baseCaseResultIssues(model: HtaModel, result: ModelResult): ModelIssue[] {
  const issues: ModelIssue[] = [];
  result.strategies.forEach((s, si) => {
    const bad = TOTALS.find((field) => !Number.isFinite(s.totals[field]));
    const badCategory = [...s.costByCategory, ...s.costByCategoryUndiscounted].find((x) => !Number.isFinite(x));
    if (bad !== undefined) issues.push(overflowIssue(model, ['strategies', si], `strategy ${s.id}: the ${bad} total is not a finite number (${s.totals[bad]})`));
    else if (badCategory !== undefined) issues.push(overflowIssue(model, ['strategies', si], `strategy ${s.id}: a cost category total is not a finite number (${badCategory})`));
  });
  if (issues.length > 0) return issues;
  const outcomes = result.strategies.map((s) => ({ id: s.id, label: s.label, cost: s.totals.cost, effect: s.totals.effect }));
  const indexOf = (id: string): number => outcomes.findIndex((o) => o.id === id);
  try {
    for (const row of calculateIcers(outcomes)) {
      if (row.icer !== null && !Number.isFinite(row.icer)) {
        issues.push(
          overflowIssue(model, ['strategies', indexOf(row.id)], `strategy ${row.id}: the ICER is not a finite number (incremental cost ${row.incCost}, incremental effect ${row.incEffect})`),
        );
      }
    }
    const wtps = model.settings.wtp;
    if (wtps.length > 0) {
      incrementalNetBenefit(outcomes, wtps).forEach((at, k) => {
        const bad = at.strategies.find((e) => ![e.nmb, e.nhb ?? 0, e.incNmb, e.incNhb ?? 0].every(Number.isFinite));
        if (!bad) return;
        const o = outcomes[indexOf(bad.id)]!;
        issues.push({
          code: 'not-finite',
          severity: 'error',
          path: ['settings', 'wtp', k],
          message: `at a willingness to pay of ${at.wtp}, the net benefit of strategy ${bad.id} is not a finite number (${at.wtp} × ${o.effect} − ${o.cost}); use a smaller threshold`,
        });
      });
    }
  } catch (e) {
    if (!(e instanceof IncrementalAnalysisError)) throw e;
    const si = e.strategyId === undefined ? -1 : indexOf(e.strategyId);
    issues.push({ code: 'incremental-analysis', severity: 'error', path: si >= 0 ? ['strategies', si] : ['strategies'], message: e.message });
  }
  return issues;
}
