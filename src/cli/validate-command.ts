// `hta validate <model.json> [--json]`: every problem at once, located; exit 1 when the model is invalid.
import type { CliCommand } from './command';
import { EXIT } from './io';
import { formatIssue, formatPath } from '../engine/errors';
import { validateFile } from './model-loading';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check a model file and list every problem with its location',
  usage: 'hta validate <model.json> [--json]',
  help: ['--json   print {"valid", "issues": [{"severity", "code", "location", "path", "message"}]}'],
  options: { json: { type: 'boolean' } },
  positionals: 1,
  run(args, io) {
    const file = args.positionals[0]!;
    const report = validateFile(file);
    if (args.values.json) {
      const issues = report.issues.map((i) => ({ severity: i.severity, code: i.code, location: formatPath(i.path), path: i.path, message: i.message }));
      io.out(JSON.stringify({ valid: report.valid, issues }, null, 2));
    } else if (report.issues.length === 0) {
      io.out(`${file}: valid`);
    } else {
      const errors = report.issues.filter((i) => i.severity === 'error').length;
      const warnings = report.issues.length - errors;
      io.out(`${file}: ${report.valid ? 'valid' : 'invalid'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`);
      for (const i of report.issues) io.out(`  ${formatIssue(i)}`);
    }
    return report.valid ? EXIT.ok : EXIT.invalidModel;
  },
};
