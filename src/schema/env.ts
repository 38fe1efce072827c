/**
 * The environment variables of the server (`src/main.ts` is their only reader). Empty values
 * count as unset, as docker-compose and systemd files often leave them empty.
 */
import { z } from 'zod';
import { AdminTokenListSchema, QuietHoursSchema, UserIdListSchema } from './admin.js';
import { WeeklyTimeSchema } from './classes.js';

const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
  z.preprocess(unsetIfEmpty, schema.default(value as never));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = (protocols: RegExp) => z.url({ protocol: protocols, error: 'must be a URL' });

/**
 * Which proxies are believed about the client's IP and HTTPS (X-Forwarded-*), as express's
 * `trust proxy`: `off` (default), `loopback`, a number of hops, or `true` (any: only when
 * nothing can reach the server except through the proxy).
 */
export const TrustProxySchema = z
  .string()
  .trim()
  .regex(/^(off|false|true|loopback|\d{1,2})$/, 'use off, loopback, a number of hops or true')
  .transform((v): boolean | number | 'loopback' =>
    v === 'true' ? true : v === 'off' || v === 'false' ? false : v === 'loopback' ? v : Number(v),
  );

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const EnvSchema = z.object({
  PORT: withDefault(int(1, 65535), 3000),
  /** 127.0.0.1 by default; set 0.0.0.0 to be reachable from outside (behind TLS). */
  HOST: withDefault(z.string(), '127.0.0.1'),
  CITY: withDefault(
    z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a city id like komaki'),
    'komaki',
  ),
  FAQ_DIR: withDefault(z.string(), './faq'),
  /** Unset: the in-memory store (state is lost on restart). */
  REDIS_URL: optional(url(/^rediss?$/)),
  REDIS_PREFIX: withDefault(z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/), 'madoguchi:'),
  LINE_CHANNEL_SECRET: optional(z.string()),
  /** Unset: local mode (replies are logged, never sent). */
  LINE_CHANNEL_ACCESS_TOKEN: optional(z.string()),
  LINE_API_BASE_URL: withDefault(url(/^https?$/), 'https://api.line.me'),
  LINE_DATA_API_BASE_URL: withDefault(url(/^https?$/), 'https://api-data.line.me'),
  LINE_TIMEOUT_MS: withDefault(int(100, 60_000), 5000),
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS), 'info'),
  /** HMAC key for user ids in logs; unset: a random key per process (with a warning). */
  USER_ID_HASH_KEY: optional(z.string().min(16, 'must be at least 16 characters')),
  DEDUP_TTL_SECONDS: withDefault(int(60, 30 * 86_400), 86_400),
  STATE_TTL_SECONDS: withDefault(int(60, 365 * 86_400), 86_400),
  /** Flex templates folder; unset: `flex-templates/` of the repo. */
  TEMPLATES_DIR: optional(z.string()),
  /** Admin API tokens `name:role:token,…` (roles viewer, broadcaster, admin); unset: API off. */
  ADMIN_TOKENS: optional(AdminTokenListSchema),
  /** Staff LINE user ids that receive test sends, comma-separated. */
  ADMIN_TEST_USER_IDS: optional(UserIdListSchema),
  /** Multicast requests per second across all workers (LINE allows 200 for multicast). */
  BROADCAST_RPS: withDefault(int(1, 200), 100),
  /** Non-urgent notices wait outside these JST hours: `21-8` (default) or `off`. */
  BROADCAST_QUIET_HOURS: optional(QuietHoursSchema),
  /** Batches one worker process sends at once. */
  BROADCAST_CONCURRENCY: withDefault(int(1, 200), 20),
  /** Attempts per batch on LINE 5xx or network errors. */
  BROADCAST_ATTEMPTS: withDefault(int(1, 20), 5),
  /** `on`: this process also runs delivery workers (with REDIS_URL); `off`: it only enqueues. */
  BROADCAST_WORKERS: withDefault(z.enum(['on', 'off']), 'on'),
  /** スマホ教室: when new classes are announced each week (JST), `mon 10:00` (default) or `off`. */
  CLASS_ANNOUNCE_AT: z.preprocess(unsetIfEmpty, WeeklyTimeSchema.prefault('mon 10:00')),
  /** スマホ教室: seconds between scheduler ticks (reminders, change notices, announcement). */
  CLASS_TICK_SECONDS: withDefault(int(30, 3600), 300),
  /** Months the question log keeps each question (staff reports). */
  QUESTION_LOG_RETENTION_MONTHS: withDefault(int(1, 120), 13),
  /** `on`: FAQ, synonym and schedule files are reloaded when they change; `off`: at start only. */
  FAQ_RELOAD: withDefault(z.enum(['on', 'off']), 'on'),
  /** Web console: minutes without a request before a session ends (sliding). */
  ADMIN_SESSION_IDLE_MINUTES: withDefault(int(1, 24 * 60), 30),
  /** Web console: hours a session lasts at most, however active. */
  ADMIN_SESSION_MAX_HOURS: withDefault(int(1, 7 * 24), 8),
  /** Proxies believed about client IP and HTTPS (see TrustProxySchema); unset: none. */
  TRUST_PROXY: optional(TrustProxySchema),
  /** The built web console; unset: `dist/console` of the repo (main.ts resolves it). */
  CONSOLE_DIR: optional(z.string()),
});
export type Env = z.infer<typeof EnvSchema>;
