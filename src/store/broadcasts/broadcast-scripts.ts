/**
 * The Lua scripts of the Redis broadcast store, named `<name>-<keyCount>` (BullMQ's habit).
 * Each changes several keys, or reads and writes one, atomically: two workers can never both
 * claim, settle or cancel the same batch. All keys share the `{bc}` hash tag.
 */
import { luaScript } from '../lua-script.js';

/**
 * replace-3: create (ARGV 6 = 1) or compare-and-set (stored version = ARGV 2 − 1) a record.
 * KEYS: 1 record, 2 index, 3 active. ARGV: 1 JSON, 2 version, 3 id, 4 created ms,
 * 5 active (1/0), 6 create (1/0). Returns 1 when written, 0 when not.
 */
export const replaceScript = luaScript(
  'replace-3',
  3,
  `
local current = redis.call('GET', KEYS[1])
if ARGV[6] == '1' then
  if current then return 0 end
else
  if not current then return 0 end
  if tonumber(cjson.decode(current).version) ~= tonumber(ARGV[2]) - 1 then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1])
if ARGV[6] == '1' then redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3]) end
if ARGV[5] == '1' then redis.call('SADD', KEYS[3], ARGV[3]) else redis.call('SREM', KEYS[3], ARGV[3]) end
return 1
`,
);

/**
 * claim-1: take up a batch. KEYS: 1 batches. ARGV: 1 batch number, 2 the new record (status
 * sending, retry key, attempts 1). Keeps a stored key (and counts the attempt); leaves a
 * settled batch alone. Returns {'claimed' | 'settled', record JSON}.
 */
export const claimScript = luaScript(
  'claim-1',
  1,
  `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  return {'claimed', ARGV[2]}
end
local r = cjson.decode(current)
if r.status ~= 'sending' then return {'settled', current} end
r.attempts = (tonumber(r.attempts) or 0) + 1
local json = cjson.encode(r)
redis.call('HSET', KEYS[1], ARGV[1], json)
return {'claimed', json}
`,
);

/**
 * settle-2: settle a batch unless it is settled. KEYS: 1 batches, 2 settled counter.
 * ARGV: 1 batch number, 2 record JSON. Returns {1 | 0 (changed), settled count}.
 */
export const settleScript = luaScript(
  'settle-2',
  2,
  `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and cjson.decode(current).status ~= 'sending' then
  return {0, tonumber(redis.call('GET', KEYS[2]) or '0')}
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return {1, redis.call('INCR', KEYS[2])}
`,
);

/**
 * settle-unclaimed-2: settle every batch below ARGV 1 that has no record (no worker took it
 * up) with ARGV 2. KEYS: 1 batches, 2 settled counter.
 * Returns the settled count.
 */
export const settleUnclaimedScript = luaScript(
  'settle-unclaimed-2',
  2,
  `
local n = 0
for i = 0, tonumber(ARGV[1]) - 1 do
  if redis.call('HSETNX', KEYS[1], tostring(i), ARGV[2]) == 1 then n = n + 1 end
end
if n > 0 then return redis.call('INCRBY', KEYS[2], n) end
return tonumber(redis.call('GET', KEYS[2]) or '0')
`,
);
