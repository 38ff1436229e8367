/** A dossier file, model or stored run a report cannot be made from; every problem located in the file. */
export class ReportInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ReportInputError';
  }
}
