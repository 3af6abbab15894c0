import { describe, expect, it } from 'vitest'
import { loadConfig, type DemoConfig, type Limits } from '@/demos/admission'
import type { Runs } from '@/demos/engine'
import { fakeClock } from './backend'

/** Makes fresh limits (and the run store they read) with this configuration and clock; a contract calls it once per test. */
export type LimitsFactory = (config: DemoConfig, clock: () => number) => { limits: Limits; runs: Runs }

/** The status and Retry-After of what `attempt` threw, or undefined if it did not. */
async function refusal(attempt: Promise<unknown>): Promise<{ status: number; retryAfter?: string; message: string } | undefined> {
  try {
    await attempt
    return undefined
  } catch (error) {
    const { status, headers, message } = error as { status: number; headers: Record<string, string>; message: string }
    return { status, retryAfter: headers['Retry-After'], message }
  }
}

/** What every backend of the limits must do (see demos/admission/limits.ts), run against the limits `make` builds. */
export function limitsContract(backend: string, make: LimitsFactory) {
  describe(`limits contract: ${backend}`, () => {
    const limitsOf = (overrides: Partial<DemoConfig>, clock = fakeClock()) => make({ ...loadConfig(), ...overrides }, clock)

    it('rate limiter: allows a burst, then refuses with 429 and Retry-After, then refills', async () => {
      const clock = fakeClock()
      const { rateLimiter } = limitsOf({ ratePerMinute: 60, rateBurst: 3 }, clock).limits
      for (let i = 0; i < 3; i++) await rateLimiter.take('a')
      expect(await refusal(rateLimiter.take('a'))).toMatchObject({ status: 429, retryAfter: '1', message: expect.stringMatching(/Too many runs/) })
      await rateLimiter.take('b')
      clock.advance(1000)
      await rateLimiter.take('a')
    })

    it('rate limiter: remembers at most maxClients, and filling it frees no limited client', async () => {
      const clock = fakeClock()
      const { rateLimiter } = limitsOf({ ratePerMinute: 1, rateBurst: 1, rateMaxClients: 3 }, clock).limits
      await rateLimiter.take('limited')
      await rateLimiter.take('b')
      // Full (one place stays for the overflow bucket): new clients share that one bucket rather than evict "limited".
      await rateLimiter.take('c')
      expect(await refusal(rateLimiter.take('d'))).toMatchObject({ status: 429 })
      expect(await refusal(rateLimiter.take('limited'))).toMatchObject({ status: 429 })
      // Once the idlest client's bucket has refilled, forgetting it gives it nothing it would not have had.
      clock.advance(60_000)
      await rateLimiter.take('e')
      expect(await refusal(rateLimiter.take('e'))).toMatchObject({ status: 429 })
      await rateLimiter.take('limited')
    })

    it('rate limiter: gives a token back once', async () => {
      const { rateLimiter } = limitsOf({ ratePerMinute: 1, rateBurst: 1 }).limits
      const refund = await rateLimiter.take('a')
      refund()
      refund()
      // The refund is not awaited by its caller; the next take may follow it at once.
      await expect.poll(() => refusal(rateLimiter.take('a'))).toBeUndefined()
      expect(await refusal(rateLimiter.take('a'))).toMatchObject({ status: 429 })
    })

    it('client share: refuses a client past its share with 429, whatever the others hold, and counts each release once', async () => {
      const { streamShare } = limitsOf({ streamsPerClient: 2 }).limits
      const release = await streamShare.acquire('a')
      await streamShare.acquire('a')
      expect(await refusal(streamShare.acquire('a'))).toMatchObject({ status: 429, message: expect.stringMatching(/already holds 2 open event streams/) })
      await streamShare.acquire('b')
      release()
      release()
      await expect.poll(() => refusal(streamShare.acquire('a'))).toBeUndefined()
      expect(await refusal(streamShare.acquire('a'))).toMatchObject({ status: 429 })
    })

    it('gauge: refuses past its ceiling with 503 and Retry-After, counts each release once, never takes past it at once', async () => {
      const { streams } = limitsOf({ maxStreams: 2 }).limits
      const taken = await Promise.allSettled([streams.acquire(), streams.acquire(), streams.acquire()])
      expect(taken.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(2)
      expect(await refusal(streams.acquire())).toMatchObject({ status: 503, retryAfter: '10', message: expect.stringMatching(/limit of 2 open event streams/) })
      await expect(streams.checkRoom()).rejects.toMatchObject({ status: 503 })
      const release = (taken[0] as PromiseFulfilledResult<() => void>).value
      release()
      release()
      await expect.poll(() => streams.count()).toBe(1)
      await streams.checkRoom()
    })

    it('run share: refuses a client that keeps its share of runs until one of them leaves the store; never more at once', async () => {
      const { limits, runs } = limitsOf({ runsPerClient: 2, maxRuns: 4 })
      const claims = await Promise.allSettled([0, 1, 2].map(() => limits.runShare.take('a')))
      expect(claims.filter((claim) => claim.status === 'fulfilled')).toHaveLength(2)
      const started = []
      for (const claim of claims) {
        if (claim.status !== 'fulfilled') continue
        const run = (await runs.create('after', {}))!
        await claim.value.bind(run.id)
        run.end('complete')
        await run.flushed()
        started.push(run)
      }
      expect(await refusal(limits.runShare.take('a'))).toMatchObject({ status: 429, message: expect.stringMatching(/already keeps 2 runs, its share of the server's 4/) })
      await limits.runShare.take('b')
      // Other visitors' runs fill the store, which evicts the oldest finished run: one of a's.
      for (let i = 0; i < 3; i++) await runs.create('after', {})
      expect(await runs.get(started[0]!.id)).toBeUndefined()
      await limits.runShare.take('a')
    })

    it('run share: a cancelled place is free again', async () => {
      const { runShare } = limitsOf({ runsPerClient: 1 }).limits
      const claim = await runShare.take('a')
      expect(await refusal(runShare.take('a'))).toMatchObject({ status: 429 })
      claim.cancel()
      await expect.poll(() => refusal(runShare.take('a'))).toBeUndefined()
    })

    it('run history: says whether a run aged out or was evicted early, and answers an id never recorded', async () => {
      const clock = fakeClock(1_000_000)
      const { history } = limitsOf({}, clock).limits
      const gone = { maxRuns: 10, maxAgeMs: 6000, serverStartedAt: new Date(0).toISOString() }
      await history.record('evictedRun1')
      clock.advance(2000)
      expect(await history.whyGone('evictedRun1', gone)).toMatch(/was evicted 2 s after it started, before its 6 s: the server keeps at most 10 runs/)
      clock.advance(5000)
      expect(await history.whyGone('evictedRun1', gone)).toMatch(/was started 7 s ago; runs are kept for 6 s/)
      expect(await history.whyGone('neverSeen123', gone)).toMatch(/"neverSeen123" is not known to/)
    })
  })
}
