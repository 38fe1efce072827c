/**
 * The Lua scripts of the Redis reminder store (`<name>-<keyCount>`): a reminder lives in its
 * resident's hash and in its class's set, and both change in one script. Every key shares the
 * `{rem}` hash tag (one cluster slot).
 */
import { luaScript } from '../lua-script.js';

/**
 * add-3. KEYS: 1 user hash, 2 class set, 3 classes set. ARGV: 1 class id, 2 user id, 3 JSON,
 * 4 max. Returns `added`, `exists` or `full`.
 */
export const addScript = luaScript(
  'add-3',
  3,
  `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 'exists' end
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then return 'full' end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[1])
return 'added'
`,
);

const REMOVE = `
local function remove()
  local n = redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('SREM', KEYS[2], ARGV[2])
  if redis.call('SCARD', KEYS[2]) == 0 then redis.call('SREM', KEYS[3], ARGV[1]) end
  return n
end
`;

/** remove-3. KEYS as add. ARGV: 1 class id, 2 user id. Returns 1 when a reminder was removed. */
export const removeScript = luaScript('remove-3', 3, `${REMOVE}\nreturn remove()`);

/**
 * update-3: compare-and-set on the stored version. KEYS as add. ARGV: 1 class id, 2 user id,
 * 3 expected version, 4 the new JSON ('' deletes). Returns 1 when written, 0 otherwise.
 */
export const updateScript = luaScript(
  'update-3',
  3,
  `${REMOVE}
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return 0 end
if tonumber(cjson.decode(cur).version) ~= tonumber(ARGV[3]) then return 0 end
if ARGV[4] == '' then remove() else redis.call('HSET', KEYS[1], ARGV[1], ARGV[4]) end
return 1
`,
);

/**
 * put-week-1: compare-and-set of an announcement record. KEYS: 1 week key. ARGV: 1 expected
 * stored version (0 = none), 2 JSON, 3 seconds to keep it. Returns 1 when written.
 */
export const putWeekScript = luaScript(
  'put-week-1',
  1,
  `
local cur = redis.call('GET', KEYS[1])
local v = 0
if cur then v = tonumber(cjson.decode(cur).version) end
if v ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
return 1
`,
);
