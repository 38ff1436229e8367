// `hta psa <model.json> --iterations N --seed S [--wtp a,b,c] [--workers K] [--samples out.csv] [--json]`:
// probabilistic analysis. The JSON output is the `run --json` object plus a "psa" section; it does not depend
// on the number of workers. Progress goes to stderr (never to stdout).
import { writeFileSync } from 'node:fs';
import type { CliCommand, ParsedCommandLine } from '../command';
import { EXIT, UsageError } from '../io';
import type { CliIo } from '../io';
import { loadValidModel } from '../model-loading';
import { runModel } from '../run-report';
import type { HtaModel } from '../../engine/model/schema';
import { createPsaSetup } from '../../engine/psa/psa-setup';
import type { PsaSetup } from '../../engine/psa/psa-setup';
import { sampledParameterNames, sampledParameters } from '../../engine/uncertainty/sampled-parameters';
import { runPsa } from '../../engine/psa/psa-run';
import type { PsaProgress, PsaRun } from '../../engine/psa/psa-run';
import { analysePsa, defaultEvppiGroups } from '../../engine/psa/psa-analysis';
import { withScenario } from '../model-variant';
import { runPsaOnCores } from '../psa-workers';
import { isWholeAtLeast, numberOption, stringOption, wtpListOption } from './psa-options';
import { psaJson, psaSamplesCsv, psaText } from './psa-output';
import { finiteJson } from '../finite-output';

interface PsaCommandOptions {
  iterations: number;
  seed: number;
  wtp: number[] | undefined;
  workers: number;
  samples: string | undefined;
  comparator: string | undefined;
  scenario: string | undefined;
  evppi: boolean;
  evppiSeDraws: number;
  population: { populationPerYear: number; years: number; discountRate: number } | undefined;
}

