import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contentReadiness,
  loadCity,
  watchContent,
  type City,
  type ContentWatcher,
  type FailedEvent,
  type ReloadedEvent,
} from '../../src/content/index.js';
import { createHttpApp, createMetricsRegistry } from '../../src/http/index.js';
import { captureLogger, type CaptureLogger } from '../setup/capture-logger.js';

const entry = (id: string, question: string) =>
  `- id: ${id}\n  question: ${question}\n  answer: ${question}の答えです。\n  alt_questions: [a, b, c]\n`;

let root: string;
let watcher: ContentWatcher<City>;
let logger: CaptureLogger;
const write = (rel: string, text: string) => writeFileSync(join(root, rel), text);
const ids = () => watcher.current()!.entries.map((e) => e.id);
/** The next reload; rejects at once if the reload fails instead (no waiting for a timeout). */
async function nextReload(): Promise<ReloadedEvent> {
  const stop = new AbortController();
  const { signal } = stop;
  try {
    return await Promise.race([
      once(watcher, 'reloaded', { signal }).then(([e]) => e as ReloadedEvent),
      once(watcher, 'failed', { signal }).then(([e]) => {
        throw new Error(`reload failed: ${(e as FailedEvent).message}`);
      }),
    ]);
  } finally {
    stop.abort();
  }
}
const nextFailure = () => once(watcher, 'failed').then(([e]) => e as FailedEvent);

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'madoguchi-watch-'));
  mkdirSync(join(root, 'common'));
  mkdirSync(join(root, 'testcity'));
  write('common/basics.yaml', entry('common-a', '共通の質問'));
  write(
    'testcity/city.yaml',
    'id: testcity\nname: テスト市\nprefecture: 愛知県\ncontact: { name: テスト市役所 }\n',
  );
  write('testcity/entries.yaml', entry('city-a', '市の質問'));
  logger = captureLogger();
  watcher = watchContent({
    dirs: [join(root, 'common'), join(root, 'testcity')],
    load: () => loadCity(root, 'testcity'),
    debounceMs: 50,
    logger,
  });
  await watcher.start();
});
afterEach(() => {
  watcher.close();
  rmSync(root, { recursive: true, force: true });
});

describe('live reload of the FAQ', () => {
  it('starts with the first version', () => {
    expect(ids()).toEqual(['common-a', 'city-a']);
    expect(watcher.status()).toMatchObject({ version: 1 });
  });

  it('picks up a changed FAQ file without a restart', async () => {
    const reloaded = nextReload();
    write('testcity/entries.yaml', entry('city-a', '市の質問') + entry('city-b', '新しい質問'));
    const e = await reloaded;
    expect(e.version).toBe(2);
    expect(e.files.some((f) => f.endsWith('entries.yaml'))).toBe(true);
    expect(ids()).toEqual(['common-a', 'city-a', 'city-b']);
    expect(logger.messages('info')).toContain('FAQ reloaded');
  });

  it('picks up synonym and schedule files, and files of the common pack', async () => {
    let reloaded = nextReload();
    write('testcity/synonyms.yaml', '- [住民票, じゅうみんひょう]\n');
    await reloaded;
    expect(watcher.current()!.synonyms).toEqual([['住民票', 'じゅうみんひょう']]);
    reloaded = nextReload();
    write('testcity/classes.yaml', 'sample: true\nclasses: []\n');
    expect((await reloaded).files.some((f) => f.endsWith('classes.yaml'))).toBe(true);
    reloaded = nextReload();
    write('common/basics.yaml', entry('common-b', '別の共通の質問'));
    await reloaded;
    expect(ids()).toEqual(['common-b', 'city-a']);
  });

  it('coalesces a burst of writes into one reload, and ignores files that are not YAML', async () => {
    const reloaded = nextReload();
    write('testcity/notes.txt', 'メモ');
    write('testcity/entries.yaml', entry('city-a', '市の質問') + entry('city-c', 'もうひとつ'));
    write('testcity/more.yaml', entry('city-d', 'さらにひとつ'));
    const e = await reloaded;
    expect(e.version).toBe(2);
    expect(e.files.map((f) => f.split('/').pop()).sort()).toEqual(['entries.yaml', 'more.yaml']);
    expect(ids()).toEqual(['common-a', 'city-a', 'city-c', 'city-d']);
  });

  it('keeps the last good version in service when a file breaks, and says why', async () => {
    const failed = nextFailure();
    write(
      'testcity/entries.yaml',
      entry('city-a', '市の質問') + '- id: broken\n  question: [oops\n',
    );
    const e = await failed;
    expect(e.message).toMatch(/entries\.yaml:\d+/);
    expect(ids()).toEqual(['common-a', 'city-a']);
    expect(watcher.status()).toMatchObject({ version: 1, lastError: e.message });
    expect(logger.messages('error')).toContain(
      'FAQ reload failed; the last good version stays in service',
    );

    const fixed = nextReload();
    write('testcity/entries.yaml', entry('city-a', '市の質問') + entry('city-e', '直した質問'));
    await fixed;
    expect(ids()).toEqual(['common-a', 'city-a', 'city-e']);
    expect(watcher.status().lastError).toBeUndefined();
  });

  it('also keeps it when a file fails validation (a field error, not a YAML error)', async () => {
    const failed = nextFailure();
    write('testcity/entries.yaml', '- id: city-a\n  question: 市の質問\n');
    expect((await failed).message).toMatch(/answer/);
    expect(ids()).toEqual(['common-a', 'city-a']);
  });

  it('swaps atomically: the old version answers until the new one is complete', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = watchContent<{ v: number }>({
      dirs: [],
      load: (() => {
        let n = 0;
        return async () => {
          n += 1;
          if (n > 1) await gate;
          return { v: n };
        };
      })(),
    });
    await slow.start();
    const pending = slow.reload();
    expect(slow.current()).toEqual({ v: 1 });
    release();
    await pending;
    expect(slow.current()).toEqual({ v: 2 });
    slow.close();
  });

  it('shows a failed reload in /readyz detail while staying ready', async () => {
    const app = createHttpApp({
      dispatch: () => {},
      contentReady: () => watcher.current() !== undefined,
      checks: {
        faq: async () =>
          contentReadiness(watcher, (c) => `${c.entries.length} entries for ${c.id}`),
      },
      metrics: createMetricsRegistry(),
      logger,
    });
    let res = await request(app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.checks.faq.detail).toMatch(/^2 entries for testcity \(version 1, loaded /);

    const failed = nextFailure();
    write('testcity/entries.yaml', 'not: [a list\n');
    await failed;
    res = await request(app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.checks.faq).toMatchObject({ ok: true });
    expect(res.body.checks.faq.detail).toMatch(
      /last reload FAILED at .*, still serving the last good version: .*entries\.yaml/,
    );
  });

  it('comes up once a file that was broken at start is fixed', async () => {
    write('testcity/entries.yaml', '- id: broken\n  question: [oops\n');
    const late = watchContent({
      dirs: [join(root, 'testcity')],
      load: () => loadCity(root, 'testcity'),
      debounceMs: 50,
    });
    await expect(late.start()).rejects.toMatchObject({ code: 'content/invalid' });
    expect(late.current()).toBeUndefined();
    expect(
      contentReadiness(
        late,
        () => 'x',
        () => 'broken at start',
      ),
    ).toEqual({
      ok: false,
      detail: 'broken at start',
    });
    const up = once(late, 'reloaded');
    write('testcity/entries.yaml', entry('city-f', '直った質問'));
    await up;
    expect(late.current()!.entries.map((e) => e.id)).toEqual(['common-a', 'city-f']);
    late.close();
  });
});
