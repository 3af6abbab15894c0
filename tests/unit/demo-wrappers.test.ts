import { NextRequest, NextResponse } from 'next/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { serverState } from '@/demos/admission'
import { EVENTS, LANES, type EventType, type Run } from '@/demos/engine'
import { demoAction, demoMiddleware, demoPage, demoPageRequest, demoRoute } from '@/demos/next'

/**
 * The four wrappers, run outside Next.js: after() and headers() need a
 * request scope, so they are replaced. after() keeps its callbacks until the
 * test "sends the response"; headers() answers with the headers of the
 * request under test (the page's hand-over header, say).
 */
const next = vi.hoisted(() => ({ scheduled: [] as Array<() => unknown>, headers: new Headers() }))
vi.mock('next/server', async (original) => ({
  ...(await original<typeof import('next/server')>()),
  after: (callback: () => unknown) => void next.scheduled.push(callback),
}))
vi.mock('next/headers', () => ({ headers: async () => next.headers }))

const sendResponse = () => next.scheduled.splice(0).forEach((callback) => callback())

let created: Run[]
beforeEach(() => {
  next.scheduled.length = 0
  next.headers = new Headers()
  const runs = serverState().runs
  const create = runs.create.bind(runs)
  created = []
  vi.spyOn(runs, 'create').mockImplementation(async (...args) => {
    const run = await create(...args)
    if (run) created.push(run)
    return run
  })
})
afterEach(() => vi.restoreAllMocks())

const onlyRun = (): Run => {
  expect(created).toHaveLength(1)
  return created[0]
}

/** Middleware's NextFetchEvent: these tests hand nothing to waitUntil. */
const event = { waitUntil() {} }
const failure = () => new Error('database unreachable')
const fails = async (): Promise<never> => {
  throw failure()
}

/** After the response is "sent", the run completes (not expired) and gives its slot back. */
async function expectEnded(run: Run, inFlightBefore: number) {
  sendResponse()
  await vi.waitFor(async () => expect(await run.status()).toBe('complete'), { timeout: 1000 })
  expect((await run.events()).map((event) => event.type)).toContain(EVENTS.responseSent)
  await vi.waitFor(async () => expect(await serverState().runsInFlight.count()).toBe(inFlightBefore))
}

const threwEvent = async (run: Run, type: EventType) => (await run.events()).find((event) => event.type === type)

describe('a wrapped body that throws still ends its run', () => {
  it('demoRoute (Route Handler)', async () => {
    const before = await serverState().runsInFlight.count()
    const POST = demoRoute('after', fails)
    await expect(POST(new Request('http://localhost/api/demos/after?work=0&effect=0', { method: 'POST' }))).rejects.toThrow('database unreachable')
    const run = onlyRun()
    expect(await threwEvent(run, EVENTS.handlerThrew)).toMatchObject({ label: 'Handler threw', outcome: 'error', detail: 'database unreachable' })
    await expectEnded(run, before)
  })

  it('demoAction (Server Action)', async () => {
    const before = await serverState().runsInFlight.count()
    const action = demoAction('server-action', fails)
    await expect(action('work=0&effect=0')).rejects.toThrow('database unreachable')
    const run = onlyRun()
    expect(await threwEvent(run, EVENTS.handlerThrew)).toMatchObject({ label: 'Server Action threw', detail: 'database unreachable' })
    await expectEnded(run, before)
  })

  it('demoPage (Server Component), starting the run its middleware admitted', async () => {
    const before = await serverState().runsInFlight.count()
    const admitted = (await demoPageRequest(new NextRequest('http://localhost/demos/server-component?work=0&effect=0')))!
    next.headers = forwardedHeaders(admitted)
    const Page = demoPage('server-component', fails)
    await expect(Page(noSegments)).rejects.toThrow('database unreachable')
    const run = onlyRun()
    expect(await threwEvent(run, EVENTS.handlerThrew)).toMatchObject({ label: 'Page component threw', detail: 'database unreachable' })
    await expectEnded(run, before)
  })

  it('demoMiddleware', async () => {
    const before = await serverState().runsInFlight.count()
    const middleware = demoMiddleware(fails)
    await expect(middleware(new NextRequest('http://localhost/demos/middleware?work=0&effect=0'), event)).rejects.toThrow('database unreachable')
    const run = onlyRun()
    expect(await threwEvent(run, EVENTS.middlewareThrew)).toMatchObject({ lane: LANES.middleware, detail: 'database unreachable' })
    await expectEnded(run, before)
  })

  it('the page behind demoMiddleware, continuing the run the middleware handed over', async () => {
    const before = await serverState().runsInFlight.count()
    const middleware = demoMiddleware(async (_request, { next }) => next())
    const response = (await middleware(new NextRequest('http://localhost/demos/middleware?work=0&effect=0'), event)) as NextResponse
    const run = onlyRun()
    // The middleware handed the run on: the page, not the middleware, records the sending.
    expect(next.scheduled).toHaveLength(0)
    next.headers = forwardedHeaders(response)
    const Page = demoPage('middleware', fails)
    await expect(Page(noSegments)).rejects.toThrow('database unreachable')
    expect(created).toHaveLength(1)
    expect(await threwEvent(run, EVENTS.handlerThrew)).toMatchObject({ label: 'Page component threw' })
    await expectEnded(run, before)
  })
})

/** What Next.js passes a page without dynamic segments. */
const noSegments = { params: Promise.resolve({}) }

