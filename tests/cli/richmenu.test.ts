import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { checkRichMenu, imageInfo } from '../../src/messages/index.js';
import { RichMenuDefinitionSchema, type RichMenuDefinition } from '../../src/schema/index.js';
import { decodePostback, handleTurn, initialDialogState } from '../../src/dialog/index.js';
import { makeDeps } from '../dialog/fixture.js';
import { captureIo } from './capture-io.js';

const root = join(import.meta.dirname, '..', '..');
const defPath = join(root, 'richmenu', 'richmenu.json');
const pngPath = join(root, 'richmenu', 'richmenu.png');
const menu = async (): Promise<RichMenuDefinition> =>
  RichMenuDefinitionSchema.parse(JSON.parse(await readFile(defPath, 'utf8')));

describe('the shipped rich menu', () => {
  it('is within LINE limits: image size, ratio and bytes, ≤ 20 areas inside the image, chatBarText ≤ 14', async () => {
    const def = await menu();
    const image = imageInfo(await readFile(pngPath));
    expect(image).toMatchObject({ format: 'png', width: 2500, height: 1686 });
    expect(image!.bytes).toBeLessThanOrEqual(1_000_000);
    expect(checkRichMenu(def, image)).toEqual([]);
  });

  it('has the six areas, each a postback the dialog answers', async () => {
    const def = await menu();
    expect(def.areas.map((a) => a.action.label)).toEqual([
      'オンライン手続き',
      'キャッシュレス',
      'マイナンバー',
      'スマホ教室',
      '通知設定',
      '使い方・問い合わせ',
    ]);
    for (const area of def.areas) {
      const data = area.action.type === 'postback' ? area.action.data : '';
      expect(decodePostback(data), data).toBeDefined();
      const r = handleTurn(
        initialDialogState,
        { kind: 'postback', data, source: 'user' },
        makeDeps(),
      );
      expect(r.replies.length, data).toBeGreaterThan(0);
    }
  });
});

describe('checkRichMenu names every broken limit', () => {
  const base: RichMenuDefinition = {
    size: { width: 2500, height: 843 },
    selected: false,
    name: 'm',
    chatBarText: 'メニュー',
    areas: [
      {
        bounds: { x: 0, y: 0, width: 2500, height: 843 },
        action: { type: 'postback', data: 'a=menu' },
      },
    ],
  };
  const png = { format: 'png' as const, width: 2500, height: 843, bytes: 1000 };

  it('accepts a valid small menu', () => {
    expect(checkRichMenu(base, png)).toEqual([]);
  });

  it('size, ratio, chatBarText, area count, bounds, overlaps, labels, image size and bytes', () => {
    const area = (x: number, y: number, w: number, h: number) => ({
      bounds: { x, y, width: w, height: h },
      action: { type: 'postback' as const, data: 'a=menu' },
    });
    const bad: RichMenuDefinition = {
      ...base,
      size: { width: 2600, height: 2000 },
      chatBarText: 'とても長いメニューの名前です！',
      areas: [
        ...Array.from({ length: 20 }, (_, i) => area(i * 100, 0, 100, 100)),
        area(2550, 1950, 100, 100),
        area(50, 50, 100, 100),
        {
          bounds: { x: 0, y: 500, width: 10, height: 10 },
          action: { type: 'uri', uri: 'https://x.jp', label: 'あ'.repeat(21) },
        },
      ],
    };
    const msgs = checkRichMenu(bad, { ...png, bytes: 1_200_000 }).map((p) => p.message);
    expect(msgs).toEqual(
      expect.arrayContaining([
        'width 2600 is not within 800–2500',
        'width/height 1.30 is below 1.45',
        'chatBarText longer than 14',
        '23 areas (max 20)',
        'area 20 goes outside the 2600×2000 image',
        'area 21 overlaps area 0',
        expect.stringMatching(/label longer than 20/),
        'image is 1200000 bytes (max 1000000)',
        'image is 2500×843, the menu says 2600×2000',
      ]),
    );
  });

  it('imageInfo reads PNG and JPEG sizes and rejects other files', () => {
    // A minimal JPEG header: SOI, APP0 (length 16), SOF0 with height 843 and width 2500.
    const jpeg = Uint8Array.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...Array(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x03,
      0x4b,
      0x09,
      0xc4,
      0x03,
      0,
      0,
      0,
      0,
    ]);
    expect(imageInfo(jpeg)).toEqual({
      format: 'jpeg',
      width: 2500,
      height: 843,
      bytes: jpeg.length,
    });
    expect(imageInfo(new TextEncoder().encode('GIF89a, not what LINE takes'))).toBeUndefined();
  });
});

