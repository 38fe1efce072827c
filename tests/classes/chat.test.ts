// `madoguchi chat` on the shipped 小牧市 pack and its sample schedule, at a fixed instant
// (Saturday 2026-11-21 15:00 JST) with the server in UTC: the two questions of the issue get the
// right classes, and 「前日に通知」 can be tapped by number.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/index.js';

const faq = join(import.meta.dirname, '..', '..', 'faq');

async function chat(lines: string[], now = new Date('2026-11-21T06:00:00Z')) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['chat', '--city', 'komaki'], {
    out: (l) => out.push(...l.split('\n')),
    err: (l) => err.push(...l.split('\n')),
    env: { FAQ_DIR: faq },
    now: () => now,
    stdin: {
      tty: false,
      lines: async function* () {
        yield* lines;
      },
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The answer to one line: what follows 「あなた> line」 up to the next question. */
const answerTo = (out: string, line: string) =>
  out.split(`あなた> ${line}`)[1]!.split('あなた>')[0]!;

beforeAll(() => {
  vi.stubEnv('TZ', 'UTC');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('madoguchi chat: スマホ教室', () => {
  it('「来週のスマホ教室ある？」 and 「予約いらない相談会」 get the right classes', async () => {
    const r = await chat(['来週のスマホ教室ある？', '予約いらない相談会']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const nextWeek = answerTo(r.out, '来週のスマホ教室ある？');
    expect(nextWeek).toContain('「来週（11月23日〜29日）」に合うスマホ教室・相談会は3件あります');
    const dates = [...nextWeek.matchAll(/窓口> (\d+月\d+日\(.\) [\d:]+〜[\d:]+)/g)].map(
      (m) => m[1],
    );
    expect(dates).toEqual([
      '11月24日(火) 13:30〜15:30',
      '11月27日(金) 13:30〜16:00',
      '11月28日(土) 10:00〜12:00',
    ]);
    expect(nextWeek).toContain('見本の日程です');
    const dropIn = answerTo(r.out, '予約いらない相談会');
    expect(dropIn).toContain('件あります。近い順に10件をお見せします');
    const kinds = [...dropIn.matchAll(/窓口> 申込み\n窓口> (.+)/g)].map((m) => m[1]);
    expect(kinds).toHaveLength(10);
    expect(kinds.every((k) => k!.startsWith('予約不要'))).toBe(true);
    expect(dropIn).toContain('11月24日(火) 13:30〜15:30');
    expect(dropIn).not.toContain('1月5日'); // cancelled in the sample (年始)
  });

  it('前日に通知 tapped by number, then 通知の確認 lists it', async () => {
    const r = await chat(['来週のスマホ教室ある？', '1', '通知の確認']);
    expect(answerTo(r.out, '1')).toContain('の通知を登録しました');
    expect(answerTo(r.out, '1')).toContain('前の日の11月23日(月) 10時ごろ');
    expect(answerTo(r.out, '通知の確認')).toContain('1件あります');
  });
});
