import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { randomBytes } from 'node:crypto'
import { loadConfig, redisLimits, type DemoConfig } from '@/demos/admission'
import { EVENTS, LANES, redisBackend, Runs, type Clock, type RunMessage } from '@/demos/engine'
import { fakeClock, type BackendFactory } from './contracts/backend'
import { eventFeedContract } from './contracts/event-feed'
import { limitsContract } from './contracts/limits'
import { runStoreContract } from './contracts/run-store'
import { redisAvailable, startRedis, type RunningRedis } from '../support/redis'

describe.runIf(redisAvailable())('the Redis backend and limits, on a redis-server of their own', () => {
  let redis: RunningRedis
  beforeAll(async () => {
    redis = await startRedis()
  }, 30_000)
  afterAll(() => redis?.stop())

  const open: Array<{ close(): Promise<void> }> = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((backend) => backend.close()))
  })

  /** A backend on its own key prefix, as if on a Redis of its own; `prefix` shares one between "instances". */
  function connect(limits: Parameters<BackendFactory>[0], prefix = `test-${randomBytes(6).toString('hex')}:`, heartbeatMs = 1000) {
    const backend = redisBackend({ url: redis.url, prefix, heartbeatMs, ...limits })
    open.push(backend)
    return backend
  }

  runStoreContract('redis', (limits) => connect(limits))
  eventFeedContract('redis', (limits) => connect(limits))

  const event = (label: string) => ({ type: EVENTS.effectLogged, label, lane: LANES.sideEffect, phase: 'instant' as const })
  const describeMessage = (message: RunMessage): string => (message.kind === 'event' ? message.event.label : `end:${message.status}`)
  const limits = { maxRuns: 10, maxAgeMs: 60_000, clock: Date.now }

  describe('Redis backend across instances', () => {
    it('a run written by one instance is followed from another, resumed from a third after a given event', async () => {
      const prefix = `shared-${randomBytes(6).toString('hex')}:`
      const [a, b, c] = [connect(limits, prefix), connect(limits, prefix), connect(limits, prefix)]
      const run = (await new Runs(a).create('after', {}))!
      const onB = (await new Runs(b).get(run.id))!
      const seen: string[] = []
      onB.subscribe((message) => seen.push(describeMessage(message)))
      for (let i = 0; i < 30; i++) run.append(event(`e${i}`), i)
      await vi.waitFor(() => expect(seen).toHaveLength(30))
      const resumed: string[] = []
      ;(await new Runs(c).get(run.id))!.subscribe((message) => resumed.push(describeMessage(message)), 24)
      run.end('complete')
      const labels = Array.from({ length: 30 }, (_, i) => `e${i}`)
      await vi.waitFor(() => expect(seen).toEqual([...labels, 'end:complete']))
      await vi.waitFor(() => expect(resumed).toEqual([...labels.slice(25), 'end:complete']))
    })

    it("ends a run as expired once its instance stops beating, for whoever follows it", async () => {
      const prefix = `shared-${randomBytes(6).toString('hex')}:`
      const owner = connect(limits, prefix, 200)
      const reader = connect(limits, prefix, 200)
      const run = (await new Runs(owner).create('after', {}))!
      run.append(event('before the crash'), 1)
      await run.flushed()
      const seen: string[] = []
      ;(await new Runs(reader).get(run.id))!.subscribe((message) => seen.push(describeMessage(message)))
      await vi.waitFor(() => expect(seen).toEqual(['before the crash']))
      // Stands in for SIGKILL: the heartbeat stops and its key is gone.
      await owner.close()
      await vi.waitFor(() => expect(seen).toEqual(['before the crash', 'end:expired']), { timeout: 5000 })
      expect((await reader.store.get(run.id))?.status).toBe('expired')
    })

    it('ends a run still running past its deadline as expired, though its instance is alive', async () => {
      const clock = fakeClock()
      const backend = redisBackend({ url: redis.url, prefix: `deadline-${randomBytes(6).toString('hex')}:`, heartbeatMs: 1000, ...limits, clock, runDeadlineMs: 5000 })
      open.push(backend)
      const run = (await new Runs(backend).create('after', {}))!
      const seen: string[] = []
      run.subscribe((message) => seen.push(describeMessage(message)))
      clock.advance(4999)
      expect(await run.status()).toBe('running')
      clock.advance(1)
      expect(await run.status()).toBe('expired')
      await vi.waitFor(() => expect(seen).toEqual(['end:expired']))
    })

    it('answers StoreUnavailableError while Redis is down, and serves again once it is back', async () => {
      const backend = connect(limits)
      expect(await backend.store.create('after', {})).toBeDefined()
      await redis.stop()
      await expect(backend.store.create('after', {})).rejects.toMatchObject({ name: 'StoreUnavailableError', message: expect.stringMatching(/Redis at 127\.0\.0\.1:\d+\) is unreachable/) })
      await redis.restart()
      await vi.waitFor(async () => expect(await backend.store.create('after', {})).toBeDefined(), { timeout: 10_000, interval: 200 })
    })
  })

  describe('Redis limits', () => {
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

    it('ends a slot whose release never arrived (Redis was away) at its deadline, under steady traffic', async () => {
      const config = { ...loadConfig(), maxStreams: 2, streamMaxLifetimeMs: 300 }
      const { limits } = instance(config, Date.now)
      await limits.streams.acquire() // its release is lost: never called
      // Steady traffic: other streams open and close meanwhile, which must not keep the lost slot counted.
      const openAndCount = async () => {
        const release = await limits.streams.acquire()
        const count = await limits.streams.count()
        release()
        return count
      }
      // The deadline is the stream's lifetime plus the margin every slot is held for (LOST_RUN_MARGIN_MS, 10 s).
      await expect.poll(openAndCount, { timeout: 25_000, interval: 250 }).toBe(1)
    }, 30_000)
  })
})
