import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, run, type EvalReport } from '../../src/cli/index.js';
import { captureIo, fixtures } from './capture-io.js';

// alpha's eval.yaml: one sure hit, one deliberate miss, and an `expect: none` question that the
// 不明 entry (alpha-hours) answers honestly: 2 of 3 pass.
describe('madoguchi faq eval', () => {
  it('prints each miss and the top-1 accuracy, and fails below the default minimum 0.9', async () => {
    const c = captureIo();
    expect(await run(['faq', 'eval', '--city', 'alpha'], c.io)).toBe(EXIT.failed);
    expect(c.out[0]).toBe('MISS 「ごみの出し方を教えて」');
    expect(c.out[1]).toMatch(
      /^ {5}expected alpha-library; got .* \((answered|ambiguous|no_answer), score \d\.\d{3}\)$/,
    );
    expect(c.out.at(-1)).toMatch(
      /^FAILED: alpha: top-1 accuracy 66\.7% \(2\/3\), minimum 90\.0%; verdicts: /,
    );
  });

  it('passes with a lower --min', async () => {
    const c = captureIo();
    expect(await run(['faq', 'eval', '--city', 'alpha', '--min', '0.6'], c.io)).toBe(EXIT.ok);
    expect(c.out.at(-1)).toMatch(/^OK: alpha: top-1 accuracy 66\.7%/);
  });

  it('prints one JSON report with --json', async () => {
    const c = captureIo();
    expect(await run(['faq', 'eval', '--city', 'alpha', '--json'], c.io)).toBe(EXIT.failed);
    expect(c.out).toHaveLength(1);
    const report = JSON.parse(c.out[0]!) as EvalReport;
    expect(report).toMatchObject({
      target: 'alpha',
      total: 3,
      correct: 2,
      accuracy: 0.6667,
      min: 0.9,
      passed: false,
    });
    expect(Object.values(report.byStatus).reduce((a, b) => a + b, 0)).toBe(3);
    expect(report.confident).toBeLessThanOrEqual(report.correct);
    expect(report.misses).toEqual([
      expect.objectContaining({
        q: 'ごみの出し方を教えて',
        expected: ['alpha-library'],
        pass: false,
      }),
    ]);
  });

  it('refuses a --min outside 0..1 (exit 2)', async () => {
    expect(await run(['faq', 'eval', '--min', '90'], captureIo().io)).toBe(EXIT.usage);
  });

  it('fails when the pack has no eval questions', async () => {
    const c = captureIo();
    expect(await run(['faq', 'eval', '--faq-dir', join(fixtures, 'root', 'beta')], c.io)).toBe(
      EXIT.failed,
    );
    expect(c.err[0]).toMatch(/has no eval\.yaml questions/);
  });

  it('reports an unknown city (exit 3)', async () => {
    expect(await run(['faq', 'eval', '--city', 'gamma'], captureIo().io)).toBe(EXIT.unknownCity);
  });
});
