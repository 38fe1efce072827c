/**
 * Structured JSON logs with pino (the only importer of pino). Every object and message goes
 * through `redactValue` before pino sees it, so no call site can leak personal data by mistake.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { DestinationStream, Level } from 'pino';
import type { Logger } from '../ports.js';
import { createUserIdHasher, redactText, redactValue } from './redact.js';

export type LogLevel = Level | 'silent';

export interface LoggerOptions {
  level?: LogLevel;
  /** The HMAC key for user ids. Without one a random key is made (hashes change per process). */
  userIdHashKey?: string;
  /** Where lines go (default stdout). Tests pass a stream that collects them. */
  destination?: DestinationStream;
}

export interface AppLogger extends Logger {
  /** True when no `userIdHashKey` was given and a random per-process key is in use. */
  readonly randomHashKey: boolean;
  /** Writes out buffered lines (before exit). */
  flush(): void;
}

export function createLogger(options: LoggerOptions = {}): AppLogger {
  const randomHashKey = !options.userIdHashKey;
  const hash = createUserIdHasher(options.userIdHashKey || randomBytes(32).toString('hex'));
  const base = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Errors are already turned into plain, redacted objects by redactValue.
      serializers: { err: (err: unknown) => err },
    },
    options.destination,
  );
  const at =
    (level: 'info' | 'warn' | 'error' | 'debug') =>
    (obj: object, msg?: string): void => {
      if (!base.isLevelEnabled(level)) return;
      const clean = redactValue(obj, hash) as object;
      if (msg === undefined) base[level](clean);
      else base[level](clean, redactText(msg, hash));
    };
  return {
    randomHashKey,
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
    flush: () => base.flush(),
  };
}
