/**
 * Where the process keeps its state: with REDIS_URL, every store on one shared Redis connection
 * (BullMQ opens its own); without, in memory (lost on restart).
 */
import type { Audience, AuditLog, QuestionLog, ReminderStore } from '../ports.js';
import type { SessionStore, Store } from '../ports.js';
import { closeRedisConnection, createRedisConnection } from '../store/index.js';
import type { RedisConnection } from '../store/index.js';
import { createMemoryAudience, createRedisAudience } from '../store/audience/index.js';
import { createMemoryAuditLog, createRedisAuditLog } from '../store/audit/index.js';
import { createMemoryQuestionLog, createRedisQuestionLog } from '../store/question-log/index.js';
import { createMemoryReminderStore, createRedisReminderStore } from '../store/reminders/index.js';
import { createMemorySessionStore, createRedisSessionStore } from '../store/session/index.js';
import { createMemoryStore, createRedisStore } from '../store/state/index.js';
import type { WiringContext } from './context.js';

export interface Stores {
  /** The shared connection, its URL and key prefix (for broadcasting); undefined in memory. */
  readonly redis?: {
    readonly client: RedisConnection;
    readonly url: string;
    readonly prefix: string;
  };
  readonly store: Store;
  /** Who receives which notices: Redis bitmaps, or memory in local mode. */
  readonly audience: Audience;
  /** The question log staff read (reports), with the configured retention. */
  readonly questionLog: QuestionLog;
  /** スマホ教室 reminders and announcements. */
  readonly reminders: ReminderStore;
  /** Web console sessions (on Redis they survive a restart or a second process). */
  readonly sessions: SessionStore;
  /**
   * The audit log, for the console's sign-in entries. On Redis it is the stream broadcasting
   * writes too; in memory it is a log of its own until broadcasting takes this one.
   */
  readonly audit: AuditLog;
  /** Closes the stores, then the shared connection (the stores do not own it). */
  close(): Promise<void>;
}

/**
 * One timeout for every store on the shared connection: 2 s sits between the webhook state's
 * fast failure and the question log's long report reads.
 */
const COMMAND_TIMEOUT_MS = 2000;

export function createStores({ config, logger, clock }: WiringContext): Stores {
  const retentionMonths = config.staff.retentionMonths;
  if (!config.redis) {
    logger.warn({}, 'REDIS_URL is not set: state and dedup keys live in memory (lost on restart)');
    const store = createMemoryStore({ clock });
    return {
      store,
      audience: createMemoryAudience(),
      questionLog: createMemoryQuestionLog({ clock, retentionMonths }),
      reminders: createMemoryReminderStore(),
      sessions: createMemorySessionStore({ clock }),
      audit: createMemoryAuditLog(),
      close: () => store.close(),
    };
  }
  const { url, prefix } = config.redis;
  const client = createRedisConnection({ url, commandTimeoutMs: COMMAND_TIMEOUT_MS, logger });
  const store = createRedisStore({ client, prefix });
  return {
    redis: { client, url, prefix },
    store,
    audience: createRedisAudience({ client, prefix }),
    questionLog: createRedisQuestionLog({ client, prefix, clock, retentionMonths }),
    reminders: createRedisReminderStore({ client, prefix }),
    sessions: createRedisSessionStore({ client, prefix, clock }),
    audit: createRedisAuditLog({ client, prefix }),
    close: async () => {
      await store.close();
      await closeRedisConnection(client);
    },
  };
}
