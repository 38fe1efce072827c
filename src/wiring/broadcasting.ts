/**
 * Segmented broadcasts: broadcast store and audit log, the delivery engine (BullMQ workers with
 * Redis, in-process without), and the admin use cases the admin API calls.
 */
import { createBroadcastService } from '../app/index.js';
import type { BroadcastDeps, BroadcastService } from '../app/index.js';
import type { Audience, AuditLog, Metrics, Sender } from '../ports.js';
import { createBullDelivery, createInlineDelivery } from '../queue/index.js';
import type { CityConfig } from '../schema/index.js';
import { createKeys } from '../store/index.js';
import {
  createMemoryBroadcastStore,
  createRedisBroadcastStore,
} from '../store/broadcasts/index.js';
import type { WiringContext } from './context.js';
import type { Stores } from './stores.js';

export interface BroadcastParts {
  metrics: Metrics;
  /** One try per call: broadcast retries go through the queue, under its rate cap. */
  sender: Sender;
  audience: Audience;
  /** The one audit log (`Stores.audit`): console sign-ins and broadcast writes land together. */
  audit: AuditLog;
  city: () => CityConfig;
}

export interface Broadcasting {
  readonly service: BroadcastService;
  /** Starts the delivery workers (with Redis, when BROADCAST_WORKERS=on). */
  start(): Promise<void>;
  /** Stops the delivery engine; the stores close with the shared connection. */
  close(): Promise<void>;
}

export function createBroadcasting(
  { config, logger, clock }: WiringContext,
  redis: Stores['redis'],
  parts: BroadcastParts,
): Broadcasting {
  const options = {
    testUserIds: config.admin.testUserIds,
    quietHours: config.broadcast.quietHours,
  };
  const common = { ...parts, clock, logger, options };
  if (!redis) {
    const queue = createInlineDelivery({ clock, logger, rps: config.broadcast.rps });
    const deps: BroadcastDeps = {
      ...common,
      broadcasts: createMemoryBroadcastStore(),
      queue,
    };
    queue.bind(deps);
    return {
      service: createBroadcastService(deps),
      start: async () => {},
      close: async () => queue.close(),
    };
  }
  const { client, url, prefix } = redis;
  const queue = createBullDelivery({
    url,
    prefix: createKeys(prefix).queuePrefix(),
    logger,
    rps: config.broadcast.rps,
    concurrency: config.broadcast.concurrency,
    attempts: config.broadcast.attempts,
  });
  const deps: BroadcastDeps = {
    ...common,
    broadcasts: createRedisBroadcastStore({ client, prefix }),
    queue,
  };
  return {
    service: createBroadcastService(deps),
    start: async () => {
      if (config.broadcast.workers) await queue.startWorkers(deps);
    },
    close: () => queue.close(),
  };
}
