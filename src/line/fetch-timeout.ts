/**
 * Timeouts for the sdk's HTTP calls. @line/bot-sdk 11 calls the global `fetch` with no signal
 * and no way to pass one, so we wrap the global `fetch` once: inside `withTimeout` every fetch
 * gets an AbortSignal (through AsyncLocalStorage); outside it the wrapper changes nothing.
 * A race with a timer also settles the call when a fetch replacement ignores the signal.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The reason a call was aborted: it took longer than its timeout. */
export class FetchTimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

const signals = new AsyncLocalStorage<AbortSignal>();
let wrapper: typeof fetch | undefined;

/** Wraps the current global fetch, unless it is already our wrapper. */
function ensureWrapped(): void {
  if (globalThis.fetch === wrapper) return;
  const inner = globalThis.fetch;
  const wrapped: typeof fetch = (input, init) => {
    const signal = signals.getStore();
    if (!signal) return inner(input, init);
    const merged = init?.signal ? AbortSignal.any([init.signal, signal]) : signal;
    return inner(input, { ...init, signal: merged });
  };
  wrapper = wrapped;
  globalThis.fetch = wrapped;
}

/** Runs `call`; any fetch it makes is aborted, and the result rejected, after `ms`. */
export async function withTimeout<T>(ms: number, call: () => Promise<T>): Promise<T> {
  ensureWrapped();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new FetchTimeoutError(ms);
      controller.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([signals.run(controller.signal, call), expired]);
  } finally {
    clearTimeout(timer);
  }
}
