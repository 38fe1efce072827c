/** What every CLI command is: a name, a usage text and a `run` that returns an exit code. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-errors.js';

/** The world a command sees; tests pass their own. */
export interface CliIo {
  /** Writes one line (no trailing newline needed) to standard output. */
  out(line: string): void;
  /** Writes one line to standard error. */
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  now(): Date;
  /** Standard input, line by line (`madoguchi chat`); `tty` when a person types at a terminal. */
  stdin?: { lines(): AsyncIterable<string>; tty: boolean };
}

export interface Command {
  /** The words that select it: `ask`, `faq check`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full usage text shown by `--help` and after a usage error. */
  usage: string;
  /** Runs with the arguments after the command's name; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` in strict mode; an unknown flag or a missing value becomes a `UsageError`. */
export function parseFlags<O extends Options>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
