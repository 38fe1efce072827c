import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, run } from '../../src/cli/index.js';
import { captureIo, fixtures } from './capture-io.js';

describe('madoguchi faq check', () => {
  it('checks common and every city when given no flag', async () => {
    const c = captureIo();
    expect(await run(['faq', 'check'], c.io)).toBe(EXIT.ok);
    expect(c.out.at(-1)).toBe('OK: checked common, alpha, beta: 0 error(s), 1 warning(s)');
    expect(c.out[0]).toMatch(/beta[/\\]city\.yaml: warning: missing/);
  });

  it('fails on warnings with --strict', async () => {
    const c = captureIo();
    expect(await run(['faq', 'check', '--strict'], c.io)).toBe(EXIT.failed);
    expect(c.out.at(-1)).toBe(
      'FAILED: checked common, alpha, beta: 0 error(s), 1 warning(s) (--strict)',
    );
  });

  it('checks one city with --city', async () => {
    const c = captureIo();
    expect(await run(['faq', 'check', '--city', 'alpha', '--strict'], c.io)).toBe(EXIT.ok);
    expect(c.out).toEqual(['OK: checked alpha: 0 error(s), 0 warning(s) (--strict)']);
  });

  it('lists every problem of a broken pack as file:line field: message and exits 1', async () => {
    const c = captureIo();
    expect(await run(['faq', 'check', '--faq-dir', join(fixtures, 'broken')], c.io)).toBe(
      EXIT.failed,
    );
    const text = c.out.join('\n');
    expect(text).toMatch(
      /b-fields\.yaml:8 broken-fields\.alt_question: unknown field "alt_question" \(did you mean "alt_questions"\?\)/,
    );
    expect(text).toMatch(/b-fields\.yaml:7 broken-fields\.alt_questions\[1\]: must not be empty/);
    expect(text).toMatch(
      /c-duplicate\.yaml:6 id: duplicate id "broken-fields": also used at .*b-fields\.yaml:2/,
    );
    expect(text).toMatch(/a-syntax\.yaml:2: YAML: /);
    expect(text).toMatch(/eval\.yaml:4 expect: no entry has the id "broken-nothing"/);
    expect(c.out.at(-1)).toMatch(/^FAILED: checked .*broken: 8 error\(s\), 2 warning\(s\)$/);
  });

  it('names the known cities for an unknown city (exit 3)', async () => {
    const c = captureIo();
    expect(await run(['faq', 'check', '--city', 'gamma'], c.io)).toBe(EXIT.unknownCity);
    expect(c.err).toEqual([
      'madoguchi faq check: unknown city "gamma"; cities with a pack: alpha, beta',
    ]);
  });

  it('says which directory is missing (exit 4)', async () => {
    const c = captureIo();
    expect(await run(['faq', 'check', '--faq-dir', join(fixtures, 'nope')], c.io)).toBe(
      EXIT.notFound,
    );
    expect(c.err[0]).toMatch(/^madoguchi faq check: no FAQ directory at .*nope$/);
    const d = captureIo({ FAQ_DIR: join(fixtures, 'nope') });
    expect(await run(['faq', 'check'], d.io)).toBe(EXIT.notFound);
  });

  it('refuses --city with --faq-dir (exit 2)', async () => {
    const c = captureIo();
    expect(await run(['faq', 'check', '--city', 'alpha', '--faq-dir', 'x'], c.io)).toBe(EXIT.usage);
    expect(c.err[0]).toBe('madoguchi faq check: use either --city or --faq-dir, not both');
  });
});
