import { memoryBackend, monotonic, processWide, Runs } from '../engine'
import { loadConfig, type DemoConfig } from './config'
import { ClientShare, Gauge, RateLimiter } from './limits'
import { RunHistory } from './run-history'
import { RunShare } from './run-share'

/** What every demo request of this server process shares: its limits, its runs and its counters. */
export interface ServerState {
  config: DemoConfig
  runs: Runs
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

/** A server state with its own store, limiters and counters (one per process: `serverState`; tests make their own). */
export function createServerState(config: DemoConfig = loadConfig()): ServerState {
  const backend = memoryBackend({ maxRuns: config.maxRuns, maxAgeMs: config.runMaxAgeMs, clock: monotonic })
  // Evicting on a timer, not only on the next request, lets an idle server give the memory back.
  setInterval(() => backend.store.evictExpired(), Math.min(config.runMaxAgeMs, 60_000)).unref()
  const runs = new Runs(backend)
  return {
    config,
    runs,
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
      isKept: (runId) => runs.get(runId) !== undefined,
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
