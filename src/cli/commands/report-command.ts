// `hta report <dossier.htad.json> --format html|pdf|docx|xlsx --out FILE [--profile full|jca] [--locale en|nl-BE|fr-BE]
// [--iterations N --seed S] [--sections a,b] [--omit part]`: the assessment report of a dossier file, from the models
// and stored runs inside it; analyses without a stored run (of this exact model version) are run here with the given seed.
// Exit 1 with located messages when the file, a model or a stored run is bad; 2 on usage errors (and when no
// Chromium is found for PDF).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CliCommand, ParsedCommandLine } from '../command';
import { EXIT, UsageError } from '../io';
import type { CliIo } from '../io';
import { isWholeAtLeast, numberOption, stringOption } from './psa-options';
import { parseDossierFile, formatProblem } from '../../dossier/parse-file';
import { appInfo } from '../../dossier/app-info';
import { runKindLabels } from '../../dossier/workspace-models';
import type { AnalysisKind } from '../../engine/analysis/model-analyses';
import { isReportLocale, reportLocales } from '../../report/format';
import type { ReportLocale } from '../../report/format';
import { reportPartIds, reportParts, reportProfiles, reportSectionIds } from '../../report/document';
import type { ReportPartId, ReportProfile, ReportSectionId } from '../../report/document';
import { exportReport, formatInfo } from '../../report/export-report';
import { prepareReportInput, ReportInputError } from '../../report/report-input';
import { availableProfiles, readRates } from '../country-options';
import { CountryProfileError } from '../../engine/countries/country-profile';
import type { ReportCountryOptions } from '../../report/build/context';
import { buildReport } from '../../report/build-report';
import { renderStandaloneHtml } from '../../report/html/render-html';
import { ChromiumNotFoundError, findChromium, printHtmlToPdf } from '../report/chromium-pdf';
import { resvgRasteriser } from '../report/rasterise-svg';

const FORMATS = ['html', 'pdf', 'docx', 'xlsx'] as const;
type CliFormat = (typeof FORMATS)[number];

/** The JCA profile shows no economic result, so it runs no economic analysis. */
const ECONOMIC_ANALYSES: readonly AnalysisKind[] = ['base-case', 'one-way', 'threshold', 'two-way', 'scenarios', 'psa', 'evppi', 'budget-impact'];

interface ReportCommandOptions {
  format: CliFormat;
  out: string;
  profile: ReportProfile;
  locale: ReportLocale;
  iterations: number;
  seed: number;
  sections: ReportSectionId[] | undefined;
  countries: ReportCountryOptions | undefined;
  omitParts: ReportPartId[];
}

