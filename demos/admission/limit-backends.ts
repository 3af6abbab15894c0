import { monotonic, type Clock, type Runs } from '../engine'
import type { DemoConfig } from './config'
import { MemoryClientShare, MemoryGauge, MemoryRateLimiter } from './limits'
import { RedisClientShare, RedisGauge, RedisRateLimiter, RedisRunHistory, RedisRunShare, type RedisPlace } from './redis-limits'
import { MemoryRunHistory } from './run-history'
import { MemoryRunShare } from './run-share'
import type { ServerState } from './server-state'

/** A run still running this long past its own limit is taken for lost (its instance died) by whoever reads it. */
export const LOST_RUN_MARGIN_MS = 10_000

/** The limits a server state holds, from one backend. */
export type Limits = Pick<ServerState, 'rateLimiter' | 'runsInFlight' | 'runShare' | 'history' | 'streams' | 'streamShare' | 'streamRateLimiter'>

const rateLimits = (config: DemoConfig, clock: () => number) => ({
  runs: { perMinute: config.ratePerMinute, burst: config.rateBurst, maxClients: config.rateMaxClients, clock },
  streams: {
    perMinute: config.streamRatePerMinute,
    burst: config.streamRateBurst,
    maxClients: config.rateMaxClients,
    clock,
    what: 'event streams opened',
  },
})

/** The limits of this process alone, for the in-memory store. */
export function memoryLimits(config: DemoConfig, runs: Runs, clock: Clock = monotonic): Limits {
  const rates = rateLimits(config, clock)
  return {
    rateLimiter: new MemoryRateLimiter(rates.runs),
    runsInFlight: new MemoryGauge('runs in flight', config.maxRunsInFlight, 5),
    runShare: new MemoryRunShare({
      share: config.runsPerClient,
      maxRuns: config.maxRuns,
      maxAgeMs: config.runMaxAgeMs,
      clock,
      keptOf: async (ids) => new Set((await Promise.all(ids.map((id) => runs.get(id)))).flatMap((run) => (run ? [run.id] : []))),
    }),
    history: new MemoryRunHistory({ max: 4 * config.maxRuns, clock }),
    streams: new MemoryGauge('open event streams', config.maxStreams, 10),
    streamShare: new MemoryClientShare('open event streams', config.streamsPerClient),
    streamRateLimiter: new MemoryRateLimiter(rates.streams),
  }
}

/**
 * The limits every instance on the Redis shares, beside its runs. A slot is
 * held at most a run's or a stream's lifetime, so the keys of an instance
 * that died go away by themselves (its slots stop counting sooner: when its
 * heartbeat does). `clock` is the wall clock: instances compare times
 * across processes, which a per-process monotonic clock cannot do.
 */
export function redisLimits(config: DemoConfig, place: RedisPlace, clock: Clock = Date.now): Limits {
  const rates = rateLimits(config, clock)
  const runHoldMs = config.maxRunMs + config.pageClaimMs + LOST_RUN_MARGIN_MS
  const streamHoldMs = config.streamMaxLifetimeMs + LOST_RUN_MARGIN_MS
  return {
    rateLimiter: new RedisRateLimiter(place, rates.runs),
    runsInFlight: new RedisGauge(place, 'runs in flight', config.maxRunsInFlight, 5, runHoldMs),
    runShare: new RedisRunShare(place, { share: config.runsPerClient, maxRuns: config.maxRuns, maxAgeMs: config.runMaxAgeMs, clock }),
    history: new RedisRunHistory(place, { max: 4 * config.maxRuns, clock }),
    streams: new RedisGauge(place, 'open event streams', config.maxStreams, 10, streamHoldMs),
    streamShare: new RedisClientShare(place, 'open event streams', config.streamsPerClient, streamHoldMs),
    streamRateLimiter: new RedisRateLimiter(place, rates.streams),
  }
}

