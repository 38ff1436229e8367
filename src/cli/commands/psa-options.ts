// Option parsing shared by `hta psa` and `hta dsa`: numbers and lists with messages that name the option.
import { UsageError } from '../io';
import type { ParsedCommandLine } from '../command';

export function stringOption(args: ParsedCommandLine, name: string): string | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} needs a value`);
  return v;
}

export function numberOption(args: ParsedCommandLine, name: string, check: (x: number) => boolean, what: string): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || !check(x)) throw new UsageError(`--${name} must be ${what} (got "${text}")`);
  return x;
}

export const isWholeAtLeast =
  (min: number) =>
  (x: number): boolean =>
    Number.isInteger(x) && x >= min;

/** "--wtp 20000,30000" -> [20000, 30000]; each finite and >= 0. */
export function wtpListOption(args: ParsedCommandLine, name = 'wtp'): number[] | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  return text.split(',').map((part) => {
    const x = Number(part.trim());
    if (part.trim() === '' || !Number.isFinite(x) || x < 0) throw new UsageError(`--${name}: "${part}" is not a number >= 0`);
    return x;
  });
}
