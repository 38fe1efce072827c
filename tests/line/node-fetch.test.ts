// The transport under the sdk (node:http keep-alive) against a real socket on 127.0.0.1.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFetch } from '../../src/line/node-fetch.js';

let server: Server;
let base = '';
const seen: Array<{ method?: string; headers: Record<string, unknown>; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, headers: req.headers, body });
      res.setHeader('x-line-request-id', 'req-1');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(req.url === '/fail' ? 400 : 200, 'Custom Status');
      res.end(JSON.stringify({ message: req.url === '/fail' ? 'bad' : 'ok', echo: body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const noFallback = (() => {
  throw new Error('fallback used');
}) as unknown as typeof fetch;

describe('nodeFetch', () => {
  it('sends method, headers and a JSON body with its length, and reads the answer', async () => {
    const body = JSON.stringify({ text: 'こんにちは' });
    const res = await nodeFetch(
      new URL('/v2/bot/message/push', base),
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Line-Retry-Key': 'k' },
        body,
      },
      noFallback,
    );
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.statusText).toBe('Custom Status');
    expect(res.headers.get('x-line-request-id')).toBe('req-1');
    expect(res.headers.get('set-cookie')).toContain('a=1');
    expect(JSON.parse(await res.text())).toEqual({ message: 'ok', echo: body });
    const last = seen[seen.length - 1]!;
    expect(last.method).toBe('POST');
    expect(last.headers['x-line-retry-key']).toBe('k');
    expect(last.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('reports a non-2xx answer through ok/status, not by throwing (the sdk decides)', async () => {
    const res = await nodeFetch(`${base}/fail`, { method: 'POST', body: '{}' }, noFallback);
    expect(res.ok).toBe(false);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('bad');
  });

  it('leaves Request objects and stream bodies to the global fetch', async () => {
    let used = 0;
    const fallback = (async () => {
      used++;
      return new Response('{}');
    }) as typeof fetch;
    await nodeFetch(new Request(`${base}/x`), undefined, fallback);
    await nodeFetch(`${base}/x`, { method: 'POST', body: new Blob(['x']) }, fallback);
    expect(used).toBe(2);
  });

  it('rejects when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      nodeFetch(`${base}/x`, { signal: controller.signal }, noFallback),
    ).rejects.toThrow();
  });
});
