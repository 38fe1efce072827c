/**
 * Per-file set-up of an e2e test: the world (tests/e2e/lib/world.ts) and one chromium for the
 * file, a fresh browser context (cookies, sessionStorage) per page, all stopped after the file.
 * Pages are 1280×800 in Japanese, as a city hall PC shows them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startWorld } from './world.js';
import type { World, WorldOptions } from './world.js';

export interface ConsoleFixture {
  readonly world: World;
  readonly browser: Browser;
  /** A page in a new context (no cookies), on `/admin<path>` when given. */
  newPage(path?: string): Promise<Page>;
  /** The first page's context, for cookies. */
  contextOf(page: Page): BrowserContext;
}

export function useConsoleWorld(chromiumPath: string, options: WorldOptions = {}): ConsoleFixture {
  let world: World | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [world, browser] = await Promise.all([startWorld(options), launchChromium(chromiumPath)]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await world?.stop();
  });
  const fixture: ConsoleFixture = {
    get world() {
      if (!world) throw new Error('the world is not started (beforeAll failed?)');
      return world;
    },
    get browser() {
      if (!browser) throw new Error('chromium is not started (beforeAll failed?)');
      return browser;
    },
    async newPage(path) {
      const context = await fixture.browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'ja-JP',
        timezoneId: 'Asia/Tokyo',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      if (path !== undefined) await page.goto(`${fixture.world.baseUrl}/admin${path}`);
      return page;
    },
    contextOf: (page) => page.context(),
  };
  return fixture;
}
