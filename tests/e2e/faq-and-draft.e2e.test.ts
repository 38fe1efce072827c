/**
 * The FAQ tester shows a ranking with scores and matched words; a draft survives its session
 * ending on the server mid-edit (sign in again, the same draft is back).
 */
import { describe, expect, it } from 'vitest';
import { deleteKeys } from '../setup/redis-test.js';
import { findChromium } from './lib/browser.js';
import { pageReady, signIn } from './lib/console.js';
import { useConsoleWorld } from './lib/fixture.js';
import { seedResidents, smallPopulation } from './lib/seed.js';
import { STAFF } from './lib/world.js';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('console FAQ tester and drafts (chromium)', () => {
  const t = useConsoleWorld(chromiumPath!, {
    seed: (url, prefix) => seedResidents(url, prefix, smallPopulation(60)),
  });

  it('ranks entries with their scores for a resident-style question', async () => {
    const page = await t.newPage('/faq');
    await signIn(page, STAFF.viewer.token);
    await pageReady(page, 'faq');
    await page.getByLabel('質問', { exact: true }).fill('住民票をコンビニで取りたい');
    await page.getByRole('button', { name: '調べる' }).click();
    const ranking = page.getByRole('list', { name: '候補の順位' });
    await ranking.waitFor();
    await pageReady(page, 'faq');
    expect(new URL(page.url()).searchParams.get('q')).toBe('住民票をコンビニで取りたい');
    expect(await page.getByRole('heading', { name: /^判定:/ }).textContent()).toMatch(
      /回答する|候補から選んでもらう/,
    );
    const items = ranking.getByRole('listitem');
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    const first = items.first();
    expect(await first.locator('.rank').textContent()).toBe('1位');
    expect(await first.textContent()).toMatch(/住民票|コンビニ/);
    expect(await first.getByText(/確からしさ \d+%/).count()).toBe(1);
    expect(await first.getByText(/^一致した語:/).count()).toBe(1);
    // Scores go down the ranking.
    const relevance = (await ranking.locator('.score .muted').allTextContents()).map((s) =>
      Number(s.replace(/[^0-9.]/g, '')),
    );
    expect(relevance).toEqual([...relevance].sort((a, b) => b - a));
  });

  it('keeps the draft when the session ends mid-edit, and gives it back after signing in', async () => {
    const page = await t.newPage('/broadcasts/new');
    await signIn(page, STAFF.broadcaster.token);
    await pageReady(page, 'compose');
    const title = '下書きが残ることの確認';
    const text = '本文の途中です。サインインが切れても消えないはずです。';
    await page.getByLabel('タイトル').fill(title);
    await page.getByRole('textbox', { name: /^本文/ }).fill(text);

    // The session ends on the server (idle expiry, a restart of the store…).
    await deleteKeys(t.world.redis.url, `${t.world.prefix}session:`);
    await page.getByRole('button', { name: '下書きを保存' }).click();

    // Back to sign-in, told that the draft is kept.
    await pageReady(page, 'sign-in');
    expect(await page.getByRole('status').first().textContent()).toMatch(
      /入力中の内容は残っています/,
    );
    await signIn(page, STAFF.broadcaster.token);
    await pageReady(page, 'compose');
    expect(new URL(page.url()).pathname).toBe('/admin/broadcasts/new');
    expect(await page.getByLabel('タイトル').inputValue()).toBe(title);
    expect(await page.getByRole('textbox', { name: /^本文/ }).inputValue()).toBe(text);
    expect(await page.getByText('保存されていない入力を復元しました').count()).toBe(1);
  });
});
