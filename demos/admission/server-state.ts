import { memoryBackend, monotonic, processWide, recordersEnded, redisBackend, relayBackend, relaysRuns, Runs, type Backend } from '../engine'
import { loadConfig, redisUrl, type DemoConfig } from './config'
import { ClientShare, Gauge, RateLimiter } from './limits'
import { RunHistory } from './run-history'
import { RunShare } from './run-share'

/** What every demo request of this server process shares: its limits, its runs and its counters. */
export interface ServerState {
  config: DemoConfig
  runs: Runs
  /** `memory` (this process only) or `redis` (shared by every instance on the same Redis). */
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

/** A run still running this long past its own limit is taken for lost (its instance died) by whoever reads it. */
const LOST_RUN_MARGIN_MS = 10_000

function createBackend(config: DemoConfig, url: string | undefined): Backend {
  // An emulated serverless instance keeps no runs: the site that supervises it does (see serverless/).
  if (relaysRuns()) return relayBackend()
  if (!url) return memoryBackend({ maxRuns: config.maxRuns, maxAgeMs: config.runMaxAgeMs, clock: monotonic })
  const backend = redisBackend({
    url,
    maxRuns: config.maxRuns,
    maxAgeMs: config.runMaxAgeMs,
    // Instances compare ages across processes: the wall clock, not this process's monotonic one.
    clock: Date.now,
    runDeadlineMs: config.maxRunMs + LOST_RUN_MARGIN_MS,
    heartbeatMs: config.redisHeartbeatMs,
  })
  holdExitUntilRunsEnd(backend)
  return backend
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
  const backend = createBackend(config, url)
  // Evicting on a timer, not only on the next request, lets an idle server give the space back.
  setInterval(() => void backend.store.evictExpired().catch(() => {}), Math.min(config.runMaxAgeMs, 60_000)).unref()
  const runs = new Runs(backend)
  return {
    config,
    runs,
    store: url ? 'redis' : 'memory',
    rateLimiter: new RateLimiter({
      perMinute: config.ratePerMinute,
      burst: config.rateBurst,
      maxClients: config.rateMaxClients,
      clock: monotonic,
    }),
    runsInFlight: new Gauge('runs in flight', config.maxRunsInFlight, 5),
    runShare: new RunShare({
      share: config.runsPerClient,
      maxRuns: config.maxRuns,
      maxAgeMs: config.runMaxAgeMs,
      clock: monotonic,
      isKept: async (runId) => (await runs.get(runId)) !== undefined,
    }),
    history: new RunHistory({ max: 4 * config.maxRuns, clock: monotonic }),
    streams: new Gauge('open event streams', config.maxStreams, 10),
    streamShare: new ClientShare('open event streams', config.streamsPerClient),
    streamRateLimiter: new RateLimiter({
      perMinute: config.streamRatePerMinute,
      burst: config.streamRateBurst,
      maxClients: config.rateMaxClients,
      clock: monotonic,
      what: 'event streams opened',
    }),
    startedAt: new Date().toISOString(),
  }
}

/** The server state of this process, made on first use. */
export const serverState = processWide('server-state', createServerState)
