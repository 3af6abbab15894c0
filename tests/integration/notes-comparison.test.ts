import { describe, expect, it } from 'vitest'
import { EVENTS } from '@/demos/engine'
import { eachVersion, eventTime, responseBeforeEffectEnd } from '../support/api'
import { dedicatedServer, runToEnd } from '../support/runs'

const WORK = 20
// Long enough that a response held up on a loaded machine (measured: 900 ms for 20 ms of work) still arrives first.
const EFFECT = 1000
const query = `work=${WORK}&effect=${EFFECT}`

eachVersion(() => describe('/comparison: await vs fire-and-forget vs after() (truth tests against next start)', () => {
  // Its own server: the failure variants are told apart by what the server logs.
  const server = dedicatedServer()

  it('latency: awaiting adds the side effect to the response; void and after() do not', async () => {
    const awaited = await runToEnd('blocking', query, server.url)
    expect(awaited.elapsed).toBeGreaterThanOrEqual(WORK + EFFECT)
    await responseBeforeEffectEnd(() => runToEnd('fire-and-forget', query, server.url))
    await responseBeforeEffectEnd(() => runToEnd('after', query, server.url))
  })

  it('start: void starts the side effect during the handler, after() once the response is sent', async () => {
    const forgotten = await runToEnd('fire-and-forget', query, server.url)
    expect(eventTime(forgotten.events, EVENTS.effectStarted)).toBeLessThanOrEqual(eventTime(forgotten.events, EVENTS.responseReturned))
    expect(eventTime(forgotten.events, EVENTS.effectStarted)).toBeLessThan(eventTime(forgotten.events, EVENTS.responseBodySent))

    const scheduled = await runToEnd('after', query, server.url)
    const started = eventTime(scheduled.events, EVENTS.effectStarted)
    expect(started).toBeGreaterThanOrEqual(eventTime(scheduled.events, EVENTS.responseReturned))
    expect(started).toBeGreaterThanOrEqual(eventTime(scheduled.events, EVENTS.responseBodySent))
    expect(Math.abs(started - eventTime(scheduled.events, EVENTS.responseSent))).toBeLessThan(50)
  })

  it('failure, awaited: the visitor gets a 500', async () => {
    const run = await runToEnd('await-failing', query, server.url)
    expect(run.response.status).toBe(500)
    expect(eventTime(run.events, EVENTS.effectFailed)).toBeLessThanOrEqual(eventTime(run.events, EVENTS.handlerThrew))
  })

  it.each([
    ['not awaited', 'fire-and-forget-failing', 'unhandledRejection'],
    ['in after()', 'after-failing', 'An error occurred in a function passed to `after()`'],
  ])('failure, %s (%s): the visitor gets a 200 and the server logs "%s"', async (_name, scenario, logLine) => {
    const before = server.logCount(logLine)
    const run = await runToEnd(scenario, query, server.url)
    expect(run.response.status).toBe(200)
    expect(run.events.some((event) => event.type === EVENTS.effectFailed)).toBe(true)
    await expect.poll(() => server.logCount(logLine)).toBe(before + 1)
  })
}))
