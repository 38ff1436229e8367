// `hta fit <ipd.csv> [--time time --event event] [--dist weibull,…] [--arm column=value] [--horizon t] [--json]`:
// maximum-likelihood fits of parametric survival curves to patient data, with the Kaplan–Meier estimate.
// JSON: {"fits":[{"distribution","parameters":{…},"logLik","aic","bic","covariance","median","rmst",…}],"km":{…}}.
import type { CliCommand } from '../command';
import { EXIT, UsageError } from '../io';
import { formatNumber, formatTable } from '../format';
import { FIT_DISTRIBUTIONS, distributionNamed } from '../../engine/survival-fit/distributions';
import type { FitDistribution } from '../../engine/survival-fit/distributions';
import { fitSurvivalData } from '../../engine/survival-fit/fit-all';
import type { RankedFit, SurvivalAnalysis } from '../../engine/survival-fit/fit-all';
import type { Estimate } from '../../engine/survival-fit/fit';
import { readSurvivalCsv } from '../../engine/survival-fit/read-survival-csv';
import { isInputError, readTextFile } from './survival-input';

function parseDistributions(value: string | undefined): FitDistribution[] {
  if (value === undefined) return [...FIT_DISTRIBUTIONS];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--dist needs at least one distribution');
  return [
    ...new Set(
      names.map((name) => {
        const dist = distributionNamed(name);
        if (!dist) throw new UsageError(`unknown distribution "${name}" (use ${FIT_DISTRIBUTIONS.join(', ')}, or flexsurv's exp, llogis, lnorm, gengamma)`);
        return dist;
      }),
    ),
  ];
}

function parseArm(value: string | undefined): { column: string; value: string } | undefined {
  if (value === undefined) return undefined;
  const at = value.indexOf('=');
  if (at <= 0) throw new UsageError(`--arm must be column=value (got "${value}")`);
  return { column: value.slice(0, at), value: value.slice(at + 1) };
}

function parseHorizon(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const h = Number(value);
  if (!(Number.isFinite(h) && h > 0)) throw new UsageError(`--horizon must be a number > 0 (got "${value}")`);
  return h;
}

/** JSON of one fit: the fields the issue names first, then the rest. Non-finite numbers become null. */
function fitJson(f: RankedFit) {
  return {
    distribution: f.distribution,
    parameters: f.parameters,
    logLik: f.logLik,
    aic: f.aic,
    bic: f.bic,
    covariance: f.covariance,
    median: f.median,
    rmst: f.rmst,
    label: f.label,
    k: f.k,
    estimationScale: f.estimationScale,
    aicRank: f.aicRank,
    deltaAic: f.deltaAic,
    converged: f.converged,
    message: f.message,
  };
}

export function fitReportJson(file: string, columns: { time: string; event: string }, analysis: SurvivalAnalysis): unknown {
  return {
    data: { file, ...columns, ...analysis.summary },
    fits: analysis.fits.map(fitJson),
    km: analysis.km,
  };
}

function withCi(e: Estimate | null): string {
  if (!e) return '—';
  const digits = e.estimate >= 100 ? 0 : 2;
  return `${formatNumber(e.estimate, digits)} (${formatNumber(e.lower, digits)}–${formatNumber(e.upper, digits)})`;
}

function reportText(file: string, analysis: SurvivalAnalysis): string {
  const s = analysis.summary;
  const horizon = analysis.fits[0]?.rmst.horizon ?? s.maxTime;
  const rows = analysis.fits.map((f) => [
    f.label,
    String(f.k),
    formatNumber(f.logLik, 3),
    formatNumber(f.aic, 2),
    f.deltaAic === null ? '—' : formatNumber(f.deltaAic, 2),
    formatNumber(f.bic, 2),
    withCi(f.median),
    withCi(f.rmst),
    Object.entries(f.parameters)
      .map(([k, v]) => `${k} ${+v.toPrecision(5)}`)
      .join(', '),
  ]);
  const lines = [
    `${file}: ${s.n} patients, ${s.events} events, follow-up to ${s.maxTime}; Kaplan–Meier median ${s.kmMedian ?? 'not reached'}`,
    '',
    formatTable(['Distribution', 'k', 'logLik', 'AIC', 'ΔAIC', 'BIC', 'Median (95% CI)', `RMST to ${horizon} (95% CI)`, 'Parameters'], rows),
  ];
  for (const f of analysis.fits.filter((x) => !x.converged)) lines.push('', `${f.label}: ${f.message}`);
  return lines.join('\n');
}

export const fitCommand: CliCommand = {
  name: 'fit',
  summary: 'survival curves: maximum-likelihood fits (exponential … generalised gamma) to patient data, with Kaplan–Meier',
  usage: 'hta fit <ipd.csv> [--time time] [--event event] [--dist weibull,…] [--arm column=value] [--horizon t] [--json]',
  help: [
    '--time <column>       column of follow-up times, > 0 (default "time")',
    '--event <column>      column of event indicators: 1 event, 0 censored (default "event")',
    `--dist <a,b,…>        distributions to fit (default all: ${FIT_DISTRIBUTIONS.join(', ')}); flexsurv names work too`,
    '--arm <column=value>  fit only the rows of one arm',
    '--horizon <t>         horizon of the restricted mean, in the data\'s time unit (default: the last observed time)',
    '--json                print the fits and the Kaplan–Meier estimate as JSON',
    'Parameters are flexsurv\'s (the model format\'s curves); covariance is of the estimates on flexsurv\'s estimation scale',
    '(log of positive parameters). Exit status: 0 fitted (a fit that did not converge says so), 1 invalid data, 2 usage error.',
  ],
  options: {
    time: { type: 'string' },
    event: { type: 'string' },
    dist: { type: 'string' },
    arm: { type: 'string' },
    horizon: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 1,
  run(args, io) {
    const file = args.positionals[0]!;
    const v = args.values;
    const distributions = parseDistributions(v.dist as string | undefined);
    const arm = parseArm(v.arm as string | undefined);
    const rmstHorizon = parseHorizon(v.horizon as string | undefined);
    const columns = { time: (v.time as string | undefined) ?? 'time', event: (v.event as string | undefined) ?? 'event' };
    const text = readTextFile(file);
    let analysis: SurvivalAnalysis;
    try {
      const { data } = readSurvivalCsv(text, { timeColumn: columns.time, eventColumn: columns.event, arm });
      analysis = fitSurvivalData(data, distributions, { rmstHorizon });
    } catch (e) {
      if (!isInputError(e)) throw e;
      io.err(`${file}: ${e.message}`);
      return EXIT.invalidModel;
    }
    for (const f of analysis.fits.filter((x) => !x.converged)) io.err(`${file}: warning: ${f.message}`);
    io.out(v.json ? JSON.stringify(fitReportJson(file, columns, analysis), null, 2) : reportText(file, analysis));
    return EXIT.ok;
  },
};
