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
  pageClaimMs: number
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
    pageClaimMs: fromEnv('AFTER_GUIDE_PAGE_CLAIM_MS', 10_000),
  }
}
