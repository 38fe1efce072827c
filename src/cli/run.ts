/**
 * The `madoguchi` dispatcher: picks the command from the table by its words, runs it, and turns
 * every error into a message and an exit code. Never throws.
 */
import { ContentError, formatProblem, MadoguchiError } from '../errors.js';
import type { CliIo, Command } from './command.js';
import { COMMANDS } from './commands.js';
import { EXIT, EXIT_BY_ERROR_CODE } from './exit-codes.js';

/** Runs `madoguchi` with `argv` (without node and the script); resolves to the exit code. */
export async function run(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const args = [...argv];
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    const topic = args[0] === 'help' ? find(args.slice(1), commands) : undefined;
    if (topic) io.out(topic.command.usage);
    else io.out(overview(commands));
    return args.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const found = find(args, commands);
  if (!found) {
    const group = commands.filter((c) => c.name.split(' ')[0] === args[0]);
    const what = group.length > 0 ? `"${args.slice(0, 2).join(' ')}"` : `"${args[0]}"`;
    io.err(`madoguchi: unknown command ${what}`);
    io.err(overview(group.length > 0 ? group : commands));
    return EXIT.usage;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    return report(e, command, io);
  }
}

/** The longest command name that matches the first words of `args`. */
function find(
  args: string[],
  commands: readonly Command[],
): { command: Command; rest: string[] } | undefined {
  let best: { command: Command; rest: string[] } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (
      words.every((w, i) => args[i] === w) &&
      (!best || words.length > best.command.name.split(' ').length)
    ) {
      best = { command, rest: args.slice(words.length) };
    }
  }
  return best;
}

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: madoguchi <command> [options]     (madoguchi <command> --help for details)',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

function report(e: unknown, command: Command, io: CliIo): number {
  if (e instanceof ContentError) {
    io.err('madoguchi: the FAQ content does not load:');
    for (const p of e.problems) io.err(`  ${formatProblem(p)}`);
    io.err('run `madoguchi faq check` for every problem, warnings included.');
    return EXIT.badContent;
  }
  if (e instanceof MadoguchiError && EXIT_BY_ERROR_CODE[e.code] !== undefined) {
    io.err(`madoguchi ${command.name}: ${e.message}`);
    if (e.code === 'cli/usage') io.err(command.usage);
    return EXIT_BY_ERROR_CODE[e.code] ?? EXIT.internal;
  }
  io.err(
    `madoguchi ${command.name}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
  );
  return EXIT.internal;
}
