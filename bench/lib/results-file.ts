// Writes one engineer's section of bench/RESULTS.md, leaving the other sections untouched.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const HEADER = `# Benchmark results

Each section is written by its own script under \`bench/\` (\`npm run bench:<name>\`); numbers
depend on the machine, so each section says where and when it was measured.
`;

/** "date, machine, Node version, commit" for a section's first line. */
export function environmentLine(cwd: string): string {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src/search', 'src/text'], {
      cwd,
      encoding: 'utf8',
    });
    if (dirty.trim()) commit += ' (+ uncommitted search changes)';
  } catch {
    // not a git checkout: keep "unknown"
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const date = new Date().toISOString().slice(0, 10);
  const load = os.loadavg()[0]?.toFixed(1) ?? '?';
  return `${date} · ${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load average ${load} at start · Node ${process.version} · commit ${commit}`;
}

/** Replaces (or appends) the block between `<!-- name:start -->` and `<!-- name:end -->`. */
export function writeSection(file: string, name: string, body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
