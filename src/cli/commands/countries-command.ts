// `hta countries <model.json>`: the model under several countries' profiles (discounting, thresholds in their
// currency), with per-country prices, the optimal strategy per country and the headroom price of a test.
import type { CliCommand } from '../command';
import { EXIT, UsageError } from '../io';
import type { CliIo } from '../io';
import { readJsonFile, validateFile } from '../model-loading';
import { formatNumber, formatTable } from '../format';
import { finiteJson } from '../finite-output';
import { formatIssue } from '../../engine/errors';
import { shippedCountryProfiles } from '../../dossier/country-profiles';
import { CountryProfileError } from '../../engine/countries/country-profile';
import { compareCountries, CountryComparisonError } from '../../engine/countries/country-comparison';
import type { CountryComparison, CountryRequest, HeadroomRequest } from '../../engine/countries/country-comparison';
import { describeConversion } from '../../engine/countries/exchange-rates';
import { availableProfiles, readRates } from '../country-options';
import { describeDiscount } from '../../report/model-description';

const DEFAULT_PROFILES = ['BE-KCE', 'GB-NICE', 'NL-ZIN', 'DK-MEDICINRAADET'];

function listOption(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.filter((x): x is string => typeof x === 'string');
}

/** --price GB-NICE:c_plasma=250 → per-profile parameter values. */
function parsePrices(values: string[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const text of values) {
    const m = /^([A-Za-z0-9][A-Za-z0-9_-]*):([A-Za-z][A-Za-z0-9_]*)=(.+)$/.exec(text);
    const value = m ? Number(m[3]) : Number.NaN;
    if (!m || !Number.isFinite(value)) throw new UsageError(`--price: "${text}" must be PROFILE:parameter=number, e.g. GB-NICE:c_plasma=250`);
    out.set(m[1]!, { ...(out.get(m[1]!) ?? {}), [m[2]!]: value });
  }
  return out;
}

/** --headroom c_plasma:plasma_first[:low:high] */
function parseHeadroom(text: string | undefined): HeadroomRequest | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(':');
  const [parameter, strategy, low, high] = parts;
  const range = parts.length === 4 ? [Number(low), Number(high)] : null;
  if (!parameter || !strategy || (parts.length !== 2 && parts.length !== 4) || (range && !(Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0]! < range[1]!))) {
    throw new UsageError(`--headroom: "${text}" must be parameter:strategy or parameter:strategy:low:high with low < high`);
  }
  return range ? { parameter, strategy, low: range[0], high: range[1] } : { parameter, strategy };
}

function money(value: number | null | undefined, currency: string | null): string {
  return `${formatNumber(value, 0)}${currency ? ` ${currency}` : ''}`;
}

function reportText(c: CountryComparison): string {
  const unit = c.effect === 'qalys' ? 'QALY' : 'life-year';
  const parts: string[] = [`Country comparison: ${c.modelTitle} (model currency ${c.modelCurrency ?? 'not stated'})`, ''];
  const label = (id: string) => c.countries[0]?.strategies.find((s) => s.id === id)?.label ?? id;
  parts.push(
    formatTable(
      ['Country', 'Discounting (costs; effects)', 'Threshold', 'Optimal', 'Currency'],
      c.countries.map((r) => [
        `${r.country} (${r.agency})`,
        `${describeDiscount(r.discountCosts.value)}${r.discountCosts.from === 'model' ? ' [model]' : ''}; ${describeDiscount(r.discountEffects.value)}${r.discountEffects.from === 'model' ? ' [model]' : ''}`,
        r.thresholds.length === 0 ? '—' : r.thresholds.map((t) => `${formatNumber(t.threshold.value, 0)} ${t.threshold.currency}/${unit}`).join(', '),
        r.optimal ? label(r.optimal) : '—',
        r.currency ?? '—',
      ]),
    ),
  );
  for (const r of c.countries) {
    parts.push('', `${r.country} — ${r.agency}${r.conversion?.rate ? ` — costs converted: ${describeConversion(r.conversion)}` : ''}`);
    const header = ['Strategy', 'Cost', c.effect === 'qalys' ? 'QALYs' : 'Life-years', 'ICER', ...r.thresholds.map((t) => `NMB at ${formatNumber(t.threshold.value, 0)}`)];
    const rows = r.strategies.map((s, i) => {
      const inc = r.incremental.find((x) => x.id === s.id);
      const icer = inc?.status === 'dominated' ? 'dominated' : inc?.status === 'extendedly-dominated' ? 'ext. dominated' : inc?.icer !== undefined && inc.icer !== null ? money(inc.icer, r.currency) : '—';
      return [s.label, money(s.cost, r.currency), formatNumber(s.effect, 3), icer, ...r.thresholds.map((t) => money(t.netBenefit[i], r.currency))];
    });
    parts.push(formatTable(header, rows));
    for (const p of r.prices) parts.push(`price: ${p.parameter} = ${formatNumber(p.value, 2)} ${r.currency ?? ''} (${formatNumber(p.inModelCurrency, 2)} ${c.modelCurrency ?? ''} in the model)`);
    for (const t of r.thresholds) {
      const h = t.headroom;
      if (!h) continue;
      const at = `at ${formatNumber(t.threshold.value, 0)} ${t.threshold.currency}/${unit}`;
      if (h.status === 'found') parts.push(`headroom ${at}: up to ${money(h.price, r.currency)} (above it ${label(h.overtakenBy!)} is optimal)`);
      else if (h.status === 'above-range') parts.push(`headroom ${at}: optimal up to the top of the range searched, ${money(h.high, r.currency)}`);
      else parts.push(`headroom ${at}: not optimal even at ${money(h.low, r.currency)}`);
    }
    for (const p of r.problems) parts.push(`note: ${p.message}`);
  }
  return `${parts.join('\n')}\n`;
}

