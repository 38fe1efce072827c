/**
 * Signing in and roles, as staff see them: a wrong token is refused next to the field and sets
 * no cookie; a broadcaster gets a session cookie (HttpOnly, SameSite=Strict); a viewer sees no
 * compose or send control and the API refuses a viewer's write even with a valid CSRF header;
 * everything reachable with the keyboard alone.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findChromium } from './lib/browser.js';
import { currentSession, pageReady, sessionCookie, signIn } from './lib/console.js';
import { useConsoleWorld } from './lib/fixture.js';
import { focused, tabTo } from './lib/keyboard.js';
import { STAFF } from './lib/world.js';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('console sign-in and roles (chromium)', () => {
  const t = useConsoleWorld(chromiumPath!);

  it('refuses a wrong token next to the token field and sets no session cookie', async () => {
    const page = await t.newPage('/');
    await signIn(page, 'not-a-real-token-0000000000000000');
    const field = page.getByLabel('管理トークン');
    const error = page.locator('#token-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/トークン/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('token-error');
    // The message sits in the same field block as the input.
    expect(await page.locator('.field', { has: field }).locator('#token-error').count()).toBe(1);
    expect(await sessionCookie(page)).toBeUndefined();
    expect(await page.locator('main[data-ready="sign-in"]').count()).toBe(1);
  });

  it('signs a broadcaster in with a session cookie and shows the dashboard', async () => {
    const page = await t.newPage('/');
    await signIn(page, STAFF.broadcaster.token);
    await pageReady(page, 'dashboard');
    expect(await page.locator('header').textContent()).toContain(STAFF.broadcaster.name);
    const cookie = await sessionCookie(page);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin' });
    // The token itself is never the cookie.
    expect(cookie?.value).not.toContain(STAFF.broadcaster.token);
    // A broadcaster has no 監査ログ in the navigation (admin only).
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await nav.getByRole('link', { name: 'お知らせ配信' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: '監査ログ' }).count()).toBe(0);
  });

  it('shows a viewer no compose or send control, and the API refuses their write', async () => {
    const page = await t.newPage('/');
    await signIn(page, STAFF.viewer.token);
    await pageReady(page, 'dashboard');
    await page.getByRole('navigation').getByRole('link', { name: 'お知らせ配信' }).click();
    await pageReady(page, 'broadcasts');
    expect(await page.getByRole('link', { name: /新しいお知らせ|作成/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /作成|送信/ }).count()).toBe(0);

    // A draft a broadcaster wrote: the viewer sees it, with no way to test, send, edit or cancel.
    const draft = await t.world.api(STAFF.broadcaster.token, 'POST', '/broadcasts', {
      title: '中部地区の断水',
      message: { type: 'text', text: '12月2日 9時から12時まで断水します。' },
      department: '上下水道部',
      contact: '水道課 0568-76-1111',
      target: { areas: ['中部'] },
    });
    expect(draft.status).toBe(201);
    const id = ((await draft.json()) as { id: string }).id;
    await page.goto(`${t.world.baseUrl}/admin/broadcasts/${id}`);
    await pageReady(page, 'broadcast');
    expect(await page.getByRole('heading', { name: /中部地区の断水/ }).count()).toBe(1);
    for (const name of [/テスト送信/, /^送信/, /取り消し/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await page.getByRole('link', { name: '編集' }).count()).toBe(0);

    // Straight to the compose route: no form to fill.
    await page.goto(`${t.world.baseUrl}/admin/broadcasts/new`);
    await page.locator('main[data-ready]').waitFor({ state: 'attached' });
    expect(await page.getByRole('button', { name: /保存|送信/ }).count()).toBe(0);

    // A direct write with the viewer's own session and CSRF token: 403 for the role, while the
    // same header lets a viewer's allowed write (the count) through, so CSRF is not the reason.
    const session = await currentSession(page);
    expect(session.status).toBe(200);
    expect(session.body.role).toBe('viewer');
    const headers = { 'x-csrf-token': session.body.csrfToken ?? '' };
    const base = `${t.world.baseUrl}/admin/api`;
    const create = await page.request.post(`${base}/broadcasts`, {
      headers,
      data: {
        title: '閲覧者の配信',
        message: { type: 'text', text: 'テスト' },
        target: { all: true },
      },
    });
    expect(create.status()).toBe(403);
    const confirm = await page.request.post(`${base}/broadcasts/${id}/confirm`, {
      headers,
      data: { count: 1 },
    });
    expect(confirm.status()).toBe(403);
    const count = await page.request.post(`${base}/audience/count`, {
      headers,
      data: { target: { all: true } },
    });
    expect(count.status()).toBe(200);
    // And without the CSRF header the cookie alone writes nothing.
    const noCsrf = await page.request.post(`${base}/audience/count`, {
      data: { target: { all: true } },
    });
    expect(noCsrf.status()).toBe(403);
    expect(((await noCsrf.json()) as { code: string }).code).toBe('session/csrf');
  });

  it('signs in and reaches the compose form with the keyboard alone', async () => {
    const page: Page = await t.newPage('/');
    await pageReady(page, 'sign-in');
    await tabTo(page, (el) => el.id === 'token');
    await page.keyboard.type(STAFF.broadcaster.token);
    await page.keyboard.press('Enter');
    await pageReady(page, 'dashboard');
    // Focus lands on the page's heading (not <body>), so Tab goes on from the page's top.
    expect(await focused(page)).toMatchObject({ tag: 'H1', text: 'ダッシュボード' });
    await tabTo(page, (el) => el.tag === 'A' && el.text === 'お知らせ配信');
    await page.keyboard.press('Enter');
    await pageReady(page, 'broadcasts');
    await tabTo(page, (el) => /新しいお知らせ|作成/.test(el.text));
    await page.keyboard.press('Enter');
    await pageReady(page, 'compose');
    // The first field of the form takes typing straight away after a Tab.
    await tabTo(page, (el) => el.label.includes('タイトル'));
    await page.keyboard.type('キーボードだけで作成');
    expect(await page.getByLabel('タイトル').inputValue()).toBe('キーボードだけで作成');
    // 担当課 offers the city's departments (free text still allowed).
    expect(await page.locator('#department-list option').count()).toBeGreaterThan(0);
    // Every choice takes a Tab stop (not only the checked radio of a group), and Space picks it.
    await tabTo(page, (el) => el.label === '条件で選ぶ');
    await tabTo(page, (el) => el.label === 'ごみ・環境');
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'ごみ・環境' }).isChecked()).toBe(true);
    await tabTo(page, (el) => el.label === '日時を指定する');
    await page.keyboard.press('Space');
    expect(await focused(page)).toMatchObject({ label: '日時を指定する', checked: true });
    await tabTo(page, (el) => el.id === 'send-at');
  });
});
