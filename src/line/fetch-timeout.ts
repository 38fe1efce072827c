/**
 * Timeouts for the sdk's HTTP calls. @line/bot-sdk 11 calls the global `fetch` with no signal
 * and no way to pass one, so we wrap the global `fetch` once. The sdk's client methods reach
 * `fetch` synchronously (no `await` before it: `dist/http-fetch.js`), so `withTimeout` puts its
 * AbortSignal in a slot just for the duration of that synchronous call and the wrapper takes it
 * from there. (AsyncLocalStorage would also work, but on Node 20 it turns on promise hooks for
 * every promise in the process, which costs more than the whole LINE call.) Outside
 * `withTimeout` the wrapper changes nothing; inside, the call goes over `nodeFetch`. A race with a timer also settles the call should
 * a future sdk await before fetching or a fetch replacement ignore the signal.
 */

import { nodeFetch } from './node-fetch.js';

/** The reason a call was aborted: it took longer than its timeout. */
export class FetchTimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

let slot: AbortSignal | undefined;
let wrapper: typeof fetch | undefined;

/** Wraps the current global fetch, unless it is already our wrapper. */
function ensureWrapped(): void {
  if (globalThis.fetch === wrapper) return;
  const inner = globalThis.fetch;
  const wrapped: typeof fetch = (input, init) => {
    const signal = slot;
    slot = undefined;
    if (!signal) return inner(input, init);
    const merged = init?.signal ? AbortSignal.any([init.signal, signal]) : signal;
    // Our own calls take the lighter transport (node-fetch.ts); the rest of the process keeps
    // the global fetch untouched.
    return nodeFetch(input, { ...init, signal: merged }, inner);
  };
  wrapper = wrapped;
  globalThis.fetch = wrapped;
}

/** Runs `call`; the fetch it starts is aborted, and the result rejected, after `ms`. */
export async function withTimeout<T>(ms: number, call: () => Promise<T>): Promise<T> {
  ensureWrapped();
  const controller = new AbortController();
  let running: Promise<T>;
  slot = controller.signal;
  try {
    running = call();
  } finally {
    slot = undefined;
  }
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new FetchTimeoutError(ms);
      controller.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}
