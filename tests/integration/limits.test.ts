import { describe, expect, it } from 'vitest'
import { health, settled, waitFor } from '../support/health'
import { ownServer } from '../support/own-server'

/**
 * How long the store keeps a run: long enough for the eviction test's eleven start-and-settle rounds to fill the
 * store before its first run ages out, on a machine that stalls for seconds.
 */
const RUN_MAX_AGE_S = 12
/** Tight limits, so each one is reached with a handful of requests. */
const LIMITS = {
  // Each test client is an X-Forwarded-For address, as a trusted proxy would write it.
  AFTER_GUIDE_TRUSTED_PROXY_HOPS: '1',
  AFTER_GUIDE_RATE_PER_MINUTE: '6',
  AFTER_GUIDE_RATE_BURST: '3',
  AFTER_GUIDE_MAX_RUNS_IN_FLIGHT: '4',
  AFTER_GUIDE_MAX_STREAMS: '3',
  AFTER_GUIDE_MAX_RUNS: '10',
  AFTER_GUIDE_RUN_MAX_AGE_MS: String(RUN_MAX_AGE_S * 1000),
  AFTER_GUIDE_STREAM_HEARTBEAT_MS: '300',
  AFTER_GUIDE_STREAM_MAX_LIFETIME_MS: '3000',
}
/** Long enough for a test to open its streams and read the counters while the run goes on, short of its maximum age. */
const LONG_EFFECT = 5000

