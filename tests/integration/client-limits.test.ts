import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { health, settled, waitFor } from '../support/health'
import { startServer, type RunningServer } from '../support/server'

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error

/**
 * Per-client shares and keys, against a server behind one trusted proxy: each
 * test client is an X-Forwarded-For address, as that proxy would write it.
 */
describe('per-client limits, behind one trusted proxy', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({
      AFTER_GUIDE_TRUSTED_PROXY_HOPS: '1',
      AFTER_GUIDE_RATE_PER_MINUTE: '20',
      AFTER_GUIDE_RATE_BURST: '20',
      AFTER_GUIDE_RATE_MAX_CLIENTS: '4',
      AFTER_GUIDE_MAX_RUNS: '8',
      AFTER_GUIDE_MAX_RUNS_IN_FLIGHT: '4',
      AFTER_GUIDE_MAX_STREAMS: '8',
      AFTER_GUIDE_STREAMS_PER_CLIENT: '3',
      // One token back a minute: the thirteen opens that must find the opener's bucket empty fit in that, however
      // long a busy machine stalls between them.
      AFTER_GUIDE_STREAM_RATE_PER_MINUTE: '1',
      AFTER_GUIDE_STREAM_RATE_BURST: '4',
    })
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
  })

  let clientNumber = 0
  const newClient = () => `198.51.100.${++clientNumber}`
  // What the client wrote, then what the trusted proxy appended: only the latter is the client.
  const as = (client: string) => ({ 'X-Forwarded-For': `203.0.113.99, ${client}`, 'X-Real-IP': '203.0.113.99' })
  const start = (client: string, path = '/api/demos/baseline?work=0') => fetch(`${server.url}${path}`, { method: 'POST', headers: as(client) })
  const idle = () => settled(server.url)

  // First, while the store holds nothing older than the visitor's run.
  it('one client starting runs fast evicts no other visitor\'s recent run: it keeps half the store at most', async () => {
    const visitor = await start(newClient())
    const visitorRun = visitor.headers.get('x-run-id')!
    await idle()
    const heavy = newClient()
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) {
      statuses.push((await start(heavy)).status)
      await idle()
    }
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200])
    expect(statuses.slice(4)).toEqual([429, 429, 429, 429])
    const refused = await start(heavy)
    expect((await errorOf(refused)).message).toMatch(/keeps 4 runs, its share of the server's 8/)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await fetch(`${server.url}/api/runs/${visitorRun}/events`)).status).toBe(200)
  })

  it('a 503 costs the client no token', async () => {
    // Runs of 10 s (the longest allowed) hold the cap while the 22 refusals below are made, however slow the machine.
    const others = await Promise.all([1, 2, 3, 4].map(() => start(newClient(), '/api/demos/after?work=0&effect=10000')))
    expect(others.map((response) => response.status)).toEqual([200, 200, 200, 200])
    const client = newClient()
    // More refusals than the client has tokens (20).
    for (let i = 0; i < 22; i++) expect((await start(client)).status).toBe(503)
    await idle()
    expect((await start(client)).status).toBe(200)
    await idle()
  })

  it('one client holds at most its share of the event streams; opening them is rate-limited, and filling the limiter frees nobody', async () => {
    // A 10 s run (the longest allowed): its streams stay open while the next few are refused, however slow the machine.
    const run = (await start(newClient(), '/api/demos/after?work=0&effect=10000')).headers.get('x-run-id')!
    const greedy = newClient()
    const readers = new AbortController()
    const open = (client: string) => fetch(`${server.url}/api/runs/${run}/events`, { headers: as(client), signal: readers.signal })
    const held = await Promise.all([1, 2, 3].map(() => open(greedy)))
    expect(held.map((response) => response.status)).toEqual([200, 200, 200])
    const past = await open(greedy)
    expect(past.status).toBe(429)
    expect((await errorOf(past)).message).toMatch(/already holds 3 open event streams/)
    // Another client still gets one.
    expect((await open(newClient())).status).toBe(200)
    readers.abort()
    await waitFor(() => health(server.url), (h) => h.streams.open === 0, 15_000)

    // Opening streams one after another: four (its burst), then a 429 with Retry-After, though none is open.
    const openAndLeave = async (client: string) => {
      const response = await fetch(`${server.url}/api/runs/${run}/events`, { headers: as(client) })
      if (response.ok) await response.body?.cancel()
      await waitFor(() => health(server.url), (h) => h.streams.open === 0, 15_000)
      return response
    }
    const opener = newClient()
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await openAndLeave(opener)).status)
    expect(statuses).toEqual([200, 200, 200, 200, 429])
    const limited = await openAndLeave(opener)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await errorOf(limited)).message).toMatch(/Too many event streams opened from this client/)
    // More new clients than the limiter remembers (4): the opener is not forgotten while its bucket is empty.
    for (let i = 0; i < 6; i++) await openAndLeave(newClient())
    expect((await openAndLeave(opener)).status).toBe(429)
    await idle()
  })
})

describe('the rate-limit key, trusting no proxy (the default)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ AFTER_GUIDE_RATE_PER_MINUTE: '3', AFTER_GUIDE_RATE_BURST: '3' })
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
  })

  it('a client cannot pick a fresh key with X-Forwarded-For or X-Real-IP', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const spoofed = { 'X-Forwarded-For': `192.0.2.${i}`, 'X-Real-IP': `192.0.2.${100 + i}` }
      statuses.push((await fetch(`${server.url}/api/demos/baseline?work=0`, { method: 'POST', headers: spoofed })).status)
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429])
  })
})
