/**
 * Lua scripts of the Redis stores (BullMQ's habit: several keys change atomically in one script,
 * named `<name>-<keyCount>`), sent by SHA and loaded only when Redis does not know them yet.
 */
import { createHash } from 'node:crypto';
import type { RedisConnection } from './redis-connection.js';

export interface LuaScript {
  readonly name: string;
  /** How many KEYS the script declares. */
  readonly keys: number;
  readonly lua: string;
  readonly sha: string;
}

export function luaScript(name: string, keys: number, lua: string): LuaScript {
  return { name, keys, lua, sha: createHash('sha1').update(lua).digest('hex') };
}

/** EVALSHA, falling back to EVAL (which loads the script) when Redis answers NOSCRIPT. */
export async function runScript(
  redis: RedisConnection,
  s: LuaScript,
  keyNames: string[],
  args: Array<string | number>,
): Promise<unknown> {
  if (keyNames.length < s.keys) throw new Error(`script ${s.name} needs ${s.keys} keys`);
  try {
    return await redis.evalsha(s.sha, keyNames.length, ...keyNames, ...args);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return await redis.eval(s.lua, keyNames.length, ...keyNames, ...args);
  }
}
