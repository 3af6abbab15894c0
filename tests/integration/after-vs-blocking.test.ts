import { describe, expect, it } from 'vitest'
import { EVENTS } from '@/demos/engine'
import { eachVersion, eventTime, post, readEvents, responseBeforeEffectEnd } from '../support/api'

const EFFECT = 800
const WORK = 20

eachVersion(() => describe('the rule, measured against next start', () => {
  it('after(): the whole response arrives before the side effect finishes', async () => {
    // The client had everything before the side effect had run its course.
    const { response, body, events, end } = await responseBeforeEffectEnd(async () => {
      const { response, body, elapsed } = await post(`/api/demos/after?work=${WORK}&effect=${EFFECT}`)
      return { response, body, elapsed, ...(await readEvents((JSON.parse(body) as { runId: string }).runId)) }
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-run-id')).toBe((JSON.parse(body) as { runId: string }).runId)
    expect(end).toBe('complete')
    const returned = eventTime(events, EVENTS.responseReturned)
    const sent = eventTime(events, EVENTS.responseSent)
    const started = eventTime(events, EVENTS.effectStarted)
    const finished = eventTime(events, EVENTS.effectFinished)
    // On the server's clock: the effect starts only once the whole body has been handed to Next.js
    // (observed on the body, independent of after()), together with the run's other after() callbacks.
    expect(started).toBeGreaterThanOrEqual(returned)
    expect(started).toBeGreaterThanOrEqual(eventTime(events, EVENTS.responseBodySent))
    expect(Math.abs(started - sent)).toBeLessThan(50)
    expect(finished - started).toBeGreaterThanOrEqual(EFFECT - 1)
  })

  it('awaited: the response cannot arrive before the side effect has finished', async () => {
    const { response, body, elapsed } = await post(`/api/demos/blocking?work=${WORK}&effect=${EFFECT}`)
    expect(response.status).toBe(200)
    const { runId } = JSON.parse(body) as { runId: string }
    expect(elapsed).toBeGreaterThanOrEqual(WORK + EFFECT)

    const { events } = await readEvents(runId)
    expect(eventTime(events, EVENTS.effectFinished)).toBeLessThanOrEqual(eventTime(events, EVENTS.responseReturned))
    expect(eventTime(events, EVENTS.responseSent)).toBeGreaterThanOrEqual(eventTime(events, EVENTS.responseReturned))
  })

  it('reports its timings in the body and as Server-Timing', async () => {
    const { response, body } = await post(`/api/demos/blocking?work=${WORK}&effect=100`)
    const json = JSON.parse(body) as { timings: Record<string, number>; params: Record<string, number> }
    expect(json.params).toEqual({ work: WORK, effect: 100 })
    expect(json.timings.effect).toBeGreaterThanOrEqual(99)
    const serverTiming = response.headers.get('server-timing') ?? ''
    expect(serverTiming).toMatch(/work;dur=[\d.]+/)
    expect(serverTiming).toMatch(/effect;dur=[\d.]+/)
    expect(serverTiming).toMatch(/handler;dur=[\d.]+/)
  })
}))
