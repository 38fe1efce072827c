import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, run, type AskJson } from '../../src/cli/index.js';
import { captureIo, fixtures } from './capture-io.js';

const askJson = async (
  args: string[],
): Promise<{ code: number; lines: AskJson[]; err: string[] }> => {
  const c = captureIo();
  const code = await run(['ask', '--city', 'alpha', '--json', ...args], c.io);
  return { code, lines: c.out.map((l) => JSON.parse(l) as AskJson), err: c.err };
};

describe('madoguchi ask --json (a contract: keep it stable)', () => {
  it('prints one object with exactly query, status and results', async () => {
    const { code, lines } = await askJson(['図書館の本を予約したい']);
    expect(code).toBe(EXIT.ok);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(Object.keys(line!)).toEqual(['query', 'status', 'results']);
    expect(line!.query).toBe('図書館の本を予約したい');
    expect(['answered', 'ambiguous', 'no_answer']).toContain(line!.status);
  });

  it('gives each result exactly id, question, answer and score, best first', async () => {
    const [line] = (await askJson(['図書館の本を予約したい'])).lines;
    expect(line!.results[0]).toMatchObject({
      id: 'alpha-library',
      question: '図書館の本はネットで予約できますか？',
      answer: 'はい、図書館のホームページから本を予約できます。',
    });
    for (const r of line!.results) {
      expect(Object.keys(r)).toEqual(['id', 'question', 'answer', 'score']);
      expect(typeof r.score).toBe('number');
    }
    const scores = line!.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('returns at most --top results (default 5)', async () => {
    const one = (await askJson(['--top', '1', '共通の質問 図書館 窓口'])).lines[0]!;
    expect(one.results.length).toBeLessThanOrEqual(1);
    const all = (await askJson(['共通の質問 図書館 窓口 転入届 犬の登録 何ができるの'])).lines[0]!;
    expect(all.results.length).toBeLessThanOrEqual(5);
    expect(all.results.length).toBeGreaterThan(1);
  });

  it('joins several words into one question', async () => {
    const [line] = (await askJson(['転入届', 'ネットで'])).lines;
    expect(line!.query).toBe('転入届 ネットで');
    expect(line!.results[0]?.id).toBe('alpha-proc-tennyu');
  });

  it('searches one pack directory with --faq-dir', async () => {
    const c = captureIo();
    const code = await run(
      ['ask', '--json', '--faq-dir', join(fixtures, 'root', 'beta'), 'ベータ市だけの質問'],
      c.io,
    );
    expect(code).toBe(EXIT.ok);
    expect((JSON.parse(c.out[0]!) as AskJson).results[0]?.id).toBe('beta-only');
  });

  describe('--batch FILE', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'madoguchi-ask-'));
      await writeFile(join(dir, 'q.txt'), '図書館の本を予約したい\n\n  \r\n転入届 ネットで\r\n');
      await writeFile(join(dir, 'blank.txt'), '\n  \n');
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('answers one line per question, skipping blank lines, in order', async () => {
      const { code, lines } = await askJson(['--batch', join(dir, 'q.txt')]);
      expect(code).toBe(EXIT.ok);
      expect(lines.map((l) => l.query)).toEqual(['図書館の本を予約したい', '転入届 ネットで']);
      expect(lines.map((l) => l.results[0]?.id)).toEqual(['alpha-library', 'alpha-proc-tennyu']);
    });

    it('treats a file without questions as an empty question (exit 5)', async () => {
      const { code, err } = await askJson(['--batch', join(dir, 'blank.txt')]);
      expect(code).toBe(EXIT.emptyQuestion);
      expect(err[0]).toMatch(/no questions in .*blank\.txt/);
    });

    it('says a missing batch file is missing (exit 4)', async () => {
      const { code, err } = await askJson(['--batch', join(dir, 'none.txt')]);
      expect(code).toBe(EXIT.notFound);
      expect(err[0]).toMatch(/cannot read .*none\.txt/);
    });

    it('refuses a question together with --batch (exit 2)', async () => {
      expect((await askJson(['--batch', join(dir, 'q.txt'), '図書館'])).code).toBe(EXIT.usage);
    });
  });
});

describe('madoguchi ask (readable)', () => {
  it('prints the answer of a confident match', async () => {
    const c = captureIo();
    expect(await run(['ask', '--city', 'alpha', '図書館の本を予約したい'], c.io)).toBe(EXIT.ok);
    expect(c.out[0]).toBe('? 図書館の本を予約したい');
    expect(c.out.join('\n')).toContain('A: はい、図書館のホームページから本を予約できます。');
  });

  it('says when there is no answer', async () => {
    const c = captureIo();
    expect(await run(['ask', '--city', 'alpha', 'ごみの出し方を教えて'], c.io)).toBe(EXIT.ok);
    expect(c.out[1]).toMatch(/^no answer/);
  });

  it('uses $CITY when no --city is given', async () => {
    const c = captureIo({ CITY: 'beta' });
    expect(await run(['ask', '--json', 'ベータ市だけの質問'], c.io)).toBe(EXIT.ok);
    expect((JSON.parse(c.out[0]!) as AskJson).results[0]?.id).toBe('beta-only');
  });
});

describe('madoguchi ask errors', () => {
  const fails = async (args: string[], env: Record<string, string> = {}) => {
    const c = captureIo(env);
    return { code: await run(['ask', ...args], c.io), err: c.err.join('\n') };
  };

  it('empty question: exit 5', async () => {
    const r = await fails(['--city', 'alpha', '   ']);
    expect(r).toEqual({ code: EXIT.emptyQuestion, err: 'madoguchi ask: the question is empty' });
  });

  it('no question at all: usage, exit 2', async () => {
    const r = await fails(['--city', 'alpha']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain('usage: madoguchi ask');
  });

  it('bad --top: exit 2', async () => {
    expect((await fails(['--top', '0', 'q'])).code).toBe(EXIT.usage);
    expect((await fails(['--top', 'many', 'q'])).code).toBe(EXIT.usage);
  });

  it('unknown flag: exit 2', async () => {
    expect((await fails(['--jsn', 'q'])).code).toBe(EXIT.usage);
  });

  it('unknown city: exit 3, naming the cities', async () => {
    const r = await fails(['--city', 'gamma', 'q']);
    expect(r).toEqual({
      code: EXIT.unknownCity,
      err: 'madoguchi ask: unknown city "gamma"; cities with a pack: alpha, beta',
    });
  });

  it('missing directory: exit 4', async () => {
    expect((await fails(['--faq-dir', join(fixtures, 'nope'), 'q'])).code).toBe(EXIT.notFound);
    expect((await fails(['q'], { FAQ_DIR: join(fixtures, 'nope') })).code).toBe(EXIT.notFound);
  });

  it('content that does not load: exit 6 with every error', async () => {
    const r = await fails(['--faq-dir', join(fixtures, 'broken'), 'q']);
    expect(r.code).toBe(EXIT.badContent);
    expect(r.err).toMatch(/^madoguchi: the FAQ content does not load:/);
    expect(r.err).toMatch(/b-fields\.yaml:8 broken-fields\.alt_question: unknown field/);
    expect(r.err).toContain('run `madoguchi faq check`');
  });
});
