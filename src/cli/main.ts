// `hta`: command-line access to the engine. Exit status: 0 ok, 1 invalid model, 2 usage error.
import { parseArgs } from 'node:util';
import { commands } from './commands';
import type { CliCommand } from './command';
import { EXIT, UsageError, processIo } from './io';
import type { CliIo } from './io';

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
    'Exit status: 0 success, 1 invalid model or data, 2 usage error.',
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

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
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
  try {
    const args = parseCommandLine(command, rest);
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
    throw e;
  }
}
