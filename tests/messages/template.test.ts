import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/messages/index.js';
import { MadoguchiError } from '../../src/errors.js';

describe('fillTemplate', () => {
  it('replaces placeholders in strings and inserts whole values', () => {
    const t = { text: '担当: {{dept}}（{{n}}件）', action: '{{action}}' };
    expect(
      fillTemplate(t, { dept: '市民課', n: 3, action: { type: 'uri', uri: 'https://x.jp' } }),
    ).toEqual({
      text: '担当: 市民課（3件）',
      action: { type: 'uri', uri: 'https://x.jp' },
    });
  });

  it('drops $if nodes whose value is empty and keeps the others without the key', () => {
    const t = {
      contents: [
        { $if: 'badge', text: '{{badge}}' },
        { $if: 'note', text: '{{note}}' },
        { text: 'x' },
      ],
    };
    expect(fillTemplate(t, { badge: '計画中', note: '' })).toEqual({
      contents: [{ text: '計画中' }, { text: 'x' }],
    });
  });

  it('repeats $each items with the element fields and a 1-based index', () => {
    const t = {
      contents: [
        { $each: 'items', item: { text: '{{index}}. {{label}} ({{title}})' } },
        { text: 'end' },
      ],
    };
    expect(fillTemplate(t, { title: 'T', items: [{ label: 'a' }, { label: 'b' }] })).toEqual({
      contents: [{ text: '1. a (T)' }, { text: '2. b (T)' }, { text: 'end' }],
    });
    expect(fillTemplate(t, { title: 'T', items: [] })).toEqual({ contents: [{ text: 'end' }] });
  });

  it('a missing value is a loud error naming the placeholder and the place', () => {
    expect(() => fillTemplate({ a: [{ text: '{{titel}}' }] }, { title: 'x' })).toThrowError(
      MadoguchiError,
    );
    expect(() => fillTemplate({ a: [{ text: '{{titel}}' }] }, { title: 'x' })).toThrowError(
      /\{\{titel\}\} is missing at \$\.a\[0\]\.text/,
    );
  });

  it('does not interpret values as templates', () => {
    expect(fillTemplate({ text: '{{q}}' }, { q: '{{secret}}' })).toEqual({ text: '{{secret}}' });
  });
});
