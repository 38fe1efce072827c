/** Filling the compose form (console/src/compose) the way a staff member does. */
import type { Page } from 'playwright-core';

export interface NoticeInput {
  title: string;
  text: string;
  department: string;
  contact: string;
  /** Labels of 分野 to tick (e.g. 防災・緊急); none: every topic. */
  topics?: string[];
  /** Labels of 地区 to tick (e.g. 中部). */
  areas?: string[];
}

/** Types the notice into the form; the target is 条件で選ぶ with the given ticks, sent now. */
export async function fillNotice(page: Page, n: NoticeInput): Promise<void> {
  await page.getByLabel('タイトル').fill(n.title);
  await page.getByRole('textbox', { name: /^本文/ }).fill(n.text);
  await page.getByLabel('担当課').fill(n.department);
  await page.getByLabel('問い合わせ先').fill(n.contact);
  await page.getByRole('radio', { name: '条件で選ぶ' }).check();
  for (const topic of n.topics ?? []) {
    await page.getByRole('group', { name: '分野' }).getByRole('checkbox', { name: topic }).check();
  }
  for (const area of n.areas ?? []) {
    await page.getByRole('group', { name: '地区' }).getByRole('checkbox', { name: area }).check();
  }
  await page.getByRole('radio', { name: /今すぐ/ }).check();
}

/** The live recipient count line under the target builder. */
export function audienceCount(page: Page) {
  return page.locator('#audience-count');
}

/** Waits until the live count reads exactly `n` people. */
export async function waitForCount(page: Page, n: number): Promise<void> {
  await page
    .locator('#audience-count', { hasText: `届く人数: ${n.toLocaleString('ja-JP')}人` })
    .waitFor();
}