function oneOf<T extends string>(args: ParsedCommandLine, name: string, allowed: readonly T[], fallback?: T): T {
  const value = stringOption(args, name);
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} is required (${allowed.join('|')})`);
  }
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** --countries BE-KCE,GB-NICE [--profiles-file f] [--rates f]: the country comparison section. */
function countryOptions(args: ParsedCommandLine): ReportCountryOptions | undefined {
  const ids = stringOption(args, 'countries')?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!ids || ids.length === 0) {
    if (stringOption(args, 'rates') !== undefined || stringOption(args, 'profiles-file') !== undefined) throw new UsageError('--rates and --profiles-file go with --countries');
    return undefined;
  }
  try {
    const profiles = availableProfiles(stringOption(args, 'profiles-file'));
    const requests = ids.map((id) => {
      const profile = profiles.find((p) => p.id === id);
      if (!profile) throw new UsageError(`--countries: unknown profile "${id}"; available: ${profiles.map((p) => p.id).join(', ')}`);
      return { profile };
    });
    return { requests, rates: readRates(stringOption(args, 'rates')) };
  } catch (e) {
    if (e instanceof CountryProfileError) throw new UsageError(e.message);
    throw e;
  }
}

function parseOptions(args: ParsedCommandLine): ReportCommandOptions {
  const out = stringOption(args, 'out');
  if (out === undefined) throw new UsageError('--out FILE is required');
  const locale = stringOption(args, 'locale') ?? 'en';
  if (!isReportLocale(locale)) throw new UsageError(`--locale must be one of ${reportLocales.join(', ')} (got "${locale}")`);
  const sectionsText = stringOption(args, 'sections');
  const sections = sectionsText?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of sections ?? []) if (!(reportSectionIds as readonly string[]).includes(s)) throw new UsageError(`--sections: unknown section "${s}" (sections: ${reportSectionIds.join(', ')})`);
  const omitParts = (stringOption(args, 'omit') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const p of omitParts) if (!(reportPartIds as readonly string[]).includes(p)) throw new UsageError(`--omit: unknown part "${p}" (parts: ${reportPartIds.join(', ')})`);
  return {
    format: oneOf(args, 'format', FORMATS),
    out,
    profile: oneOf(args, 'profile', reportProfiles, 'full'),
    locale,
    iterations: numberOption(args, 'iterations', isWholeAtLeast(1), 'a whole number >= 1') ?? 1000,
    seed: numberOption(args, 'seed', (x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff, 'a whole number from 0 to 4294967295') ?? 1,
    sections: sections as ReportSectionId[] | undefined,
    countries: countryOptions(args),
    omitParts: omitParts as ReportPartId[],
  };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function checkOutDir(out: string): void {
  const dir = dirname(out);
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--out: ${dir} is not a folder`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--out: the folder ${dir} does not exist`);
  }
}

function writeOut(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function describeRuns(io: CliIo, file: string, runs: { model: string; kind: AnalysisKind; source: string; seed: number | null; iterations: number | null }[]): void {
  const computed = runs.filter((r) => r.source === 'computed');
  const stored = runs.filter((r) => r.source === 'stored');
  if (stored.length > 0) io.err(`${file}: using stored runs: ${stored.map((r) => runKindLabels[r.kind]).join(', ')}`);
  if (computed.length > 0) io.err(`${file}: computed for this report: ${computed.map((r) => `${runKindLabels[r.kind]}${r.iterations !== null ? ` (${r.iterations} draws, seed ${r.seed})` : ''}`).join(', ')}`);
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'assessment report of a dossier file (.htad.json) as HTML, PDF, Word or Excel, with CHEERS 2022',
  usage: 'hta report <dossier.htad.json> --format html|pdf|docx|xlsx --out FILE [--profile full|jca] [--locale en|nl-BE|fr-BE] [--iterations N --seed S] [--sections a,b] [--omit part] [--countries BE-KCE,GB-NICE,… [--rates f] [--profiles-file f]]',
  help: [
    '--format F          html (one standalone file), pdf, docx (Word) or xlsx (Excel)',
    '--out FILE          where to write the report',
    '--profile P         full (default) or jca: joint clinical assessment, no economic results or value judgements',
    `--locale L          language of catalogued texts, numbers, currency and dates: ${reportLocales.join(', ')} (default en)`,
    '--iterations N      PSA draws when the file has no stored PSA run of this model version (default 1000)',
    '--seed S            seed of those draws (default 1)',
    `--sections a,b      only these sections (${reportSectionIds.join(', ')})`,
    '--countries ids     add the country comparison of the first model under these profiles (see hta countries --help)',
    '--rates f           exchange rates for it (format hta-workbench-exchange-rates); --profiles-file f: your own profiles',
    `--omit part         leave out an optional part (${reportPartIds.map((p) => `${p}: ${reportParts[p].title}`).join('; ')})`,
    '',
    'Stored runs inside the file are used when they were made from the same model document (same SHA-256);',
    'missing analyses are run here. PDF needs a local Chromium or Google Chrome in headless print mode',
    '(found at /usr/lib/chromium/chromium, on the PATH, or at CHROMIUM_PATH); without one, --format pdf stops',
    'with exit status 2 and --format html gives the same report to print from a browser.',
    'Exit status: 0 written, 1 bad dossier file, model or stored run (each problem located), 2 usage error.',
  ],
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'string' },
    locale: { type: 'string' },
    iterations: { type: 'string' },
    seed: { type: 'string' },
    sections: { type: 'string' },
    countries: { type: 'string' },
    rates: { type: 'string' },
    'profiles-file': { type: 'string' },
    omit: { type: 'string' },
  },
  positionals: 1,
  async run(args, io) {
    const file = args.positionals[0]!;
    const o = parseOptions(args);
    checkOutDir(o.out);
    const chromium = o.format === 'pdf' ? findChromium() : null;
    if (o.format === 'pdf' && chromium === null) throw new UsageError(new ChromiumNotFoundError().message);

    const parsed = parseDossierFile(readText(file));
    if (!parsed.ok) {
      io.err(`${file}: not a valid dossier file (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'})`);
      for (const p of parsed.problems) io.err(`  ${formatProblem(p)}`);
      return EXIT.invalidModel;
    }
    let input;
    try {
      input = prepareReportInput(parsed.file, {
        seed: o.seed,
        iterations: o.iterations,
        appVersion: appInfo.version,
        now: new Date().toISOString(),
        skip: o.profile === 'jca' ? ECONOMIC_ANALYSES : [],
      });
    } catch (e) {
      if (e instanceof ReportInputError) {
        io.err(`${file}: cannot make a report (${e.problems.length} problem${e.problems.length === 1 ? '' : 's'})`);
        for (const p of e.problems) io.err(`  ${p}`);
        return EXIT.invalidModel;
      }
      throw e;
    }
    for (const u of input.unresolvedLinks) io.err(`${file}: warning: model link "${u.link.name}" is not reported: ${u.reason}`);
    for (const m of input.models) {
      for (const w of m.warnings) io.err(`${file}: ${m.id}: warning: ${w}`);
      for (const p of m.problems) io.err(`${file}: ${m.id}: warning: ${runKindLabels[p.kind]} could not be run: ${p.message}`);
    }
    if (o.profile !== 'jca') describeRuns(io, file, input.models.flatMap((m) => m.runs.map((r) => ({ model: m.id, ...r }))));

    const doc = buildReport(input, { profile: o.profile, locale: o.locale, sections: o.sections, omitParts: o.omitParts, countries: o.countries });
    let bytes: number;
    if (o.format === 'pdf') {
      try {
        await printHtmlToPdf(renderStandaloneHtml(doc), o.out, chromium!);
      } catch (e) {
        throw new UsageError(`PDF printing failed: ${(e as Error).message}`);
      }
      bytes = statSync(o.out).size;
    } else {
      let rasterise;
      if (o.format === 'docx') {
        rasterise = (await resvgRasteriser()) ?? undefined;
        if (!rasterise) io.err(`${file}: warning: resvg cannot load on this platform; Word figures are given as data tables only`);
      }
      const content = await exportReport(input, doc, o.format, { rasterise });
      writeOut(o.out, content);
      bytes = content.length;
    }
    io.out(`${o.out}: ${formatInfo[o.format].name}, ${doc.sections.length} sections, ${bytes.toLocaleString('en-GB')} bytes`);
    return EXIT.ok;
  },
};
