/**
 * What the console's read endpoints need (`AdminDeps.console`, wired in main.ts), and two
 * helpers they share: the content in service or a 503, and the city's department names.
 */
import type { Response } from 'express';
import type { BotContent } from '../../app/index.js';
import type { QuietHours } from '../../delivery/index.js';
import type { Audience, Clock, QuestionLog } from '../../ports.js';

export interface AdminConsoleDeps {
  /** The content in service; undefined before the first load (then 503 `admin/not-ready`). */
  content(): BotContent | undefined;
  audience: Audience;
  /** For the dashboard's questions per day; absent: no question figures. */
  questionLog?: QuestionLog;
  clock: Clock;
  /** As the broadcast service applies them (default 21–8 JST). */
  quietHours?: QuietHours | 'off';
  /** How many staff test accounts a test send goes to. */
  testAccounts?: number;
}

/** The content in service, or a 503 already sent. */
export function contentOr503(deps: AdminConsoleDeps, res: Response): BotContent | undefined {
  const content = deps.content();
  if (!content) {
    res
      .status(503)
      .json({ error: 'the FAQ is still loading; try again shortly', code: 'admin/not-ready' });
  }
  return content;
}

/** The departments of the content: city.yaml's first, then those FAQ entries name. */
export function departmentsOf(content: BotContent): string[] {
  const names = content.city.departments.map((d) => d.name);
  for (const e of content.index.entries)
    if (e.department && !names.includes(e.department)) names.push(e.department);
  return names;
}
