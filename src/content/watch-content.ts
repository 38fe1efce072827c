/**
 * Live reload of the FAQ: `fs.watch` on the pack directories (faq/common and faq/<city>: entry,
 * synonym and schedule files), debounced, then `load()` builds a complete new version while the
 * old one keeps answering; only a version that loaded whole replaces it (one reference swap, so
 * an event sees either the old content or the new, never a mix). A broken file keeps the last
 * good version in service; the error is logged, kept for `/readyz` and emitted as `failed`.
 */
import { EventEmitter } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../ports.js';

export interface WatchOptions<T> {
  /** The directories to watch (not recursive). */
  dirs: string[];
  /** Builds a complete new version; throws (e.g. `ContentError`) when the files do not load. */
  load(): Promise<T>;
  /** Quiet time after the last change before reloading (editors write in bursts). Default 300 ms. */
  debounceMs?: number;
  /** Which file names trigger a reload. Default: `*.yaml` and `*.yml`. */
  matches?(fileName: string): boolean;
  logger?: Logger;
}

/** What `/readyz` and logs tell about the content. */
export interface ContentStatus {
  /** How many versions loaded so far (1 after start). */
  version: number;
  loadedAt?: Date;
  /** The last reload's error, while the last good version is still in service. */
  lastError?: string;
  failedAt?: Date;
}

export interface ReloadedEvent {
  version: number;
  ms: number;
  files: string[];
}
export interface FailedEvent {
  error: unknown;
  message: string;
  files: string[];
}

/**
 * Events: `reloaded` (ReloadedEvent) after a new version is in service, `failed` (FailedEvent)
 * when a reload did not load (the previous version stays).
 */
export interface ContentWatcher<T> extends EventEmitter {
  /**
   * Starts watching and loads the first version; throws if it does not load (the watch goes
   * on: a fixed file then brings the first version up, with a `reloaded` event).
   */
  start(): Promise<T>;
  /** The version in service (undefined before `start` resolved). */
  current(): T | undefined;
  status(): ContentStatus;
  /** Reloads now (also what a file change does after the debounce). */
  reload(files?: string[]): Promise<void>;
  /** Stops watching; pending reloads are dropped. */
  close(): void;
}

const YAML = /\.ya?ml$/i;

/** The first lines of an error, for logs and `/readyz` (ContentError lists every problem). */
export function errorSummary(err: unknown, lines = 5): string {
  const text = err instanceof Error ? err.message : String(err);
  const all = text.split('\n').filter(Boolean);
  const head = all.slice(0, lines).join(' | ');
  return all.length > lines ? `${head} | … (${all.length - lines} more)` : head;
}

export function watchContent<T>(options: WatchOptions<T>): ContentWatcher<T> {
  const debounceMs = options.debounceMs ?? 300;
  const matches = options.matches ?? ((name: string) => YAML.test(name));
  const emitter = new EventEmitter() as ContentWatcher<T>;
  const watchers: FSWatcher[] = [];
  let value: T | undefined;
  const status: ContentStatus = { version: 0 };
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  async function reloadOnce(files: string[]): Promise<void> {
    const started = performance.now();
    try {
      const next = await options.load();
      if (closed) return;
      value = next;
      status.version += 1;
      status.loadedAt = new Date();
      delete status.lastError;
      delete status.failedAt;
      const ms = Math.round(performance.now() - started);
      options.logger?.info({ version: status.version, ms, files }, 'FAQ reloaded');
      emitter.emit('reloaded', { version: status.version, ms, files } satisfies ReloadedEvent);
    } catch (error) {
      if (closed) return;
      status.lastError = errorSummary(error);
      status.failedAt = new Date();
      options.logger?.error(
        { err: error, files },
        'FAQ reload failed; the last good version stays in service',
      );
      emitter.emit('failed', { error, message: status.lastError, files } satisfies FailedEvent);
    }
  }

  /** One reload at a time; changes during a reload cause one more afterwards. */
  function reload(files: string[] = []): Promise<void> {
    if (running) {
      again = true;
      for (const f of files) changed.add(f);
      return running;
    }
    running = (async () => {
      let batch = files;
      do {
        again = false;
        await reloadOnce(batch);
        batch = [...changed];
        changed = new Set();
      } while (again && !closed);
      running = undefined;
    })();
    return running;
  }

  function onChange(dir: string, fileName: string | null): void {
    if (closed) return;
    if (fileName !== null && !matches(fileName)) return;
    changed.add(fileName === null ? dir : `${dir}/${fileName}`);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed = new Set();
      void reload(files);
    }, debounceMs);
  }

  emitter.start = async () => {
    // Watch first: if this first load fails, fixing the file still brings the content up.
    for (const dir of options.dirs) {
      try {
        const w = watch(dir, { persistent: false }, (_event, name) =>
          onChange(dir, typeof name === 'string' ? name : null),
        );
        w.on('error', (err) => {
          options.logger?.warn({ err, dir }, 'FAQ watch stopped for a directory');
        });
        watchers.push(w);
      } catch (err) {
        options.logger?.warn({ err, dir }, 'FAQ directory not watched: changes need a restart');
      }
    }
    const first = await options.load();
    if (value === undefined) {
      value = first;
      status.version = 1;
      status.loadedAt = new Date();
    }
    return value;
  };
  emitter.current = () => value;
  emitter.status = () => ({ ...status });
  emitter.reload = reload;
  emitter.close = () => {
    closed = true;
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
  return emitter;
}

/**
 * The `/readyz` check of watched content: not ready until the first version loaded; ready while
 * a version is in service, with a failed reload named in the detail.
 */
export function contentReadiness<T>(
  watcher: Pick<ContentWatcher<T>, 'current' | 'status'>,
  describe: (content: T) => string,
  startError?: () => string | undefined,
): { ok: boolean; detail: string } {
  const content = watcher.current();
  if (content === undefined) return { ok: false, detail: startError?.() ?? 'loading' };
  const s = watcher.status();
  const base = `${describe(content)} (version ${s.version}${s.loadedAt ? `, loaded ${s.loadedAt.toISOString()}` : ''})`;
  return {
    ok: true,
    detail: s.lastError
      ? `${base}; last reload FAILED at ${s.failedAt?.toISOString() ?? '?'}, still serving the last good version: ${s.lastError}`
      : base,
  };
}
