/**
 * The server: reads the environment (the only reader of `process.env`), wires the edges and
 * starts listening. With no LINE credentials it runs in local mode (nothing is sent to LINE,
 * replies are logged); with no REDIS_URL it keeps its state in memory. The FAQ loads after the
 * port is open, so `/healthz` answers at once and `/readyz` says when the bot can answer.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import {
  createBotContent,
  createBroadcastService,
  createDispatcher,
  createRecordingSender,
  handleEvent,
} from './app/index.js';
import type { AppDeps, BotContent, BroadcastDeps, SentRecord } from './app/index.js';
import { runClassTick } from './app/index.js';
import { readConfig } from './config/index.js';
import type { Config } from './config/index.js';
import {
  contentReadiness,
  errorSummary,
  loadCity,
  loadTemplates,
  loadTokenizer,
  watchContent,
} from './content/index.js';
import { createHttpApp, createMetricsRegistry, registerProcessMetrics } from './http/index.js';
import { createLineSender, createWebhookReceiver } from './line/index.js';
import { createLogger, createUserIdHasher } from './log/index.js';
import type { AppLogger } from './log/index.js';
import { MadoguchiError } from './errors.js';
import type { Audience, Clock, Metrics, QuestionLog, Sender, Store } from './ports.js';
import type { ReminderStore } from './ports.js';
import { createBullDelivery, createInlineDelivery } from './queue/index.js';
import { createBullClassScheduler, createInlineClassScheduler } from './queue/index.js';
import type { ClassScheduler } from './queue/index.js';
import type { CityConfig } from './schema/index.js';
import {
  closeRedisConnection,
  createKeys,
  createMemoryAudience,
  createMemoryAuditLog,
  createMemoryBroadcastStore,
  createMemoryQuestionLog,
  createMemoryStore,
  createRedisAudience,
  createRedisAuditLog,
  createRedisConnection,
  createRedisBroadcastStore,
  createRedisQuestionLog,
  createRedisStore,
  createMemoryReminderStore,
  createRedisReminderStore,
} from './store/index.js';
import type { RedisConnection } from './store/index.js';

const clock: Clock = { now: () => new Date() };

/** What local mode logs instead of sending: the kind and a short preview of each message. */
function preview(record: SentRecord): object {
  return {
    kind: record.kind,
    messages: record.messages.map((m) =>
      m.type === 'text' ? m.text.slice(0, 200) : `[${m.type}] ${'altText' in m ? m.altText : ''}`,
    ),
  };
}

async function loadContent(config: Config, logger: AppLogger): Promise<BotContent> {
  const city = await loadCity(config.faqDir, config.city);
  if (!city.config) throw new Error(`${config.faqDir}/${config.city}/city.yaml is missing`);
  const [tokenize, templates] = await Promise.all([
    loadTokenizer(),
    loadTemplates(config.templatesDir).catch((err: unknown) => {
      logger.warn({ err }, 'Flex templates not loaded; replies are plain text');
      return undefined;
    }),
  ]);
  return createBotContent({
    city: city.config,
    entries: city.entries,
    synonyms: city.synonyms,
    tokenize,
    ...(templates ? { templates } : {}),
    ...(city.classes ? { classes: city.classes } : {}),
  });
}

function createSender(
  config: Config,
  logger: AppLogger,
  metrics: AppDeps['metrics'],
  maxAttempts?: number,
): Sender {
  if (config.line.mode === 'live') {
    return createLineSender({
      channelAccessToken: config.line.channelAccessToken,
      baseURL: config.line.apiBaseUrl,
      timeoutMs: config.line.timeoutMs,
      logger,
      ...(metrics ? { metrics } : {}),
      ...(maxAttempts ? { maxAttempts } : {}),
    });
  }
  return createRecordingSender((record) => {
    logger.info(preview(record), 'local mode: not sent to LINE');
  });
}

/**
 * The one Redis connection every store shares (BullMQ opens its own). One timeout for all: 2 s
 * sits between the webhook state's fast failure and the question log's long report reads.
 */
function createConnection(config: Config, logger: AppLogger): RedisConnection | undefined {
  if (!config.redis) return undefined;
  return createRedisConnection({ url: config.redis.url, commandTimeoutMs: 2000, logger });
}

function createStore(config: Config, logger: AppLogger, client?: RedisConnection): Store {
  if (config.redis && client) return createRedisStore({ client, prefix: config.redis.prefix });
  logger.warn({}, 'REDIS_URL is not set: state and dedup keys live in memory (lost on restart)');
  return createMemoryStore({ clock });
}

/** The question log staff read (reports): on Redis next to the store, or in memory. */
function createQuestionLog(config: Config, client?: RedisConnection): QuestionLog {
  const retentionMonths = config.staff.retentionMonths;
  if (config.redis && client) {
    return createRedisQuestionLog({ client, prefix: config.redis.prefix, clock, retentionMonths });
  }
  return createMemoryQuestionLog({ clock, retentionMonths });
}

