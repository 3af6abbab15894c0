import { describe, expect, it } from 'vitest'
import { EVENTS } from '@/demos/engine'
import { baseUrl, eachVersion, post, readEvents } from '../support/api'

async function startRun(effect: number): Promise<string> {
  const { body } = await post(`/api/demos/after?work=0&effect=${effect}`)
  return (JSON.parse(body) as { runId: string }).runId
}

eachVersion(() => describe('GET /api/runs/<id>/events', () => {
  it('streams every event of a run, live and to a subscriber that comes after the end', async () => {
    const runId = await startRun(300)
    const live = await readEvents(runId)
    expect(live.end).toBe('complete')
    expect(live.events.map((e) => e.seq)).toEqual(live.events.map((_, i) => i))
    expect(live.events.map((e) => e.type)).toEqual(
      expect.arrayContaining([EVENTS.requestReceived, EVENTS.workFinished, EVENTS.responseReturned, EVENTS.responseBodySent, EVENTS.responseSent, EVENTS.effectStarted, EVENTS.effectFinished]),
    )

    const late = await readEvents(runId)
    expect(late.events).toEqual(live.events)
    expect(late.end).toBe('complete')
  })

  it('sends the headers that stop proxies buffering it', async () => {
    const runId = await startRun(0)
    const { headers, raw } = await readEvents(runId)
    expect(headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(headers.get('cache-control')).toBe('no-cache, no-transform')
    expect(headers.get('x-accel-buffering')).toBe('no')
    expect(raw).toMatch(/^retry: \d+\n\n/)
  })

  it('resumes after Last-Event-ID', async () => {
    const runId = await startRun(0)
    const all = await readEvents(runId)
    const resumed = await readEvents(runId, { headers: { 'Last-Event-ID': '2' } })
    expect(resumed.events).toEqual(all.events.slice(3))
  })

  it('delivers events as they happen, not all at the end', async () => {
    // A side effect long enough that the stream is open well before it ends, however slowly it is opened.
    const runId = await startRun(2000)
    const response = await fetch(`${baseUrl()}/api/runs/${runId}/events`)
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    const arrivals: Array<{ at: number; text: string }> = []
    const start = performance.now()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      arrivals.push({ at: performance.now() - start, text: decoder.decode(value) })
    }
    const firstEvent = arrivals.find((a) => a.text.includes('event: timeline'))!
    const finished = arrivals.find((a) => a.text.includes(EVENTS.effectFinished))!
    expect(finished.at - firstEvent.at).toBeGreaterThan(300)
  })
}))
