/**
 * Screenshots of the admin console's main pages, 1280 px wide, into docs/console/<page>.png:
 * `npm run console:screenshots`. Starts the e2e world (tests/e2e/lib/world.ts: redis-server,
 * fake LINE, the real server) seeded by bench/lib/seed-console.ts with a small city (residents,
 * a month of questions and feedback, a few broadcasts), signs in as an admin, writes a notice and
 * sends it, and photographs each step. Everything stops by itself.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { seedConsoleWorld } from '../bench/lib/seed-console.js';
import { findChromium, launchChromium } from '../tests/e2e/lib/browser.js';
import { ensureConsoleBuilt, ROOT } from '../tests/e2e/lib/build-console.js';
import { fillNotice } from '../tests/e2e/lib/compose.js';
import { pageReady, signIn } from '../tests/e2e/lib/console.js';
import { startWorld, STAFF } from '../tests/e2e/lib/world.js';

const OUT = path.join(ROOT, 'docs/console');

interface Shot {
  file: string;
  caption: string;
}
const shots: Shot[] = [];
const missed: string[] = [];

/** A picture larger than this is reported (the repo keeps them small). */
const MAX_KB = 300;

/**
 * Photographs the page: the window (1280×800), or with `fullPage` the whole page, so a long
 * page (compose, dashboard, delivery report) shows its main content rather than a cut.
 */
async function shoot(
  page: Page,
  file: string,
  caption: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  // No blinking caret, focus ring or running transition in the picture.
  await page.mouse.move(0, 0);
  // From the top: a sticky pane (the phone preview) is drawn where the window was scrolled.
  await page.evaluate('document.activeElement?.blur?.(); window.scrollTo(0, 0)');
  await page.screenshot({
    path: path.join(OUT, file),
    animations: 'disabled',
    caret: 'hide',
    fullPage: options.fullPage ?? false,
  });
  const kb = statSync(path.join(OUT, file)).size / 1024;
  console.log(`${file} (${kb.toFixed(0)} KB)`);
  if (kb > MAX_KB) missed.push(`${file} is ${kb.toFixed(0)} KB (> ${MAX_KB} KB)`);
  shots.push({ file, caption });
}

/** Opens a route and photographs it once ready; a page that never gets ready is reported. */
async function visit(
  page: Page,
  base: string,
  route: string,
  ready: string,
  file: string,
  caption: string,
  options: { fullPage?: boolean } = {},
) {
  await page.goto(`${base}/admin${route}`);
  try {
    await pageReady(page, ready);
  } catch {
    missed.push(`${file} (${route} never set data-ready="${ready}")`);
    return;
  }
  await shoot(page, file, caption, options);
}

async function main(): Promise<void> {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('chromium is needed for console:screenshots');
  ensureConsoleBuilt();
  mkdirSync(OUT, { recursive: true });
  const world = await startWorld({
    seed: (redisUrl, prefix) =>
      seedConsoleWorld({ redisUrl, prefix, residents: 3000, questions: 6000 }).then(
        () => undefined,
      ),
    env: { LOG_LEVEL: 'warn' },
  });
  const browser = await launchChromium(chromiumPath);
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const base = world.baseUrl;

    await page.goto(`${base}/admin/`);
    await pageReady(page, 'sign-in');
    await shoot(page, 'sign-in.png', 'サインイン（管理トークン）');
    await signIn(page, STAFF.admin.token);
    await pageReady(page, 'dashboard');
    await shoot(
      page,
      'dashboard.png',
      'ダッシュボード（友だち数、分野・地区ごとの人数、日ごとの質問数、回答率）',
      { fullPage: true },
    );
    await visit(
      page,
      base,
      '/broadcasts',
      'broadcasts',
      'broadcasts.png',
      'お知らせ配信の一覧（状態つき）',
    );

    await page.goto(`${base}/admin/broadcasts/new`);
    await pageReady(page, 'compose');
    await fillNotice(page, {
      title: '燃やすごみの収集日が変わります',
      text: '12月から、中部地区の燃やすごみの収集日が月曜・木曜になります。年末年始の収集日は広報こまきをご覧ください。',
      department: 'ごみ政策課',
      contact: '0568-76-1111',
      topics: ['ごみ・環境'],
      areas: ['中部', '東部'],
    });
    await page.locator('#audience-count', { hasText: /届く人数: [\d,]+人/ }).waitFor();
    await shoot(page, 'compose.png', 'お知らせの作成（送信先の人数と、スマートフォンでの見え方）', {
      fullPage: true,
    });

    await page.getByRole('button', { name: '下書きを保存' }).click();
    await pageReady(page, 'broadcast');
    await page.getByRole('button', { name: '送信…' }).click();
    const dialog = page.getByRole('dialog', { name: '送信の確認' });
    await dialog.getByText(/人に送信します$/).waitFor();
    await shoot(page, 'confirm-dialog.png', '送信の確認（正確な人数を示して、明示のボタンで確定）');
    await dialog.getByRole('button', { name: /人に送信する$/ }).click();
    const done = page.getByRole('status').filter({ hasText: /([\d,]+)人中 \1人に届きました/ });
    await done.waitFor({ timeout: 60_000 });
    // The final state (送信済み), not the last refresh while 送信中.
    await page.locator('h1 .badge', { hasText: '送信済み' }).waitFor({ timeout: 60_000 });
    await shoot(page, 'delivery-report.png', '配信結果（送信済み: 届いた人数、失敗、送信待ち）', {
      fullPage: true,
    });

    await visit(
      page,
      base,
      `/faq?q=${encodeURIComponent('住民票をコンビニで取りたい')}`,
      'faq',
      'faq-tester.png',
      'FAQ テスト（判定、候補の順位と確からしさ、一致した語）',
    );
    await visit(
      page,
      base,
      '/unanswered',
      'unanswered',
      'unanswered.png',
      '未回答の質問（課ごと、CSV ダウンロード）',
    );
    await visit(
      page,
      base,
      '/reports',
      'reports',
      'reports.png',
      '月次レポート（課ごと、CSV ダウンロード）',
    );
    await visit(page, base, '/audit', 'audit', 'audit.png', '監査ログ（管理者のみ）');
  } finally {
    await browser.close();
    await world.stop();
  }
  writeFileSync(
    path.join(OUT, 'README.md'),
    `# Admin console screenshots

Made by \`npm run console:screenshots\` (scripts/console-screenshots.ts): the real server with a
small seeded city (bench/lib/seed-console.ts), Debian chromium in Japanese (chromium-l10n) 1280 px
wide (the long pages whole), signed in as an admin.

${shots.map((s) => `- [${s.file}](${s.file}) — ${s.caption}`).join('\n')}
`,
  );
  if (missed.length) {
    console.warn(`not photographed:\n${missed.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
