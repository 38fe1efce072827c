import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAllPacks, checkCity, checkPackDir } from '../../src/content/index.js';
import { formatProblem } from '../../src/errors.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'packs');
const seedsDir = join(fixtures, 'seeds');
const opts = { seedsDir, today: '2025-06-15' };

describe('checkCity on the good fixture', () => {
  it('finds nothing wrong with alpha', async () => {
    const r = await checkCity(join(fixtures, 'root'), 'alpha', opts);
    expect(r.checked).toEqual(['alpha']);
    expect(r.problems).toEqual([]);
  });

  it('warns once when the seeds are not there', async () => {
    const r = await checkCity(join(fixtures, 'root'), 'alpha', {
      ...opts,
      seedsDir: join(fixtures, 'nope'),
    });
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: join(fixtures, 'nope') }),
    ]);
  });

  it('warns about a city pack without city.yaml', async () => {
    const r = await checkAllPacks(join(fixtures, 'root'), opts);
    expect(r.checked).toEqual(['common', 'alpha', 'beta']);
    expect(r.problems.map(formatProblem)).toEqual([
      `${join(fixtures, 'root', 'beta', 'city.yaml')}: warning: missing: a city pack needs city.yaml (name, contact, departments, areas, topics)`,
    ]);
  });
});

describe('the pack rules', () => {
  let dir = '';
  let lines: string[] = [];
  const file = (name: string): string => join(dir, 'town', name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'madoguchi-check-'));
    await mkdir(join(dir, 'town'));
    const alts = '  alt_questions: [いち, に, さん]\n';
    await writeFile(
      join(dir, 'town', 'entries.yaml'),
      [
        '- id: t-related', //                                                  1
        '  question: 関連のある質問',
        '  answer: 答えです。',
        alts.trimEnd(),
        '  related: [t-long, t-nothing]', //                                   5
        '  source: [plan.txt:2, plan.txt:11, other.txt:1, plan.txt:5-3]',
        '- id: t-long', //                                                     7
        '  question: 長い答え',
        `  answer: ${'あ'.repeat(501)}`, //                                    9
        alts.trimEnd(),
        '- id: t-huge', //                                                     11
        '  question: とても長い答え',
        `  answer: ${'い'.repeat(5001)}`, //                                   13
        alts.trimEnd(),
        '- id: t-few', //                                                      15
        '  question: 言い方が少ない',
        '  answer: 答え。',
        '  alt_questions: [ひとつ]', //                                        18
        '- id: t-planned', //                                                  19
        '  question: 予定の話',
        '  answer: はい、使えます。', //                                       21
        '  status: planned',
        alts.trimEnd(),
        '- id: t-old', //                                                      24
        '  question: 古い話',
        '  answer: 答え。',
        alts.trimEnd(),
        '  valid_until: 2025-05', //                                           28
        '- id: t-current',
        '  question: 今月までの話',
        '  answer: 答え。',
        alts.trimEnd(),
        '  valid_until: 2025-06',
        '- id: t-ended',
        '  question: 終わった話',
        '  answer: 終わりました。',
        alts.trimEnd(),
        '  status: ended',
        '  valid_until: 2020-01-01',
      ].join('\n') + '\n',
    );
    await writeFile(
      join(dir, 'town', 'eval.yaml'),
      '- q: 関連のある質問\n  expect: t-related\n- q: なにか\n  expect: [t-long, t-missing]\n- q: ないこと\n  expect: none\n',
    );
    await writeFile(
      join(dir, 'town', 'city.yaml'),
      'id: village\nname: 町\nprefecture: 県\ncontact: { name: 役場 }\ndepartments:\n  - { name: 課, source: "plan.txt:99" }\n',
    );
    lines = (await checkCity(dir, 'town', opts)).problems.map(formatProblem);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports related ids that do not exist', () => {
    expect(lines).toContain(
      `${file('entries.yaml')}:5 t-related.related[1]: no entry has the id "t-nothing"`,
    );
  });

  it('reports sources that point at no seed file or past its end', () => {
    expect(lines).toContain(
      `${file('entries.yaml')}:6 t-related.source[1]: "plan.txt:11": plan.txt has only 10 lines`,
    );
    expect(lines).toContain(
      `${file('entries.yaml')}:6 t-related.source[2]: "other.txt:1": there is no seed file "other.txt"`,
    );
    expect(lines).toContain(
      `${file('entries.yaml')}:6 t-related.source[3]: "plan.txt:5-3": not a valid line range`,
    );
    expect(lines.some((l) => l.includes('source[0]'))).toBe(false);
    expect(lines).toContain(
      `${file('city.yaml')}:6 departments[0].source: "plan.txt:99": plan.txt has only 10 lines`,
    );
  });

  it('warns about answers too long for a chat and refuses those too long for LINE', () => {
    expect(lines).toContain(
      `${file('entries.yaml')}:9 t-long.answer: warning: 501 characters: too long for a chat, aim for ~250 (at most 500)`,
    );
    expect(lines).toContain(
      `${file('entries.yaml')}:13 t-huge.answer: 5001 UTF-16 units: LINE refuses text over 5000`,
    );
  });

  it('warns about fewer than three alt_questions', () => {
    expect(
      lines.some((l) =>
        l.startsWith(`${file('entries.yaml')}:18 t-few.alt_questions: warning: 1 alt_questions`),
      ),
    ).toBe(true);
  });

  it('warns when a planned answer does not read as a plan', () => {
    expect(
      lines.some((l) =>
        l.startsWith(`${file('entries.yaml')}:21 t-planned.answer: warning: status is planned`),
      ),
    ).toBe(true);
  });

  it('warns when valid_until has passed and the entry is not ended', () => {
    expect(
      lines.some((l) =>
        l.startsWith(`${file('entries.yaml')}:28 t-old.valid_until: warning: 2025-05 has passed`),
      ),
    ).toBe(true);
    expect(lines.some((l) => l.includes('t-current.valid_until'))).toBe(false);
    expect(lines.some((l) => l.includes('t-ended.valid_until'))).toBe(false);
  });

  it('reports eval cases that expect an id that does not exist, and eval questions copied from the pack', () => {
    expect(lines).toContain(`${file('eval.yaml')}:4 expect: no entry has the id "t-missing"`);
    expect(lines).toContain(
      `${file('eval.yaml')}:1 q: warning: this question is also written in the pack: word eval questions differently`,
    );
  });

  it('warns when city.yaml names another city', () => {
    expect(lines).toContain(
      `${file('city.yaml')}:1 id: warning: "village" differs from the folder name "town"`,
    );
  });

  it('sorts problems by file and line, without repeats', () => {
    expect(new Set(lines).size).toBe(lines.length);
    const entryLines = lines.filter((l) => l.startsWith(file('entries.yaml')));
    const nums = entryLines.map((l) => Number(/:(\d+) /.exec(l)?.[1]));
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
  });

  it('checks one directory on its own with checkPackDir', async () => {
    const r = await checkPackDir(join(dir, 'town'), opts);
    expect(r.checked).toEqual([join(dir, 'town')]);
    expect(r.problems.some((p) => p.message.includes('t-nothing'))).toBe(true);
    // city.yaml is only required of a city, not of a directory checked on its own.
    expect(r.problems.some((p) => p.message.includes('differs from the folder'))).toBe(false);
  });
});
