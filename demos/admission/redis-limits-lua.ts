/**
 * The Redis limits' scripts: each checks and takes in one step, so no other
 * instance's request can come in between. ARGV[1] is the key prefix the run
 * store uses too (see `demos/engine/redis-lua.ts`): the run share reads the
 * store's `run:<id>` keys, and the counters its `instance:<owner>` heartbeats.
 *
 * Keys under the prefix: `rate:<what>` (sorted set of clients by when their
 * bucket is full again) and `rate:<what>:<client>` (hash: tokens, at);
 * `slots:<name>` (sorted set of `<instance>/<slot>` leases by deadline); `share:<client>` (sorted
 * set of the client's run ids, and `~<claim>` places still starting, by
 * time); `history` (sorted set of run ids by start time).
 */

const BUCKET = `
local P, what = ARGV[1], ARGV[2]
local now, perMs, burst = tonumber(ARGV[4]), tonumber(ARGV[5]) / 60000, tonumber(ARGV[6])
local clients = P .. 'rate:' .. what

local function tokensOf(key)
  local tokens, at = unpack(redis.call('HMGET', clients .. ':' .. key, 'tokens', 'at'))
  if not tokens then return burst end
  return math.min(burst, tonumber(tokens) + (now - tonumber(at)) * perMs)
end

-- Keeps the bucket until it is full again (a full bucket is what a forgotten client starts with).
local function store(key, tokens, overflow)
  local fullInMs = math.ceil((burst - tokens) / perMs)
  redis.call('HSET', clients .. ':' .. key, 'tokens', tostring(tokens), 'at', now)
  redis.call('PEXPIRE', clients .. ':' .. key, fullInMs + 1000)
  if not overflow then redis.call('ZADD', clients, now + fullInMs, key) end
end
`

/**
 * ARGV: prefix, what, client, now, perMinute, burst, maxClients, overflow key. Returns [1, key] with the token taken,
 * or [0, tokens as a string]. Clients whose bucket is full again are forgotten first; past maxClients - 1 remembered,
 * a new client shares the overflow bucket, so filling the limiter frees no limited client.
 */
export const RATE_TAKE = `${BUCKET}
local client, maxClients, overflowKey = ARGV[3], tonumber(ARGV[7]), ARGV[8]
redis.call('ZREMRANGEBYSCORE', clients, '-inf', now)
local key, overflow = client, false
if not redis.call('ZSCORE', clients, client) and redis.call('ZCARD', clients) >= maxClients - 1 then
  key, overflow = overflowKey, true
end
local tokens = tokensOf(key)
if tokens < 1 then
  store(key, tokens, overflow)
  return { 0, tostring(tokens) }
end
store(key, tokens - 1, overflow)
return { 1, key }
`

/** ARGV: prefix, what, key (as RATE_TAKE returned it), now, perMinute, burst, overflow key. Gives one token back. */
export const RATE_REFUND = `${BUCKET}
local key = ARGV[3]
store(key, math.min(burst, tokensOf(key) + 1), key == ARGV[7])
return 1
`

/**
 * Counts the slots still held: each slot is a lease that ends by itself at its deadline (so a release lost while Redis
 * was away costs its slot only until then), and the slots of an instance whose heartbeat is gone (killed) are dropped.
 */
const LIVE_COUNT = `
local P, key, owner = ARGV[1], ARGV[1] .. ARGV[2], ARGV[3]
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local function liveCount()
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  local total, alive = 0, {}
  for _, slot in ipairs(redis.call('ZRANGE', key, 0, -1)) do
    local holder = string.match(slot, '^(.*)/[^/]*$')
    if alive[holder] == nil then alive[holder] = holder == owner or redis.call('EXISTS', P .. 'instance:' .. holder) == 1 end
    if alive[holder] then total = total + 1 else redis.call('ZREM', key, slot) end
  end
  return total
end
`

/**
 * ARGV: prefix, key, owner, max, ttlMs, take (1) or only check (0), slot id. Returns 1 when there is room (and takes
 * the slot `<owner>/<slot id>`, held at most `ttlMs`, when asked), 0 when full.
 */
export const COUNT_TAKE = `${LIVE_COUNT}
if liveCount() >= tonumber(ARGV[4]) then return 0 end
if ARGV[6] == '1' then
  redis.call('ZADD', key, now + tonumber(ARGV[5]), owner .. '/' .. ARGV[7])
  redis.call('PEXPIRE', key, ARGV[5])
end
return 1
`

/** ARGV: prefix, key, owner, slot id. */
export const COUNT_RELEASE = `
redis.call('ZREM', ARGV[1] .. ARGV[2], ARGV[3] .. '/' .. ARGV[4])
return 1
`

/** ARGV: prefix, key, owner. */
export const COUNT_READ = `${LIVE_COUNT}
return liveCount()
`

/**
 * ARGV: prefix, client, now, maxAge, share, claim, claimMs. Drops the client's runs the store no longer keeps (or past
 * their age) and places never bound, then takes a place: returns [1], or [0, the oldest's time] at the share.
 */
export const SHARE_TAKE = `
local P, now, maxAge, share, claimMs = ARGV[1], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[7])
local key = P .. 'share:' .. ARGV[2]
local listed = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
for i = 1, #listed, 2 do
  local member, at = listed[i], tonumber(listed[i + 1])
  local gone
  if string.sub(member, 1, 1) == '~' then gone = at <= now - claimMs
  else gone = at <= now - maxAge or redis.call('EXISTS', P .. 'run:' .. member) == 0 end
  if gone then redis.call('ZREM', key, member) end
end
if redis.call('ZCARD', key) >= share then
  return { 0, redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2] }
end
redis.call('ZADD', key, now, '~' .. ARGV[6])
redis.call('PEXPIRE', key, maxAge)
return { 1 }
`

/** ARGV: prefix, client, now, maxAge, claim, run id ('' to cancel the claim). */
export const SHARE_BIND = `
local key = ARGV[1] .. 'share:' .. ARGV[2]
redis.call('ZREM', key, '~' .. ARGV[5])
if ARGV[6] ~= '' then
  redis.call('ZADD', key, ARGV[3], ARGV[6])
  redis.call('PEXPIRE', key, ARGV[4])
end
return 1
`

/** ARGV: prefix, now, run id, max ids kept. */
export const HISTORY_RECORD = `
local key = ARGV[1] .. 'history'
redis.call('ZADD', key, ARGV[2], ARGV[3])
redis.call('ZREMRANGEBYRANK', key, 0, -(tonumber(ARGV[4]) + 1))
return 1
`

/** ARGV: prefix, run id. Its start time, or nil. */
export const HISTORY_READ = `
return redis.call('ZSCORE', ARGV[1] .. 'history', ARGV[2])
`
