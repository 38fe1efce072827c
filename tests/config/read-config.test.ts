import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/index.js';

describe('readConfig', () => {
  it('starts with no environment at all: defaults, memory store, local mode', () => {
    const result = readConfig({});
    expect(result).toEqual({
      ok: true,
      config: {
        port: 3000,
        host: '127.0.0.1',
        city: 'komaki',
        faqDir: './faq',
        line: {
          mode: 'local',
          apiBaseUrl: 'https://api.line.me',
          dataApiBaseUrl: 'https://api-data.line.me',
          timeoutMs: 5000,
        },
        logLevel: 'info',
        dedupTtlSeconds: 86_400,
        stateTtlSeconds: 86_400,
        admin: { tokens: [], testUserIds: [] },
        adminSession: { idleMinutes: 30, maxHours: 8 },
        trustProxy: false,
        broadcast: {
          rps: 100,
          quietHours: { start: 21, end: 8 },
          concurrency: 20,
          attempts: 5,
          workers: true,
        },
        classes: { announceAt: { weekday: 1, time: '10:00' }, tickSeconds: 300 },
        staff: { retentionMonths: 13, faqReload: true },
      },
    });
  });

  it('reads a full live configuration', () => {
    const result = readConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      CITY: 'komaki',
      FAQ_DIR: '/srv/faq',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      REDIS_PREFIX: 'komaki:',
      LINE_CHANNEL_SECRET: 'secret',
      LINE_CHANNEL_ACCESS_TOKEN: 'token',
      LINE_API_BASE_URL: 'http://127.0.0.1:9000',
      LOG_LEVEL: 'debug',
      USER_ID_HASH_KEY: 'a-long-enough-key-1234',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      faqDir: '/srv/faq',
      redis: { url: 'redis://127.0.0.1:6379/0', prefix: 'komaki:' },
      line: {
        mode: 'live',
        channelSecret: 'secret',
        channelAccessToken: 'token',
        apiBaseUrl: 'http://127.0.0.1:9000',
      },
      logLevel: 'debug',
      userIdHashKey: 'a-long-enough-key-1234',
    });
  });

  it('treats empty values as unset', () => {
    const result = readConfig({ PORT: '', REDIS_URL: ' ', LINE_CHANNEL_ACCESS_TOKEN: '' });
    expect(result.ok && result.config.port).toBe(3000);
    expect(result.ok && result.config.redis).toBeUndefined();
  });

  it('reports every problem at once, each with its variable', () => {
    const result = readConfig({
      PORT: 'eighty',
      CITY: 'Komaki City',
      REDIS_URL: 'http://example.com',
      LOG_LEVEL: 'loud',
      USER_ID_HASH_KEY: 'short',
      LINE_CHANNEL_ACCESS_TOKEN: 'token-without-secret',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const vars = result.problems.map((p) => p.split(':')[0]);
    expect(vars).toEqual(
      expect.arrayContaining([
        'PORT',
        'CITY',
        'REDIS_URL',
        'LOG_LEVEL',
        'USER_ID_HASH_KEY',
        'LINE_CHANNEL_SECRET',
      ]),
    );
    expect(result.problems).toHaveLength(6);
  });
});

describe('readConfig: admin API and broadcasts', () => {
  const token = 'b'.repeat(32);
  it('reads tokens with roles, test accounts and delivery settings', () => {
    const result = readConfig({
      ADMIN_TOKENS: `sato:broadcaster:${token}, boss:admin:${'a'.repeat(40)}`,
      ADMIN_TEST_USER_IDS: `U${'0'.repeat(32)},U${'1'.repeat(32)}`,
      BROADCAST_RPS: '150',
      BROADCAST_QUIET_HOURS: 'off',
      BROADCAST_WORKERS: 'off',
    });
    expect(result.ok && result.config.admin).toEqual({
      tokens: [
        { name: 'sato', role: 'broadcaster', token },
        { name: 'boss', role: 'admin', token: 'a'.repeat(40) },
      ],
      testUserIds: [`U${'0'.repeat(32)}`, `U${'1'.repeat(32)}`],
    });
    expect(result.ok && result.config.broadcast).toMatchObject({
      rps: 150,
      quietHours: 'off',
      workers: false,
    });
  });

  it('reports every bad admin setting without echoing a token', () => {
    const result = readConfig({
      ADMIN_TOKENS: `sato:owner:${token},ito:viewer:short`,
      ADMIN_TEST_USER_IDS: 'someone',
      BROADCAST_RPS: '500',
      BROADCAST_QUIET_HOURS: '9pm',
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      'ADMIN_TOKENS: entry 1 (sato): role Invalid option: expected one of "viewer"|"broadcaster"|"admin"',
      'ADMIN_TOKENS: entry 2 (ito): token a token must be at least 24 characters',
      'ADMIN_TEST_USER_IDS.0: a LINE user id (U + 32 hex)',
      'BROADCAST_RPS: Too big: expected number to be <=200',
      'BROADCAST_QUIET_HOURS: quiet hours look like "21-8" (start-end, JST) or "off"',
    ]);
    expect(problems.join('\n')).not.toContain(token);
  });

  it('reads the staff tools settings: question-log retention and live FAQ reload', () => {
    const result = readConfig({ QUESTION_LOG_RETENTION_MONTHS: '24', FAQ_RELOAD: 'off' });
    expect(result.ok && result.config.staff).toEqual({ retentionMonths: 24, faqReload: false });
    const bad = readConfig({ QUESTION_LOG_RETENTION_MONTHS: '0', FAQ_RELOAD: 'maybe' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.split(':')[0])).toEqual([
      'QUESTION_LOG_RETENTION_MONTHS',
      'FAQ_RELOAD',
    ]);
  });

  it('reads the web console settings: session times, trusted proxies, console folder', () => {
    const result = readConfig({
      ADMIN_SESSION_IDLE_MINUTES: '15',
      ADMIN_SESSION_MAX_HOURS: '12',
      TRUST_PROXY: 'loopback',
      CONSOLE_DIR: '/srv/console',
    });
    expect(result.ok && result.config).toMatchObject({
      adminSession: { idleMinutes: 15, maxHours: 12 },
      trustProxy: 'loopback',
      consoleDir: '/srv/console',
    });
    const trust = (v: string) => {
      const r = readConfig({ TRUST_PROXY: v });
      return r.ok ? r.config.trustProxy : r.problems;
    };
    expect(['off', 'false', 'true', '2', ' 1 ', ''].map(trust)).toEqual([
      false,
      false,
      true,
      2,
      1,
      false,
    ]);
    const bad = readConfig({
      ADMIN_SESSION_IDLE_MINUTES: '0',
      ADMIN_SESSION_MAX_HOURS: '1000',
      TRUST_PROXY: '10.0.0.0/8',
    });
    expect(!bad.ok && bad.problems.map((p) => p.split(':')[0])).toEqual([
      'ADMIN_SESSION_IDLE_MINUTES',
      'ADMIN_SESSION_MAX_HOURS',
      'TRUST_PROXY',
    ]);
  });
});
