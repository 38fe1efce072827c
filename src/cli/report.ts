/**
 * `madoguchi report`: the monthly report of the question log (per department and overall), and
 * `madoguchi report export`: the log itself as CSV or JSON lines.
 */
import { writeFile } from 'node:fs/promises';
import {
  barChartSvg,
  buildMonthlyReport,
  jstDate,
  logToCsv,
  logToJsonLines,
  monthRange,
  renderReportMarkdown,
  reportToCsv,
} from '../reports/index.js';
import { UsageError } from './cli-errors.js';
import { parseFlags, type CliIo, type Command } from './command.js';
import { EXIT } from './exit-codes.js';
import {
  cityOf,
  dayOf,
  entryQuestions,
  monthOf,
  readLog,
  SOURCE_FLAGS,
  SOURCE_HELP,
} from './report-source.js';

const REPORT_USAGE = `usage: madoguchi report [--city ID] [--month YYYY-MM] [--format md|csv|json] [--top N]
                       [--svg FILE] [--from FILE]

The month's report of what residents asked (Japan time), overall and per department: number of
questions, share answered / ambiguous / no answer, share of 役に立った among feedback, the
entries asked most, the entries with the worst feedback, the unanswered questions grouped by
wording (most frequent first), and the daily volume (a sparkline in Markdown).
  --month YYYY-MM   default: last month
  --format FORMAT   md (default), csv (one table with a "section" column) or json
  --top N           rows per list (default 10)
  --svg FILE        also write the daily volume as an SVG bar chart
${SOURCE_HELP}

examples:
  madoguchi report --city komaki --month 2026-04
  madoguchi report --city komaki --month 2026-04 --format csv > report-2026-04.csv`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'monthly report of the question log (md, csv or json)',
  usage: REPORT_USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, {
      ...SOURCE_FLAGS,
      month: { type: 'string' },
      format: { type: 'string' },
      top: { type: 'string' },
      svg: { type: 'string' },
    });
    const format = values.format ?? 'md';
    if (!['md', 'csv', 'json'].includes(format)) {
      throw new UsageError(`--format must be md, csv or json, got "${format}"`);
    }
    const top = values.top === undefined ? 10 : Number(values.top);
    if (!Number.isInteger(top) || top < 1) {
      throw new UsageError(`--top must be a whole number ≥ 1, got "${values.top}"`);
    }
    const city = cityOf(values, io);
    const month = monthOf(values.month, io);
    const range = monthRange(month);
    const [records, faq] = await Promise.all([
      readLog(values, io, city, range.from, range.to),
      entryQuestions(city, io),
    ]);
    const report = buildMonthlyReport(records, {
      city,
      month,
      top,
      entryQuestion: faq.question,
    });
    if (format === 'json') io.out(JSON.stringify(report));
    else if (format === 'csv') print(io, reportToCsv(report));
    else print(io, renderReportMarkdown(report, faq.name));
    if (values.svg !== undefined) {
      await writeFile(
        values.svg,
        barChartSvg(report.overall.daily, { labels: report.days, title: `${city} ${month}` }),
      );
    }
    return EXIT.ok;
  },
};

const EXPORT_USAGE = `usage: madoguchi report export [--city ID] (--month YYYY-MM | --since DATE [--until DATE])
                              [--format csv|jsonl] [--from FILE]

Exports the question log (already masked, user ids hashed) for staff tools.
  --format csv     one row per question with the resident's feedback joined (default)
  --format jsonl   every record as stored, one JSON object per line (readable by --from)
  --month YYYY-MM  one month (Japan time); default: last month
  --since DATE     from this day (YYYY-MM-DD, Japan time) …
  --until DATE     … up to, not including, this day (default: tomorrow)
${SOURCE_HELP}

examples:
  madoguchi report export --city komaki --month 2026-04 > log-2026-04.csv
  madoguchi report export --city komaki --since 2026-04-01 --format jsonl > log.jsonl`;

export const reportExportCommand: Command = {
  name: 'report export',
  summary: 'export the question log as CSV or JSON lines',
  usage: EXPORT_USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, {
      ...SOURCE_FLAGS,
      month: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      format: { type: 'string' },
    });
    const format = values.format ?? 'csv';
    if (format !== 'csv' && format !== 'jsonl') {
      throw new UsageError(`--format must be csv or jsonl, got "${format}"`);
    }
    if (values.month !== undefined && (values.since ?? values.until) !== undefined) {
      throw new UsageError('give either --month or --since/--until, not both');
    }
    const city = cityOf(values, io);
    const { from, to } = exportRange(values, io);
    const records = await readLog(values, io, city, from, to);
    print(io, format === 'csv' ? logToCsv(records) : logToJsonLines(records));
    return EXIT.ok;
  },
};

function exportRange(
  v: { month?: string; since?: string; until?: string },
  io: CliIo,
): { from: Date; to: Date } {
  if (v.since === undefined) {
    if (v.until !== undefined) throw new UsageError('--until needs --since');
    const r = monthRange(monthOf(v.month, io));
    return { from: r.from, to: r.to };
  }
  const from = dayOf('--since', v.since);
  const tomorrow = new Date(Date.parse(`${jstDate(io.now())}T00:00:00+09:00`) + 86_400_000);
  const to = v.until === undefined ? tomorrow : dayOf('--until', v.until);
  if (to <= from) throw new UsageError('--until must be after --since');
  return { from, to };
}

/** Prints a text that ends in a line break (CSV rows end in CRLF) without an extra blank line. */
function print(io: CliIo, text: string): void {
  if (text) io.out(text.replace(/\r?\n$/, ''));
}
