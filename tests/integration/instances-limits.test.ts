import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { health, waitFor } from '../support/health'
import { redisAvailable, startRedis, type RunningRedis } from '../support/redis'
import { startServer, TEST_SERVER_ENV, type RunningServer } from '../support/server'

/**
 * Two `next start` instances on one Redis hold the limits together: a client
 * limited on one is limited on the other, the caps count both, and the slots
 * of a killed instance come back once its heartbeat lapses (three beats of
 * 0.5 s). One trusted proxy hop, so each test client names itself in X-Forwarded-For.
 */
let redis: RunningRedis
let a: RunningServer
let b: RunningServer
const streams = new AbortController()

const start = (server: RunningServer, client: string, effect = 0) =>
  fetch(`${server.url}/api/demos/after?work=0&effect=${effect}`, { method: 'POST', headers: { 'X-Forwarded-For': client } })

const openStream = (server: RunningServer, client: string, runId: string) =>
  fetch(`${server.url}/api/runs/${runId}/events`, { headers: { 'X-Forwarded-For': client }, signal: streams.signal })

describe.runIf(redisAvailable())('limits across instances sharing Redis', () => {
  beforeAll(async () => {
    redis = await startRedis()
    const env = {
      ...TEST_SERVER_ENV,
      AFTER_GUIDE_REDIS_URL: redis.url,
      // Taken for dead after three missed beats (3 s): soon enough for the killed instance below to be found out while
      // B's 10 s run still goes, late enough that an instance a busy machine starves for a moment keeps its slots.
      AFTER_GUIDE_REDIS_HEARTBEAT_MS: '1000',
      AFTER_GUIDE_TRUSTED_PROXY_HOPS: '1',
      AFTER_GUIDE_RATE_BURST: '2',
      AFTER_GUIDE_RATE_PER_MINUTE: '1',
      AFTER_GUIDE_MAX_RUNS_IN_FLIGHT: '2',
      AFTER_GUIDE_MAX_STREAMS: '2',
    }
    ;[a, b] = await Promise.all([startServer(env), startServer(env)])
  })

  afterAll(async () => {
    streams.abort()
    await Promise.all([a, b].map((server) => server?.stop('SIGKILL')))
    await redis?.stop()
  })

  it('a client rate-limited on one instance is limited on the other', async () => {
    expect((await start(a, '203.0.113.1')).status).toBe(200)
    expect((await start(a, '203.0.113.1')).status).toBe(200)
    // Both runs done first: while they are in flight they fill the cap of 2, and B would answer 503 for that instead
    // (seen once on a busy machine).
    await waitFor(() => health(a.url), (h) => h.runs.inFlight === 0, 15_000)
    const refused = await start(b, '203.0.113.1')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('the caps on runs in flight and open streams count both instances; a killed instance gives its slots back', async () => {
    const onA = await start(a, '203.0.113.2', 10_000)
    const onB = await start(b, '203.0.113.3', 10_000)
    expect([onA.status, onB.status]).toEqual([200, 200])
    const full = await start(b, '203.0.113.4')
    expect(full.status).toBe(503)
    expect((await full.json()) as object).toMatchObject({ error: { message: expect.stringMatching(/limit of 2 runs in flight/) } })

    const runOnA = onA.headers.get('x-run-id')!
    expect((await openStream(a, '203.0.113.5', runOnA)).status).toBe(200)
    expect((await openStream(b, '203.0.113.6', runOnA)).status).toBe(200)
    expect((await openStream(b, '203.0.113.7', runOnA)).status).toBe(503)

    // A never released its run slot and its stream slot: they stop counting once its heartbeat lapses (B's stream ends with the run, expired).
    await a.stop('SIGKILL')
    const back = await waitFor(() => health(b.url), (h) => h.runs.inFlight === 1 && h.streams.open === 0, 20_000)
    expect(back.runs.inFlight).toBe(1)
    expect((await start(b, '203.0.113.4')).status).toBe(200)
  })
})
