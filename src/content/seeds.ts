/** Reads the seed texts (the city plans) just enough to check `source: file:line` references. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Seed file name → number of lines. */
export type SeedLines = ReadonlyMap<string, number>;

/** Counts the lines of every file in `dir`; undefined when the directory does not exist. */
export async function readSeedLines(dir: string): Promise<SeedLines | undefined> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) return undefined;
  const lines = new Map<string, number>();
  for (const d of await readdir(dir, { withFileTypes: true })) {
    if (!d.isFile()) continue;
    const text = await readFile(join(dir, d.name), 'utf8');
    lines.set(d.name, text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
  }
  return lines;
}
