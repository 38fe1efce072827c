/** @module cli: the `madoguchi` command line (ask, faq check, faq eval, …) as a table of commands. */
export { run } from './run.js';
export { COMMANDS } from './commands.js';
export { EXIT } from './exit-codes.js';
export { parseFlags, type CliIo, type Command } from './command.js';
export type { AskJson } from './ask.js';
export type { EvalReport } from './faq-eval.js';
