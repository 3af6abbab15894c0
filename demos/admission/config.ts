/**
 * Limits of the demo endpoints. Every value can be set from the environment
 * (for a bigger deployment, or for tests that need a tight limit); the
 * defaults suit one small public server.
 */
const fromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

/** A count that may be 0 (trust no proxy), read like `fromEnv`. */
const wholeFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (0 or more), got "${raw}"`)
  return value
}

export interface DemoConfig {
  ratePerMinute: number
  rateBurst: number
  rateMaxClients: number
  maxRuns: number
  runMaxAgeMs: number
  maxRunMs: number
  maxRunsInFlight: number
  maxStreams: number
  streamHeartbeatMs: number
  streamMaxLifetimeMs: number
  settleMs: number
  /** How often an instance tells the others on Redis that it is alive (see `redisUrl`). */
  redisHeartbeatMs: number
  pageClaimMs: number
  runsPerClient: number
  streamsPerClient: number
  streamRatePerMinute: number
  streamRateBurst: number
  /**
   * How many proxies in front of the server append to X-Forwarded-For and are
   * trusted to: 0 (the default) trusts none, and the client is the socket's peer.
   */
  trustedProxyHops: number
  /** The longest an emulated serverless instance stays frozen waiting for its next invocation before it is discarded. */
  frozenMaxMs: number
}

export function loadConfig(): DemoConfig {
  return {
    ratePerMinute: fromEnv('AFTER_GUIDE_RATE_PER_MINUTE', 60),
    rateBurst: fromEnv('AFTER_GUIDE_RATE_BURST', 20),
    rateMaxClients: fromEnv('AFTER_GUIDE_RATE_MAX_CLIENTS', 10_000),
    maxRuns: fromEnv('AFTER_GUIDE_MAX_RUNS', 1000),
    runMaxAgeMs: fromEnv('AFTER_GUIDE_RUN_MAX_AGE_MS', 10 * 60_000),
    maxRunMs: fromEnv('AFTER_GUIDE_MAX_RUN_MS', 60_000),
    maxRunsInFlight: fromEnv('AFTER_GUIDE_MAX_RUNS_IN_FLIGHT', 200),
    maxStreams: fromEnv('AFTER_GUIDE_MAX_STREAMS', 400),
    streamHeartbeatMs: fromEnv('AFTER_GUIDE_STREAM_HEARTBEAT_MS', 15_000),
    streamMaxLifetimeMs: fromEnv('AFTER_GUIDE_STREAM_MAX_LIFETIME_MS', 90_000),
    settleMs: fromEnv('AFTER_GUIDE_SETTLE_MS', 30),
    redisHeartbeatMs: fromEnv('AFTER_GUIDE_REDIS_HEARTBEAT_MS', 2000),
    pageClaimMs: fromEnv('AFTER_GUIDE_PAGE_CLAIM_MS', 10_000),
    // Half the store: whatever one client does, the other half holds other visitors' runs.
    runsPerClient: fromEnv('AFTER_GUIDE_RUNS_PER_CLIENT', Math.max(1, Math.floor(fromEnv('AFTER_GUIDE_MAX_RUNS', 1000) / 2))),
    streamsPerClient: fromEnv('AFTER_GUIDE_STREAMS_PER_CLIENT', 20),
    streamRatePerMinute: fromEnv('AFTER_GUIDE_STREAM_RATE_PER_MINUTE', 120),
    streamRateBurst: fromEnv('AFTER_GUIDE_STREAM_RATE_BURST', 40),
    trustedProxyHops: wholeFromEnv('AFTER_GUIDE_TRUSTED_PROXY_HOPS', 0),
    frozenMaxMs: fromEnv('AFTER_GUIDE_FROZEN_MAX_MS', 60_000),
  }
}

/** `AFTER_GUIDE_REDIS_URL`: runs and their events in Redis, shared by every instance; unset, in this process's memory. */
export const redisUrl = (): string | undefined => process.env.AFTER_GUIDE_REDIS_URL || undefined
