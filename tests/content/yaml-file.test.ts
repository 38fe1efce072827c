import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/content/yaml-file.js';

const text = `# comment
- id: a
  question: q
  alt_questions:
    - one
    - two
- id: b
  answer:
`;

describe('parseYamlFile', () => {
  it('maps a path to the line of its node', () => {
    const y = parseYamlFile('f.yaml', text);
    expect(y.problems).toEqual([]);
    expect(y.lineOf([0])).toBe(2);
    expect(y.lineOf([0, 'alt_questions', 1])).toBe(6);
    expect(y.lineOf([1, 'id'])).toBe(7);
  });

  it('falls back to the deepest node that exists, and to the key of an empty value', () => {
    const y = parseYamlFile('f.yaml', text);
    expect(y.lineOf([1, 'question'])).toBe(7);
    expect(y.lineOf([1, 'answer'])).toBe(8);
    expect(y.lineOf([0, 'question', 3])).toBe(3);
  });

  it('finds the line of a key, for unknown fields', () => {
    const y = parseYamlFile('f.yaml', text);
    expect(y.keyLineOf([0], 'alt_questions')).toBe(4);
  });

  it('reports a syntax error with its line and no data', () => {
    const y = parseYamlFile('f.yaml', '- id: a\n  alt: [x, y\n- id: b\n');
    expect(y.data).toBeUndefined();
    expect(y.problems[0]).toMatchObject({ file: 'f.yaml', line: 3, severity: 'error' });
    expect(y.problems[0]?.message).toMatch(/^YAML: /);
  });

  it('says to use spaces when a line is indented with a tab', () => {
    const y = parseYamlFile('f.yaml', '- id: a\n\tanswer: x\n');
    expect(y.problems.some((p) => p.line === 2 && /spaces, not tabs/.test(p.message))).toBe(true);
  });

  it('reports a field written twice', () => {
    const y = parseYamlFile('f.yaml', '- id: a\n  id: b\n');
    expect(y.problems[0]).toMatchObject({ line: 2 });
    expect(y.problems[0]?.message).toMatch(/written twice/);
  });
});
