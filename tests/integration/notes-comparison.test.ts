import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventTime } from '../support/api'
import { runToEnd } from '../support/runs'
import { startServer, TEST_SERVER_ENV, type RunningServer } from '../support/server'

const WORK = 20
const EFFECT = 500
const query = `work=${WORK}&effect=${EFFECT}`

const count = (server: RunningServer, text: string) => server.output().split(text).length - 1

describe('/comparison: await vs fire-and-forget vs after() (truth tests against next start)', () => {
  // Its own server: the failure variants are told apart by what the server logs.
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer(TEST_SERVER_ENV)
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('latency: awaiting adds the side effect to the response; void and after() do not', async () => {
    const awaited = await runToEnd('blocking', query, server.url)
    const forgotten = await runToEnd('fire-and-forget', query, server.url)
    const scheduled = await runToEnd('after', query, server.url)
    expect(awaited.elapsed).toBeGreaterThanOrEqual(WORK + EFFECT)
    expect(forgotten.elapsed).toBeLessThan(EFFECT)
    expect(scheduled.elapsed).toBeLessThan(EFFECT)
  })

  it('start: void starts the side effect during the handler, after() once the response is sent', async () => {
    const forgotten = await runToEnd('fire-and-forget', query, server.url)
    expect(eventTime(forgotten.events, 'effect.started')).toBeLessThanOrEqual(eventTime(forgotten.events, 'response.returned'))

    const scheduled = await runToEnd('after', query, server.url)
    const started = eventTime(scheduled.events, 'effect.started')
    expect(started).toBeGreaterThanOrEqual(eventTime(scheduled.events, 'response.returned'))
    expect(Math.abs(started - eventTime(scheduled.events, 'response.sent'))).toBeLessThan(50)
  })

  it('failure, awaited: the visitor gets a 500', async () => {
    const run = await runToEnd('await-failing', query, server.url)
    expect(run.response.status).toBe(500)
    expect(eventTime(run.events, 'effect.failed')).toBeLessThanOrEqual(eventTime(run.events, 'handler.threw'))
  })

  it('failure, not awaited: the visitor gets a 200 and the process an unhandledRejection', async () => {
    const before = count(server, 'unhandledRejection')
    const run = await runToEnd('fire-and-forget-failing', query, server.url)
    expect(run.response.status).toBe(200)
    expect(run.events.some((event) => event.type === 'effect.failed')).toBe(true)
    await expect.poll(() => count(server, 'unhandledRejection')).toBe(before + 1)
  })

  it('failure in after(): the visitor gets a 200 and Next.js logs the error', async () => {
    const before = count(server, 'An error occurred in a function passed to `after()`')
    const run = await runToEnd('after-failing', query, server.url)
    expect(run.response.status).toBe(200)
    expect(run.events.some((event) => event.type === 'effect.failed')).toBe(true)
    await expect.poll(() => count(server, 'An error occurred in a function passed to `after()`')).toBe(before + 1)
  })
})
