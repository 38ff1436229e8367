// `hta reconstruct <km.csv> --at-risk <atrisk.csv> [--events N] --out ipd.csv [--json]`: patient data rebuilt from a
// digitised Kaplan–Meier curve and the published numbers at risk (Guyot et al. 2012), written as time,event CSV,
// with the check of the rebuilt curve against the digitised points.
import { writeFileSync } from 'node:fs';
import type { CliCommand } from '../command';
import { EXIT, UsageError } from '../io';
import { formatNumber, formatTable } from '../format';
import { readDigitisedCurveCsv, readRiskTableCsv } from '../../engine/survival-fit/read-km-csv';
import { reconstructIpd } from '../../engine/survival-fit/reconstruct-ipd';
import type { Reconstruction } from '../../engine/survival-fit/reconstruct-ipd';
import { survivalCsv } from '../../engine/survival-fit/read-survival-csv';
import { isInputError, readTextFile } from './survival-input';

function parseEvents(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 0)) throw new UsageError(`--events must be a whole number >= 0 (got "${value}")`);
  return n;
}

function reportText(out: string, r: Reconstruction): string {
  const c = r.check;
  const lines = [
    `${out}: ${r.data.time.length} patients, ${c.events} events${c.publishedEvents !== null ? ` (published ${c.publishedEvents})` : ''}`,
    `Rebuilt Kaplan–Meier against the digitised curve: largest difference ${formatNumber(c.maxDifference, 4)} at time ${+c.atTime.toPrecision(6)} (${c.points.length} points)`,
    '',
    formatTable(['Time', 'Published at risk', 'Rebuilt at risk'], c.atRisk.map((a) => [String(a.time), String(a.published), String(a.reconstructed)])),
  ];
  for (const note of r.notes) lines.push(`Note: ${note}`);
  return lines.join('\n');
}

export const reconstructCommand: CliCommand = {
  name: 'reconstruct',
  summary: 'patient data rebuilt from a digitised Kaplan–Meier curve and its numbers at risk (Guyot 2012)',
  usage: 'hta reconstruct <km.csv> --at-risk <atrisk.csv> [--events N] --out ipd.csv [--json]',
  help: [
    '<km.csv>              digitised curve: columns time, survival (a header is optional; survival 0–1 or %)',
    '--at-risk <file>      published numbers at risk: columns time, n_risk, starting at time 0',
    '--events <N>          total number of events, when the publication reports it',
    '--out <ipd.csv>       where to write the patient data (columns time, event)',
    '--json                print the check (rebuilt vs digitised curve, numbers at risk) as JSON',
    'Exit status: 0 written, 1 invalid input (located), 2 usage error.',
  ],
  options: {
    'at-risk': { type: 'string' },
    events: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: 1,
  run(args, io) {
    const file = args.positionals[0]!;
    const v = args.values;
    const atRiskFile = v['at-risk'] as string | undefined;
    const out = v.out as string | undefined;
    if (atRiskFile === undefined) throw new UsageError('--at-risk <atrisk.csv> is required (the numbers at risk, from time 0)');
    if (out === undefined) throw new UsageError('--out <ipd.csv> is required');
    const events = parseEvents(v.events as string | undefined);
    const curveText = readTextFile(file);
    const riskText = readTextFile(atRiskFile);
    let result: Reconstruction;
    let where = file;
    try {
      const curve = readDigitisedCurveCsv(curveText);
      where = atRiskFile;
      const table = readRiskTableCsv(riskText);
      where = `${file} with ${atRiskFile}`;
      result = reconstructIpd(curve, table, events);
    } catch (e) {
      if (!isInputError(e)) throw e;
      io.err(`${where}: ${e.message}`);
      return EXIT.invalidModel;
    }
    try {
      writeFileSync(out, survivalCsv(result.data));
    } catch (e) {
      throw new UsageError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    io.out(v.json ? JSON.stringify({ out, n: result.data.time.length, check: result.check, notes: result.notes }, null, 2) : reportText(out, result));
    return EXIT.ok;
  },
};