describe('madoguchi richmenu deploy', () => {
  const env = { LINE_CHANNEL_ACCESS_TOKEN: 'secret-token-xyz' };
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('creates the menu, uploads the image, then sets it as default, in that order', async () => {
    const def = await menu();
    const png = await readFile(pngPath);
    const calls: string[] = [];
    const api = nock('https://api.line.me').matchHeader('authorization', 'Bearer secret-token-xyz');
    api
      .post('/v2/bot/richmenu', (body) => {
        expect(body).toEqual(def);
        return true;
      })
      .reply(200, () => (calls.push('create'), { richMenuId: 'richmenu-abc' }));
    api
      .post('/v2/bot/user/all/richmenu/richmenu-abc')
      .reply(200, () => (calls.push('default'), {}));
    const data = nock('https://api-data.line.me')
      .matchHeader('authorization', 'Bearer secret-token-xyz')
      .matchHeader('content-type', 'image/png')
      .post('/v2/bot/richmenu/richmenu-abc/content', (body: string) => {
        expect(Buffer.from(body, 'hex').equals(png)).toBe(true);
        return true;
      })
      .reply(200, () => (calls.push('upload'), {}));

    const c = captureIo(env);
    expect(await run(['richmenu', 'deploy'], c.io)).toBe(0);
    expect(calls).toEqual(['create', 'upload', 'default']);
    expect(api.isDone() && data.isDone()).toBe(true);
    expect(c.out).toContain('default rich menu is now richmenu-abc');
    expect([...c.out, ...c.err].join('\n')).not.toContain('secret-token-xyz');
  });

  it('uses LINE_API_BASE_URL and LINE_DATA_API_BASE_URL', async () => {
    const api = nock('http://127.0.0.1:9')
      .post('/v2/bot/richmenu')
      .reply(200, { richMenuId: 'rm-1' })
      .post('/v2/bot/user/all/richmenu/rm-1')
      .reply(200, {});
    const data = nock('http://127.0.0.1:8').post('/v2/bot/richmenu/rm-1/content').reply(200, {});
    const c = captureIo({
      ...env,
      LINE_API_BASE_URL: 'http://127.0.0.1:9/',
      LINE_DATA_API_BASE_URL: 'http://127.0.0.1:8',
    });
    expect(await run(['richmenu', 'deploy'], c.io)).toBe(0);
    expect(api.isDone() && data.isDone()).toBe(true);
  });

  it('a refused upload deletes the half-made menu and reports LINE’s message', async () => {
    const calls: string[] = [];
    nock('https://api.line.me')
      .post('/v2/bot/richmenu')
      .reply(200, { richMenuId: 'rm-2' })
      .delete('/v2/bot/richmenu/rm-2')
      .reply(200, () => (calls.push('delete'), {}));
    nock('https://api-data.line.me')
      .post('/v2/bot/richmenu/rm-2/content')
      .reply(400, { message: 'Invalid image' });
    const c = captureIo(env);
    expect(await run(['richmenu', 'deploy'], c.io)).toBe(1);
    expect(calls).toEqual(['delete']);
    expect(c.err.join('\n')).toMatch(/upload image failed: HTTP 400 .*Invalid image/);
  });

  it('without an access token: a usage error, nothing sent', async () => {
    const c = captureIo({});
    expect(await run(['richmenu', 'deploy'], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('LINE_CHANNEL_ACCESS_TOKEN is not set');
  });

  it('an invalid definition is refused before any call', async () => {
    const c = captureIo(env);
    const dir = await mkdtemp(join(tmpdir(), 'richmenu-'));
    const tooSmall = join(dir, 'menu.json');
    const area = {
      bounds: { x: 0, y: 0, width: 100, height: 100 },
      action: { type: 'postback', data: 'a=menu' },
    };
    await writeFile(
      tooSmall,
      JSON.stringify({ ...(await menu()), size: { width: 2500, height: 843 }, areas: [area] }),
    );
    try {
      expect(await run(['richmenu', 'deploy', '--definition', tooSmall], c.io)).toBe(1);
      expect(c.err.join('\n')).toContain('image is 2500×1686, the menu says 2500×843');
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('richmenu check passes on the shipped files', async () => {
    const c = captureIo({});
    expect(await run(['richmenu', 'check'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('png 2500×1686');
  });
});
