/** The faq check rules added for staff tools: links, old as_of, competing entries, alt_questions. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkAllPacks,
  checkCity,
  checkPackDir,
  loadTokenizer,
  type EngineFactory,
} from '../../src/content/index.js';
import { formatProblem } from '../../src/errors.js';
import { buildIndex, search } from '../../src/search/index.js';
import type { Tokenize } from '../../src/text/index.js';

const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'packs', 'seeds');
let tokenize: Tokenize;
const engine: EngineFactory = (entries, synonyms) => {
  const index = buildIndex(entries, { tokenize, synonyms });
  return (q) => search(index, q);
};
beforeAll(async () => {
  tokenize = await loadTokenizer();
});

function pack(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-check-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
const lines = (r: { problems: Parameters<typeof formatProblem>[0][] }) =>
  r.problems.map(formatProblem);
const opts = { seedsDir: SEEDS, today: '2026-11-21' };

describe('link format and what the answer card can show', () => {
  const dir = pack({
    'entries.yaml': `- id: links
  question: リンクの質問
  answer: リンクの答えです。
  alt_questions: [リンクの質問です, りんく, リンク 質問]
  links:
    - { label: 市のページ, url: "http://www.city.komaki.aichi.jp/" }
    - { label: 例, url: "https://www.example.lg.jp/" }
    - { label: 電話, url: "tel:0568-76-11" }
    - { label: とても長いラベルとても長いラベルとても長いラベルとても長いラベルとても長いラベルですよね, url: "https://www.city.komaki.aichi.jp/a b" }
    - { label: ホスト, url: "https://localhost/" }
- id: long
  question: 長い答えの質問
  answer: ${'あ'.repeat(1200)}
  alt_questions: [長い答え, ながい こたえ, 長い答えの質問です]
`,
  });

  it('warns about http, placeholders, bad tel: links, long labels, hosts, spaces and too many links', async () => {
    const out = lines(await checkPackDir(dir, opts)).join('\n');
    expect(out).toMatch(/links\.links\[0\]\.url: warning: use https:/);
    expect(out).toMatch(/links\.links\[1\]\.url: warning: www\.example\.lg\.jp is a placeholder/);
    expect(out).toMatch(/links\.links\[2\]\.url: a tel: link needs a Japanese phone number/);
    expect(out).toMatch(
      /links\.links\[3\]\.label: warning: label is 44 characters: a button shows 40/,
    );
    expect(out).toMatch(/links\.links\[3\]\.url: contains spaces or full-width characters/);
    expect(out).toMatch(/links\.links\[4\]\.url: "localhost" is not a full host name/);
    expect(out).toMatch(/links\.links: warning: 5 links: the answer card shows the first 3 only/);
    expect(out).toMatch(
      /long\.answer: warning: 1200 UTF-16 units: the answer card cuts it at 1000/,
    );
  });
});

describe('as_of older than a configurable age', () => {
  const entry = (id: string, asOf: string, extra = '') => `- id: ${id}
  question: ${id}の質問はなんですか
  answer: ${id}の答えです。
  alt_questions: [${id}の質問, ${id} 質問, ${id}について]
  as_of: ${asOf}${extra}
`;
  const dir = pack({
    'a.yaml': entry('aa', '2022-09') + entry('bb', '2022-09') + entry('cc', '2024-03'),
    'b.yaml': entry('dd', '2022-09', '\n  status: ended'),
  });

  it('gives one warning per file and date, not one per entry; ended entries are left alone', async () => {
    const out = lines(await checkPackDir(dir, { ...opts, engine }));
    const age = out.filter((l) => l.includes('as_of'));
    expect(age).toHaveLength(1);
    expect(age[0]).toMatch(
      /a\.yaml:5 aa\.as_of: warning: 2 entries in this file have facts as of 2022-09, 50 months ago \(over 36\)/,
    );
  });

  it('takes the age from the options', async () => {
    const out = lines(await checkPackDir(dir, { ...opts, maxAgeMonths: 24 }));
    expect(out.filter((l) => l.includes('as_of'))).toHaveLength(2);
    expect(out.join('\n')).toMatch(
      /cc\.as_of: warning: this entry has facts as of 2024-03, 32 months ago/,
    );
  });

  it("takes a pack's own limit from city.yaml review, and the option still wins", async () => {
    const city = `id: testcity
name: テスト市
prefecture: テスト県
contact: { name: テスト市役所 }
review: { max_as_of_age_months: 60, note: 2022年の計画から。各課の確認待ち }
`;
    const reviewed = pack({ 'a.yaml': entry('aa', '2022-09'), 'city.yaml': city });
    const own = lines(await checkPackDir(reviewed, opts));
    expect(own.filter((l) => l.includes('as_of'))).toEqual([]);
    const forced = lines(await checkPackDir(reviewed, { ...opts, maxAgeMonths: 36 }));
    expect(forced.filter((l) => l.includes('as_of'))).toHaveLength(1);
    const older = pack({ 'a.yaml': entry('aa', '2020-09'), 'city.yaml': city });
    expect(lines(await checkPackDir(older, opts)).join('\n')).toMatch(/74 months ago \(over 60\)/);
  });
});

describe('valid_until passed but not ended', () => {
  it('warns, unless the entry is ended', async () => {
    const dir = pack({
      'e.yaml': `- id: old
  question: 古い案内ですか
  answer: 古い案内です。
  alt_questions: [古い案内, ふるい あんない, 古いお知らせ]
  valid_until: 2025-03-31
- id: over
  question: 終わった案内ですか
  answer: 終わりました。
  alt_questions: [終わった案内, おわった あんない, 終了した案内]
  valid_until: 2025-03-31
  status: ended
`,
    });
    const out = lines(await checkPackDir(dir, opts));
    expect(out.filter((l) => l.includes('valid_until'))).toEqual([
      expect.stringMatching(/old\.valid_until: warning: 2025-03-31 has passed/),
    ]);
  });
});

describe('entries that compete for the same questions', () => {
  const dir = pack({
    'e.yaml': `- id: juminhyo-conveni
  question: 住民票の写しはコンビニで取れますか
  answer: はい、マイナンバーカードで取れます。
  alt_questions: [コンビニで住民票, 住民票 コンビニ, じゅうみんひょう こんびに]
- id: juminhyo-conveni-2
  question: 住民票の写しはコンビニで取れますか？教えて
  answer: 取れます。
  alt_questions: [住民票をコンビニで, 住民票 コンビニ, コンビニ交付 住民票]
- id: inkan-conveni
  question: 印鑑証明書はコンビニで取れますか
  answer: はい、取れます。
  alt_questions: [コンビニで印鑑証明, 印鑑証明 コンビニ, いんかん こんびに]
- id: shogakko
  question: 小学校の部活動指導者の登録
  answer: 小学校の登録です。
  alt_questions: [小学校 指導者 登録, 小学校の部活の先生, 小学校 部活 指導]
- id: chugakko
  question: 中学校の部活動指導者の登録
  answer: 中学校の登録です。
  alt_questions: [中学校 指導者 登録, 中学校の部活の先生, 中学校 部活 指導]
`,
  });

  it('names a wording written in two entries, and near-identical questions', async () => {
    const out = lines(await checkPackDir(dir, opts)).join('\n');
    expect(out).toMatch(
      /juminhyo-conveni-2\.alt_questions\[1\]: warning: 「住民票 コンビニ」 is also a wording of juminhyo-conveni/,
    );
    expect(out).toMatch(
      /juminhyo-conveni-2\.question: warning: nearly the same question as juminhyo-conveni \(similarity 0\.\d\d\)/,
    );
  });

  it('leaves apart questions that say how they differ (小学校 / 中学校, 住民票 / 印鑑証明書)', async () => {
    const out = lines(await checkPackDir(dir, opts)).join('\n');
    expect(out).not.toMatch(/chugakko\.question|shogakko\.question|inkan-conveni\.question/);
  });
});

describe('alt_questions must find their own entry first through the real engine', () => {
  const dir = pack({
    'e.yaml': `- id: gomi
  question: 粗大ごみの出し方を教えてください
  answer: 粗大ごみは申し込みが必要です。
  alt_questions: [粗大ごみ 出したい, そだいごみ, 犬の登録をしたい]
- id: dog
  question: 犬の登録はどこでできますか
  answer: 犬の登録は環境課でできます。
  alt_questions: [犬を飼ったら, いぬ とうろく, 何ができるの]
`,
  });

  it('names an alt question that finds another entry, or none', async () => {
    const out = lines(await checkPackDir(dir, { ...opts, engine })).join('\n');
    expect(out).toMatch(/gomi\.alt_questions\[2\]: warning: 「犬の登録をしたい」 finds dog first/);
    expect(out).toMatch(/dog\.alt_questions\[2\]: warning: 「何ができるの」 finds no entry at all/);
    expect(out).not.toMatch(/gomi\.alt_questions\[0\]|dog\.alt_questions\[0\]/);
  });

  it('is skipped without an engine, and a broken engine is one warning', async () => {
    expect(lines(await checkPackDir(dir, opts)).join('\n')).not.toMatch(/finds/);
    const broken: EngineFactory = () => {
      throw new Error('engine exploded');
    };
    const out = lines(await checkPackDir(dir, { ...opts, engine: broken }));
    expect(out).toContainEqual(
      expect.stringMatching(
        /warning: alt_questions were not run through the search engine: it did not load \(engine exploded\)/,
      ),
    );
  });

  it('checks a common entry in every city and says once where it fails', async () => {
    const root = pack({
      'common/basics.yaml': `- id: common-dog
  question: 犬の登録はどこでできますか
  answer: 市役所でできます。
  alt_questions: [犬の登録をしたい, いぬ とうろく, 犬を飼ったら]
`,
      'one/city.yaml': 'id: one\nname: 一市\nprefecture: 県\ncontact: { name: 一市役所 }\n',
      'one/e.yaml': `- id: one-dog
  question: 一市で犬の登録をしたい
  answer: 一市では環境課です。
  alt_questions: [一市 犬, 一市の犬の登録, いちし いぬ]
`,
      'two/city.yaml': 'id: two\nname: 二市\nprefecture: 県\ncontact: { name: 二市役所 }\n',
      'two/e.yaml': `- id: two-dog
  question: 二市で犬の登録をしたい
  answer: 二市では環境課です。
  alt_questions: [二市 犬, 二市の犬の登録, にし いぬ]
`,
    });
    // An engine that always ranks the city's own entries first: the common alt loses in each city.
    const cityFirst: EngineFactory = (entries) => () => ({
      status: 'answered',
      results: [...entries]
        .sort((a, b) => Number(a.id.startsWith('common')) - Number(b.id.startsWith('common')))
        .map((entry) => ({ entry, score: 1, relevance: 1 })),
    });
    const all = lines(await checkAllPacks(root, { ...opts, engine: cityFirst }));
    const dog = all.filter((l) => l.includes('common-dog.alt_questions[0]'));
    expect(dog).toHaveLength(2);
    expect(dog.join('\n')).toMatch(/finds one-dog first.*\(in one\)/);
    expect(dog.join('\n')).toMatch(/finds two-dog first.*\(in two\)/);
    // The same finding in several places is said once, naming them all.
    const own = all.filter((l) => l.includes('one-dog.alt_questions[0]'));
    expect(own).toHaveLength(0);
    const merged = lines(
      await checkAllPacks(root, {
        ...opts,
        engine: () => () => ({ status: 'no_answer', results: [] }),
      }),
    ).filter((l) => l.includes('common-dog.alt_questions[0]'));
    expect(merged).toEqual([
      expect.stringMatching(
        /「犬の登録をしたい」 finds no entry at all: .* \(in common, one, two\)$/,
      ),
    ]);
    const one = lines(await checkCity(root, 'one', { ...opts, engine: cityFirst }));
    expect(one.join('\n')).toMatch(/common-dog\.alt_questions\[0\].*\(in one\)$/m);
  });
});
