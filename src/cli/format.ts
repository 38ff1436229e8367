// Plain-text tables for the terminal.

/** Right-aligns numeric columns, left-aligns the first. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatNumber(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined) return '—';
  if (!Number.isFinite(x)) return String(x);
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A cycle length in years as a person would say it: "1 year", "1 month", "0.25 years". */
export function describeCycleLength(years: number): string {
  const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (Number.isInteger(years)) return plural(years, 'year');
  const months = years * 12;
  if (Math.abs(months - Math.round(months)) < 1e-9) return plural(Math.round(months), 'month');
  const weeks = years * 52;
  if (Math.abs(weeks - Math.round(weeks)) < 1e-9) return plural(Math.round(weeks), 'week');
  return `${Number(years.toPrecision(4))} years`;
}
