/**
 * Makes sure `dist/console` holds a build of `console/` (the e2e tests, the screenshots and the
 * console bench build nothing else): runs `npm run build:console` when `dist/console/index.html`
 * is missing or older than any file under `console/` (and always with `force`, as in CI).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SOURCES = path.join(ROOT, 'console');
export const CONSOLE_INDEX = path.join(ROOT, 'dist/console/index.html');

/** Newest modification time (ms) of the files under `dir`, skipping node_modules. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** Why a build is needed, or undefined when dist/console is up to date. */
export function staleReason(): string | undefined {
  if (!existsSync(CONSOLE_INDEX)) return 'dist/console/index.html is missing';
  if (existsSync(SOURCES) && newestMtime(SOURCES) > statSync(CONSOLE_INDEX).mtimeMs) {
    return 'console/ changed since the last build';
  }
  return undefined;
}

/** Builds the console when needed (or `force`); throws with the build's output when it fails. */
export function ensureConsoleBuilt(options: { force?: boolean; quiet?: boolean } = {}): void {
  const reason = options.force ? 'forced (CI)' : staleReason();
  if (!reason) return;
  if (!existsSync(SOURCES)) {
    throw new Error('console/ does not exist: there is no admin console to build yet');
  }
  // `npm run build:console` once package.json has it; vite itself until then.
  const scripts = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    }
  ).scripts;
  const [cmd, args] = scripts?.['build:console']
    ? ['npm', ['run', '--silent', 'build:console']]
    : [path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'console/vite.config.ts']];
  if (!options.quiet)
    console.log(`building the admin console (${reason}): ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: process.env,
  });
  if (run.status !== 0) {
    throw new Error(
      `the console build failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`,
    );
  }
  if (!existsSync(CONSOLE_INDEX)) {
    throw new Error(`the console build did not write ${CONSOLE_INDEX}`);
  }
  if (!options.quiet) console.log(`admin console built in ${Date.now() - started} ms`);
}
