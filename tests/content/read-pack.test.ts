import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack, readPack } from '../../src/content/index.js';
import { ContentError, formatProblem, PackNotFoundError } from '../../src/errors.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'packs');
const broken = join(fixtures, 'broken');
const at = (file: string): string => join(broken, file);

describe('readPack on a broken pack', () => {
  it('names the file, line and field of every problem', async () => {
    const { problems } = await readPack(broken);
    const lines = problems.map(formatProblem);
    expect(lines).toContain(
      `${at('b-fields.yaml')}:7 broken-fields.alt_questions[1]: must not be empty`,
    );
    expect(lines).toContain(
      `${at('b-fields.yaml')}:8 broken-fields.alt_question: unknown field "alt_question" (did you mean "alt_questions"?)`,
    );
    expect(lines).toContain(
      `${at('b-fields.yaml')}:9 broken-missing-answer.answer: missing: this field is required`,
    );
    expect(
      lines.some((l) => l.startsWith(`${at('b-fields.yaml')}:11 has space.id: use letters`)),
    ).toBe(true);
  });

  it('reports YAML syntax errors with their line', async () => {
    const { problems } = await readPack(broken);
    const syntax = problems.filter((p) => p.file === at('a-syntax.yaml'));
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax.every((p) => p.line === 2 && p.severity === 'error')).toBe(true);
  });

  it('names both places of a duplicate id', async () => {
    const { problems } = await readPack(broken);
    const dup = problems.find((p) => p.message.startsWith('duplicate id'));
    expect(dup).toMatchObject({ file: at('c-duplicate.yaml'), line: 6, field: 'id' });
    expect(dup?.message).toBe(
      `duplicate id "broken-fields": also used at ${at('b-fields.yaml')}:2`,
    );
  });

  it('warns about .yml files, which are ignored', async () => {
    const { problems } = await readPack(broken);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: at('notes.yml'), severity: 'warning' }),
    );
  });

  it('keeps the valid entries and remembers every written id', async () => {
    const { pack } = await readPack(broken);
    expect(pack.entries.map((e) => e.id)).toEqual(['broken-ok', 'broken-fields']);
    expect([...pack.writtenIds]).toEqual(
      expect.arrayContaining(['broken-fields', 'broken-missing-answer', 'has space', 'broken-ok']),
    );
  });
});

describe('loadPack', () => {
  it('never half-succeeds: throws a ContentError with every error', async () => {
    const e = await loadPack(broken).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ContentError);
    const problems = (e as ContentError).problems;
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(problems.map((p) => p.file)).toEqual(
      expect.arrayContaining([at('a-syntax.yaml'), at('b-fields.yaml'), at('c-duplicate.yaml')]),
    );
    expect((e as ContentError).code).toBe('content/invalid');
  });

  it('loads a good pack: entries, then one entry per catalogued procedure', async () => {
    const pack = await loadPack(join(fixtures, 'root', 'alpha'));
    expect(pack.entries.map((e) => e.id)).toEqual([
      'common-shared',
      'alpha-library',
      'alpha-hours',
      'alpha-proc-tennyu',
      'alpha-proc-inu',
    ]);
    expect(pack.city?.name).toBe('アルファ市');
    expect(pack.synonyms).toEqual([['図書館', 'としょかん', 'ライブラリー']]);
    expect(pack.evalCases).toHaveLength(3);
    expect(pack.entries[1]?.source).toEqual(['plan.txt:2']);
    expect(pack.siteOf(pack.entries[1]!)?.line).toBe(6);
    expect(pack.siteOf(pack.entries[3]!)?.line).toBe(6);
  });

  it('throws PackNotFoundError for a missing directory', async () => {
    const e = await loadPack(join(fixtures, 'nope')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PackNotFoundError);
    expect((e as PackNotFoundError).code).toBe('content/not-found');
  });

  describe('with files written for the test', () => {
    let dir = '';
    afterEach(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });
    const pack = async (files: Record<string, string>): Promise<string> => {
      dir = await mkdtemp(join(tmpdir(), 'madoguchi-pack-'));
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      return dir;
    };

    it('refuses a pack without entries', async () => {
      const e = await loadPack(await pack({ 'synonyms.yaml': '- [a, b]\n' })).catch(
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(ContentError);
      expect((e as ContentError).problems[0]?.message).toMatch(/no FAQ entries/);
    });

    it('explains a file that is not a list', async () => {
      const d = await pack({ 'a.yaml': 'id: x\nquestion: q\nanswer: a\n' });
      const { problems } = await readPack(d);
      expect(problems[0]).toMatchObject({ line: 1, severity: 'error' });
      expect(problems[0]?.message).toMatch(/expected a list of FAQ entries/);
    });

    it('turns a numeric id into a string and accepts an empty file with a warning', async () => {
      const d = await pack({ 'a.yaml': '- id: 12\n  question: q\n  answer: a\n', 'b.yaml': '' });
      const { pack: p, problems } = await readPack(d);
      expect(p.entries[0]?.id).toBe('12');
      expect(problems).toEqual([
        expect.objectContaining({ file: join(d, 'b.yaml'), severity: 'warning' }),
      ]);
    });

    it('reports a bad field of city.yaml and procedures.yaml with its line', async () => {
      const d = await pack({
        'a.yaml': '- id: x\n  question: q\n  answer: a\n',
        'city.yaml':
          'id: x\nname: X市\nprefecture: 県\ncontact: { name: 市役所 }\nareas: [北, ""]\n',
        'procedures.yaml':
          'systems: [S]\nas_of: 2024-3\nprocedures:\n  - id: p1\n    name: 届\n    certificate_requird: true\n',
      });
      const lines = (await readPack(d)).problems.map(formatProblem);
      expect(lines).toContain(`${join(d, 'city.yaml')}:5 areas[1]: must not be empty`);
      expect(lines).toContain(`${join(d, 'procedures.yaml')}:2 as_of: use YYYY-MM or YYYY-MM-DD`);
      expect(lines).toContain(
        `${join(d, 'procedures.yaml')}:6 procedures[0].certificate_requird: unknown field "certificate_requird" (did you mean "certificate_required"?)`,
      );
      expect(lines).toContain(
        `${join(d, 'procedures.yaml')}:4 procedures[0].certificate_required: missing: this field is required`,
      );
    });
  });
});
