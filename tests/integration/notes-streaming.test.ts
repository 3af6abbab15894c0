import { describe, expect, it } from 'vitest'
import { EVENTS } from '@/demos/engine'
import { STREAM_CHUNK_MS } from '@/demos/scenarios'
import { baseUrl, eachVersion, eventTime, post, readEvents } from '../support/api'
import { lookUpRef, newRef } from '../support/runs'

const EFFECT = 300

/** Starts the streaming demo and reads its body chunk by chunk, optionally hanging up after `stopAfterMs`. */
async function stream(streamMs: number, stopAfterMs?: number) {
  const ref = newRef()
  const hangUp = new AbortController()
  const start = performance.now()
  const response = await fetch(`${baseUrl()}/api/demos/streaming?stream=${streamMs}&effect=${EFFECT}`, {
    method: 'POST',
    headers: { 'X-Run-Ref': ref },
    signal: hangUp.signal,
  })
  // The run started on the server before its headers came back: its clock starts at most this long after ours.
  const headersAt = performance.now() - start
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let body = ''
  const arrivals: number[] = []
  let stoppedAt: number | undefined
  const timer = stopAfterMs === undefined ? undefined : setTimeout(() => {
    stoppedAt = performance.now() - start
    hangUp.abort()
  }, stopAfterMs)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      body += decoder.decode(value, { stream: true })
      arrivals.push(performance.now() - start)
    }
  } catch (error) {
    if (!hangUp.signal.aborted) throw error
  }
  clearTimeout(timer)
  const runId = response.headers.get('x-run-id')!
  expect(await lookUpRef(ref)).toBe(runId)
  return { response, body, arrivals, stoppedAt, headersAt, lastByte: performance.now() - start, ...(await readEvents(runId)) }
}

eachVersion(() => describe('/notes/streaming: after() and a streamed response (truth tests against next start)', () => {
  it('the callback waits until the stream has closed', async () => {
    const STREAM = 1000
    const run = await stream(STREAM)
    expect(run.response.status).toBe(200)
    // Counted in the body: reads do not keep the server's chunk boundaries.
    const chunks = STREAM / STREAM_CHUNK_MS
    expect(run.body.trimEnd().split('\n')).toEqual(Array.from({ length: chunks }, (_, i) => `chunk ${i + 1} of ${chunks}`))
    // The body really was streamed: chunks arrived over the stream's length.
    expect(run.arrivals.at(-1)! - run.arrivals[0]!).toBeGreaterThanOrEqual(STREAM - 2 * STREAM_CHUNK_MS)

    expect(run.end).toBe('complete')
    const opened = eventTime(run.events, EVENTS.streamStarted)
    const returned = eventTime(run.events, EVENTS.responseReturned)
    const closed = eventTime(run.events, EVENTS.streamClosed)
    const effect = eventTime(run.events, EVENTS.effectStarted)
    // The handler returned at once; the callback did not start then, but when the stream closed. (Measured from the
    // stream's opening: its first chunk's timer starts then, before the handler's return is marked on a busy machine.)
    expect(returned).toBeLessThan(closed)
    expect(closed - opened).toBeGreaterThanOrEqual(STREAM - 5)
    expect(effect).toBeGreaterThanOrEqual(closed)
    expect(effect - closed).toBeLessThan(50)
    expect(run.events.some((event) => event.type === EVENTS.streamCancelled)).toBe(false)
  })

  it('if the client disconnects mid-stream, the callback runs at the disconnect', async () => {
    const STREAM = 5000
    const STOP = 700
    const run = await stream(STREAM, STOP)
    expect(run.stoppedAt).toBeDefined()
    expect(run.end).toBe('complete')

    const cancelled = eventTime(run.events, EVENTS.streamCancelled)
    const effect = eventTime(run.events, EVENTS.effectStarted)
    // Server clock: the callback started when the client left, not when the stream would have ended. The client left at
    // `stoppedAt` on its own clock (its timer may fire late on a busy machine), which the server's starts up to `headersAt` after.
    expect(Math.abs(effect - cancelled)).toBeLessThan(50)
    expect(effect).toBeGreaterThanOrEqual(run.stoppedAt! - run.headersAt - 1)
    expect(effect).toBeLessThan(run.stoppedAt! + 500)
    expect(effect).toBeLessThan(STREAM)
    expect(run.events.some((event) => event.type === EVENTS.streamClosed)).toBe(false)
    expect(run.events.filter((event) => event.type === EVENTS.streamChunk).length).toBeLessThan(STREAM / STREAM_CHUNK_MS)
    expect(eventTime(run.events, EVENTS.effectFinished) - effect).toBeGreaterThanOrEqual(EFFECT - 1)
  })

  it('if the client disconnects mid-stream, the callback starts before the stream’s cancel() runs', async () => {
    const run = await stream(5000, 700)
    const seqOf = (type: string) => run.events.find((event) => event.type === type)!.seq
    // Recorded in the order they happened: the callback's first line (its side effect starting) comes before the
    // stream's cancel(), so a flag that cancel() sets still reads "not cancelled" there.
    expect(seqOf(EVENTS.effectStarted)).toBeLessThan(seqOf(EVENTS.streamCancelled))
  })

  it.each([
    ['stream below its range', 'stream=100', 'stream', '250-10000'],
    ['stream above its range', 'stream=10001', 'stream', '250-10000'],
    ['a parameter it lacks', 'work=5', 'work', 'stream, effect'],
  ])('refuses %s with 400', async (_name, query, field, allowed) => {
    const { response, body } = await post(`/api/demos/streaming?${query}`)
    expect(response.status).toBe(400)
    expect(JSON.parse(body).error).toMatchObject({ field, allowed })
  })
}))
