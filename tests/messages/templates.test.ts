import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  TEMPLATE_NAMES,
  checkMessages,
  checkTemplateSet,
  parseTemplateSet,
  renderFlex,
  renderView,
  worstCaseViews,
  utf8Length,
  type TemplateSet,
} from '../../src/messages/index.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from '../../src/content/index.js';
import { ContentError } from '../../src/errors.js';

const raw = async (): Promise<Record<string, unknown>> =>
  Object.fromEntries(
    await Promise.all(
      TEMPLATE_NAMES.map(async (n) => [
        n,
        JSON.parse(await readFile(`${DEFAULT_TEMPLATES_DIR}/${n}.json`, 'utf8')),
      ]),
    ),
  );

describe('the shipped Flex templates', () => {
  it('load, and filled with worst-case values stay within every LINE limit', async () => {
    const set = await loadTemplates();
    expect(checkTemplateSet(set)).toEqual([]);
    for (const [name, view] of Object.entries(worstCaseViews())) {
      const message = renderFlex(view, set[name as keyof TemplateSet]);
      expect(checkMessages([message]), name).toEqual([]);
      // A bubble may be 30 KB, a carousel (classes) 50 KB.
      const max = message.contents.type === 'carousel' ? 50_000 : 30_000;
      expect(utf8Length(JSON.stringify(message.contents))).toBeLessThan(max);
    }
  });
});

describe('template validation at start-up', () => {
  it('names a missing file, a bad field and a missing placeholder value', async () => {
    const files = await raw();
    delete files['help'];
    files['topic'] = { altText: 'x', contents: { type: 'list' } };
    const r = parseTemplateSet(files);
    expect(r.set).toBeUndefined();
    expect(r.problems.map((p) => `${p.file} ${p.field ?? ''}`.trim())).toEqual([
      'flex-templates/topic.json contents.type',
      'flex-templates/help.json',
    ]);
  });

  it('a template that breaks a limit with long answers is refused', async () => {
    const files = await raw();
    const answer = structuredClone(files['answer']) as {
      contents: { body: { contents: unknown[] } };
    };
    // Repeating the answer four times makes a worst-case bubble far larger than 30 KB.
    answer.contents.body.contents.push(
      ...Array(40).fill({ type: 'text', text: '{{answer}}', wrap: true }),
    );
    const r = parseTemplateSet({ ...files, answer });
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: 'flex-templates/answer.json',
        message: expect.stringMatching(/bubble is \d+ bytes/),
      }),
    ]);
  });

  it('a typo in a placeholder is reported with its place', async () => {
    const files = await raw();
    const help = structuredClone(files['help']) as {
      contents: { body: { contents: Array<{ text?: string }> } };
    };
    help.contents.body.contents[0]!.text = '{{txet}}';
    const r = parseTemplateSet({ ...files, help });
    expect(r.problems[0]!.message).toMatch(/\{\{txet\}\} is missing/);
  });

  it('loadTemplates throws ContentError for a broken directory', async () => {
    await expect(loadTemplates('/nonexistent-dir')).rejects.toBeInstanceOf(ContentError);
  });
});

describe('renderView', () => {
  it('falls back to plain text when a Flex would break a limit', async () => {
    const set = await loadTemplates();
    const view = { ...worstCaseViews().answer };
    const huge = { ...view, values: { ...view.values, answer: 'あ'.repeat(20_000) } };
    const m = renderView(huge, set);
    expect(m.type).toBe('text');
    expect(checkMessages([m])).toEqual([]);
  });
});
