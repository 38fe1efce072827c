/**
 * The transport under the sdk's calls: a small `fetch` over node:http(s) with a keep-alive
 * agent. @line/bot-sdk 11 builds each request (URL, headers, retry key, JSON body) and reads the
 * answer (`ok`, `status`, `statusText`, `headers.get`, `text()`: `dist/http-fetch.js`); the
 * global fetch (undici) spends ~0.3 ms of CPU per call on web streams around a few hundred
 * bytes, a third of what a whole webhook event costs (bench/RESULTS.md). Only the calls our
 * Sender makes go through this (see fetch-timeout.ts); everything else keeps the global fetch.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

function requestHeaders(headers: RequestInit['headers']): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  if (!headers) return out;
  const entries =
    headers instanceof Headers
      ? [...headers.entries()]
      : Array.isArray(headers)
        ? headers
        : Object.entries(headers);
  for (const [k, v] of entries) {
    if (k && v !== undefined) out[k.toLowerCase()] = typeof v === 'string' ? v : [...v];
  }
  return out;
}

function responseHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(res.headers)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const one of v) headers.append(k, one);
    else headers.set(k, v);
  }
  return headers;
}

/** A Response with what the sdk reads; the body is read once, as text. */
function toResponse(res: IncomingMessage, text: string): Response {
  const status = res.statusCode ?? 0;
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: res.statusMessage ?? '',
    headers: responseHeaders(res),
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  } as unknown as Response;
}

/**
 * `fetch` for the sdk's JSON calls: string or URL input, a string body (or none), an optional
 * AbortSignal. Anything else (a Request object, a stream body) goes to `fallback`.
 */
export function nodeFetch(
  input: Parameters<typeof fetch>[0],
  init: RequestInit | undefined,
  fallback: typeof fetch,
): Promise<Response> {
  const body = init?.body;
  if (input instanceof Request || (body != null && typeof body !== 'string')) {
    return fallback(input, init);
  }
  const url = input instanceof URL ? input : new URL(input);
  const https = url.protocol === 'https:';
  const headers = requestHeaders(init?.headers);
  if (body != null) headers['content-length'] = Buffer.byteLength(body);
  return new Promise<Response>((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(
      url,
      {
        method: init?.method ?? 'GET',
        headers,
        agent: https ? httpsAgent : httpAgent,
        ...(init?.signal ? { signal: init.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(toResponse(res, Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}
