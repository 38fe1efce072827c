/**
 * Every page of the console passes axe-core's WCAG 2.1 A + AA rules with no serious or critical
 * violation: signed out, each page an admin sees (tables and the chart drawn from a seeded month
 * of questions), the compose form in both modes and with its field errors, the send dialog, and
 * the compose form on a phone-wide window. Moderate and minor findings are printed, not failed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedConsoleWorld } from '../../bench/lib/seed-console.js';
import { contrastRatio, describeViolations, isBlocking, runAxe } from './lib/axe.js';
import { findChromium } from './lib/browser.js';
import { fillNotice } from './lib/compose.js';
import { pageReady, signIn } from './lib/console.js';
import { useConsoleWorld } from './lib/fixture.js';
import { STAFF } from './lib/world.js';

const chromiumPath = findChromium();
const minorFindings: string[] = [];
const toReview: string[] = [];

/** Last month in Japan as `YYYY-MM` (seeded on any day of this month, unlike this month). */
function lastMonth(): string {
  const jst = new Date(Date.now() + 9 * 3_600_000);
  const d = new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * Fails the test (softly: the test goes on to its next state) with every serious or critical
 * violation on the page as it is now; keeps the moderate and minor ones for the summary.
 */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations, incomplete, passes } = await runAxe(page);
  expect(passes, 'axe ran its rules').toBeGreaterThan(10);
  if (incomplete.length) toReview.push(describeViolations(where, incomplete));
  const other = violations.filter((v) => !isBlocking(v));
  if (other.length) minorFindings.push(describeViolations(where, other));
  const blocking = violations.filter(isBlocking);
  expect
    .soft(
      blocking.map((v) => v.id),
      `axe found on ${where}:\n${describeViolations(where, blocking)}`,
    )
    .toEqual([]);
}

