// `hta accuracy <studies.csv> [--method reml|glmm] [--interval clopper-pearson|wilson] [--json]`: bivariate
// meta-analysis of test-accuracy studies given as 2×2 rows (study, tp, fn, tn, fp; other columns kept).
import { readFileSync } from 'node:fs';
import type { CliCommand } from '../command';
import { EXIT, UsageError } from '../io';
import type { CliIo } from '../io';
import { formatTable } from '../format';
import { AccuracyAnalysisError, metaAnalyseAccuracy } from '../../engine/accuracy/meta-analysis';
import type { AccuracyMetaAnalysis, AccuracyMethod } from '../../engine/accuracy/meta-analysis';
import { formatCsvProblem, parseStudiesCsv } from '../../engine/accuracy/studies-csv';
import type { IntervalMethod, ProportionEstimate } from '../../engine/accuracy/two-by-two';

const METHODS: readonly AccuracyMethod[] = ['reml', 'glmm'];
const INTERVALS: readonly IntervalMethod[] = ['clopper-pearson', 'wilson'];

/** The public JSON contract: {"accuracy": {sensitivity, specificity, logit, tau2, rho, method, studies, …}}. */
export function accuracyJson(r: AccuracyMetaAnalysis): { accuracy: Record<string, unknown> } {
  return {
    accuracy: {
      sensitivity: r.sensitivity,
      specificity: r.specificity,
      logit: r.logit,
      tau2: r.tau2,
      rho: r.rho,
      method: r.method,
      methodLabel: r.methodLabel,
      model: r.model,
      level: r.level,
      logLik: r.logLik,
      hsroc: r.sroc.parameters,
      sroc: { form: r.sroc.form, fprRange: r.sroc.fprRange, curve: r.sroc.curve },
      summaryPoint: r.summaryPoint,
      confidenceRegion: r.confidenceRegion,
      predictionRegion: r.predictionRegion,
      warnings: r.warnings,
      studies: r.studies.map((s) => ({
        study: s.study,
        tp: s.tp,
        fn: s.fn,
        tn: s.tn,
        fp: s.fp,
        n: s.n,
        sensitivity: s.sensitivity,
        specificity: s.specificity,
        continuityCorrected: s.continuityCorrected,
        attributes: s.attributes ?? {},
      })),
    },
  };
}

function withInterval(p: ProportionEstimate): string {
  return `${(100 * p.estimate).toFixed(1)} (${(100 * p.lower).toFixed(1)}–${(100 * p.upper).toFixed(1)})`;
}

function reportText(r: AccuracyMetaAnalysis, interval: IntervalMethod): string {
  const studies = formatTable(
    ['Study', 'TP', 'FN', 'TN', 'FP', 'Sensitivity % (95% CI)', 'Specificity % (95% CI)'],
    r.studies.map((s) => [`${s.study}${s.continuityCorrected ? ' *' : ''}`, String(s.tp), String(s.fn), String(s.tn), String(s.fp), withInterval(s.sensitivity), withInterval(s.specificity)]),
  );
  const [[c11, c12], [, c22]] = r.logit.covariance;
  const lines = [
    `${r.methodLabel}${r.model === 'univariate' ? ' — univariate fallback (correlation 0)' : ''}; ${r.studies.length} studies.`,
    '',
    studies,
    `Study intervals: ${interval === 'wilson' ? 'Wilson' : 'exact (Clopper–Pearson)'}.${r.studies.some((s) => s.continuityCorrected) ? ` * zero cell: 0.5 added to all four cells${r.method === 'reml' ? ' in the model' : ' (normal model only; the GLMM uses the counts)'}.` : ''}`,
    '',
    `Pooled sensitivity  ${withInterval(r.sensitivity)} %`,
    `Pooled specificity  ${withInterval(r.specificity)} %`,
    `Logits              sensitivity ${r.logit.sensitivity.toFixed(4)}, specificity ${r.logit.specificity.toFixed(4)}`,
    `Covariance of logits [[${c11.toPrecision(4)}, ${c12.toPrecision(4)}], [${c12.toPrecision(4)}, ${c22.toPrecision(4)}]]`,
    `Between-study tau²  sensitivity ${r.tau2.sensitivity.toFixed(4)}, specificity ${r.tau2.specificity.toFixed(4)}; correlation ${r.rho === null ? 'not estimated' : r.rho.toFixed(3)}`,
    `${r.method === 'reml' ? 'REML log-likelihood' : 'Log-likelihood (Laplace)'} ${r.logLik.toFixed(4)}`,
  ];
  if (r.sroc.parameters) {
    const h = r.sroc.parameters;
    lines.push(`HSROC (Rutter–Gatsonis) Λ ${h.lambda.toFixed(4)}, θ ${h.theta.toFixed(4)}, β ${h.beta.toFixed(4)}, σ²α ${h.varianceAccuracy.toFixed(4)}, σ²θ ${h.varianceThreshold.toFixed(4)}`);
  }
  return `${lines.join('\n')}\n`;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function choice<T extends string>(value: unknown, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${String(value)}")`);
}

export const accuracyCommand: CliCommand = {
  name: 'accuracy',
  summary: 'meta-analysis of test accuracy: pooled sensitivity and specificity from 2×2 rows (bivariate model)',
  usage: 'hta accuracy <studies.csv> [--method reml|glmm] [--interval clopper-pearson|wilson] [--json]',
  help: [
    'CSV columns: study, tp, fn, tn, fp (any order, any case; comma or semicolon separated); other columns are kept as study attributes.',
    '--method reml       bivariate normal model on logits (Reitsma), REML; 0.5 added to all cells of a study with a zero cell (default)',
    '--method glmm       bivariate binomial GLMM (Chu & Cole), maximum likelihood, Laplace approximation',
    '--interval …        interval of each study\'s own sensitivity and specificity (default clopper-pearson)',
    '--json              print {"accuracy": {"sensitivity": {estimate, lower, upper}, "specificity", "logit": {sensitivity, specificity, covariance}, "tau2", "rho", "method", "studies", "sroc", …}}',
  ],
  options: { method: { type: 'string' }, interval: { type: 'string' }, json: { type: 'boolean' } },
  positionals: 1,
  run(args, io: CliIo) {
    const file = args.positionals[0]!;
    const method = choice(args.values.method, METHODS, 'method', 'reml');
    const interval = choice(args.values.interval, INTERVALS, 'interval', 'clopper-pearson');
    const parsed = parseStudiesCsv(readText(file));
    if (!parsed.ok) {
      io.err(`${file}: invalid 2×2 data (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'})`);
      for (const p of parsed.problems) io.err(`  ${formatCsvProblem(p)}`);
      return EXIT.invalidModel;
    }
    let result: AccuracyMetaAnalysis;
    try {
      result = metaAnalyseAccuracy(parsed.studies, { method, studyInterval: interval });
    } catch (e) {
      if (!(e instanceof AccuracyAnalysisError)) throw e;
      io.err(`${file}: ${e.message}`);
      return EXIT.invalidModel;
    }
    for (const w of result.warnings) io.err(`${file}: warning: ${w}`);
    io.out(args.values.json ? JSON.stringify(accuracyJson(result), null, 2) : reportText(result, interval));
    return EXIT.ok;
  },
};
