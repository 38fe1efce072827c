import { describe, expect, it } from 'vitest';
import { closestName } from '../../src/content/closest-name.js';

describe('closestName', () => {
  const fields = ['id', 'question', 'answer', 'alt_questions', 'keywords', 'valid_until'];
  it('suggests the field a typo was meant to be', () => {
    expect(closestName('alt_question', fields)).toBe('alt_questions');
    expect(closestName('keyword', fields)).toBe('keywords');
    expect(closestName('valid-until', fields)).toBe('valid_until');
    expect(closestName('anser', fields)).toBe('answer');
  });
  it('suggests nothing for an unrelated word', () => {
    expect(closestName('telephone', fields)).toBeUndefined();
  });
});
