import { memoryBackend, monotonic, processWide, recordersEnded, redisBackend, relayBackend, relaysRuns, Runs, type Backend } from '../engine'
import { loadConfig, redisUrl, type DemoConfig } from './config'
import { LOST_RUN_MARGIN_MS, memoryLimits, redisLimits, type Limits } from './limit-backends'
import type { ClientShare, Gauge, RateLimiter } from './limits'
import type { RunHistory } from './run-history'
import type { RunShare } from './run-share'

/** What every demo request of this server process shares: its limits, its runs and its counters. */
export interface ServerState {
  config: DemoConfig
  runs: Runs
  /** `memory` (this process only) or `redis` (runs and limits shared by every instance on the same Redis). */
  store: 'memory' | 'redis'
  rateLimiter: RateLimiter
  runsInFlight: Gauge
  runShare: RunShare
  /** Recent runs' ids, so a 404 can say what happened to one. */
  history: RunHistory
  streams: Gauge
  streamShare: ClientShare
  streamRateLimiter: RateLimiter
  /** When this server process started (ISO time): a run id it never saw may be from before. */
  startedAt: string
}

/** The store and the limits, in this process's memory or in Redis at `url`. */
function createBackend(config: DemoConfig, url: string | undefined): { backend: Backend; limits: (runs: Runs) => Limits } {
  const memory = (runs: Runs) => memoryLimits(config, runs)
  // An emulated serverless instance keeps no runs: the site that supervises it does (see serverless/).
  if (relaysRuns()) return { backend: relayBackend(), limits: memory }
  if (!url) {
    return { backend: memoryBackend({ maxRuns: config.maxRuns, maxAgeMs: config.runMaxAgeMs, clock: monotonic }), limits: memory }
  }
  const backend = redisBackend({
    url,
    maxRuns: config.maxRuns,
    maxAgeMs: config.runMaxAgeMs,
    clock: Date.now,
    runDeadlineMs: config.maxRunMs + LOST_RUN_MARGIN_MS,
    heartbeatMs: config.redisHeartbeatMs,
  })
  holdExitUntilRunsEnd(backend)
  return { backend, limits: () => redisLimits(config, backend) }
}

/**
 * On SIGTERM `next start` waits for its requests and after() callbacks, then
 * calls process.exit. A run ends a moment later (`settleMs`) and its last
 * writes are in flight to Redis; in memory that loss would not matter, but
 * with Redis the run's viewers on other instances would see it expire. So
 * exit waits until this process's runs have ended and their writes are
 * stored (each run is bounded by `maxRunMs`), then stops the heartbeat.
 */
function holdExitUntilRunsEnd(backend: Backend): void {
  const exit = process.exit.bind(process)
  let leaving = false
  process.exit = ((code?: number) => {
    // Only a clean exit waits: a failing process leaves at once, as it would have.
    if (leaving || (code !== undefined && code !== 0)) return exit(code)
    leaving = true
    void recordersEnded()
      .then(() => backend.close?.())
      .finally(() => exit(code))
  }) as typeof process.exit
}

/**
 * A server state with its own store, limiters and counters (one per process:
 * `serverState`; tests make their own). Runs live in Redis when `url` is set,
 * else in this process's memory.
 */
export function createServerState(config: DemoConfig = loadConfig(), url: string | undefined = redisUrl()): ServerState {
  const { backend, limits } = createBackend(config, url)
  // Evicting on a timer, not only on the next request, lets an idle server give the space back.
  setInterval(() => void backend.store.evictExpired().catch(() => {}), Math.min(config.runMaxAgeMs, 60_000)).unref()
  const runs = new Runs(backend)
  return {
    config,
    runs,
    store: url ? 'redis' : 'memory',
    ...limits(runs),
    startedAt: new Date().toISOString(),
  }
}

/** The server state of this process, made on first use. */
export const serverState = processWide('server-state', createServerState)
