/** Where the CLI finds things: the FAQ root, the seed texts, and how paths are shown. */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './command.js';

/** The repository (or installed package) root: two levels above src/cli or dist/cli. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `FAQ_DIR` or the package's own `faq/`. */
export function faqRoot(io: CliIo): string {
  return shown(io.env.FAQ_DIR ? resolve(io.env.FAQ_DIR) : join(PACKAGE_ROOT, 'faq'));
}

/** `MADOGUCHI_SEEDS_DIR` or `../shared/seeds` beside the repository. */
export function seedsDir(io: CliIo): string {
  const dir = io.env.MADOGUCHI_SEEDS_DIR;
  return shown(dir ? resolve(dir) : join(PACKAGE_ROOT, '..', 'shared', 'seeds'));
}

/** A path as people should read it: relative to the working directory when inside it. */
export function shown(path: string): string {
  const abs = resolve(path);
  const rel = relative(process.cwd(), abs);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}

/** The city `ask` and `faq eval` use without `--city`: `CITY` or komaki. */
export function defaultCity(io: CliIo): string {
  return io.env.CITY || 'komaki';
}

/** Today as YYYY-MM-DD in local time. */
export function today(io: CliIo): string {
  const d = io.now();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
