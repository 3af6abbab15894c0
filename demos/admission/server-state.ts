import { memoryBackend, monotonic, processWide, Runs } from '../engine'
import { loadConfig, type DemoConfig } from './config'
import { Gauge, RateLimiter } from './limits'

/** What every demo request of this server process shares: its limits, its runs and its counters. */
export interface ServerState {
  config: DemoConfig
  runs: Runs
  rateLimiter: RateLimiter
  runsInFlight: Gauge
  streams: Gauge
}

function createServerState(): ServerState {
  const config = loadConfig()
  const backend = memoryBackend({ maxRuns: config.maxRuns, maxAgeMs: config.runMaxAgeMs, clock: monotonic })
  // Evicting on a timer, not only on the next request, lets an idle server give the memory back.
  setInterval(() => backend.store.evictExpired(), Math.min(config.runMaxAgeMs, 60_000)).unref()
  return {
    config,
    runs: new Runs(backend),
    rateLimiter: new RateLimiter({
      perMinute: config.ratePerMinute,
      burst: config.rateBurst,
      maxClients: config.rateMaxClients,
      clock: monotonic,
    }),
    runsInFlight: new Gauge('runs in flight', config.maxRunsInFlight, 5),
    streams: new Gauge('open event streams', config.maxStreams, 10),
  }
}

/** The server state of this process, made on first use. */
export const serverState = processWide('server-state', createServerState)
