// Quality regression guard on a real third-party Japanese FAQ set (localgovFAQ, dev split),
// read at run time from ../shared/eval (never copied into the repo). Skipped on a developer
// machine without the data; in CI (`CI` set) a missing data dir fails the test.
import { describe, expect, it } from 'vitest';
import { evalDir, hasEvalSet, loadEvalSet, measureQuality } from '../../bench/lib/localgovfaq.js';
import { loadTokenizer } from '../../src/content/tokenizer.js';
import { buildIndex, search } from '../../src/search/index.js';

const mustRun = Boolean(process.env.CI) || hasEvalSet();

describe.runIf(mustRun)('localgovFAQ dev split', () => {
  it('keeps SR@1 ≥ 0.42 and SR@5 ≥ 0.68', { timeout: 120_000 }, async () => {
    expect(hasEvalSet(), `localgovFAQ dev data missing at ${evalDir()}`).toBe(true);
    const set = loadEvalSet();
    const index = buildIndex(set.entries, { tokenize: await loadTokenizer() });
    const quality = measureQuality(set, (q) =>
      search(index, q, { top: 10 }).results.map((r) => r.entry.id),
    );
    expect(quality.queries).toBe(150);
    expect(quality.sr1).toBeGreaterThanOrEqual(0.42);
    expect(quality.sr5).toBeGreaterThanOrEqual(0.68);
  });
});
