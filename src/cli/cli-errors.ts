/** Errors only the CLI raises; each maps to its own exit code (see exit-codes.ts). */
import { MadoguchiError } from '../errors.js';

/** Bad command line: unknown command or flag, missing or conflicting arguments. */
export class UsageError extends MadoguchiError {
  override name = 'UsageError';
  constructor(message: string) {
    super('cli/usage', message);
  }
}

/** The question to ask was empty (or a batch file held no question). */
export class EmptyQuestionError extends MadoguchiError {
  override name = 'EmptyQuestionError';
  constructor(message = 'the question is empty') {
    super('cli/empty-question', message);
  }
}

/** A file named on the command line (e.g. `--batch FILE`) does not exist. */
export class InputFileError extends MadoguchiError {
  override name = 'InputFileError';
  constructor(readonly path: string) {
    super('cli/no-such-file', `cannot read ${path}`);
  }
}
