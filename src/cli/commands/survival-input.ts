// Reading the survival tools' CSV files for `hta fit` and `hta reconstruct`: an unreadable file is a usage error
// (exit 2), a file whose content is wrong an input error (exit 1) naming the file, line and column.
import { readFileSync } from 'node:fs';
import { UsageError } from '../io';
import { CsvError } from '../../engine/survival-fit/csv-table';
import { SurvivalDataError } from '../../engine/survival-fit/survival-data';
import { ReconstructionError } from '../../engine/survival-fit/reconstruct-ipd';
import { SurvivalFitError } from '../../engine/survival-fit/fit';

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** True for the errors that mean "the input data are wrong" (exit 1), as opposed to a bug. */
export function isInputError(e: unknown): e is Error {
  return e instanceof CsvError || e instanceof SurvivalDataError || e instanceof ReconstructionError || e instanceof SurvivalFitError;
}
