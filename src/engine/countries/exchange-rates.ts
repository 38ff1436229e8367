// Currency conversion for comparing countries: a user-editable table of rates, each with its basis (market
// exchange rate or purchasing-power parity), date and source. Nothing is converted without a rate from the table,
// and every conversion says which rate it used.
import { z } from 'zod';

export const EXCHANGE_RATES_FORMAT = 'hta-workbench-exchange-rates';
export const EXCHANGE_RATES_VERSION = 1;

export const rateBases = ['market-exchange', 'purchasing-power-parity'] as const;
export type RateBasis = (typeof rateBases)[number];
export const rateBasisLabels: Record<RateBasis, string> = {
  'market-exchange': 'market exchange rate',
  'purchasing-power-parity': 'purchasing-power parity',
};

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');

export const exchangeRateSchema = z
  .object({
    /** 1 unit of `from` is worth `rate` units of `to`. */
    from: currencyCode,
    to: currencyCode,
    rate: z.number().refine((v) => Number.isFinite(v) && v > 0, 'must be a positive number'),
    basis: z.enum(rateBases),
    /** Date or year the rate refers to. */
    date: z.string().optional(),
    source: z.string().optional(),
  })
  .strict()
  .refine((r) => r.from !== r.to, 'a rate converts between two different currencies');

export const exchangeRateTableSchema = z
  .object({
    format: z.literal(EXCHANGE_RATES_FORMAT),
    version: z.literal(EXCHANGE_RATES_VERSION),
    rates: z.array(exchangeRateSchema),
  })
  .strict();

export type ExchangeRate = z.output<typeof exchangeRateSchema>;
export type ExchangeRateTable = z.output<typeof exchangeRateTableSchema>;

export function emptyRateTable(): ExchangeRateTable {
  return { format: EXCHANGE_RATES_FORMAT, version: EXCHANGE_RATES_VERSION, rates: [] };
}

/** How amounts in `from` become amounts in `to`: multiply by `factor`. `rate` is null for the same currency. */
export interface Conversion {
  from: string;
  to: string;
  factor: number;
  rate: ExchangeRate | null;
  /** The rate was given the other way round (to → from) and is used inverted. */
  inverted: boolean;
}

/** The conversion from one currency to another, or null when the table has no rate for the pair. */
export function findConversion(table: ExchangeRateTable, from: string, to: string): Conversion | null {
  if (from === to) return { from, to, factor: 1, rate: null, inverted: false };
  const direct = table.rates.find((r) => r.from === from && r.to === to);
  if (direct) return { from, to, factor: direct.rate, rate: direct, inverted: false };
  const reverse = table.rates.find((r) => r.from === to && r.to === from);
  if (reverse) return { from, to, factor: 1 / reverse.rate, rate: reverse, inverted: true };
  return null;
}

/** "1 EUR = 0.8500 GBP (market exchange rate, 2026-11-30; ECB)", or "" for the same currency. */
export function describeConversion(c: Conversion, formatNumber: (value: number) => string = (v) => v.toPrecision(5)): string {
  if (!c.rate) return '';
  const details = [rateBasisLabels[c.rate.basis], c.rate.date, c.rate.source].filter((x) => x).join(', ');
  const given = `1 ${c.rate.from} = ${formatNumber(c.rate.rate)} ${c.rate.to}`;
  return c.inverted ? `1 ${c.from} = ${formatNumber(c.factor)} ${c.to}, the inverse of ${given} (${details})` : `${given} (${details})`;
}