/** スマホ教室 reminders and announcements: on Redis next to the store, or in memory. */
function createReminders(config: Config, client?: RedisConnection): ReminderStore {
  if (config.redis && client) {
    return createRedisReminderStore({ client, prefix: config.redis.prefix });
  }
  return createMemoryReminderStore();
}

/**
 * The スマホ教室 scheduler: a BullMQ job scheduler with Redis (in the processes that run
 * workers), a timer in the process without. Undefined: another process runs it.
 */
function createClassScheduler(config: Config, logger: AppLogger): ClassScheduler | undefined {
  const everyMs = config.classes.tickSeconds * 1000;
  if (!config.redis) return createInlineClassScheduler({ everyMs, logger });
  if (!config.broadcast.workers) return undefined;
  const prefix = createKeys(config.redis.prefix).queuePrefix();
  return createBullClassScheduler({ url: config.redis.url, prefix, everyMs, logger });
}

/** Who receives which notices: Redis bitmaps next to the store, or memory in local mode. */
function createAudience(config: Config, client?: RedisConnection): Audience {
  if (config.redis && client) return createRedisAudience({ client, prefix: config.redis.prefix });
  return createMemoryAudience();
}

/**
 * Segmented broadcasts: broadcast store and audit log, the delivery engine (BullMQ workers with
 * Redis, in-process without), and the admin use cases the admin API calls.
 */
function createBroadcasting(
  config: Config,
  logger: AppLogger,
  parts: { metrics: Metrics; sender: Sender; audience: Audience; city: () => CityConfig },
  client?: RedisConnection,
) {
  const redis = config.redis;
  const options = {
    testUserIds: config.admin.testUserIds,
    quietHours: config.broadcast.quietHours,
  };
  const common = { ...parts, clock, logger, options };
  if (!redis || !client) {
    const queue = createInlineDelivery({ clock, logger, rps: config.broadcast.rps });
    const deps: BroadcastDeps = {
      ...common,
      broadcasts: createMemoryBroadcastStore(),
      audit: createMemoryAuditLog(),
      queue,
    };
    queue.bind(deps);
    return {
      service: createBroadcastService(deps),
      start: async () => {},
      close: async () => queue.close(),
    };
  }
  const broadcasts = createRedisBroadcastStore({ client, prefix: redis.prefix });
  const audit = createRedisAuditLog({ client, prefix: redis.prefix });
  const queue = createBullDelivery({
    url: redis.url,
    prefix: createKeys(redis.prefix).queuePrefix(),
    logger,
    rps: config.broadcast.rps,
    concurrency: config.broadcast.concurrency,
    attempts: config.broadcast.attempts,
  });
  const deps: BroadcastDeps = { ...common, broadcasts, audit, queue };
  return {
    service: createBroadcastService(deps),
    start: async () => {
      if (config.broadcast.workers) await queue.startWorkers(deps);
    },
    close: () => queue.close(),
  };
}

