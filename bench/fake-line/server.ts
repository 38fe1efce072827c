/**
 * A fake LINE Messaging API on 127.0.0.1, for benchmarks and tests that want a real socket:
 * point `LINE_API_BASE_URL` (or the sender's `baseURL`) at `fake.url`.
 *
 * It behaves like LINE where our code depends on it (developers.line.biz/en/reference/messaging-api/):
 * a bearer token is required (401); 1–5 messages per request (400); `X-Line-Retry-Key` is refused
 * on reply (400) and, on push/multicast/narrowcast/broadcast, a key seen before answers 409 with
 * `x-line-accepted-request-id`; multicast takes ≤ 500 ids; narrowcast answers 202; an optional
 * monthly quota answers 429 `You have reached your monthly limit.` once used up (recipients are
 * counted, replies are free). Scripted responses and holds let tests inject failures and delays.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Endpoint = 'reply' | 'push' | 'multicast' | 'narrowcast' | 'broadcast';
const ENDPOINTS = new Set<string>(['reply', 'push', 'multicast', 'narrowcast', 'broadcast']);

export interface FakeLineRequest {
  endpoint: Endpoint;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  retryKey?: string;
  /** `performance.now()` when the body was complete (same clock as the bench's generator). */
  at: number;
  /** The status the fake answered. */
  status: number;
}

export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeLineOptions {
  port?: number;
  /** Keep every request in `requests` (default true; the bench turns it off and listens instead). */
  record?: boolean;
  /** Monthly quota in recipients (push: 1, multicast: ids, broadcast: `followers`). Unset: none. */
  quota?: number;
  /** Recipients a broadcast or narrowcast counts for the quota. Default 1,000. */
  followers?: number;
}

export interface FakeLine {
  readonly url: string;
  readonly requests: FakeLineRequest[];
  /** Called for every request after it is answered. */
  onRequest(listener: (req: FakeLineRequest) => void): void;
  /** The next requests to `endpoint` get these responses, in order, instead of the normal one. */
  script(endpoint: Endpoint, ...responses: ScriptedResponse[]): void;
  /** While a hold returns a promise for a request, the answer waits for it. */
  hold(
    fn:
      | ((endpoint: Endpoint, body: Record<string, unknown>) => Promise<void> | undefined)
      | undefined,
  ): void;
  /** Recipients counted against the quota so far. */
  readonly usage: number;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-line-request-id': randomUUID(),
    ...headers,
  });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeLine(options: FakeLineOptions = {}): Promise<FakeLine> {
  const record = options.record ?? true;
  const requests: FakeLineRequest[] = [];
  const listeners: Array<(r: FakeLineRequest) => void> = [];
  const scripts = new Map<Endpoint, ScriptedResponse[]>();
  const acceptedKeys = new Map<string, string>();
  let holdFn: Parameters<FakeLine['hold']>[0];
  let usage = 0;

  /** The normal answer of LINE to a well-formed request. */
  function normal(
    endpoint: Endpoint,
    body: Record<string, unknown>,
    retryKey?: string,
  ): ScriptedResponse {
    const messages = body.messages;
    if (!Array.isArray(messages) || messages.length < 1 || messages.length > 5) {
      return {
        status: 400,
        body: {
          message: 'The request body has 1 error(s)',
          details: [{ message: 'Size must be between 1 and 5', property: 'messages' }],
        },
      };
    }
    if (endpoint === 'reply') {
      if (retryKey)
        return { status: 400, body: { message: 'X-Line-Retry-Key header is not supported' } };
      return {
        status: 200,
        body: { sentMessages: messages.map((_, i) => ({ id: String(i), quoteToken: 'q' })) },
      };
    }
    if (retryKey) {
      const accepted = acceptedKeys.get(retryKey);
      if (accepted) {
        return {
          status: 409,
          body: { message: 'The retry key is already accepted' },
          headers: { 'x-line-accepted-request-id': accepted },
        };
      }
    }
    if (
      endpoint === 'multicast' &&
      (!Array.isArray(body.to) || body.to.length < 1 || body.to.length > 500)
    ) {
      return {
        status: 400,
        body: { message: 'Size must be between 1 and 500', details: [{ property: 'to' }] },
      };
    }
    const recipients =
      endpoint === 'push'
        ? 1
        : endpoint === 'multicast'
          ? (body.to as unknown[]).length
          : (options.followers ?? 1000);
    if (options.quota !== undefined && usage + recipients > options.quota) {
      return { status: 429, body: { message: 'You have reached your monthly limit.' } };
    }
    usage += recipients;
    const requestId = randomUUID();
    if (retryKey) acceptedKeys.set(retryKey, requestId);
    const status = endpoint === 'narrowcast' ? 202 : 200;
    return {
      status,
      body: endpoint === 'push' ? { sentMessages: [{ id: '1', quoteToken: 'q' }] } : {},
      headers: { 'x-line-request-id': requestId },
    };
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (req.method === 'GET' && path === '/v2/bot/message/quota') {
        return send(
          res,
          200,
          options.quota === undefined
            ? { type: 'none' }
            : { type: 'limited', value: options.quota },
        );
      }
      if (req.method === 'GET' && path === '/v2/bot/message/quota/consumption') {
        return send(res, 200, { totalUsage: usage });
      }
      const m = /^\/v2\/bot\/message\/([a-z]+)$/.exec(path);
      if (req.method !== 'POST' || !m || !ENDPOINTS.has(m[1]!)) {
        return send(res, 404, { message: 'Not found' });
      }
      const endpoint = m[1] as Endpoint;
      const text = await readBody(req);
      const at = performance.now();
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.join(',') : (v ?? ''),
        ]),
      );
      let body: Record<string, unknown> = {};
      let response: ScriptedResponse;
      try {
        body = JSON.parse(text) as Record<string, unknown>;
        const retryKey = headers['x-line-retry-key'] || undefined;
        if (!/^Bearer \S+/.test(headers.authorization ?? '')) {
          response = { status: 401, body: { message: 'Authentication failed' } };
        } else {
          response = scripts.get(endpoint)?.shift() ?? normal(endpoint, body, retryKey);
        }
      } catch {
        response = { status: 400, body: { message: 'The request body has 1 error(s)' } };
      }
      await holdFn?.(endpoint, body);
      send(res, response.status, response.body, response.headers);
      const retryKey = headers['x-line-retry-key'];
      const entry: FakeLineRequest = {
        endpoint,
        headers,
        body,
        at,
        status: response.status,
        ...(retryKey ? { retryKey } : {}),
      };
      if (record) requests.push(entry);
      for (const l of listeners) l(entry);
    })().catch((err: unknown) => {
      send(res, 500, { message: String(err) });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    onRequest: (l) => void listeners.push(l),
    script: (endpoint, ...responses) => {
      scripts.set(endpoint, [...(scripts.get(endpoint) ?? []), ...responses]);
    },
    hold: (fn) => {
      holdFn = fn;
    },
    get usage() {
      return usage;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
