/**
 * Turns environment variables into a typed `Config`, or into the list of every problem at once
 * (so a deployment is fixed in one go, not one variable per restart). Pure: the caller passes
 * the environment.
 */
import { EnvSchema } from '../schema/index.js';
import type { AdminToken, Env, WeeklyTime } from '../schema/index.js';

export type LineConfig =
  | {
      mode: 'live';
      channelSecret: string;
      channelAccessToken: string;
      apiBaseUrl: string;
      dataApiBaseUrl: string;
      timeoutMs: number;
    }
  | {
      /** No access token: nothing is sent to LINE. A secret still lets signed requests in. */
      mode: 'local';
      channelSecret?: string;
      apiBaseUrl: string;
      dataApiBaseUrl: string;
      timeoutMs: number;
    };

export interface Config {
  port: number;
  host: string;
  city: string;
  faqDir: string;
  templatesDir?: string;
  redis?: { url: string; prefix: string };
  line: LineConfig;
  logLevel: Env['LOG_LEVEL'];
  userIdHashKey?: string;
  dedupTtlSeconds: number;
  stateTtlSeconds: number;
  /** The admin API: no tokens = off. */
  admin: { tokens: AdminToken[]; testUserIds: string[] };
  /** Web console sessions: idle minutes (sliding) and absolute hours. */
  adminSession: { idleMinutes: number; maxHours: number };
  /** The built web console; undefined: main.ts uses the repo's `dist/console`. */
  consoleDir?: string;
  /** Express's `trust proxy` (false: no proxy is believed). */
  trustProxy: boolean | number | 'loopback';
  /** Segmented broadcasts. */
  broadcast: {
    rps: number;
    quietHours: { start: number; end: number } | 'off';
    concurrency: number;
    attempts: number;
    /** Run delivery workers in this process (with Redis). */
    workers: boolean;
  };
  /** スマホ教室: the weekly announcement time (JST) or off, and the scheduler's tick. */
  classes: { announceAt: WeeklyTime | 'off'; tickSeconds: number };
  /** Staff tools: how long the question log keeps questions; live reload of the FAQ. */
  staff: { retentionMonths: number; faqReload: boolean };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function readConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  if (isSet('LINE_CHANNEL_ACCESS_TOKEN') && !isSet('LINE_CHANNEL_SECRET')) {
    problems.push('LINE_CHANNEL_SECRET: required when LINE_CHANNEL_ACCESS_TOKEN is set');
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const e = parsed.data;
  const common = {
    apiBaseUrl: e.LINE_API_BASE_URL,
    dataApiBaseUrl: e.LINE_DATA_API_BASE_URL,
    timeoutMs: e.LINE_TIMEOUT_MS,
  };
  const line: LineConfig =
    e.LINE_CHANNEL_ACCESS_TOKEN && e.LINE_CHANNEL_SECRET
      ? {
          mode: 'live',
          channelSecret: e.LINE_CHANNEL_SECRET,
          channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN,
          ...common,
        }
      : {
          mode: 'local',
          ...(e.LINE_CHANNEL_SECRET ? { channelSecret: e.LINE_CHANNEL_SECRET } : {}),
          ...common,
        };
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      city: e.CITY,
      faqDir: e.FAQ_DIR,
      ...(e.TEMPLATES_DIR ? { templatesDir: e.TEMPLATES_DIR } : {}),
      ...(e.REDIS_URL ? { redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } } : {}),
      line,
      logLevel: e.LOG_LEVEL,
      ...(e.USER_ID_HASH_KEY ? { userIdHashKey: e.USER_ID_HASH_KEY } : {}),
      dedupTtlSeconds: e.DEDUP_TTL_SECONDS,
      stateTtlSeconds: e.STATE_TTL_SECONDS,
      admin: { tokens: e.ADMIN_TOKENS ?? [], testUserIds: e.ADMIN_TEST_USER_IDS ?? [] },
      adminSession: {
        idleMinutes: e.ADMIN_SESSION_IDLE_MINUTES,
        maxHours: e.ADMIN_SESSION_MAX_HOURS,
      },
      ...(e.CONSOLE_DIR ? { consoleDir: e.CONSOLE_DIR } : {}),
      trustProxy: e.TRUST_PROXY ?? false,
      broadcast: {
        rps: e.BROADCAST_RPS,
        quietHours: e.BROADCAST_QUIET_HOURS ?? { start: 21, end: 8 },
        concurrency: e.BROADCAST_CONCURRENCY,
        attempts: e.BROADCAST_ATTEMPTS,
        workers: e.BROADCAST_WORKERS === 'on',
      },
      classes: { announceAt: e.CLASS_ANNOUNCE_AT, tickSeconds: e.CLASS_TICK_SECONDS },
      staff: {
        retentionMonths: e.QUESTION_LOG_RETENTION_MONTHS,
        faqReload: e.FAQ_RELOAD === 'on',
      },
    },
  };
}
