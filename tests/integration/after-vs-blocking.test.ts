import { describe, expect, it } from 'vitest'
import { eventTime, expectResponseBeforeEffectEnd, post, readEvents } from '../support/api'

const EFFECT = 800
const WORK = 20

describe('the rule, measured against next start', () => {
  it('after(): the whole response arrives before the side effect finishes', async () => {
    const { response, body, elapsed } = await post(`/api/demos/after?work=${WORK}&effect=${EFFECT}`)
    expect(response.status).toBe(200)
    const { runId } = JSON.parse(body) as { runId: string }
    expect(response.headers.get('x-run-id')).toBe(runId)

    const { events, end } = await readEvents(runId)
    expect(end).toBe('complete')
    // The client had everything before the side effect had run its course.
    expectResponseBeforeEffectEnd(elapsed, events)
    const returned = eventTime(events, 'response.returned')
    const sent = eventTime(events, 'response.sent')
    const started = eventTime(events, 'effect.started')
    const finished = eventTime(events, 'effect.finished')
    // On the server's clock: the effect starts only once the whole body has been handed to Next.js
    // (observed on the body, independent of after()), together with the run's other after() callbacks.
    expect(started).toBeGreaterThanOrEqual(returned)
    expect(started).toBeGreaterThanOrEqual(eventTime(events, 'response.body-sent'))
    expect(Math.abs(started - sent)).toBeLessThan(50)
    expect(finished - started).toBeGreaterThanOrEqual(EFFECT - 1)
  })

  it('awaited: the response cannot arrive before the side effect has finished', async () => {
    const { response, body, elapsed } = await post(`/api/demos/blocking?work=${WORK}&effect=${EFFECT}`)
    expect(response.status).toBe(200)
    const { runId } = JSON.parse(body) as { runId: string }
    expect(elapsed).toBeGreaterThanOrEqual(WORK + EFFECT)

    const { events } = await readEvents(runId)
    expect(eventTime(events, 'effect.finished')).toBeLessThanOrEqual(eventTime(events, 'response.returned'))
    expect(eventTime(events, 'response.sent')).toBeGreaterThanOrEqual(eventTime(events, 'response.returned'))
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
})
