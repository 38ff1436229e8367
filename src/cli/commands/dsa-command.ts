// `hta dsa <model.json> [--wtp X] [--comparator id] [--strategy id] [--json]`: one-way sensitivity analysis
// (tornado rows on incremental net monetary benefit), threshold values of the parameters that change the
// decision, an optional two-way grid and the side-by-side comparison of the model's named scenarios.
import type { CliCommand, ParsedCommandLine } from '../command';
import { EXIT, UsageError } from '../io';
import { loadValidModel } from '../model-loading';
import { runModel } from '../run-report';
import type { RunReport } from '../run-report';
import { formatPath } from '../../engine/errors';
import { finiteJson } from '../finite-output';
import type { HtaModel } from '../../engine/model/schema';
import { createDsaSetup, DsaError } from '../../engine/sensitivity/dsa-setup';
import { oneWay } from '../../engine/sensitivity/one-way';
import type { DsaStepError, OneWayResult, OutcomeAt } from '../../engine/sensitivity/one-way';
import { thresholdAnalysis } from '../../engine/sensitivity/threshold';
import type { ThresholdResult } from '../../engine/sensitivity/threshold';
import { twoWay } from '../../engine/sensitivity/two-way';
import type { TwoWayResult } from '../../engine/sensitivity/two-way';
import { compareScenarios } from '../../engine/sensitivity/scenarios';
import type { ScenarioResult } from '../../engine/sensitivity/scenarios';
import { formatNumber, formatTable } from '../format';
import { isWholeAtLeast, numberOption, stringOption } from './psa-options';

interface ThresholdRequest {
  parameter: string;
  low?: number;
  high?: number;
}

/** "c_test" or "c_test:200:2000" (an explicit search range). */
function thresholdRequest(text: string): ThresholdRequest {
  const [parameter, low, high, ...rest] = text.split(':');
  if (low === undefined) return { parameter: parameter! };
  const lo = Number(low);
  const hi = Number(high);
  if (rest.length > 0 || high === undefined || low.trim() === '' || high.trim() === '' || !Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    throw new UsageError(`--threshold: "${text}" must be a parameter id or id:low:high with low < high`);
  }
  return { parameter: parameter!, low: lo, high: hi };
}

interface DsaCommandOptions {
  wtp: number | undefined;
  comparator: string | undefined;
  strategy: string | undefined;
  parameters: string[] | undefined;
  thresholds: ThresholdRequest[] | undefined;
  twoWay: [string, string] | undefined;
  steps: number;
  scenarioIterations: number | undefined;
  seed: number;
}

