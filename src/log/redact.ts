/**
 * What must never reach a log in clear (team privacy rules): 12-digit マイナンバー-like numbers
 * are removed (also full-width, or split by spaces or hyphens), phone numbers and e-mail
 * addresses are masked, and LINE user ids are replaced by a keyed hash (HMAC-SHA256), so one
 * resident's lines can still be followed without the id being readable.
 */
import { createHmac } from 'node:crypto';
import { LOG_MASK, MY_NUMBER_REMOVED, maskPersonalData } from '../reports/index.js';

export { MY_NUMBER_REMOVED };

/** LINE user ids: `U` + 32 hex digits. */
const USER_ID = /\bU[0-9a-f]{32}\b/g;
/** Keys whose string values are LINE user ids whatever they look like. */
const USER_ID_KEYS = new Set(['userId', 'userIds', 'to', 'recipient', 'recipients']);

export type HashUserId = (userId: string) => string;

/** `uid:` + the first 16 hex digits of HMAC-SHA256(key, id). */
export function createUserIdHasher(key: string): HashUserId {
  const cache = new Map<string, string>();
  return (id) => {
    let hashed = cache.get(id);
    if (hashed === undefined) {
      hashed = `uid:${createHmac('sha256', key).update(id).digest('hex').slice(0, 16)}`;
      if (cache.size > 10_000) cache.clear();
      cache.set(id, hashed);
    }
    return hashed;
  };
}

/** Redacts one text. NFKC first, so full-width digits and letters are caught too. */
export function redactText(text: string, hashUserId: HashUserId): string {
  // The patterns are shared with the question log (src/reports/mask.ts).
  return maskPersonalData(text, LOG_MASK).replace(USER_ID, (id) => hashUserId(id));
}

function errorToObject(err: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { type: err.name, message: err.message };
  for (const k of ['code', 'status', 'endpoint', 'reason', 'requestId', 'lineMessage']) {
    const v = (err as unknown as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  if (err.stack) out.stack = err.stack;
  if (err.cause !== undefined) out.cause = err.cause;
  return out;
}

/**
 * Redacts a log object deeply (strings, numbers, errors, arrays); values under user-id keys are
 * hashed whatever their shape. Cycles and very deep values are cut.
 */
export function redactValue(
  value: unknown,
  hashUserId: HashUserId,
  key?: string,
  depth = 0,
): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') {
    return key && USER_ID_KEYS.has(key) ? hashUserId(value) : redactText(value, hashUserId);
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) && String(Math.abs(value)).length === 12
      ? MY_NUMBER_REMOVED
      : value;
  }
  if (typeof value === 'bigint') return redactText(value.toString(), hashUserId);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof Error) return redactValue(errorToObject(value), hashUserId, key, depth + 1);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, hashUserId, key, depth + 1));
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, hashUserId, k, depth + 1);
  return out;
}
