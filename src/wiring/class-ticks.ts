/**
 * スマホ教室: due reminders, change notices and the weekly announcement, every few minutes. A
 * BullMQ job scheduler with Redis (in the processes that run workers), a timer without.
 */
import { runClassTick } from '../app/index.js';
import type { BotContent, BroadcastService } from '../app/index.js';
import type { Audience, Metrics, ReminderStore, Sender } from '../ports.js';
import { createBullClassScheduler, createInlineClassScheduler } from '../queue/index.js';
import type { ClassScheduler } from '../queue/index.js';
import { createKeys } from '../store/index.js';
import type { WiringContext } from './context.js';

export interface ClassTickParts {
  reminders: ReminderStore;
  sender: Sender;
  metrics: Metrics;
  content: () => BotContent;
  broadcasts: BroadcastService;
  audience: Audience;
}

/** The scheduler for this process; undefined when another process runs it (workers off). */
function createClassScheduler({ config, logger }: WiringContext): ClassScheduler | undefined {
  const everyMs = config.classes.tickSeconds * 1000;
  if (!config.redis) return createInlineClassScheduler({ everyMs, logger });
  if (!config.broadcast.workers) return undefined;
  const prefix = createKeys(config.redis.prefix).queuePrefix();
  return createBullClassScheduler({ url: config.redis.url, prefix, everyMs, logger });
}

/** Starts ticking (a start that fails is logged); returns the scheduler to close at shutdown. */
export function startClassTicks(
  context: WiringContext,
  parts: ClassTickParts,
): ClassScheduler | undefined {
  const { config, logger, clock } = context;
  const { broadcasts, audience, ...deps } = parts;
  const scheduler = createClassScheduler(context);
  const announceAt = config.classes.announceAt;
  scheduler
    ?.start(() =>
      runClassTick({
        ...deps,
        clock,
        logger,
        ...(announceAt === 'off' ? {} : { announce: { broadcasts, audience, at: announceAt } }),
      }),
    )
    .catch((err: unknown) => logger.error({ err }, 'the class scheduler could not start'));
  return scheduler;
}
