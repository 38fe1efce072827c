// A CliIo that records what the CLI prints; the env points at the test packs, not faq/.
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/index.js';

export const fixtures = join(import.meta.dirname, '..', 'fixtures', 'packs');

export interface Captured {
  io: CliIo;
  out: string[];
  err: string[];
}

export function captureIo(env: Record<string, string | undefined> = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (line) => out.push(...line.split('\n')),
      err: (line) => err.push(...line.split('\n')),
      env: {
        FAQ_DIR: join(fixtures, 'root'),
        MADOGUCHI_SEEDS_DIR: join(fixtures, 'seeds'),
        ...env,
      },
      now: () => new Date(2025, 5, 15),
    },
  };
}
