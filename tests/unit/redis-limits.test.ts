import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { loadConfig, redisLimits, type DemoConfig } from '@/demos/admission'
import { redisBackend, Runs, type Clock } from '@/demos/engine'
import { limitsContract } from './contracts/limits'
import { redisAvailable, startRedis, type RunningRedis } from '../support/redis'

describe.runIf(redisAvailable())('the Redis limits, on a redis-server of their own', () => {
  let redis: RunningRedis
  beforeAll(async () => {
    redis = await startRedis()
  }, 30_000)
  afterAll(() => redis?.stop())

  const open: Array<{ close(): Promise<void> }> = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((backend) => backend.close()))
  })

  /** One instance: a backend and its limits on `prefix`; instances given the same prefix share them. */
  function instance(config: DemoConfig, clock: Clock, prefix = `limits-${randomBytes(6).toString('hex')}:`, heartbeatMs = 1000) {
    const backend = redisBackend({ url: redis.url, prefix, heartbeatMs, maxRuns: config.maxRuns, maxAgeMs: config.runMaxAgeMs, clock })
    open.push(backend)
    return { backend, runs: new Runs(backend), limits: redisLimits(config, backend, clock) }
  }

  limitsContract('redis', (config, clock) => instance(config, clock))

  it('holds across instances: a client limited on one is limited on the other, and the caps count both', async () => {
    const config = { ...loadConfig(), rateBurst: 1, ratePerMinute: 1, maxRunsInFlight: 2, streamsPerClient: 1 }
    const prefix = `shared-${randomBytes(6).toString('hex')}:`
    const [a, b] = [instance(config, Date.now, prefix), instance(config, Date.now, prefix)]
    await a.limits.rateLimiter.take('client')
    await expect(b.limits.rateLimiter.take('client')).rejects.toMatchObject({ status: 429 })
    await a.limits.runsInFlight.acquire()
    await b.limits.runsInFlight.acquire()
    await expect(a.limits.runsInFlight.acquire()).rejects.toMatchObject({ status: 503 })
    expect(await b.limits.runsInFlight.count()).toBe(2)
    await a.limits.streamShare.acquire('client')
    await expect(b.limits.streamShare.acquire('client')).rejects.toMatchObject({ status: 429 })
  })

  it("gives back a dead instance's slots once its heartbeat expires", async () => {
    const config = { ...loadConfig(), maxStreams: 1 }
    const prefix = `dead-${randomBytes(6).toString('hex')}:`
    const [dying, survivor] = [instance(config, Date.now, prefix, 200), instance(config, Date.now, prefix, 200)]
    await dying.limits.streams.acquire()
    await expect(survivor.limits.streams.acquire()).rejects.toMatchObject({ status: 503 })
    // Stands in for SIGKILL: the heartbeat stops, and its slot is never released.
    await dying.backend.close()
    await expect.poll(() => survivor.limits.streams.count(), { timeout: 5000 }).toBe(0)
    await survivor.limits.streams.acquire()
  })
})