function listOption(args: ParsedCommandLine, name: string): string[] | undefined {
  const text = stringOption(args, name);
  return text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function parseOptions(args: ParsedCommandLine): DsaCommandOptions {
  const pair = listOption(args, 'two-way');
  if (pair !== undefined && pair.length !== 2) throw new UsageError('--two-way needs two parameter ids: --two-way a,b');
  return {
    wtp: numberOption(args, 'wtp', (x) => x >= 0, 'a number >= 0'),
    comparator: stringOption(args, 'comparator'),
    strategy: stringOption(args, 'strategy'),
    parameters: listOption(args, 'parameters'),
    thresholds: listOption(args, 'threshold')?.map(thresholdRequest),
    twoWay: pair as [string, string] | undefined,
    steps: numberOption(args, 'steps', isWholeAtLeast(2), 'a whole number >= 2') ?? 11,
    scenarioIterations: numberOption(args, 'scenario-iterations', isWholeAtLeast(1), 'a whole number >= 1'),
    seed: numberOption(args, 'seed', (x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff, 'a whole number from 0 to 4294967295') ?? 1,
  };
}

interface DsaOutput {
  oneWay: OneWayResult;
  thresholds: ThresholdResult[];
  twoWay: TwoWayResult | null;
  scenarios: ScenarioResult[];
}

function analyse(model: HtaModel, wtp: number, o: DsaCommandOptions): DsaOutput {
  const setup = createDsaSetup(model);
  const result = oneWay(setup, { wtp, comparator: o.comparator, strategy: o.strategy, parameters: o.parameters });
  // Without --threshold, find the thresholds of every parameter whose range changes the decision.
  const requests = o.thresholds ?? result.rows.filter((r) => r.decisionChanges).map((r) => ({ parameter: r.parameter }));
  return {
    oneWay: result,
    thresholds: requests.map((t) => thresholdAnalysis(setup, { ...t, wtp })),
    twoWay: o.twoWay ? twoWay(setup, { wtp, x: { parameter: o.twoWay[0], steps: o.steps }, y: { parameter: o.twoWay[1], steps: o.steps } }) : null,
    scenarios: model.scenarios.length > 0 ? compareScenarios(model, { wtp: [wtp], psa: o.scenarioIterations ? { iterations: o.scenarioIterations, seed: o.seed } : undefined }) : [],
  };
}

function outcomeJson(o: OutcomeAt | null) {
  return o === null ? null : { value: o.value, incNmb: o.incNmb, incCost: o.incCost, incEffect: o.incEffect, icer: o.icer, optimal: o.optimal, nmb: o.nmb };
}

function stepErrorJson(e: DsaStepError) {
  return { parameter: e.parameter, at: e.at, value: e.value, message: e.message, location: formatPath(e.details.path), details: e.details };
}

/** The "dsa" section of `hta dsa --json` (a public contract: fields are added, never renamed). */
export function dsaJson(d: DsaOutput) {
  const r = d.oneWay;
  return {
    wtp: r.wtp,
    comparator: r.comparator,
    strategy: r.strategy,
    outcome: 'incremental net monetary benefit (strategy - comparator) at wtp',
    base: { incNmb: r.base.incNmb, incCost: r.base.incCost, incEffect: r.base.incEffect, icer: r.base.icer, optimal: r.base.optimal, nmb: r.base.nmb },
    tornado: r.rows.map((row) => ({
      parameter: row.parameter,
      label: row.label,
      base: row.base,
      low: row.low,
      high: row.high,
      rangeSource: row.rangeSource,
      outcomeLow: row.outcomeLow,
      outcomeHigh: row.outcomeHigh,
      swing: row.swing,
      decisionChanges: row.decisionChanges,
      atLow: outcomeJson(row.atLow),
      atHigh: outcomeJson(row.atHigh),
      errors: row.errors.map(stepErrorJson),
    })),
    thresholds: d.thresholds.map((t) => ({ ...t, errors: t.errors.map(stepErrorJson) })),
    twoWay: d.twoWay
      ? {
          ...d.twoWay,
          cells: d.twoWay.cells.map((col) => col.map((c) => ({ x: c.x, y: c.y, optimal: c.optimal, nmb: c.nmb, error: c.error ? stepErrorJson(c.error) : null }))),
        }
      : null,
    scenarios: d.scenarios,
  };
}

function dsaText(report: RunReport, d: DsaOutput): string {
  const r = d.oneWay;
  const cur = report.model.currency ? ` ${report.model.currency}` : '';
  const tornado = formatTable(
    ['Parameter', 'Base', 'Low', 'High', 'iNMB at low', 'iNMB at high', 'Swing', 'Note'],
    r.rows.map((row) => [
      row.parameter,
      formatNumber(row.base, 4),
      formatNumber(row.low, 4),
      formatNumber(row.high, 4),
      formatNumber(row.outcomeLow),
      formatNumber(row.outcomeHigh),
      formatNumber(row.swing),
      row.errors.length > 0 ? `error at ${row.errors.map((e) => e.at).join(', ')}` : row.decisionChanges ? 'decision changes' : '',
    ]),
  );
  const parts = [
    report.model.title,
    `One-way sensitivity: incremental net monetary benefit of ${r.strategy} vs ${r.comparator} at ${formatNumber(r.wtp, 0)}${cur} per unit of effect (base ${formatNumber(r.base.incNmb)}).`,
    '',
    tornado,
  ];
  for (const row of r.rows) for (const e of row.errors) parts.push(`  ${e.message}`);
  if (d.thresholds.length > 0) {
    parts.push('', 'Threshold values (the optimal strategy changes)');
    for (const t of d.thresholds) {
      parts.push(
        t.status === 'found'
          ? `  ${t.parameter}: ${t.thresholds.map((c) => `${formatNumber(c.value, 4)} (${c.from} -> ${c.to})`).join('; ')}`
          : `  ${t.parameter}: no threshold in range [${formatNumber(t.low, 4)}, ${formatNumber(t.high, 4)}]`,
      );
    }
  }
  if (d.twoWay) {
    const tw = d.twoWay;
    parts.push('', `Two-way: optimal strategy, rows ${tw.x.parameter}, columns ${tw.y.parameter}`);
    parts.push(formatTable([tw.x.parameter, ...tw.y.values.map((v) => formatNumber(v, 3))], tw.cells.map((col, i) => [formatNumber(tw.x.values[i]!, 3), ...col.map((c) => c.optimal ?? 'error')])));
  }
  if (d.scenarios.length > 0) {
    parts.push('', 'Scenarios');
    parts.push(
      formatTable(
        ['Scenario', ...d.scenarios[0]!.strategies.flatMap((s) => [`${s.id} cost`, `${s.id} effect`]), 'Optimal'],
        d.scenarios.map((s) => [s.id, ...s.strategies.flatMap((x) => [formatNumber(x.cost), formatNumber(x.effect, 4)]), s.optimal[0]?.id ?? '']),
      ),
    );
  }
  return `${parts.join('\n')}\n`;
}

export const dsaCommand: CliCommand = {
  name: 'dsa',
  summary: 'deterministic sensitivity: tornado (one-way), thresholds, two-way grid and named scenarios',
  usage: 'hta dsa <model.json> [--wtp X] [--comparator id] [--strategy id] [--json]',
  help: [
    '--wtp X                  willingness-to-pay of the net-benefit outcome (default: the first settings.wtp)',
    '--comparator ID          comparator (default: the first strategy)',
    '--strategy ID            strategy compared with it (default: the first other strategy)',
    '--parameters a,b         parameters to vary (default: every parameter with low/high or a distribution)',
    '--threshold a,b:lo:hi    threshold analysis of these parameters, optionally over lo..hi',
    '                         (default: every parameter whose low-high range changes the decision)',
    '--two-way a,b            two-way grid of the optimal strategy (--steps N per axis, default 11)',
    '--scenario-iterations N  also run a PSA of N draws per scenario (--seed S)',
    '--json                   print the `run --json` object with a "dsa" section',
  ],
  options: {
    wtp: { type: 'string' },
    comparator: { type: 'string' },
    strategy: { type: 'string' },
    parameters: { type: 'string' },
    threshold: { type: 'string' },
    'two-way': { type: 'string' },
    steps: { type: 'string' },
    'scenario-iterations': { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 1,
  run(args, io) {
    const file = args.positionals[0]!;
    const o = parseOptions(args);
    const model = loadValidModel(file, io);
    if (!model) return EXIT.invalidModel;
    const wtp = o.wtp ?? model.settings.wtp[0];
    if (wtp === undefined) throw new UsageError('the model has no settings.wtp: give --wtp X');
    try {
      const base = runModel(model);
      const output = analyse(model, wtp, o);
      io.out(args.values.json ? finiteJson({ ...base.report, dsa: dsaJson(output) }) : dsaText(base.report, output));
      return EXIT.ok;
    } catch (e) {
      if (e instanceof DsaError) throw new UsageError(e.message);
      throw e;
    }
  },
};
