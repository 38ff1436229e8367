// `hta run <model.json> [--scenario ID] [--set name=value …] [--json] [--trace out.csv]`: base-case results and the
// incremental analysis, of the file or of a variant of it.
import { writeFileSync } from 'node:fs';
import type { CliCommand } from './command';
import { EXIT, UsageError } from './io';
import { loadValidModel } from './model-loading';
import { parseSettings, withScenario, withSettings } from './model-variant';
import { runModel, traceCsv } from './run-report';
import type { RunReport } from './run-report';
import { finiteJson } from './finite-output';
import { describeCycleLength, formatNumber, formatTable } from './format';

function reportText(report: RunReport): string {
  const unit = report.model.effect === 'qalys' ? 'QALYs' : 'LYs';
  const cur = report.model.currency ? ` (${report.model.currency})` : '';
  const strategies = formatTable(
    ['Strategy', `Cost${cur}`, unit, 'Life-years'],
    report.strategies.map((s) => [s.label === s.id ? s.id : `${s.id} (${s.label})`, formatNumber(s.cost), formatNumber(s.effect, 4), formatNumber(s.lifeYears, 4)]),
  );
  const incremental = formatTable(
    ['Strategy', 'Status', 'Inc. cost', `Inc. ${unit}`, `ICER (per ${unit.slice(0, -1)})`],
    report.incremental.map((r) => [r.id, r.status, formatNumber(r.incCost), formatNumber(r.incEffect, 4), formatNumber(r.icer)]),
  );
  return `${report.model.title}\nPer person, discounted; ${report.model.cycles} cycles of ${describeCycleLength(report.model.cycleLength)}.\n\n${strategies}\n\nIncremental analysis\n${incremental}\n`;
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run a model: costs, effects and the incremental analysis per strategy',
  usage: 'hta run <model.json> [--scenario ID] [--set name=value …] [--json] [--trace out.csv]',
  help: [
    '--json              print {"strategies": [...], "incremental": [...]} (per-person discounted totals)',
    '--scenario ID       run the named scenario of the model instead of the base case',
    '--set name=value    give a parameter a number or an expression (repeatable; after --scenario)',
    '--trace FILE        write per cycle the state counts, costs by category, QALYs and life-years (discounted',
    '                    and not) of each strategy as CSV, for the whole cohort',
  ],
  options: { json: { type: 'boolean' }, trace: { type: 'string' }, scenario: { type: 'string' }, set: { type: 'string', multiple: true } },
  positionals: 1,
  run(args, io) {
    const file = args.positionals[0]!;
    const trace = args.values.trace;
    if (trace !== undefined && (typeof trace !== 'string' || trace === '')) throw new UsageError('--trace needs a file name');
    const scenario = args.values.scenario;
    if (scenario !== undefined && (typeof scenario !== 'string' || scenario === '')) throw new UsageError('--scenario needs a scenario id');
    const settings = parseSettings(((args.values.set ?? []) as unknown[]).map(String));
    const loaded = loadValidModel(file, io);
    if (!loaded) return EXIT.invalidModel;
    const model = withSettings(withScenario(loaded, scenario), settings, file, io);
    if (!model) return EXIT.invalidModel;
    const outcome = runModel(model);
    const text = args.values.json ? finiteJson(outcome.report) : reportText(outcome.report);
    if (typeof trace === 'string') writeFileSync(trace, traceCsv(outcome.compiled, outcome.result));
    io.out(text);
    return EXIT.ok;
  },
};
