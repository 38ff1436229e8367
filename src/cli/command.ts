// Shape of one `hta` sub-command. psa, dsa and bia plug into the table in commands.ts with the same shape.
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

export interface ParsedCommandLine {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

export interface CliCommand {
  name: string;
  summary: string;
  /** e.g. "hta run <model.json> [--json] [--trace out.csv]" */
  usage: string;
  /** Longer help: one line per option. */
  help: string[];
  options: NonNullable<ParseArgsConfig['options']>;
  /** Positional arguments required (e.g. 1 for the model file). */
  positionals: number;
  run(args: ParsedCommandLine, io: CliIo): Promise<number> | number;
}