describe.skipIf(!chromiumPath)('console accessibility: axe WCAG 2.1 AA (chromium)', () => {
  const t = useConsoleWorld(chromiumPath!, {
    // A small city with 40 days of questions (so last month always has some: its report and
    // its unanswered queue have rows, the dashboard's chart has bars) and a few broadcasts.
    seed: (redisUrl, prefix) =>
      seedConsoleWorld({ redisUrl, prefix, residents: 300, questions: 800, days: 40 }).then(
        () => undefined,
      ),
    env: { LOG_LEVEL: 'warn' },
  });
  let admin: Page | undefined;

  /** One signed-in admin page for the whole file (every nav item shows), on `/admin<path>`. */
  async function adminOn(path: string, ready: string): Promise<Page> {
    if (!admin) {
      admin = await t.newPage('/');
      await signIn(admin, STAFF.admin.token);
      await pageReady(admin, 'dashboard');
    }
    await admin.goto(`${t.world.baseUrl}/admin${path}`);
    await pageReady(admin, ready);
    return admin;
  }

  afterAll(() => {
    if (minorFindings.length) {
      console.info(`axe: moderate/minor findings (not failed):\n${minorFindings.join('\n')}`);
    }
    if (toReview.length) {
      console.info(`axe: not decided, to review by eye:\n${toReview.join('\n')}`);
    }
  });

  it('sign-in (signed out)', async () => {
    const page = await t.newPage('/');
    await pageReady(page, 'sign-in');
    await expectAccessible(page, 'sign-in');
    // And with its error showing (a wrong token).
    await signIn(page, 'not-a-valid-token-0123456789abcdef');
    await page.locator('#token-error').waitFor();
    await expectAccessible(page, 'sign-in with error');
  });

  it('dashboard', async () => {
    const page = await adminOn('/', 'dashboard');
    await page.locator('svg').first().waitFor();
    await expectAccessible(page, 'dashboard');
  });

  it('broadcasts list', async () => {
    const page = await adminOn('/broadcasts', 'broadcasts');
    await page.locator('tbody tr').first().waitFor({ state: 'attached' });
    await expectAccessible(page, 'broadcasts');
  });

  it('compose: text mode, card mode, and the field errors of an empty save', async () => {
    const page = await adminOn('/broadcasts/new', 'compose');
    await expectAccessible(page, 'compose (text)');
    await page.getByRole('radio', { name: /カード/ }).check();
    await page
      .getByLabel('テンプレート', { exact: true })
      .selectOption({ label: 'イベント・講座' });
    await page.getByLabel('場所', { exact: true }).waitFor();
    await page.getByRole('radio', { name: '条件で選ぶ' }).check();
    await page.getByRole('radio', { name: '日時を指定する' }).check();
    await expectAccessible(page, 'compose (card, conditions, scheduled)');
    await page.getByRole('radio', { name: '文章だけ' }).check();
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.locator('#title-error').waitFor();
    await expectAccessible(page, 'compose (errors after an empty save)');
  });

  it('broadcast detail with the send dialog open', async () => {
    const page = await adminOn('/broadcasts/new', 'compose');
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    await pageReady(page, 'compose');
    await fillNotice(page, {
      title: '燃やすごみの収集日が変わります',
      text: '12月から、中部地区の燃やすごみの収集日が月曜・木曜になります。',
      department: 'ごみ政策課',
      contact: '0568-76-1111',
      areas: ['中部'],
    });
    await page.locator('#audience-count', { hasText: /届く人数: [\d,]+人/ }).waitFor();
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await pageReady(page, 'broadcast');
    await expectAccessible(page, 'broadcast detail');
    await page.getByRole('button', { name: '送信…' }).click();
    await page
      .getByRole('dialog', { name: '送信の確認' })
      .getByText(/人に送信します$/)
      .waitFor();
    await expectAccessible(page, 'broadcast detail + send dialog');
    await page.keyboard.press('Escape');
  });

  it('FAQ tester with results', async () => {
    const page = await adminOn(`/faq?q=${encodeURIComponent('住民票をコンビニで取りたい')}`, 'faq');
    await page.getByRole('list', { name: '候補の順位' }).waitFor();
    await expectAccessible(page, 'faq tester');
  });

  it('unanswered questions', async () => {
    const page = await adminOn(`/unanswered?month=${lastMonth()}`, 'unanswered');
    await page.locator('tbody tr').first().waitFor({ state: 'attached' });
    await expectAccessible(page, 'unanswered');
  });

  it('monthly report', async () => {
    const page = await adminOn('/reports', 'reports');
    await page.locator('tbody tr').first().waitFor({ state: 'attached' });
    await expectAccessible(page, 'reports');
  });

  it('audit log', async () => {
    const page = await adminOn('/audit', 'audit');
    await page.locator('tbody tr').first().waitFor({ state: 'attached' });
    await expectAccessible(page, 'audit');
  });

  // axe does not look at focus rings: the one on the green header bar must stand out too.
  it('the keyboard focus ring stands out on the header bar', async () => {
    const page = await adminOn('/broadcasts', 'broadcasts');
    await page.getByRole('button', { name: 'サインアウト' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const { outline, width, bar } = await page.evaluate<{
      outline: string;
      width: string;
      bar: string;
    }>(`(() => {
      const focused = getComputedStyle(document.activeElement);
      const bar = getComputedStyle(document.activeElement.closest('header'));
      return { outline: focused.outlineColor, width: focused.outlineWidth, bar: bar.backgroundColor };
    })()`);
    expect(await page.evaluate('document.activeElement.textContent')).toBe('サインアウト');
    expect(parseFloat(width)).toBeGreaterThanOrEqual(2);
    expect(contrastRatio(outline, bar)).toBeGreaterThanOrEqual(3);
  });

  it('compose on a 390 px wide window', async () => {
    const page = await t.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${t.world.baseUrl}/admin/broadcasts/new`);
    await signIn(page, STAFF.admin.token);
    await pageReady(page, 'compose');
    await expectAccessible(page, 'compose at 390 px');
  });
});
