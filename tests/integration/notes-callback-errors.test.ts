import { describe, expect, it } from 'vitest'
import { EVENTS, LANES } from '@/demos/engine'
import { eachVersion, eventTime } from '../support/api'
import { dedicatedServer, inLane, runToEnd } from '../support/runs'

const EFFECT = 300
const AFTER_ERROR = 'An error occurred in a function passed to `after()`:'
const UNHANDLED = 'unhandledRejection'
const FAILURE = 'Analytics service unavailable (simulated)'

eachVersion(() => describe('/notes/callback-errors: errors in a callback do not change the response (truth tests against next start)', () => {
  // A server of its own, so its log holds only what these tests caused.
  const server = dedicatedServer()

  it('a callback that throws: the response stays 200, its sibling still completes, the failure is on the timeline', async () => {
    const run = await runToEnd('callback-error', `work=10&effect=${EFFECT}`, server.url)
    expect(run.response.status).toBe(200)
    expect(JSON.parse(run.body).status).toBe('success')
    expect(run.end).toBe('complete')

    const failed = inLane(run.events, LANES.analytics).find((event) => event.type === EVENTS.effectFailed)
    expect(failed?.detail).toBe(FAILURE)
    const sibling = inLane(run.events, LANES.sideEffect)
    expect(sibling.map((event) => event.type)).toEqual([EVENTS.effectStarted, EVENTS.effectFinished, EVENTS.effectLogged])
    // The sibling ran alongside the failing one, not after it.
    expect(eventTime(run.events, EVENTS.effectFinished)).toBeGreaterThanOrEqual(EFFECT - 1)
  })

  it('an awaited failure is caught by after(): Next.js logs "An error occurred in a function passed to `after()`"', async () => {
    const before = server.logCount(AFTER_ERROR)
    const unhandledBefore = server.logCount(UNHANDLED)
    await runToEnd('callback-error', `work=0&effect=${EFFECT}`, server.url)
    await expect.poll(() => server.logCount(AFTER_ERROR)).toBe(before + 1)
    expect(server.logCount(`${AFTER_ERROR} SimulatedFailure: ${FAILURE}`)).toBeGreaterThan(0)
    expect(server.logCount(UNHANDLED)).toBe(unhandledBefore)
  })

  it('an un-awaited rejection escapes after(): the process reports an unhandledRejection instead, and survives', async () => {
    const before = server.logCount(AFTER_ERROR)
    const unhandledBefore = server.logCount(UNHANDLED)
    const run = await runToEnd('callback-unawaited', `work=0&effect=${EFFECT}`, server.url)
    expect(run.response.status).toBe(200)
    expect(inLane(run.events, LANES.analytics).some((event) => event.type === EVENTS.effectFailed)).toBe(true)
    expect(inLane(run.events, LANES.sideEffect).some((event) => event.type === EVENTS.effectFinished)).toBe(true)
    await expect.poll(() => server.logCount(UNHANDLED)).toBe(unhandledBefore + 1)
    expect(server.logCount(AFTER_ERROR)).toBe(before)
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })
}))
