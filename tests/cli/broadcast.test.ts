/**
 * `madoguchi broadcast …` against a real admin API on 127.0.0.1 (memory stores, LINE faked by
 * nock): create from YAML, preview, test, send (with the count check), status, cancel, list,
 * and the errors a staff member can make.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecordingSender } from '../../src/app/index.js';
import type { RecordingSender } from '../../src/app/index.js';
import { run } from '../../src/cli/index.js';
import { inArea, userId } from '../app/broadcast-fixture.js';
import { adminWorld, TOKENS } from '../http/admin-fixture.js';
import type { AdminWorld } from '../http/admin-fixture.js';
import { captureIo } from './capture-io.js';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-broadcast-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const NOTICE = file(
  'notice.yaml',
  `title: 中部地区の断水
department: 上下水道部
contact: "水道課 0568-76-1111"
target:
  areas: [中部]
message:
  type: text
  text: 4月2日 9時から12時まで断水します。
`,
);

let w: AdminWorld;
let server: Server;
let url: string;
let line: RecordingSender;
// The CLI talks to the admin API with fetch over 127.0.0.1; nock 15.0.0's fetch interception
// breaks request bodies it lets through, so it is switched off here and LINE is a recording
// sender instead (nothing can reach the network).
beforeAll(() => nock.restore());
afterAll(() => nock.activate());
beforeEach(async () => {
  line = createRecordingSender();
  w = await adminWorld({}, undefined, line);
  await new Promise<void>((resolve) => {
    server = w.app.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterEach(async () => {
  await new Promise((r) => server.close(r));
});

const cli = async (args: string[], token: string | undefined = TOKENS.broadcaster) => {
  const c = captureIo({ MADOGUCHI_ADMIN_URL: url, MADOGUCHI_ADMIN_TOKEN: token });
  const code = await run(['broadcast', ...args], c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
};

describe('madoguchi broadcast', () => {
  it('creates, previews, tests, sends and reports a notice', async () => {
    const created = await cli(['create', NOTICE]);
    expect(created.code).toBe(0);
    const id = /created (\S+) \(draft\)/.exec(created.out)![1]!;
    expect(created.out).toContain(`next: madoguchi broadcast preview ${id}`);

    const preview = await cli(['preview', id]);
    expect(preview.out).toContain('recipients now: 3  (地区: 中部)');
    expect(preview.out).toContain('sends: 2026-04-01 10:00 JST');
    expect(preview.out).toContain('【テスト市 上下水道部からのお知らせ】');
    expect(preview.out).toContain(`to send: madoguchi broadcast send ${id} --count 3`);

    expect((await cli(['test', id])).out).toBe(
      'sent to 2 staff test account(s); check it in LINE before sending',
    );
    expect(line.sent).toHaveLength(1);

    await w.audience.markFollowed(userId(8), inArea('中部'));
    const stale = await cli(['send', id, '--count', '3']);
    expect(stale.code).toBe(1);
    expect(stale.err).toContain('the preview showed 3 recipients, there are 4 now');
    expect(stale.err).toContain(`then: madoguchi broadcast send ${id} --count 4`);

    const sent = await cli(['send', id, '--count', '4']);
    expect(sent.code).toBe(0);
    expect(sent.out).toContain(
      `${id} confirmed for 4 residents: sending starts 2026-04-01 10:00 JST`,
    );
    await w.queue.runDue();
    expect(
      line.sent
        .slice(1)
        .flatMap((r) => (r.kind === 'multicast' ? r.to : []))
        .sort(),
    ).toEqual([1, 2, 3, 8].map(userId));

    const status = await cli(['status', id]);
    expect(status.out).toContain(`${id}  sent  中部地区の断水`);
    expect(status.out).toContain('delivered: 4   failed: 0   cancelled: 0   pending: 0');
    const json = JSON.parse((await cli(['status', id, '--json'])).out);
    expect(json).toMatchObject({ state: 'sent', delivered: 4, recipients: 4 });

    expect((await cli(['list'])).out).toBe(`${id}  sent           中部地区の断水`);
  });

  it('shows every problem of the YAML file with its line, and sends nothing', async () => {
    const bad = file(
      'bad.yaml',
      `title: ""
department: 上下水道部
target:
  areas: [中部]
message:
  type: txt
colour: red
`,
    );
    const r = await cli(['create', bad]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe('madoguchi broadcast create: the notice has 4 problem(s):');
    expect(r.err).toContain(':1 title: must not be empty');
    expect(r.err).toContain(':6 message.type:');
    // The same wording as `madoguchi faq check` (content's zod mapping).
    expect(r.err).toContain(':1 contact: missing: this field is required');
    expect(r.err).toContain(':7 colour: unknown field "colour" (allowed: title, message,');
    expect((await w.service.list({})).length).toBe(0);
  });

  it('names the field a misspelt one was meant to be, as faq check does', async () => {
    const text = (await import('node:fs')).readFileSync(NOTICE, 'utf8');
    const r = await cli(['create', file('typo.yaml', `${text.trimEnd()}\nurgnt: true\n`)]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /typo\.yaml:\d+ urgnt: unknown field "urgnt" \(did you mean "urgent"\?\)/,
    );
    expect((await w.service.list({})).length).toBe(0);
  });

  it('passes on the API’s problems (an area the city does not have)', async () => {
    const r = await cli([
      'create',
      file(
        'mars.yaml',
        (await import('node:fs')).readFileSync(NOTICE, 'utf8').replace('[中部]', '[火星]'),
      ),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('(HTTP 400)');
    expect(r.err).toContain('  - target.areas: unknown area "火星" (known: 中部, 北部, 南部)');
  });

  it('cancels a notice', async () => {
    const id = /created (\S+)/.exec((await cli(['create', NOTICE])).out)![1]!;
    expect((await cli(['cancel', id])).out).toBe(
      `${id} cancelled; remaining batches will not be sent`,
    );
    expect((await cli(['status', id])).out).toContain('cancelled');
  });

  it('refuses what a viewer may not do, and explains usage mistakes', async () => {
    const id = /created (\S+)/.exec((await cli(['create', NOTICE])).out)![1]!;
    const viewer = await cli(['send', id, '--count', '3'], TOKENS.viewer);
    expect(viewer.code).toBe(1);
    expect(viewer.err).toContain(
      'the viewer role cannot do this; it needs broadcaster or above (HTTP 403)',
    );
    expect((await cli(['send', id])).code).toBe(2);
    expect((await cli(['preview'])).code).toBe(2);
    const noToken = await cli(['preview', id], '');
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain('set MADOGUCHI_ADMIN_TOKEN');
    expect((await cli(['create', join(dir, 'missing.yaml')])).code).toBe(4);
    expect((await cli(['status', '20990101-nothere'])).err).toContain(
      'no broadcast "20990101-nothere" (HTTP 404)',
    );
  });

  it('says when the admin API cannot be reached', async () => {
    const c = captureIo({
      MADOGUCHI_ADMIN_URL: 'http://127.0.0.1:9',
      MADOGUCHI_ADMIN_TOKEN: 'x'.repeat(30),
    });
    expect(await run(['broadcast', 'list'], c.io)).toBe(1);
    expect(c.err.join('\n')).toContain('cannot reach the admin API at http://127.0.0.1:9');
  });
});
