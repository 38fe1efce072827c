/**
 * Runs webhook events after the HTTP answer, in order per chat (a promise chain per
 * conversation key) and in parallel across chats. A slow handler for one resident never
 * delays another resident, and two messages from one resident are answered in the order sent.
 */
import type { webhook } from '@line/bot-sdk';
import type { Logger } from '../ports.js';
import { conversationKey } from './turn-input.js';

export interface Dispatcher {
  /** Queues events (in the order given) and returns at once. */
  dispatch(events: readonly webhook.Event[]): void;
  /** Resolves when every queued event has been handled (tests, graceful shutdown). */
  idle(): Promise<void>;
  /** Events queued or running. */
  readonly pending: number;
}

export function createDispatcher(
  handle: (event: webhook.Event) => Promise<void>,
  logger: Logger,
): Dispatcher {
  const chains = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  let pending = 0;
  let anonymous = 0;

  function run(event: webhook.Event): Promise<void> {
    return handle(event).catch((err: unknown) => {
      // handleEvent degrades on its own; reaching here is a bug, and it must not stop the chain.
      logger.error({ err, eventType: event.type }, 'event handler failed');
    });
  }

  function enqueue(event: webhook.Event): void {
    const key = conversationKey(event) ?? `anonymous:${anonymous++}`;
    pending++;
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous.then(() => run(event));
    chains.set(key, next);
    running.add(next);
    void next.finally(() => {
      pending--;
      running.delete(next);
      if (chains.get(key) === next) chains.delete(key);
    });
  }

  return {
    dispatch(events) {
      for (const event of events) enqueue(event);
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    get pending() {
      return pending;
    },
  };
}