function parseOptions(args: ParsedCommandLine): PsaCommandOptions {
  const populationPerYear = numberOption(args, 'population', (x) => x >= 0, 'a number >= 0');
  return {
    iterations: numberOption(args, 'iterations', isWholeAtLeast(1), 'a whole number >= 1') ?? 1000,
    seed: numberOption(args, 'seed', (x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff, 'a whole number from 0 to 4294967295') ?? 1,
    wtp: wtpListOption(args),
    workers: numberOption(args, 'workers', isWholeAtLeast(1), 'a whole number >= 1') ?? 1,
    samples: stringOption(args, 'samples'),
    comparator: stringOption(args, 'comparator'),
    scenario: stringOption(args, 'scenario'),
    evppi: args.values.evppi === true,
    evppiSeDraws: numberOption(args, 'evppi-se-draws', isWholeAtLeast(0), 'a whole number >= 0') ?? 200,
    population:
      populationPerYear === undefined
        ? undefined
        : {
            populationPerYear,
            years: numberOption(args, 'years', isWholeAtLeast(1), 'a whole number >= 1') ?? 1,
            discountRate: numberOption(args, 'population-discount', (x) => x > -1, 'a rate > -1, e.g. 0.035') ?? 0,
          },
  };
}

/** Progress lines on stderr at every 10 %, only for runs long enough to need them. */
function progressReporter(io: CliIo, iterations: number): ((p: PsaProgress) => void) | undefined {
  if (iterations < 50000) return undefined;
  let lastDecile = 0;
  return ({ done, total }) => {
    const decile = Math.floor((10 * done) / total);
    if (decile > lastDecile) {
      lastDecile = decile;
      io.err(`psa: ${decile * 10}% (${done}/${total} draws)`);
    }
  };
}

async function runDraws(model: HtaModel, setup: PsaSetup, o: PsaCommandOptions, io: CliIo): Promise<PsaRun> {
  const options = { iterations: o.iterations, onProgress: progressReporter(io, o.iterations) };
  // More cores: worker threads join only when the run turns out to outlast their start-up. Same output either way.
  return o.workers === 1 ? runPsa(setup, options) : runPsaOnCores(model, setup, o.workers, options);
}

function modelFor(file: string, o: PsaCommandOptions, io: CliIo): HtaModel | null {
  const model = loadValidModel(file, io);
  return model ? withScenario(model, o.scenario) : null;
}

function writeSamples(path: string, run: PsaRun): void {
  try {
    writeFileSync(path, psaSamplesCsv(run));
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export const psaCommand: CliCommand = {
  name: 'psa',
  summary: 'probabilistic analysis: means, CEAC, CEAF, expected loss, EVPI (and EVPPI) from sampled parameters',
  usage: 'hta psa <model.json> --iterations N --seed S [--wtp a,b,c] [--workers K] [--samples out.csv] [--json]',
  help: [
    '--iterations N        number of draws (default 1000)',
    '--seed S              seed of the xoroshiro128+ streams (default 1); same seed -> same output for any --workers',
    '--wtp a,b,c           willingness-to-pay thresholds (default: the model settings.wtp)',
    '--workers K           cores to use: this thread plus K - 1 worker threads (default 1)',
    '--samples FILE        write per-draw costs, effects and sampled parameters as CSV',
    '--comparator ID       comparator of the CE plane and convergence (default: the first strategy)',
    '--scenario ID         run the named scenario of the model instead of the base case',
    '--evppi               add EVPPI (regression) for every sampled parameter, Dirichlet group and correlated set',
    '--evppi-se-draws N    posterior draws for the EVPPI standard error (default 200; 0 skips it)',
    '--population N        people per year for population EVPI (with --years Y, --population-discount r)',
    '--json                print the `run --json` object with a "psa" section',
  ],
  options: {
    iterations: { type: 'string' },
    seed: { type: 'string' },
    wtp: { type: 'string' },
    workers: { type: 'string' },
    samples: { type: 'string' },
    comparator: { type: 'string' },
    scenario: { type: 'string' },
    evppi: { type: 'boolean' },
    'evppi-se-draws': { type: 'string' },
    population: { type: 'string' },
    years: { type: 'string' },
    'population-discount': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 1,
  async run(args, io) {
    const file = args.positionals[0]!;
    const o = parseOptions(args);
    try {
      const model = modelFor(file, o, io);
      if (!model) return EXIT.invalidModel;
      const wtp = o.wtp ?? model.settings.wtp;
      if (wtp.length === 0) throw new UsageError('the model has no settings.wtp: give --wtp a,b,c');
      if (sampledParameterNames(model).length === 0) io.err(`${file}: warning: no parameter has a distribution; every draw equals the base case`);
      // The base case from the PSA's compiled model: one compilation for both (sampled expression parameters are
      // inputs there, set to the values the model computes, so the base case is the same to the bit).
      const setup = createPsaSetup(model, o.seed);
      const base = runModel(model, setup.compiled);
      const run = await runDraws(model, setup, o, io);
      const evppiGroups = o.evppi ? defaultEvppiGroups(sampledParameters(model), model.correlations, model.jointDistributions) : [];
      const analysisStart = performance.now();
      const analysis = analysePsa(run, { wtp, comparator: o.comparator, population: o.population, evppiGroups, evppiSeDraws: o.evppiSeDraws });
      // Timing on stderr: stdout stays the same from run to run for a seed.
      if (o.evppi) io.err(`EVPPI: ${evppiGroups.length} parameter groups x ${wtp.length} threshold${wtp.length === 1 ? '' : 's'} in ${((performance.now() - analysisStart) / 1000).toFixed(2)} s`);
      if (o.samples !== undefined) writeSamples(o.samples, run);
      io.out(args.values.json ? finiteJson({ ...base.report, psa: psaJson(run, analysis) }) : psaText(base.report, run, analysis));
      return EXIT.ok;
    } catch (e) {
      if (e instanceof RangeError && /comparator/.test(e.message)) throw new UsageError(e.message);
      throw e;
    }
  },
};
