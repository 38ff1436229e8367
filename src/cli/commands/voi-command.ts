// `hta voi <draws.csv|xlsx> [--wtp …] [--strategies A,B] [--json]`: value-of-information analysis of PSA results
// made by another model (BCEA / dampack exports, company spreadsheets). The same summaries as `hta psa`
// (src/engine/psa/psa-analysis.ts) on draws read by src/engine/psa/external-draws.ts.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CliCommand, ParsedCommandLine } from '../command';
import { EXIT, UsageError } from '../io';
import { CsvError } from '../../engine/survival-fit/csv-table';
import type { CsvTable } from '../../engine/survival-fit/csv-table';
import { DrawsTableError, readPsaDraws } from '../../engine/psa/external-draws';
import { analyseDraws, VOI_DEFAULT_WTP } from '../../engine/psa/draws-analysis';
import { isWholeAtLeast, numberOption, stringOption } from './psa-options';
import { voiJson, voiText } from './voi-output';
import { finiteJson } from '../finite-output';
import { isWorkbookFile, readDrawsTable } from '../../report/draws-file';

/** "20000,30000" or a grid "0:50000:100" (from:to:step, both ends included). */
export function wtpGridOption(args: ParsedCommandLine, name: string): number[] | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const range = /^\s*([^:]+):([^:]+):([^:]+)\s*$/.exec(text);
  if (range) {
    const [from, to, step] = range.slice(1).map(Number) as [number, number, number];
    if (![from, to, step].every(Number.isFinite) || from < 0 || step <= 0 || to < from) throw new UsageError(`--${name} ${text}: a grid is from:to:step with 0 <= from <= to and step > 0`);
    const n = Math.floor((to - from) / step + 1e-9) + 1;
    if (n > 10001) throw new UsageError(`--${name} ${text} has ${n} thresholds; at most 10001`);
    return Array.from({ length: n }, (_, k) => from + k * step);
  }
  return text.split(',').map((part) => {
    const x = Number(part.trim());
    if (part.trim() === '' || !Number.isFinite(x) || x < 0) throw new UsageError(`--${name}: "${part}" is not a number >= 0`);
    return x;
  });
}

/** The file's table, read by the reader the app uses too (src/report/draws-file.ts). */
async function readTable(file: string, sheet: string | undefined): Promise<CsvTable> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (sheet !== undefined && !isWorkbookFile(file)) throw new UsageError('--sheet applies to .xlsx files only');
  return readDrawsTable(basename(file), bytes, sheet);
}

export const voiCommand: CliCommand = {
  name: 'voi',
  summary: 'value of information from PSA results made elsewhere (BCEA / dampack layouts): CEAC, CEAF, EVPI, EVPPI',
  usage: 'hta voi <draws.csv|draws.xlsx> [--wtp a,b,c | --wtp from:to:step] [--strategies A,B,…] [--json]',
  help: [
    'Layouts: cost_<s>,eff_<s> or c_<s>,e_<s> columns; c1…cN,e1…eN with --strategies; or long rows strategy,draw,cost,effect.',
    'A draw/sim/iteration column is ignored; other numeric columns are parameters (EVPPI).',
    `--wtp LIST|GRID       thresholds, e.g. 20000,30000 or 0:50000:100 (default ${VOI_DEFAULT_WTP}, BCEA's grid)`,
    '--strategies A,B,…    names of the strategies of c1…cN / e1…eN columns (default 1…N)',
    '--sheet NAME          worksheet of an .xlsx file (default: the first)',
    '--comparator ID       comparator of the CE plane (default: the first strategy)',
    '--evppi-wtp LIST      thresholds for EVPPI (default: --wtp when it has at most 10 thresholds)',
    '--evppi-se-draws N    posterior draws for the EVPPI standard error (default 200; 0 skips it)',
    '--population N        people per year for population EVPI (with --years Y, --population-discount r)',
    '--json                print {"voi": {strategies, incremental, ceac, ceaf, evpi, …}}',
  ],
  options: {
    wtp: { type: 'string' },
    strategies: { type: 'string' },
    sheet: { type: 'string' },
    comparator: { type: 'string' },
    'evppi-wtp': { type: 'string' },
    'evppi-se-draws': { type: 'string' },
    population: { type: 'string' },
    years: { type: 'string' },
    'population-discount': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 1,
  async run(args, io) {
    const file = args.positionals[0]!;
    const strategiesText = stringOption(args, 'strategies');
    const strategies = strategiesText?.split(',').map((s) => s.trim());
    if (strategies?.some((s) => s === '')) throw new UsageError(`--strategies "${strategiesText}": every name must be non-empty`);
    const wtp = wtpGridOption(args, 'wtp');
    const evppiWtp = wtpGridOption(args, 'evppi-wtp');
    const populationPerYear = numberOption(args, 'population', (x) => x >= 0, 'a number >= 0');
    const population =
      populationPerYear === undefined
        ? undefined
        : {
            populationPerYear,
            years: numberOption(args, 'years', isWholeAtLeast(1), 'a whole number >= 1') ?? 1,
            discountRate: numberOption(args, 'population-discount', (x) => x > -1, 'a rate > -1, e.g. 0.035') ?? 0,
          };
    const evppiSeDraws = numberOption(args, 'evppi-se-draws', isWholeAtLeast(0), 'a whole number >= 0') ?? 200;
    const comparator = stringOption(args, 'comparator');
    let draws;
    try {
      draws = readPsaDraws(await readTable(file, stringOption(args, 'sheet')), strategies);
    } catch (e) {
      if (!(e instanceof CsvError || e instanceof DrawsTableError)) throw e;
      io.err(`${file}: ${e.message}`);
      return EXIT.invalidModel;
    }
    if (comparator !== undefined && !draws.strategyIds.includes(comparator)) {
      throw new UsageError(`--comparator "${comparator}" is not a strategy (${draws.strategyIds.join(', ')})`);
    }
    const analysis = analyseDraws(draws, { wtp, evppiWtp, population, comparator, evppiSeDraws });
    for (const note of analysis.notes) io.err(`${file}: ${note}`);
    io.out(args.values.json ? finiteJson({ voi: voiJson(draws, analysis) }) : voiText(file, draws, analysis));
    return EXIT.ok;
  },
};
