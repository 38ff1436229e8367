// `hta`: command-line access to the engine. Exit status: 0 ok, 1 invalid model, 2 usage error, 70 internal error
// (a fault of the program: one sentence and where to report it; the stack trace only with --debug).
import { parseArgs } from 'node:util';
import { commands } from './commands';
import type { CliCommand } from './command';
import { EXIT, UsageError, processIo } from './io';
import type { CliIo } from './io';

/** Global option of every command: print the stack trace of an internal error. */
const DEBUG_FLAG = '--debug';

function generalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'hta — HTA Workbench modelling engine',
    '',
    'Usage: hta <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "hta <command> --help" for the options of a command.',
    `${DEBUG_FLAG} (any command) prints the details of an internal error.`,
    'Exit status: 0 success, 1 invalid model or data, 2 usage error, 70 internal error.',
  ].join('\n');
}

function commandHelp(c: CliCommand): string {
  return [`Usage: ${c.usage}`, '', c.summary, '', ...c.help.map((h) => `  ${h}`)].join('\n');
}

function parseCommandLine(c: CliCommand, argv: string[]): { positionals: string[]; values: Record<string, string | boolean | (string | boolean)[] | undefined> } {
  try {
    const parsed = parseArgs({ args: argv, options: { ...c.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { positionals: parsed.positionals, values: parsed.values };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export async function main(argvWithFlags: string[], io: CliIo = processIo): Promise<number> {
  const debug = argvWithFlags.includes(DEBUG_FLAG);
  const argv = argvWithFlags.filter((a) => a !== DEBUG_FLAG);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(generalHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`hta: unknown command '${name}'\n\n${generalHelp()}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  let file: string | undefined;
  try {
    const args = parseCommandLine(command, rest);
    file = args.positionals[0];
    if (args.values.help) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    if (args.positionals.length !== command.positionals) {
      throw new UsageError(`expected ${command.positionals} argument(s), got ${args.positionals.length}`);
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`hta ${command.name}: ${e.message}\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    // Loaded only on failure: the error classes it knows come from across the engine, which `--help` never needs.
    const { internalErrorText, modelProblemLines } = await import('./problems');
    const lines = modelProblemLines(file, e);
    if (lines) {
      for (const line of lines) io.err(line);
      return EXIT.invalidModel;
    }
    io.err(internalErrorText(e, debug));
    return EXIT.internal;
  }
}
