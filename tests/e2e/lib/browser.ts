/**
 * Debian's chromium driven by playwright-core (no browser download). `CHROMIUM_PATH` overrides
 * `/usr/bin/chromium`. Under `CI` a missing chromium is an error; elsewhere the e2e tests skip
 * with a loud warning (never silently).
 */
import { accessSync, constants } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

const DEFAULT_PATH = '/usr/bin/chromium';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The chromium binary, or undefined (after a warning) when missing outside CI. Throws in CI. */
export function findChromium(): string | undefined {
  const file = process.env.CHROMIUM_PATH || DEFAULT_PATH;
  if (executable(file)) return file;
  const message = `chromium not found at ${file} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`${message}: the console e2e tests need it in CI`);
  console.warn(`\n⚠️  ${message}: the console e2e tests are SKIPPED (they fail under CI).\n`);
  return undefined;
}

/**
 * Launches headless chromium (no sandbox: CI containers run as root) in Japanese. A context's
 * `locale` only reaches JavaScript (Intl, navigator.language); the browser's own widgets (the
 * month and date-time inputs) follow the process language, which on Linux comes from
 * LANGUAGE/LANG (not `--lang`) and needs Debian's `chromium-l10n` (ja.pak). Without that
 * package the inputs read "November 2026" but nothing else changes.
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=ja-JP'],
    env: { ...process.env, LANG: 'ja_JP.UTF-8', LANGUAGE: 'ja' },
  });
}
