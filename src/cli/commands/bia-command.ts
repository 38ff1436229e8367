// `hta bia <model.json> [--json]`: the budget impact analysis of a model file (its budgetImpact section):
// budgets of the current and new world per year, impact, breakdowns, tornado and scenarios.
import type { CliCommand } from '../command';
import { EXIT } from '../io';
import type { CliIo } from '../io';
import { validateFile } from '../model-loading';
import { formatNumber, formatTable } from '../format';
import { finiteJson } from '../finite-output';
import { ownValue } from '../../engine/own-key';
import type { IssuePath, ModelIssue } from '../../engine/errors';
import { formatPath } from '../../engine/errors';
import { runBudgetImpact } from '../../engine/budget/run-budget-impact';
import type { BudgetImpactReport } from '../../engine/budget/run-budget-impact';

/** Like formatPath, but a virtual year location reads `shares[year 3]`. */
export function formatBiaPath(path: IssuePath): string {
  const k = path.findIndex((p) => typeof p === 'string' && /^year \d+$/.test(p));
  if (k < 0) return formatPath(path);
  return `${formatPath(path.slice(0, k))}[${String(path[k])}]${k + 1 < path.length ? formatPath(path.slice(k + 1)).replace(/^(?=[A-Za-z_$])/, '.') : ''}`;
}

export function formatBiaIssue(issue: ModelIssue): string {
  return `${formatBiaPath(issue.path)}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

function printIssues(file: string, issues: ModelIssue[], io: CliIo): void {
  const errors = issues.filter((i) => i.severity === 'error');
  io.err(`${file}: invalid budget impact analysis (${errors.length} error${errors.length === 1 ? '' : 's'})`);
  for (const i of issues) io.err(`  ${formatBiaIssue(i)}`);
}

function money(x: number | null | undefined): string {
  return formatNumber(x, 0);
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Input values of any size: whole numbers with separators, small ones with 4 significant digits. */
function inputValue(x: number): string {
  return Math.abs(x) >= 100 ? formatNumber(x, 0) : String(+x.toPrecision(4));
}

function reportText(r: BudgetImpactReport): string {
  const cur = r.currency ? ` (${r.currency}${r.priceYear ? ` ${r.priceYear}` : ''})` : '';
  const head = [
    `Budget impact${r.label ? `: ${r.label}` : ''}${r.country && !(r.label ?? '').includes(r.country) ? ` — ${r.country}` : ''}`,
    `Horizon ${r.horizonYears} year(s); discounting: ${r.discounting}${r.perspective ? `; perspective: ${r.perspective}` : ''}.`,
  ];
  const years = formatTable(
    ['Year', 'Patients', `Current world${cur}`, 'New world', 'Budget impact', 'Cumulative', 'Impact per 100,000'],
    r.years.map((y) => [y.calendarYear !== null ? `${y.year} (${y.calendarYear})` : String(y.year), formatNumber(y.patients.entering + y.patients.prevalent, 0), money(y.current), money(y.new), money(y.impact), money(y.cumulativeImpact), y.per100k ? money(y.per100k.impact) : '—']),
  );
  const total = `Total over ${r.horizonYears} years: current ${money(r.cumulative.current)}, new ${money(r.cumulative.new)}, impact ${money(r.cumulative.impact)}.`;
  const categories = formatTable(
    ['Category', 'Current world', 'New world', 'Impact'],
    r.categories.map((c) => [c, money(r.cumulative.byCategory[c]!.current), money(r.cumulative.byCategory[c]!.new), money(r.cumulative.byCategory[c]!.impact)]),
  );
  const shareRows = r.strategies.map((s) => [s.label === s.id ? s.id : `${s.id} (${s.label})`, ...r.shares.current.map((y) => percent(ownValue(y.shares, s.id) ?? NaN)), ...r.shares.new.map((y) => percent(ownValue(y.shares, s.id) ?? NaN))]);
  const shares = formatTable(['Strategy', ...r.shares.current.map((y) => `Cur ${y.year}`), ...r.shares.new.map((y) => `New ${y.year}`)], shareRows);
  const rules = [...Object.entries(r.uptake.current).map(([id, d]) => `  current world, ${id}: ${d}`), ...Object.entries(r.uptake.new).map(([id, d]) => `  new world, ${id}: ${d}`)];
  const parts = [...head, '', years, '', total, '', 'Market shares by year', shares, ...rules, '', `By cost category (${r.horizonYears} years)`, categories];
  if (r.outcomeDefinitions.length > 0) {
    const rows = r.outcomeDefinitions.map((o) => {
      const sumOf = (pick: 'current' | 'new'): string => {
        const xs = r.years.map((y) => ownValue(y.outcomes, o.id)?.[pick] ?? null);
        return xs.every((x) => x !== null) ? formatNumber(xs.reduce<number>((a, b) => a + b!, 0), 1) : '—';
      };
      return [o.label, sumOf('current'), sumOf('new')];
    });
    parts.push('', `Patients (${r.horizonYears} years, incident)`, formatTable(['Outcome', 'Current world', 'New world'], rows));
  }
  if (r.tornado.rows.length > 0) {
    parts.push(
      '',
      `One-way sensitivity: ${r.tornado.measure} (base ${money(r.tornado.baseImpact)})`,
      formatTable(
        ['Input', 'Low', 'High', 'Impact at low', 'Impact at high', 'Swing'],
        r.tornado.rows.slice(0, 15).map((t) => [t.label, inputValue(t.low), inputValue(t.high), money(t.impactAtLow), money(t.impactAtHigh), t.error ? `invalid: ${t.error}` : money(t.swing)]),
      ),
    );
  }
  if (r.scenarios.length > 0) {
    parts.push('', 'Scenarios', formatTable(['Scenario', 'Cumulative impact', 'Difference from base'], r.scenarios.map((s) => [s.label, money(s.cumulative.impact), money(s.differenceFromBase)])));
  }
  for (const w of r.warnings) parts.push(`warning: ${w}`);
  return `${parts.join('\n')}\n`;
}

export const biaCommand: CliCommand = {
  name: 'bia',
  summary: 'budget impact analysis: current vs new world budgets per year, by category, tornado and scenarios',
  usage: 'hta bia <model.json> [--json]',
  help: ['--json   print {"budgetImpact": {"years": [{"year", "current", "new", "impact", …}], "cumulative", "tornado", "scenarios", …}}'],
  options: { json: { type: 'boolean' } },
  positionals: 1,
  run(args, io) {
    const file = args.positionals[0]!;
    const validation = validateFile(file);
    if (!validation.valid || !validation.model) {
      printIssues(file, validation.issues, io);
      return EXIT.invalidModel;
    }
    for (const w of validation.issues) io.err(`${file}: ${formatBiaIssue(w)}`);
    const { report, issues } = runBudgetImpact(validation.model);
    if (!report) {
      printIssues(file, issues, io);
      return EXIT.invalidModel;
    }
    for (const w of report.warnings) io.err(`${file}: warning: ${w}`);
    io.out(args.values.json ? finiteJson({ budgetImpact: report }) : reportText(report));
    return EXIT.ok;
  },
};
