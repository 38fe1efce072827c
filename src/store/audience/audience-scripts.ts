/**
 * The Lua scripts of the Redis audience (BullMQ's habit: several keys change atomically in one
 * script, named `<name>-<keyCount>`). Every key shares the `{aud}` hash tag, so the dimension
 * bitmaps the update script names from stored settings live in the same cluster slot as the
 * declared keys.
 */
import { luaScript } from '../lua-script.js';

/**
 * update-6: one resident's follow, block or new settings, atomically.
 * KEYS: 1 residents (id → index), 2 ids (index → id), 3 settings (id → JSON), 4 seq, 5 active,
 *       6 blocked.
 * ARGV: 1 dimension key prefix, 2 op (set | follow | block), 3 user id, 4 settings JSON (set,
 *       and follow of someone new), 5… dimension suffixes of those settings.
 * Returns 1 when something was written, 0 for a block of an unknown resident.
 */
export const updateScript = luaScript(
  'update-6',
  6,
  `
local dim, op, uid, json = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local blockedKey = KEYS[6]
local idx = redis.call('HGET', KEYS[1], uid)
local function setActive(i, stopped)
  local blocked = redis.call('GETBIT', blockedKey, i)
  redis.call('SETBIT', KEYS[5], i, (blocked == 0 and not stopped) and 1 or 0)
end
local function stoppedOf(raw)
  return raw and cjson.decode(raw).stopped == true
end
if not idx then
  if op == 'block' then return 0 end
  idx = redis.call('INCR', KEYS[4]) - 1
  redis.call('HSET', KEYS[1], uid, idx)
  redis.call('HSET', KEYS[2], idx, uid)
else
  idx = tonumber(idx)
  if op == 'block' then
    redis.call('SETBIT', blockedKey, idx, 1)
    redis.call('SETBIT', KEYS[5], idx, 0)
    return 1
  end
  if op == 'follow' then
    redis.call('SETBIT', blockedKey, idx, 0)
    setActive(idx, stoppedOf(redis.call('HGET', KEYS[3], uid)))
    return 1
  end
  local raw = redis.call('HGET', KEYS[3], uid)
  if raw then
    local old = cjson.decode(raw)
    for _, t in ipairs(old.topics or {}) do redis.call('SETBIT', dim .. 't:' .. t, idx, 0) end
    if type(old.area) == 'string' then redis.call('SETBIT', dim .. 'a:' .. old.area, idx, 0) end
    if type(old.age) == 'string' then redis.call('SETBIT', dim .. 'g:' .. old.age, idx, 0) end
  end
end
for i = 5, #ARGV do redis.call('SETBIT', dim .. ARGV[i], idx, 1) end
redis.call('HSET', KEYS[3], uid, json)
setActive(idx, stoppedOf(json))
return 1
`,
);

/**
 * select-6: counts (and for a snapshot, keeps) active ∧ (OR of group 1) ∧ (OR of group 2) ∧ ….
 * KEYS: 1 active, 2 destination, 3 snapshots hash, 4-6 scratch, 7… the groups' bitmaps in order.
 * ARGV: 1 mode (count | snapshot), 2 snapshot key (the field in KEYS[3]), 3… size of each group.
 * A snapshot that exists already is returned as it is (idempotent).
 */
export const selectScript = luaScript(
  'select-6',
  6,
  `
local mode = ARGV[1]
if mode == 'snapshot' then
  local existing = redis.call('HGET', KEYS[3], ARGV[2])
  if existing then return tonumber(existing) end
end
local sources = { KEYS[1] }
local k = 7
for g = 3, #ARGV do
  local n = tonumber(ARGV[g])
  if n == 1 then
    sources[#sources + 1] = KEYS[k]
  elseif n > 1 then
    local group = {}
    for i = k, k + n - 1 do group[#group + 1] = KEYS[i] end
    local scratch = KEYS[4 + g - 3]
    redis.call('BITOP', 'OR', scratch, unpack(group))
    sources[#sources + 1] = scratch
  end
  k = k + n
end
redis.call('BITOP', 'AND', KEYS[2], unpack(sources))
local count = redis.call('BITCOUNT', KEYS[2])
redis.call('DEL', KEYS[4], KEYS[5], KEYS[6])
if mode == 'snapshot' then
  redis.call('HSET', KEYS[3], ARGV[2], count)
else
  redis.call('DEL', KEYS[2])
end
return count
`,
);
