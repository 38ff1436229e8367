// The command table of `hta`. Add a command (psa, dsa, bia, report) by writing a CliCommand and one line here.
import type { CliCommand } from './command';
import { runCommand } from './run-command';
import { validateCommand } from './validate-command';
import { biaCommand } from './commands/bia-command';
import { psaCommand } from './commands/psa-command';
import { dsaCommand } from './commands/dsa-command';
import { reportCommand } from './commands/report-command';

export const commands: CliCommand[] = [runCommand, validateCommand, psaCommand, dsaCommand, biaCommand, reportCommand];