describe('limits, against a server started with tight ones', () => {
  const server = ownServer(LIMITS)

  // Each test is its own client (the rate limit is per client), so none spends another's tokens.
  let clientNumber = 0
  const newClient = () => `10.0.0.${++clientNumber}`
  const start = (client: string, path: string) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'X-Forwarded-For': client } })
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error
  const idle = () => settled(server.url)

  it('rate-limits starting runs per client with 429 and Retry-After, leaving no run behind', async () => {
    const client = newClient()
    for (let i = 0; i < 3; i++) expect((await start(client, '/api/demos/baseline?work=0')).status).toBe(200)
    const stored = (await health(server.url)).runs.stored

    const refused = await start(client, '/api/demos/baseline?work=0')
    expect(refused.status).toBe(429)
    // 6 a minute: one token back every 10 s.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(10)
    expect((await errorOf(refused)).code).toBe('rate_limited')
    expect(refused.headers.get('x-run-id')).toBeNull()
    expect((await health(server.url)).runs.stored).toBe(stored)

    // Another client is not affected.
    expect((await start(newClient(), '/api/demos/baseline?work=0')).status).toBe(200)
    await idle()
  })

  it('a demo page refused a run answers 429 with Retry-After, not a 200 page, and stores no run', async () => {
    const client = newClient()
    const open = () => fetch(`${server.url}/demos/server-component?work=0&effect=0`, { headers: { 'X-Forwarded-For': client } })
    for (let i = 0; i < 3; i++) expect((await open()).status).toBe(200)
    await idle()
    const stored = (await health(server.url)).runs.stored

    const refused = await open()
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(refused.headers.get('content-type')).toMatch(/application\/json/)
    expect((await errorOf(refused)).code).toBe('rate_limited')
    // At most as many: the store's timer may have aged out the first test's runs meanwhile; a stored run would add one.
    expect((await health(server.url)).runs.stored).toBeLessThanOrEqual(stored)
  })

  it('caps runs in flight with 503 and Retry-After, and admits runs again once they finish', async () => {
    const running = await Promise.all([1, 2, 3, 4].map(() => start(newClient(), `/api/demos/after?work=0&effect=${LONG_EFFECT}`)))
    expect(running.map((response) => response.status)).toEqual([200, 200, 200, 200])
    expect((await health(server.url)).runs.inFlight).toBe(4)

    const refused = await start(newClient(), '/api/demos/baseline?work=0')
    expect(refused.status).toBe(503)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await errorOf(refused)).message).toMatch(/limit of 4 runs in flight/)

    await idle()
    expect((await start(newClient(), '/api/demos/baseline?work=0')).status).toBe(200)
    await idle()
  })

  it('caps open event streams with 503, and a client that leaves frees its stream, timers and listeners', async () => {
    const before = await idle()
    const response = await start(newClient(), `/api/demos/after?work=0&effect=${LONG_EFFECT}`)
    const runId = response.headers.get('x-run-id')!
    const readers = new AbortController()
    const streams = await Promise.all([1, 2, 3].map(() => fetch(`${server.url}/api/runs/${runId}/events`, { signal: readers.signal })))
    expect(streams.map((stream) => stream.status)).toEqual([200, 200, 200])
    expect((await health(server.url)).streams.open).toBe(3)

    const refused = await fetch(`${server.url}/api/runs/${runId}/events`)
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await errorOf(refused)).message).toMatch(/limit of 3 open event streams/)

    // The clients go away while the run is still going.
    readers.abort()
    const after = await waitFor(() => health(server.url), (h) => h.streams.open === 0, 15_000)
    expect(after.streams.open).toBe(0)
    // Once the run has finished too, the process holds no more handles than before it started.
    const settled = await waitFor(() => health(server.url), (h) => h.runs.inFlight === 0 && h.handles <= before.handles, 30_000)
    expect(settled.runs.inFlight).toBe(0)
    expect(settled.handles).toBeLessThanOrEqual(before.handles)
  })

  it('sends heartbeats and ends a stream at its maximum lifetime', async () => {
    const response = await start(newClient(), `/api/demos/after?work=0&effect=${LONG_EFFECT}`)
    const runId = response.headers.get('x-run-id')!
    const opened = performance.now()
    const text = await (await fetch(`${server.url}/api/runs/${runId}/events`)).text()
    const lasted = performance.now() - opened

    expect(text).toMatch(/^: heartbeat$/m)
    expect(text).toMatch(/event: end\ndata: {"status":"stream-lifetime"}/)
    // Ended by its 3 s lifetime, before the 5 s side effect finished: the server's end says why, and the stream never
    // carried the side effect's end (a client's clock would add however long a busy machine stalled it).
    expect(lasted).toBeGreaterThanOrEqual(2900)
    expect(text).not.toMatch(/effect\.finished/)
    await idle()
  })

  it('keeps the run store within its bound and ages runs out, giving the slots back', async () => {
    await idle()
    const ids: string[] = []
    for (let i = 0; i < 15; i++) {
      const response = await start(newClient(), '/api/demos/baseline?work=0')
      expect(response.status).toBe(200)
      ids.push(response.headers.get('x-run-id')!)
      // One at a time, so the cap on runs in flight (4) is not what refuses them.
      await idle()
    }
    expect((await health(server.url)).runs.stored).toBeLessThanOrEqual(10)
    // The oldest were evicted to make room, and their 404 says so; the newest is still there.
    const evicted = await fetch(`${server.url}/api/runs/${ids[0]}/events`)
    expect(evicted.status).toBe(404)
    expect((await errorOf(evicted)).message).toMatch(new RegExp(`was evicted \\d+ s after it started, before its ${RUN_MAX_AGE_S} s: the server keeps at most 10 runs`))
    expect((await fetch(`${server.url}/api/runs/${ids[14]}/events`)).status).toBe(200)

    // Runs older than their age are dropped by the store's timer (as often), without any request that could evict them:
    // reading the health does not. Gone at the latest one age and one timer period after the last was stored.
    const emptied = await waitFor(() => health(server.url), (h) => h.runs.stored === 0, 2 * RUN_MAX_AGE_S * 1000 + 10_000)
    expect(emptied.runs.stored).toBe(0)
    expect((await errorOf(await fetch(`${server.url}/api/runs/${ids[14]}/events`))).message).toMatch(new RegExp(`was started \\d+ s ago; runs are kept for ${RUN_MAX_AGE_S} s`))
    // An id this server never made: lost to a restart, another server's, or mistyped.
    const unknown = await errorOf(await fetch(`${server.url}/api/runs/AAAAAAAAAAAA/events`))
    expect(unknown.message).toMatch(/is not known to this server, which started at \d{4}-\d\d-\d\dT/)
  }, 60_000)
})
