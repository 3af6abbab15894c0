import { describe, expect, it } from 'vitest'
import { EVENTS, isSideEffectEvent, LANES, type TimelineEvent } from '@/demos/engine'
import { eachVersion, eventTime, post } from '../support/api'
import { runToEnd } from '../support/runs'

const EFFECT = 500
const TOP_LEVEL = [LANES.sendEmail, LANES.updateSearchIndex, LANES.purgeCache]

const started = (events: TimelineEvent[], lane: string) => eventTime(events, `effect.${lane}.started`)
const finished = (events: TimelineEvent[], lane: string) => eventTime(events, `effect.${lane}.finished`)

eachVersion(() => describe('/notes/ordering: several after() callbacks (truth tests against next start)', () => {
  it('callbacks start in registration order, together, once the response is sent', async () => {
    const run = await runToEnd('ordering', `work=10&effect=${EFFECT}`)
    expect(run.response.status).toBe(200)
    const starts = run.events.filter((event) => isSideEffectEvent(event.type) && event.phase === 'start')
    expect(starts.slice(0, 3).map((event) => event.lane)).toEqual(TOP_LEVEL)
    const times = TOP_LEVEL.map((lane) => started(run.events, lane))
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(10)
    expect(Math.min(...times)).toBeGreaterThanOrEqual(eventTime(run.events, EVENTS.responseReturned))
  })

  it('they run concurrently: every one has started before any has finished, and three take the time of one', async () => {
    const run = await runToEnd('ordering', `work=0&effect=${EFFECT}`)
    const lastStart = Math.max(...TOP_LEVEL.map((lane) => started(run.events, lane)))
    const firstFinish = Math.min(...TOP_LEVEL.map((lane) => finished(run.events, lane)))
    expect(lastStart).toBeLessThan(firstFinish)
    const span = Math.max(...TOP_LEVEL.map((lane) => finished(run.events, lane))) - Math.min(...TOP_LEVEL.map((lane) => started(run.events, lane)))
    expect(span).toBeGreaterThanOrEqual(EFFECT - 1)
    expect(span).toBeLessThan(2 * EFFECT)
  })

  it('a nested after() starts at once when registered inside a running callback', async () => {
    const run = await runToEnd('ordering', `work=0&effect=${EFFECT}`)
    const registered = finished(run.events, LANES.sendEmail)
    const nested = started(run.events, LANES.recordMetrics)
    expect(nested).toBeGreaterThanOrEqual(registered)
    expect(nested - registered).toBeLessThan(10)
    // ...while the response is long gone: it does not wait for anything else.
    expect(finished(run.events, LANES.recordMetrics) - nested).toBeGreaterThanOrEqual(EFFECT - 1)
    expect(run.end).toBe('complete')
  })

  it('calling after() at the top of a running callback lets the next queued callback start before the rest of it', async () => {
    const run = await runToEnd('ordering-nested-first', `work=0&effect=${EFFECT}`)
    const starts = run.events.filter((event) => isSideEffectEvent(event.type) && event.phase === 'start')
    // Next.js 15.5 queues callbacks in p-queue: adding the nested one starts the next queued job synchronously.
    expect(starts.map((event) => event.lane)).toEqual([LANES.updateSearchIndex, LANES.sendEmail, LANES.purgeCache, LANES.recordMetrics])
    const times = starts.map((event) => event.t)
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(10)
  })

  it('refuses out-of-range parameters with 400 naming the field', async () => {
    const { response, body } = await post('/api/demos/ordering?effect=10001')
    expect(response.status).toBe(400)
    expect(JSON.parse(body).error).toMatchObject({ field: 'effect', allowed: '0-10000' })
  })
}))
