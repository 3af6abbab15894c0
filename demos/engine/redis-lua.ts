/**
 * The Redis backend's scripts. Each runs atomically in Redis, so a check and
 * the write it guards (a run still running, a slot still free) cannot be
 * split by another instance's write. ARGV[1] is every script's key prefix.
 *
 * Keys under the prefix: `run:<id>` (hash: scenario, params, ref, status,
 * order, createdAt, owner, deadline), `events:<id>` (list of event JSON),
 * `runs` and `ended` (sorted sets of run ids by creation order), `ref:<ref>`
 * (the newest run id of a client reference), `order` (the creation counter),
 * `instance:<owner>` (a live instance's heartbeat, with a TTL), and the
 * channel `feed` every message is published on. The scripts that write an
 * event or an end publish it themselves: one round trip, and nothing is
 * published that Redis did not keep.
 */
const COMMON = `
local P = ARGV[1]

local function publishEnd(id, status)
  redis.call('PUBLISH', P .. 'feed', '{"runId":"' .. id .. '","message":{"kind":"end","status":"' .. status .. '"}}')
end

local function evict(id)
  local key = P .. 'run:' .. id
  local status, ref = unpack(redis.call('HMGET', key, 'status', 'ref'))
  redis.call('DEL', key, P .. 'events:' .. id)
  redis.call('ZREM', P .. 'runs', id)
  redis.call('ZREM', P .. 'ended', id)
  -- A reused reference points at the newer run; only drop it if it is this one.
  if ref and redis.call('GET', P .. 'ref:' .. ref) == id then redis.call('DEL', P .. 'ref:' .. ref) end
  if status == 'running' then publishEnd(id, 'expired') end
end

-- Oldest first, stopping at the first run young enough to keep (creation order is age order).
local function evictAged(now, maxAge)
  while true do
    local oldest = redis.call('ZRANGE', P .. 'runs', 0, 99)
    if #oldest == 0 then return end
    for _, id in ipairs(oldest) do
      -- A run whose hash is gone (a Redis that evicts keys under memory pressure) is dropped as aged.
      local createdAt = tonumber(redis.call('HGET', P .. 'run:' .. id, 'createdAt'))
      if createdAt and createdAt > now - maxAge then return end
      evict(id)
    end
  end
end

-- A running run whose owner stopped beating (the instance was killed) or that is past its deadline ends expired.
local function reapIfStale(id, now)
  local key = P .. 'run:' .. id
  local status, owner, deadline, order = unpack(redis.call('HMGET', key, 'status', 'owner', 'deadline', 'order'))
  if status ~= 'running' then return status end
  local alive = redis.call('EXISTS', P .. 'instance:' .. owner) == 1
  if alive and (deadline == '' or tonumber(deadline) > now) then return status end
  redis.call('HSET', key, 'status', 'expired')
  redis.call('ZADD', P .. 'ended', order, id)
  publishEnd(id, 'expired')
  return 'expired'
end
`

/** ARGV: prefix, now, maxAge, maxRuns, id, scenario, params JSON, ref or '', owner, deadline or ''. Returns 1, or 0 when full. */
export const CREATE = `${COMMON}
local now, maxAge, maxRuns = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local id, ref = ARGV[5], ARGV[8]
evictAged(now, maxAge)
if redis.call('ZCARD', P .. 'runs') >= maxRuns then
  -- A killed instance's runs among the oldest are ended first, so they do not hold the slots.
  for _, old in ipairs(redis.call('ZRANGE', P .. 'runs', 0, 9)) do reapIfStale(old, now) end
  local oldest = redis.call('ZRANGE', P .. 'ended', 0, 0)[1]
  if not oldest then return 0 end
  evict(oldest)
end
local order = redis.call('INCR', P .. 'order')
redis.call('HSET', P .. 'run:' .. id, 'scenario', ARGV[6], 'params', ARGV[7], 'status', 'running', 'order', order,
  'createdAt', now, 'owner', ARGV[9], 'deadline', ARGV[10])
if ref ~= '' then
  redis.call('HSET', P .. 'run:' .. id, 'ref', ref)
  redis.call('SET', P .. 'ref:' .. ref, id)
end
redis.call('ZADD', P .. 'runs', order, id)
return 1
`

/** ARGV: prefix, now, maxAge, id. Returns [scenario, params, ref or false, status], or nil for a run not kept. */
export const GET = `${COMMON}
local now, id = tonumber(ARGV[2]), ARGV[4]
evictAged(now, tonumber(ARGV[3]))
if redis.call('EXISTS', P .. 'run:' .. id) == 0 then return nil end
local status = reapIfStale(id, now)
local scenario, params, ref = unpack(redis.call('HMGET', P .. 'run:' .. id, 'scenario', 'params', 'ref'))
return { scenario, params, ref, status }
`

/** ARGV: prefix, now, maxAge, ref. The id of the newest run made with the reference, or nil. */
export const FIND_BY_REF = `${COMMON}
evictAged(tonumber(ARGV[2]), tonumber(ARGV[3]))
return redis.call('GET', P .. 'ref:' .. ARGV[4])
`

/**
 * ARGV: prefix, now, maxAge, id, from. Returns [status, event JSON from seq `from` on...]; status `expired` for a
 * run not kept. One read, so the events and the status agree.
 */
export const SINCE = `${COMMON}
local now, id = tonumber(ARGV[2]), ARGV[4]
evictAged(now, tonumber(ARGV[3]))
if redis.call('EXISTS', P .. 'run:' .. id) == 0 then return { 'expired' } end
local status = reapIfStale(id, now)
local reply = redis.call('LRANGE', P .. 'events:' .. id, tonumber(ARGV[5]), -1)
table.insert(reply, 1, status)
return reply
`

/** ARGV: prefix, id, the event's JSON without its opening brace. Returns its seq, or -1 once the run has ended. */
export const APPEND = `
local P, id = ARGV[1], ARGV[2]
if redis.call('HGET', P .. 'run:' .. id, 'status') ~= 'running' then return -1 end
local seq = redis.call('LLEN', P .. 'events:' .. id)
local event = '{"seq":' .. seq .. ',' .. ARGV[3]
redis.call('RPUSH', P .. 'events:' .. id, event)
redis.call('PUBLISH', P .. 'feed', '{"runId":"' .. id .. '","message":{"kind":"event","event":' .. event .. '}}')
return seq
`

/** ARGV: prefix, id, final status. Returns 1 the first time, 0 after. */
export const END = `${COMMON}
local id = ARGV[2]
local key = P .. 'run:' .. id
if redis.call('HGET', key, 'status') ~= 'running' then return 0 end
redis.call('HSET', key, 'status', ARGV[3])
redis.call('ZADD', P .. 'ended', redis.call('HGET', key, 'order'), id)
publishEnd(id, ARGV[3])
return 1
`

/** ARGV: prefix, now, maxAge. */
export const EVICT_EXPIRED = `${COMMON}
evictAged(tonumber(ARGV[2]), tonumber(ARGV[3]))
return 1
`
