/**
 * The server: reads the environment (the only reader of `process.env`), wires the edges (built
 * in `wiring/`) and starts listening. With no LINE credentials it runs in local mode (nothing is
 * sent to LINE, replies are logged); with no REDIS_URL it keeps its state in memory. The FAQ
 * loads after the port is open, so `/healthz` answers at once and `/readyz` says when the bot
 * can answer.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createDispatcher, handleEvent } from './app/index.js';
import type { AppDeps } from './app/index.js';
import { readConfig } from './config/index.js';
import {
  createHttpApp,
  createMetricsRegistry,
  departmentsOf,
  registerProcessMetrics,
} from './http/index.js';
import { createWebhookReceiver } from './line/index.js';
import { createLogger, createUserIdHasher } from './log/index.js';
import type { Clock } from './ports.js';
import {
  createBroadcasting,
  createLiveContent,
  createMonthBuilder,
  createSender,
  createStores,
  startClassTicks,
} from './wiring/index.js';
import type { WiringContext } from './wiring/index.js';

const clock: Clock = { now: () => new Date() };
/** `dist/console` of the repo, from `src/main.ts` (tsx) and `dist/main.js` alike. */
const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../dist/console/', import.meta.url));

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
  // One key for the logs and the question log, so a resident's lines join across both (without
  // USER_ID_HASH_KEY, a random key that holds for this process only).
  const userIdHashKey = config.userIdHashKey || randomBytes(32).toString('hex');
  const logger = createLogger({ level: config.logLevel, userIdHashKey });
  if (!config.userIdHashKey) {
    logger.warn({}, 'USER_ID_HASH_KEY is not set: user ids in logs use a random per-process key');
  }
  if (config.line.mode === 'local') {
    logger.warn(
      { webhook: config.line.channelSecret ? 'signed requests accepted' : 'refused (401)' },
      'LOCAL MODE: no LINE_CHANNEL_ACCESS_TOKEN, so nothing is sent to LINE; replies are logged',
    );
  }
  // Local mode without tokens: a one-process admin token, so the console can be tried at once.
  // Never with any LINE credential: a half-configured real channel (only the secret, or only
  // the access token) is local mode too, and must not print an admin token into its logs.
  const anyLineCredential =
    config.line.channelSecret !== undefined || !!process.env['LINE_CHANNEL_ACCESS_TOKEN']?.trim();
  const adminTokens =
    config.line.mode === 'local' && !anyLineCredential && config.admin.tokens.length === 0
      ? [{ name: 'local', role: 'admin' as const, token: randomBytes(24).toString('base64url') }]
      : config.admin.tokens;
  const context: WiringContext = { config, logger, clock };

  const metrics = createMetricsRegistry();
  registerProcessMetrics(metrics);
  // One Redis connection for every store (or memory); closed by `stores.close()` at shutdown.
  const stores = createStores(context);
  const { store, audience, questionLog, reminders } = stores;
  const sender = createSender(context, metrics);
  const content = createLiveContent(context, metrics);
  // The console's month builds: a worker thread on Redis (closed at shutdown), in-process in memory.
  const monthBuilder = createMonthBuilder(context, stores);

  const deps: AppDeps = {
    store,
    sender,
    clock,
    logger,
    metrics,
    audience,
    questionLog,
    reminders,
    hashUserId: createUserIdHasher(userIdHashKey),
    content: () => content.get(),
    options: {
      dedupTtlSeconds: config.dedupTtlSeconds,
      stateTtlSeconds: config.stateTtlSeconds,
    },
  };
  const dispatcher = createDispatcher((event) => handleEvent(event, deps), logger);
  const broadcasting = createBroadcasting(context, stores.redis, {
    metrics,
    // One try per call: broadcast retries go through the queue, under its rate cap.
    sender: createSender(context, metrics, 1),
    audience,
    audit: stores.audit,
    city: () => content.city(),
  });
  broadcasting.start().catch((err: unknown) => {
    logger.error({ err }, 'broadcast workers could not start');
  });
  const classScheduler = startClassTicks(context, {
    reminders,
    sender,
    metrics,
    content: deps.content,
    broadcasts: broadcasting.service,
    audience,
  });
  metrics.gauge('madoguchi_events_pending', 'Events queued or running.', () => dispatcher.pending);

  const app = createHttpApp({
    ...(config.line.channelSecret
      ? { receiver: createWebhookReceiver(config.line.channelSecret) }
      : {}),
    dispatch: (events) => dispatcher.dispatch(events),
    contentReady: () => content.current() !== undefined,
    checks: {
      faq: async () => content.readiness(),
      store: async () => {
        await store.ping();
        return { ok: true, detail: config.redis ? 'redis' : 'memory' };
      },
    },
    metrics,
    logger,
    info: { mode: config.line.mode, city: config.city },
    trustProxy: config.trustProxy,
    console: { dir: config.consoleDir ?? DEFAULT_CONSOLE_DIR },
    admin: {
      service: broadcasting.service,
      tokens: adminTokens,
      logger,
      sessions: {
        store: stores.sessions,
        clock,
        idleMinutes: config.adminSession.idleMinutes,
        maxHours: config.adminSession.maxHours,
        audit: stores.audit,
      },
      reports: {
        questionLog,
        city: config.city,
        cityName: () => content.current()?.city.name,
        entryQuestion: (id) => content.current()?.entry(id)?.question,
        // The same list /meta offers (city.yaml's, then those FAQ entries name).
        departments: () => {
          const current = content.current();
          return current ? departmentsOf(current) : [];
        },
        ...(monthBuilder ? { builder: monthBuilder } : {}),
        // Build every retained month in the background now, so no first report waits for one.
        warm: true,
        clock,
        logger,
      },
      console: {
        content: () => content.current(),
        audience,
        questionLog,
        clock,
        quietHours: config.broadcast.quietHours,
        testAccounts: config.admin.testUserIds.length,
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
    if (adminTokens !== config.admin.tokens) {
      // Said once, on purpose: this token exists only in this process and this log line.
      logger.info(
        {},
        `admin console: http://${config.host}:${config.port}/admin — sign in with token ` +
          `${adminTokens[0]!.token} (local mode only; set ADMIN_TOKENS for real use)`,
      );
    }
  });
  // Keep idle keep-alive connections open longer than clients and proxies in front of us do
  // (Node's 5 s default races a client reusing a socket just as the server closes it, and that
  // request is lost). headersTimeout must exceed keepAliveTimeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('error', (err) => {
    logger.error({ err }, 'the server could not start');
    process.exitCode = 1;
    void shutdown('error');
  });
  content.start();

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
    content.close();
    await monthBuilder
      ?.close()
      .catch((err: unknown) => logger.warn({ err }, 'month builder close'));
    await stores.close();
    logger.flush();
    process.exit(process.exitCode ?? 0);
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

await main();
