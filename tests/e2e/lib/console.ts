/**
 * What a staff member does on every page, in the console's own words (labels from
 * console/README.md): wait until a page has drawn its data, sign in with a token.
 */
import type { Page } from 'playwright-core';

/** Waits until `<main data-ready="<name>">`: the page's data is on screen. */
export async function pageReady(page: Page, name: string, timeout = 15_000): Promise<void> {
  await page.locator(`main[data-ready="${name}"]`).waitFor({ state: 'attached', timeout });
}

/** Types `token` into 管理トークン and presses サインイン. */
export async function signIn(page: Page, token: string): Promise<void> {
  await pageReady(page, 'sign-in');
  await page.getByLabel('管理トークン').fill(token);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
}

/** The `madoguchi_session` cookie of the page's context, if any. */
export async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === 'madoguchi_session');
}

/** The signed-in session as the console sees it (`GET /admin/api/session` with the cookie). */
export async function currentSession(
  page: Page,
): Promise<{ status: number; body: { csrfToken?: string; role?: string } }> {
  const res = await page.request.get(new URL('/admin/api/session', page.url()).toString());
  return { status: res.status(), body: (await res.json().catch(() => ({}))) as never };
}
