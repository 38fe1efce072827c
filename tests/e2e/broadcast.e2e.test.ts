/**
 * A broadcaster sends a notice to a segment, as they see it: the live count of the target, a
 * test send to the staff accounts, the confirmation dialog with the exact number, the delivery
 * report; and the fake LINE API received exactly those residents, each once.
 */
import { describe, expect, it } from 'vitest';
import type { FakeLine } from '../../bench/fake-line/server.js';
import { findChromium } from './lib/browser.js';
import { fillNotice, waitForCount } from './lib/compose.js';
import { pageReady, signIn } from './lib/console.js';
import { useConsoleWorld } from './lib/fixture.js';
import { recipientsOf, seedResidents, smallPopulation } from './lib/seed.js';
import { STAFF, TEST_USER_IDS } from './lib/world.js';

const chromiumPath = findChromium();
const residents = smallPopulation();
const TARGET = { topics: ['bousai'], areas: ['中部'] };
const expected = recipientsOf(residents, TARGET);

/** User ids of every accepted multicast, in arrival order. */
function multicastIds(fake: FakeLine): string[] {
  return fake.requests
    .filter((r) => r.endpoint === 'multicast' && r.status === 200)
    .flatMap((r) => r.body.to as string[]);
}

describe.skipIf(!chromiumPath)('console broadcast to a segment (chromium)', () => {
  const t = useConsoleWorld(chromiumPath!, {
    seed: (url, prefix) => seedResidents(url, prefix, residents),
  });

  it('composes, test-sends, confirms the exact count and reports every delivery once', async () => {
    expect(expected.length).toBeGreaterThan(10);
    const page = await t.newPage('/broadcasts/new');
    await signIn(page, STAFF.broadcaster.token);
    await pageReady(page, 'compose');

    await fillNotice(page, {
      title: '避難所開設のお知らせ',
      text: '中部地区の避難所を開設しました。お近くの避難所へ避難してください。',
      department: '危機管理課',
      contact: '0568-76-1111',
      topics: ['防災・緊急'],
      areas: ['中部'],
    });
    await waitForCount(page, expected.length);
    // The phone preview shows the text as LINE will.
    expect(
      await page.getByRole('region', { name: 'スマートフォンでの見え方' }).textContent(),
    ).toContain('中部地区の避難所を開設しました');

    await page.getByRole('button', { name: '下書きを保存' }).click();
    await pageReady(page, 'broadcast');
    const id = new URL(page.url()).pathname.split('/').pop()!;

    // Test send: the two staff accounts only.
    await page.getByRole('button', { name: 'テスト送信' }).click();
    await page.getByText(`テスト用アカウント ${TEST_USER_IDS.length}件に送りました`).waitFor();
    expect(multicastIds(t.world.fake).sort()).toEqual([...TEST_USER_IDS].sort());

    // The dialog closes with Esc, sends nothing, and gives the focus back to its opener.
    const opener = page.getByRole('button', { name: '送信…' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '送信の確認' });
    await dialog.getByText(`${expected.length}人に送信します`, { exact: true }).waitFor();
    // It names the target as the compose form did.
    expect(await dialog.textContent()).toContain('分野: 防災・緊急 ／ 地区: 中部');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // (A string: the repo's tsconfig has no DOM types.)
    await page.waitForFunction(`document.activeElement?.textContent === '送信…'`);

    // The confirmation states the exact number, and the button names it.
    await page.getByRole('button', { name: '送信…' }).click();
    await dialog.getByText(`${expected.length}人に送信します`, { exact: true }).waitFor();
    await dialog.getByRole('button', { name: `${expected.length}人に送信する` }).click();

    // The report refreshes by itself until every resident got it.
    await page
      .getByRole('status')
      .filter({ hasText: `${expected.length}人中 ${expected.length}人に届きました` })
      .waitFor({ timeout: 30_000 });
    const report = page.getByRole('region', { name: '配信結果' });
    expect(await report.locator('.figure', { hasText: '届いた' }).locator('dd').textContent()).toBe(
      `${expected.length}人`,
    );
    expect(await report.locator('.figure', { hasText: '失敗' }).locator('dd').textContent()).toBe(
      '0人',
    );

    // LINE got each resident of the segment exactly once (plus the earlier test send).
    const sent = multicastIds(t.world.fake).filter((u) => !TEST_USER_IDS.includes(u));
    expect(new Set(sent).size).toBe(sent.length);
    expect([...sent].sort()).toEqual([...expected].sort());

    // The API agrees with what the page showed.
    const api = await t.world.api(STAFF.viewer.token, 'GET', `/broadcasts/${id}/report`);
    expect(await api.json()).toMatchObject({ recipients: expected.length, state: 'sent' });

    // An admin reads the confirmation in the audit log in Japanese (the log keeps English).
    const audit = await t.newPage('/audit');
    await signIn(audit, STAFF.admin.token);
    await pageReady(audit, 'audit');
    const row = audit.locator('tbody tr', { hasText: '送信を確定' }).filter({ hasText: id });
    expect(await row.locator('.audit-detail').textContent()).toMatch(
      /^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2} に送信/,
    );
    expect(await audit.locator('tbody').textContent()).not.toMatch(/sending at|changed:/);
  });
});
