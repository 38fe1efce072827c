import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, run } from '../../src/cli/index.js';
import { logToJsonLines } from '../../src/reports/index.js';
import { APRIL_LOG } from '../reports/fixture.js';
import { captureIo } from './capture-io.js';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-report-'));
const file = join(dir, 'log.jsonl');
writeFileSync(file, logToJsonLines(APRIL_LOG));
const at = (iso: string) => {
  const c = captureIo();
  c.io.now = () => new Date(iso);
  return c;
};

describe('madoguchi report', () => {
  it('prints the month as Markdown from an export file', async () => {
    const c = captureIo();
    const code = await run(
      ['report', '--city', 'testcity', '--month', '2026-04', '--from', file],
      c.io,
    );
    expect(code).toBe(EXIT.ok);
    const md = c.out.join('\n');
    expect(md).toContain('# 質問ログ 月次レポート: testcity 2026-04');
    expect(md).toContain('| 11 | 36.4% (4) | 18.2% (2) | 45.5% (5) | 5 | 60.0% (3) |');
    expect(md).toContain('| 1 | 粗大ごみの出し方 | 3 |');
    expect(c.err.join('\n')).toContain('entries are shown by id only');
  });

  it('defaults to last month (JST) and prints CSV or JSON', async () => {
    const c = at('2026-05-01T00:30:00+09:00');
    expect(
      await run(['report', '--city', 'testcity', '--from', file, '--format', 'csv'], c.io),
    ).toBe(EXIT.ok);
    expect(c.out[0]).toBe('section,department,rank,item,count,share,detail\r');
    expect(c.out).toContain('summary,(全体),,questions,11,,\r');
    const j = at('2026-05-01T00:30:00+09:00');
    await run(['report', '--city', 'testcity', '--from', file, '--format', 'json'], j.io);
    expect(JSON.parse(j.out.join('\n'))).toMatchObject({
      month: '2026-04',
      overall: { questions: 11 },
    });
  });

  it('shows entry questions from the city pack when there is one', async () => {
    const alphaLog = join(dir, 'alpha.jsonl');
    writeFileSync(
      alphaLog,
      logToJsonLines(
        APRIL_LOG.filter((r) => r.city === 'testcity').map((r) =>
          r.kind === 'question' && r.topId === 'juminhyo'
            ? { ...r, city: 'alpha', topId: 'alpha-library' }
            : { ...r, city: 'alpha' },
        ),
      ),
    );
    const c = captureIo();
    await run(['report', '--city', 'alpha', '--month', '2026-04', '--from', alphaLog], c.io);
    expect(c.out.join('\n')).toContain(
      '| 1 | 図書館の本はネットで予約できますか？ (`alpha-library`) | 2 |',
    );
    expect(c.out[0]).toBe('# 質問ログ 月次レポート: アルファ市（alpha） 2026-04');
  });

  it('writes the daily chart as SVG with --svg', async () => {
    const svg = join(dir, 'daily.svg');
    const c = captureIo();
    await run(
      ['report', '--city', 'testcity', '--month', '2026-04', '--from', file, '--svg', svg],
      c.io,
    );
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/^<svg /);
    expect(text.match(/<rect /g)).toHaveLength(30);
  });

  it('refuses bad flags, files and a missing log with their exit codes', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${logToJsonLines(APRIL_LOG.slice(0, 1))}{"kind":"question"}\n`);
    const cases: Array<[string[], number, RegExp]> = [
      [['report', '--month', '2026-4', '--from', file], EXIT.usage, /--month must be YYYY-MM/],
      [
        ['report', '--format', 'pdf', '--from', file],
        EXIT.usage,
        /--format must be md, csv or json/,
      ],
      [['report', '--from', join(dir, 'none.jsonl')], EXIT.notFound, /cannot read/],
      [['report', '--from', bad], EXIT.failed, /bad\.jsonl:2: not a question-log record/],
      [['report', '--city', 'testcity'], EXIT.usage, /set REDIS_URL/],
    ];
    for (const [args, code, message] of cases) {
      const c = captureIo();
      expect(await run(args, c.io), args.join(' ')).toBe(code);
      expect(c.err.join('\n')).toMatch(message);
    }
  });
});

describe('madoguchi report export', () => {
  it('exports a month as CSV, feedback joined', async () => {
    const c = captureIo();
    await run(
      ['report', 'export', '--city', 'testcity', '--month', '2026-04', '--from', file],
      c.io,
    );
    expect(c.out[0]).toMatch(/^id,at,city,user,query,verdict,/);
    expect(c.out).toHaveLength(12);
  });

  it('exports a date range as JSON lines that read back with --from', async () => {
    const c = captureIo();
    await run(
      [
        'report',
        'export',
        '--city',
        'testcity',
        '--since',
        '2026-04-10',
        '--until',
        '2026-04-11',
        '--format',
        'jsonl',
        '--from',
        file,
      ],
      c.io,
    );
    expect(c.out).toHaveLength(8);
    const again = join(dir, 'again.jsonl');
    writeFileSync(again, c.out.join('\n'));
    const r = captureIo();
    await run(
      ['report', '--city', 'testcity', '--month', '2026-04', '--from', again, '--format', 'json'],
      r.io,
    );
    expect(JSON.parse(r.out.join('\n')).overall.questions).toBe(6);
  });

  it('refuses --month with --since', async () => {
    const c = captureIo();
    const args = ['report', 'export', '--month', '2026-04', '--since', '2026-04-01'];
    expect(await run([...args, '--from', file], c.io)).toBe(EXIT.usage);
  });
});

describe('madoguchi unanswered', () => {
  it('lists the queue since a date, grouped, most frequent first', async () => {
    const c = at('2026-05-02T00:00:00Z');
    await run(['unanswered', '--city', 'testcity', '--since', '2026-04-01', '--from', file], c.io);
    const md = c.out.join('\n');
    expect(md).toContain('（2026-04-01 以降）');
    expect(md).toMatch(/\| 1 \| 図書館 何時まで \| 3 \| 3 \| 0 \|/);
    expect(md).toMatch(/\| 4 \| 印鑑証明はどこで \| 1 \| 0 \| 1 \| `inkan` \|/);
  });

  it('defaults to the last 30 days and prints CSV or JSON', async () => {
    const c = at('2026-05-05T00:00:00Z');
    await run(['unanswered', '--city', 'testcity', '--from', file, '--format', 'json'], c.io);
    const json = JSON.parse(c.out.join('\n'));
    expect(json.since).toBe('2026-04-05');
    expect(json.groups.map((g: { text: string }) => g.text)).toEqual([
      '図書館 何時まで',
      '粗大ごみの出し方',
    ]);
    const csv = at('2026-05-05T00:00:00Z');
    await run(['unanswered', '--city', 'testcity', '--from', file, '--format', 'csv'], csv.io);
    expect(csv.out[0]).toBe('rank,question,count,no_answer,not_helpful,entries,last_at,variants\r');
  });
});
