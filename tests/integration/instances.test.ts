import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EVENTS, type TimelineEvent } from '@/demos/engine'
import { parseEvents, readEvents } from '../support/api'
import { health, waitFor } from '../support/health'
import { redisAvailable, startRedis, type RunningRedis } from '../support/redis'
import { lookUpRef, newRef } from '../support/runs'
import { startServer, TEST_SERVER_ENV, type RunningServer } from '../support/server'
import { streamText } from '../support/stream-text'

/**
 * Several `next start` instances of the one build on one Redis
 * (AFTER_GUIDE_REDIS_URL): any instance serves any run, a stopped or killed
 * instance leaves no run hanging, and Redis going away costs 503s, not the
 * process. A heartbeat of 1.5 s: an instance silent for 4.5 s is taken for dead.
 */
let redis: RunningRedis
let a: RunningServer
let b: RunningServer
let c: RunningServer

async function startRun(server: RunningServer, effect: number, ref = newRef()): Promise<string> {
  const response = await fetch(`${server.url}/api/demos/after?work=0&effect=${effect}`, { method: 'POST', headers: { 'X-Run-Ref': ref } })
  expect(response.status).toBe(200)
  return response.headers.get('x-run-id')!
}

/** Follows a run's event stream on `server` as EventSource would, keeping what arrived. */
const follow = (server: RunningServer, runId: string) => streamText(fetch(`${server.url}/api/runs/${runId}/events`))
const seqs = (events: TimelineEvent[]) => events.map((event) => event.seq)

describe.runIf(redisAvailable())('instances sharing Redis', () => {
  beforeAll(async () => {
    redis = await startRedis()
    const env = { ...TEST_SERVER_ENV, AFTER_GUIDE_REDIS_URL: redis.url, AFTER_GUIDE_REDIS_HEARTBEAT_MS: '1500' }
    ;[a, b, c] = await Promise.all([startServer(env), startServer(env), startServer(env)])
  })

  afterAll(async () => {
    await Promise.all([a, b, c].map((server) => server?.stop('SIGKILL')))
    await redis?.stop()
  })

  it('serves a run started on one instance from another: looked up by reference, streamed live, resumed after Last-Event-ID', async () => {
    const ref = newRef()
    const runId = await startRun(a, 1500, ref)
    expect(await lookUpRef(ref, b.url)).toBe(runId)
    const { events, end } = parseEvents(await follow(b, runId).done)
    expect(end).toBe('complete')
    expect(seqs(events)).toEqual(events.map((_, i) => i))
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining([EVENTS.requestReceived, EVENTS.effectFinished, EVENTS.responseSent]))

    const resumed = await readEvents(runId, { headers: { 'Last-Event-ID': '2' } }, c.url)
    expect(resumed.events).toEqual(events.slice(3))
    expect(resumed.end).toBe('complete')
  })

  it('serves a page run, admitted by the middleware, from another instance', async () => {
    const page = await fetch(`${a.url}/demos/server-component?work=0&effect=300`)
    expect(page.status).toBe(200)
    const runId = /data-run-id="([A-Za-z0-9_-]{12})"/.exec(await page.text())![1]!
    const streamed = await readEvents(runId, undefined, b.url)
    expect(streamed.end).toBe('complete')
    expect(streamed.events.map((event) => event.type)).toEqual(expect.arrayContaining([EVENTS.responseSent, EVENTS.effectFinished]))
  })

  it('SIGTERM on an instance: its runs finish, and their events reach viewers on another instance', async () => {
    const runIds = await Promise.all([1500, 2500].map((effect) => startRun(b, effect)))
    const streams = runIds.map((runId) => follow(a, runId))
    await Promise.all(streams.map((stream) => stream.reached(EVENTS.effectStarted)))
    expect(await b.stop('SIGTERM')).toBe(0)
    for (const { events, end } of (await Promise.all(streams.map((stream) => stream.done))).map(parseEvents)) {
      expect(end).toBe('complete')
      expect(events.map((event) => event.type)).toContain(EVENTS.effectLogged)
    }
  })

  it('SIGKILL of an instance: its viewers resume on another, and its runs end expired', async () => {
    const runId = await startRun(c, 10_000)
    const onC = follow(c, runId)
    await onC.reached(EVENTS.effectStarted)
    await c.stop('SIGKILL')
    const seen = parseEvents(await onC.done).events
    // Resumes as EventSource would, from the last id it saw; the run ends once its instance has missed its heartbeats.
    const resumed = await readEvents(runId, { headers: { 'Last-Event-ID': String(seen.at(-1)!.seq) } }, a.url)
    expect(resumed.end).toBe('expired')
    const all = [...seen, ...resumed.events]
    expect(seqs(all)).toEqual(all.map((_, i) => i))
    // The killed instance's callback never finished: a crash loses it, as pages/use-cases.mdx says.
    expect(all.map((event) => event.type)).not.toContain(EVENTS.effectFinished)
  })

  it('Redis stopped: demos answer 503 naming it, pages still serve, no process fails; back by itself when Redis is', async () => {
    const caught = follow(a, await startRun(a, 10_000))
    await caught.reached(EVENTS.effectStarted)
    await redis.stop()

    const refused = await fetch(`${a.url}/api/demos/after?work=0&effect=0`, { method: 'POST' })
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'store_unavailable',
      message: expect.stringMatching(/Redis at 127\.0\.0\.1:\d+\) is unreachable/),
    })
    expect((await fetch(`${a.url}/notes/failures`)).status).toBe(200)
    expect((await health(a.url)).store).toEqual({ kind: 'redis', reachable: false })

    await redis.restart()
    const served = await waitFor(
      () => fetch(`${a.url}/api/demos/after?work=0&effect=0`, { method: 'POST' }),
      (response) => response.status === 200,
      30_000,
    )
    expect(served.status).toBe(200)
    expect((await readEvents(served.headers.get('x-run-id')!, undefined, a.url)).end).toBe('complete')
    // The run caught in the gap was lost with Redis's memory: its viewer is told it expired, not left waiting.
    expect(parseEvents(await caught.done).end).toBe('expired')
    expect(a.process.exitCode).toBeNull()
    expect(a.output()).not.toMatch(/uncaughtException|unhandledRejection|Unhandled error event/)
  })
})
