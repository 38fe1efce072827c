import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { run } from '../../src/cli/index.js';
import { captureIo } from './capture-io.js';

const faq = join(import.meta.dirname, '..', '..', 'faq');

/** Runs `madoguchi chat` in-process with piped lines; returns what the resident sees. */
async function chat(lines: string[], args: string[] = []) {
  const c = captureIo({ FAQ_DIR: faq });
  const io = {
    ...c.io,
    stdin: {
      tty: false,
      lines: async function* () {
        yield* lines;
      },
    },
  };
  const code = await run(['chat', ...args], io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

describe('madoguchi chat', () => {
  it('greets first, then answers 「住民票ってコンビニでとれる？」 correctly (a candidate tapped by number if asked)', async () => {
    const r = await chat(['住民票ってコンビニでとれる？', '1']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const [greeting, rest] = r.out.split('あなた> 住民票ってコンビニでとれる？');
    expect(greeting).toContain('小牧市の「窓口」です');
    expect(greeting).toMatch(/\[1\] オンライン手続き/);
    // The right answer: the コンビニ交付 of the card, with its department and date.
    expect(rest).toContain('コンビニのマルチコピー機');
    expect(rest).toContain('住民票');
    expect(rest).toContain('担当: 市民窓口課');
    expect(rest).toMatch(/\d{4}年\d{1,2}月時点の情報です/);
    expect(rest).toMatch(/\[\d\] 役に立った/);
  });

  it('a number taps a button: the menu, then a topic', async () => {
    const r = await chat(['コンビニ交付は何時から使える？', 'メニュー', '1']);
    const afterMenu = r.out.split('あなた> メニュー')[1]!;
    expect(afterMenu).toContain('[1] オンライン手続き');
    expect(afterMenu).toContain('（「オンライン手続き」を押しました）');
    expect(afterMenu).toMatch(/オンライン手続き\n窓口> よくある質問です/);
  });

  it('「役に立たなかった」 tapped by its number leads to the department and a person', async () => {
    const c = captureIo({ FAQ_DIR: faq });
    // The number of the newest button with that label, as a person reads it off the screen.
    const tapNumber = (label: string) =>
      [...c.out.join('\n').matchAll(new RegExp(`\\[(\\d+)\\] ${label}`, 'g'))].pop()?.[1] ?? 'none';
    const io = {
      ...c.io,
      stdin: {
        tty: false,
        lines: async function* () {
          yield '住民票ってコンビニでとれる？';
          if (c.out.some((l) => l.includes('もしかして'))) yield '1';
          yield tapNumber('役に立たなかった');
        },
      },
    };
    expect(await run(['chat'], io)).toBe(0);
    const out = c.out.join('\n');
    expect(out).toContain('（「役に立たなかった」を押しました）');
    expect(out).toContain('この質問の担当は、こちらです。\n窓口> 市民窓口課');
    expect(out).toContain('窓口> 小牧市役所');
  });

  it('a マイナンバー is not echoed back by the bot', async () => {
    const r = await chat(['1234 5678 9012']);
    const bot = r.out
      .split('\n')
      .filter((l) => l.startsWith('窓口>'))
      .join('\n');
    expect(bot).toContain('マイナンバー（個人番号）は大切な個人情報です');
    expect(bot).not.toMatch(/1234|5678|9012/);
  });

  it('--city picks another city; an unknown city is a friendly error', async () => {
    const other = await chat([], ['--city', 'kameyama']);
    expect(other.out).toContain('亀山市の「窓口」です');
    const bad = await chat([], ['--city', 'atlantis']);
    expect(bad.code).toBe(3);
    expect(bad.err).toContain('komaki');
  });

  it('/exit ends the chat', async () => {
    const r = await chat(['/exit', '住民票ってコンビニでとれる？']);
    expect(r.out).not.toContain('あなた> 住民票');
  });
});
