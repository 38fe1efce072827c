/**
 * `madoguchi unanswered`: the staff queue of questions the bot could not answer and answers
 * residents marked 「役に立たなかった」, grouped by near-identical wording, most frequent first.
 */
import {
  buildUnansweredQueue,
  jstDate,
  queueToCsv,
  renderQueueMarkdown,
} from '../reports/index.js';
import { UsageError } from './cli-errors.js';
import { parseFlags, type Command } from './command.js';
import { EXIT } from './exit-codes.js';
import { cityOf, dayOf, readLog, SOURCE_FLAGS, SOURCE_HELP } from './report-source.js';

const USAGE = `usage: madoguchi unanswered [--city ID] [--since DATE] [--format md|csv|json] [--from FILE]

The queue for staff: questions the bot had no answer for, and questions whose answer the
resident marked 役に立たなかった, with near-identical wordings counted together (most frequent
first). Each row is a candidate for a new or better FAQ entry.
  --since DATE     from this day (YYYY-MM-DD, Japan time); default: the last 30 days
  --format FORMAT  md (default), csv or json
${SOURCE_HELP}

examples:
  madoguchi unanswered --city komaki
  madoguchi unanswered --city komaki --since 2026-04-01 --format csv > queue.csv`;

export const unansweredCommand: Command = {
  name: 'unanswered',
  summary: 'queue of unanswered and 役に立たなかった questions, grouped',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, {
      ...SOURCE_FLAGS,
      since: { type: 'string' },
      format: { type: 'string' },
    });
    const format = values.format ?? 'md';
    if (!['md', 'csv', 'json'].includes(format)) {
      throw new UsageError(`--format must be md, csv or json, got "${format}"`);
    }
    const city = cityOf(values, io);
    const now = io.now();
    const sinceDay = values.since ?? jstDate(new Date(now.getTime() - 30 * 86_400_000));
    const since = dayOf('--since', sinceDay);
    const records = await readLog(values, io, city, since, new Date(now.getTime() + 60_000));
    const queue = buildUnansweredQueue(records, { city, since });
    if (format === 'json') io.out(JSON.stringify({ city, since: sinceDay, groups: queue }));
    else if (format === 'csv') io.out(queueToCsv(queue).replace(/\r?\n$/, ''));
    else io.out(renderQueueMarkdown(queue, { city, since: sinceDay }).replace(/\n$/, ''));
    return EXIT.ok;
  },
};