/** The request headers NextResponse.next() passes on to the page (`x-middleware-request-<name>`). */
function forwardedHeaders(response: Response): Headers {
  const prefix = 'x-middleware-request-'
  const forwarded = new Headers()
  response.headers.forEach((value, name) => {
    if (name.startsWith(prefix)) forwarded.set(name.slice(prefix.length), value)
  })
  return forwarded
}

describe('demo pages admit their run in middleware and start it as they render', () => {
  it('hands the page its admission over whatever run header the visitor sent; the run starts when the page renders', async () => {
    const before = await serverState().runsInFlight.count()
    const request = new NextRequest('http://localhost/demos/request-context-page?work=0&effect=0', { headers: { 'x-after-guide-run': 'someone-elses' } })
    const forwarded = forwardedHeaders((await demoPageRequest(request))!)
    expect(forwarded.get('x-after-guide-run')).not.toBe('someone-elses')
    // A prefetch or an RSC request reaches middleware but not the page: until the page renders, no run exists.
    expect(created).toHaveLength(0)
    next.headers = forwardedHeaders((await demoPageRequest(request))!)
    await demoPage('request-context-page', async () => null)(noSegments)
    expect(created).toHaveLength(1)
    // An admission starts one run: the same hand-over rendered again starts none.
    await expect(demoPage('request-context-page', async () => null)(noSegments)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404')
    expect(created).toHaveLength(1)
    // Ended and its slot given back before the next test counts the slots.
    await expectEnded(created[0]!, before)
  })

  it('a page run whose visitor leaves while the store is still creating it ends abandoned once created, its slot free', async () => {
    const before = await serverState().runsInFlight.count()
    const create = vi.mocked(serverState().runs.create)
    const recording = create.getMockImplementation()!
    let entered!: () => void
    let answer!: () => void
    const creating = new Promise<void>((resolve) => (entered = resolve))
    const answered = new Promise<void>((resolve) => (answer = resolve))
    create.mockImplementationOnce(async (...args) => {
      entered()
      await answered
      return recording(...args)
    })
    const leaving = new AbortController()
    const request = new NextRequest('http://localhost/demos/server-component?work=0&effect=0', { signal: leaving.signal })
    next.headers = forwardedHeaders((await demoPageRequest(request))!)
    const rendering = demoPage('server-component', async () => null)(noSegments)
    await creating
    leaving.abort()
    answer()
    await rendering
    const run = onlyRun()
    await vi.waitFor(async () => expect(await run.status()).toBe('abandoned'))
    await vi.waitFor(async () => expect(await serverState().runsInFlight.count()).toBe(before))
  })

  it('a page run whose visitor leaves once the page has rendered completes: the callbacks it registered still run', async () => {
    const before = await serverState().runsInFlight.count()
    const leaving = new AbortController()
    const request = new NextRequest('http://localhost/demos/server-component?work=0&effect=0', { signal: leaving.signal })
    next.headers = forwardedHeaders((await demoPageRequest(request))!)
    await demoPage('server-component', async () => null)(noSegments)
    const run = onlyRun()
    // The Suspense fallback is out and the visitor goes; Next.js still runs what the render registered.
    leaving.abort()
    await expectEnded(run, before)
    expect((await run.events()).map((event) => event.type)).not.toContain(EVENTS.runAbandoned)
  })

  it('a page reached without its middleware\'s hand-over answers 404 and starts no run', async () => {
    next.headers = new Headers({ 'x-after-guide-run': 'forged-ticket' })
    await expect(demoPage('server-component', async () => null)(noSegments)).rejects.toThrow('NEXT_HTTP_ERROR_FALLBACK;404')
    expect(created).toHaveLength(0)
  })

  it('the middleware demo\'s run ends abandoned, its slot free, when no page claims it or its visitor leaves', async () => {
    const before = await serverState().runsInFlight.count()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const middleware = demoMiddleware(async (_request, { next }) => next())
      await middleware(new NextRequest('http://localhost/demos/middleware?work=0&effect=0'), event)
      const run = onlyRun()
      vi.advanceTimersByTime(serverState().config.pageClaimMs)
      await vi.waitFor(async () => expect(await run.status()).toBe('abandoned'))
      expect((await run.events()).at(-1)).toMatchObject({ type: EVENTS.runAbandoned, label: 'Page did not render' })
      await vi.waitFor(async () => expect(await serverState().runsInFlight.count()).toBe(before))

      const leaving = new AbortController()
      await middleware(new NextRequest('http://localhost/demos/middleware?work=0&effect=0', { signal: leaving.signal }), event)
      leaving.abort()
      await vi.waitFor(async () => expect(await created[1]!.status()).toBe('abandoned'))
      await vi.waitFor(async () => expect(await serverState().runsInFlight.count()).toBe(before))
    } finally {
      vi.useRealTimers()
    }
  })

  it('refuses a bad parameter with a 400 naming it, leaving no run', async () => {
    const refused = (await demoPageRequest(new NextRequest('http://localhost/demos/server-component?work=-1')))!
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: { field: string } }).error.field).toBe('work')
    expect(created).toHaveLength(0)
  })

  it('starts no run for a page whose run starts in its Server Action, nor for other paths', async () => {
    expect(await demoPageRequest(new NextRequest('http://localhost/demos/server-action?work=0'))).toBeUndefined()
    expect(await demoPageRequest(new NextRequest('http://localhost/notes/where-it-works'))).toBeUndefined()
    expect(created).toHaveLength(0)
  })
})
