// The one test that spawns the real executable: bin/madoguchi.js → dist/cli/main.js.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './capture-io.js';

const exec = promisify(execFile);
const repo = join(import.meta.dirname, '..', '..');
const built = join(repo, 'dist', 'cli', 'main.js');

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, d) => {
    const p = join(dir, d.name);
    return Math.max(max, d.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
}

async function madoguchi(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    FAQ_DIR: join(fixtures, 'root'),
    MADOGUCHI_SEEDS_DIR: join(fixtures, 'seeds'),
  };
  try {
    const r = await exec(process.execPath, [join(repo, 'bin', 'madoguchi.js'), ...args], {
      env,
      cwd: repo,
    });
    return { code: 0, ...r };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('bin/madoguchi.js', () => {
  beforeAll(async () => {
    // `npm run build`, only when the sources are newer than the build (type errors elsewhere
    // in the tree do not stop tsc from emitting, so the check is on the file, not the exit code).
    if (!existsSync(built) || newest(join(repo, 'src')) > statSync(built).mtimeMs) {
      await exec(
        process.execPath,
        [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
        {
          cwd: repo,
        },
      ).catch(() => undefined);
    }
    expect(existsSync(built)).toBe(true);
  }, 120_000);

  it('runs a command and exits 0', async () => {
    const r = await madoguchi(['faq', 'check', '--city', 'alpha']);
    expect(r).toMatchObject({ code: 0, stdout: 'OK: checked alpha: 0 error(s), 0 warning(s)\n' });
  });

  it('exits 2 with the usage for an unknown command', async () => {
    const r = await madoguchi(['nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "nope"');
  });
});
