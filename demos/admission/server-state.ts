import { monotonic } from './engine/clock'
import { Gauge, RateLimiter } from './engine/limits'
import { MemoryRunStore, type RunStore } from './engine/run-store'
import { loadConfig, type DemoConfig } from './config'

export interface DemoRuntime {
  config: DemoConfig
  store: RunStore
  rateLimiter: RateLimiter
  runsInFlight: Gauge
  streams: Gauge
}

function createRuntime(): DemoRuntime {
  const config = loadConfig()
  const store = new MemoryRunStore({ maxRuns: config.maxRuns, maxAgeMs: config.runMaxAgeMs, clock: monotonic })
  // Evicting on a timer, not only on the next request, lets an idle server give the memory back.
  setInterval(() => store.evictExpired(), Math.min(config.runMaxAgeMs, 60_000)).unref()
  return {
    config,
    store,
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

const KEY = Symbol.for('after-guide.demo-runtime')
type WithRuntime = typeof globalThis & { [KEY]?: DemoRuntime }

/**
 * The process-wide runtime. Kept on globalThis because Next.js may load the
 * route modules that share it as separate bundles.
 */
export function demoRuntime(): DemoRuntime {
  const holder = globalThis as WithRuntime
  return (holder[KEY] ??= createRuntime())
}
