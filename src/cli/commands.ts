/**
 * The command table of `madoguchi`. To add a command, write `src/cli/<name>.ts` exporting a
 * `Command` and add one line here; `run` finds it by its words and prints it in the help.
 */
import { askCommand } from './ask.js';
import { broadcastCommands } from './broadcast.js';
import { chatCommand } from './chat.js';
import type { Command } from './command.js';
import { faqCheckCommand } from './faq-check.js';
import { faqEvalCommand } from './faq-eval.js';
import { richmenuCommands } from './richmenu.js';
import { reportCommand, reportExportCommand } from './report.js';
import { unansweredCommand } from './unanswered.js';

export const COMMANDS: readonly Command[] = [
  askCommand,
  faqCheckCommand,
  faqEvalCommand,
  chatCommand,
  ...richmenuCommands,
  reportCommand,
  reportExportCommand,
  unansweredCommand,
  ...broadcastCommands,
];