async function main(): Promise<void> {
  const result = readConfig(process.env);
  if (!result.ok) {
    process.stderr.write(
      `madoguchi: the environment has ${result.problems.length} problem(s):\n` +
        result.problems.map((p) => `  - ${p}\n`).join(''),
    );
    process.exitCode = 1;
    return;
  }
  const config = result.config;
  const logger = createLogger({
    level: config.logLevel,
    ...(config.userIdHashKey ? { userIdHashKey: config.userIdHashKey } : {}),
  });
  if (logger.randomHashKey) {
    logger.warn({}, 'USER_ID_HASH_KEY is not set: user ids in logs use a random per-process key');
  }
  if (config.line.mode === 'local') {
    logger.warn(
      { webhook: config.line.channelSecret ? 'signed requests accepted' : 'refused (401)' },
      'LOCAL MODE: no LINE_CHANNEL_ACCESS_TOKEN, so nothing is sent to LINE; replies are logged',
    );
  }

  const metrics = createMetricsRegistry();
  registerProcessMetrics(metrics);
  const redis = createConnection(config, logger);
  const store = createStore(config, logger, redis);
  const audience = createAudience(config, redis);
  const sender = createSender(config, logger, metrics);
  const questionLog = createQuestionLog(config, redis);
  const reminders = createReminders(config, redis);
  let content: BotContent | undefined;
  let contentProblem = 'loading';
  let entryCount = 0;

  const deps: AppDeps = {
    store,
    sender,
    clock,
    logger,
    metrics,
    audience,
    questionLog,
    reminders,
    // Same key as the logs (USER_ID_HASH_KEY); without one, joins hold for this process only.
    hashUserId: createUserIdHasher(config.userIdHashKey ?? randomBytes(32).toString('hex')),
    content: () => {
      if (!content) throw new Error(`FAQ not loaded: ${contentProblem}`);
      return content;
    },
    options: {
      dedupTtlSeconds: config.dedupTtlSeconds,
      stateTtlSeconds: config.stateTtlSeconds,
    },
  };
  const dispatcher = createDispatcher((event) => handleEvent(event, deps), logger);
  const broadcasting = createBroadcasting(
    config,
    logger,
    {
      metrics,
      // One try per call: broadcast retries go through the queue, under its rate cap.
      sender: createSender(config, logger, metrics, 1),
      audience,
      city: () => {
        if (!content)
          throw new MadoguchiError(
            'admin/not-ready',
            `the city is not loaded yet: ${contentProblem}`,
          );
        return content.city;
      },
    },
    redis,
  );
  broadcasting.start().catch((err: unknown) => {
    logger.error({ err }, 'broadcast workers could not start');
  });
  // スマホ教室: due reminders, change notices and the weekly announcement, every few minutes.
  const classScheduler = createClassScheduler(config, logger);
  const announceAt = config.classes.announceAt;
  classScheduler
    ?.start(() =>
      runClassTick({
        reminders,
        sender,
        clock,
        logger,
        metrics,
        content: deps.content,
        ...(announceAt === 'off'
          ? {}
          : { announce: { broadcasts: broadcasting.service, audience, at: announceAt } }),
      }),
    )
    .catch((err: unknown) => logger.error({ err }, 'the class scheduler could not start'));
  metrics.gauge('madoguchi_events_pending', 'Events queued or running.', () => dispatcher.pending);

  const app = createHttpApp({
    ...(config.line.channelSecret
      ? { receiver: createWebhookReceiver(config.line.channelSecret) }
      : {}),
    dispatch: (events) => dispatcher.dispatch(events),
    contentReady: () => content !== undefined,
    checks: {
      faq: async () =>
        contentReadiness(
          watcher,
          (c) => `${c.index.entries.length} entries for ${config.city}`,
          () => contentProblem,
        ),
      store: async () => {
        await store.ping();
        return { ok: true, detail: config.redis ? 'redis' : 'memory' };
      },
    },
    metrics,
    logger,
    info: { mode: config.line.mode, city: config.city },
    admin: {
      service: broadcasting.service,
      tokens: config.admin.tokens,
      logger,
      reports: {
        questionLog,
        city: config.city,
        cityName: () => content?.city.name,
        entryQuestion: (id) => content?.entry(id)?.question,
        clock,
        logger,
      },
    },
  });

  const server: Server = app.listen(config.port, config.host, () => {
    logger.info(
      {
        host: config.host,
        port: config.port,
        mode: config.line.mode,
        store: config.redis ? 'redis' : 'memory',
      },
      `listening on http://${config.host}:${config.port}`,
    );
  });
  server.on('error', (err) => {
    logger.error({ err }, 'the server could not start');
    process.exitCode = 1;
    void shutdown('error');
  });

  // The FAQ loads (and, with FAQ_RELOAD=on, reloads on every change of a pack file) while the
  // port is open; a reload that fails keeps the last good version in service (see /readyz).
  const started = performance.now();
  const watcher = watchContent({
    dirs: config.staff.faqReload
      ? [join(config.faqDir, 'common'), join(config.faqDir, config.city)]
      : [],
    load: () => loadContent(config, logger),
    logger,
  });
  watcher.on('reloaded', () => {
    content = watcher.current();
    entryCount = content?.index.entries.length ?? 0;
    metrics.count('madoguchi_faq_reloads_total', { result: 'ok' });
  });
  watcher.on('failed', () => metrics.count('madoguchi_faq_reloads_total', { result: 'failed' }));
  watcher.start().then(
    (loaded) => {
      content = loaded;
      entryCount = loaded.index.entries.length;
      logger.info(
        { city: config.city, entries: entryCount, ms: Math.round(performance.now() - started) },
        'FAQ loaded; ready',
      );
    },
    (err: unknown) => {
      contentProblem = errorSummary(err);
      logger.error({ err }, 'FAQ could not be loaded; /readyz reports it');
    },
  );

  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, pending: dispatcher.pending }, 'shutting down');
    server.close();
    // Let queued events finish (their replies are due), but not forever.
    await Promise.race([dispatcher.idle(), new Promise((r) => setTimeout(r, 10_000).unref())]);
    await broadcasting.close().catch((err: unknown) => logger.warn({ err }, 'broadcasting close'));
    await classScheduler?.close().catch((err: unknown) => logger.warn({ err }, 'scheduler close'));
    watcher.close();
    await store.close();
    if (redis) await closeRedisConnection(redis);
    logger.flush();
    process.exit(process.exitCode ?? 0);
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

await main();