export const countriesCommand: CliCommand = {
  name: 'countries',
  summary: "country comparison: the model under each country's discounting and thresholds, optimal strategy and price headroom per country",
  usage: 'hta countries <model.json> [--profiles BE-KCE,GB-NICE,…] [--profiles-file my.json] [--rates rates.json] [--price ID:param=value]… [--headroom param:strategy[:low:high]] [--json]',
  help: [
    `--profiles ids       comma-separated profile ids (default ${DEFAULT_PROFILES.join(',')}); shipped: ${shippedCountryProfiles().map((p) => p.id).join(', ')}`,
    '--profiles-file f    a country profiles file (format hta-workbench-country-profiles) with your own or edited profiles',
    '--rates f            exchange rates (format hta-workbench-exchange-rates): {from, to, rate, basis: market-exchange | purchasing-power-parity, date?, source?}',
    '--price ID:p=v       a price for one country, in its result currency (repeatable)',
    '--headroom p:s[:lo:hi]  highest value of parameter p at which strategy s stays optimal at each threshold',
    '--json               print {"countryComparison": {"countries": [{"profileId", "currency", "strategies", "incremental", "thresholds", "optimal", "problems", …}]}}',
  ],
  options: { profiles: { type: 'string' }, 'profiles-file': { type: 'string' }, rates: { type: 'string' }, price: { type: 'string', multiple: true }, headroom: { type: 'string' }, json: { type: 'boolean' } },
  positionals: 1,
  run(args, io: CliIo) {
    const file = args.positionals[0]!;
    const validation = validateFile(file);
    if (!validation.valid) {
      io.err(`${file}: invalid model`);
      for (const i of validation.issues) io.err(`  ${formatIssue(i)}`);
      return EXIT.invalidModel;
    }
    try {
      const profiles = availableProfiles(args.values['profiles-file'] as string | undefined);
      const ids = typeof args.values.profiles === 'string' ? args.values.profiles.split(',').map((s) => s.trim()).filter((s) => s) : DEFAULT_PROFILES;
      const prices = parsePrices(listOption(args.values.price));
      for (const id of prices.keys()) if (!ids.includes(id)) throw new UsageError(`--price: profile "${id}" is not in --profiles`);
      const requests: CountryRequest[] = ids.map((id) => {
        const profile = profiles.find((p) => p.id === id);
        if (!profile) throw new UsageError(`unknown profile "${id}"; available: ${profiles.map((p) => p.id).join(', ')}`);
        return { profile, prices: prices.get(id) };
      });
      const comparison = compareCountries(readJsonFile(file) as Record<string, unknown>, requests, { rates: readRates(args.values.rates as string | undefined), headroom: parseHeadroom(args.values.headroom as string | undefined) });
      io.out(args.values.json ? finiteJson({ countryComparison: comparison }) : reportText(comparison));
      return EXIT.ok;
    } catch (e) {
      if (e instanceof CountryComparisonError || e instanceof CountryProfileError) {
        io.err(`${file}: ${e.message}`);
        return EXIT.invalidModel;
      }
      throw e;
    }
  },
};
