import { afterEach, describe, expect, it, vi } from 'vitest'
import { RunRequestError } from '@/demos/client/run-error'
import { startAction, startPage, startRoute } from '@/demos/client/start-run'

// The browser's fetch resolves paths against the page; here each test answers them itself.
type Answer = (url: string, init?: RequestInit) => Response
const requests: Array<{ url: string; init?: RequestInit }> = []
function answer(respond: Answer) {
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    requests.push({ url, init })
    return respond(url, init)
  })
}
afterEach(() => {
  vi.unstubAllGlobals()
  requests.length = 0
})

const refused = (status: number, message: string, field: string) =>
  new Response(JSON.stringify({ error: { code: 'bad_param', message, field } }), { status, headers: { 'content-type': 'application/json' } })

describe('startRoute', () => {
  it('POSTs the scenario with its parameters and takes the run id from X-Run-Id', async () => {
    answer(() => new Response('{}', { status: 200, headers: { 'X-Run-Id': 'AAAAAAAAAAAA' } }))
    const run = await startRoute('after', { work: 50, effect: 1000 })
    expect(requests[0]!.url).toBe('/api/demos/after?work=50&effect=1000')
    expect(requests[0]!.init).toMatchObject({ method: 'POST', redirect: 'manual' })
    expect(run).toMatchObject({ scenario: 'after', runId: 'AAAAAAAAAAAA', status: 200 })
    expect(run.browser.lastByte).toBeGreaterThanOrEqual(run.browser.firstByte)
  })

  it('without X-Run-Id (a bare 500), looks the run up by the X-Run-Ref it sent', async () => {
    answer((url) => (url.startsWith('/api/runs?') ? Response.json({ runId: 'BBBBBBBBBBBB' }) : new Response('Internal Server Error', { status: 500 })))
    const run = await startRoute('fail-throw', { work: 10, effect: 100 })
    const ref = new Headers(requests[0]!.init!.headers).get('X-Run-Ref')!
    expect(ref).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(requests[1]!.url).toBe(`/api/runs?ref=${ref}`)
    expect(run).toMatchObject({ runId: 'BBBBBBBBBBBB', status: 500 })
  })

  it("a refused request started no run: the visitor reads the server's JSON error", async () => {
    answer((url) => (url.startsWith('/api/runs?') ? new Response('', { status: 404 }) : refused(400, 'work must be from 0 to 2000.', 'work')))
    await expect(startRoute('after', { work: 99999, effect: 0 })).rejects.toMatchObject({ message: 'work must be from 0 to 2000.', status: 400, field: 'work' })
  })
})

describe('startPage', () => {
  it("GETs the page with its parameters and reads the run id from the page's HTML", async () => {
    answer(() => new Response('<main data-run-id="CCCCCCCCCCCC">…</main>', { status: 200 }))
    const run = await startPage('server-component', { work: 30, effect: 700 })
    expect(requests[0]!.url).toBe('/demos/server-component?work=30&effect=700')
    expect(run).toMatchObject({ scenario: 'server-component', runId: 'CCCCCCCCCCCC', status: 200 })
  })

  it('a refusal keeps its status and message; a page without a run id is an error too', async () => {
    const noRun = new Response('', { status: 404 })
    answer((url) => (url.startsWith('/api/runs?') ? noRun : refused(429, 'Too many runs.', 'client')))
    await expect(startPage('middleware', { work: 0, effect: 0 })).rejects.toMatchObject({ message: 'Too many runs.', status: 429 })
    answer((url) => (url.startsWith('/api/runs?') ? new Response('', { status: 404 }) : new Response('<main>no run</main>', { status: 200 })))
    await expect(startPage('middleware', { work: 0, effect: 0 })).rejects.toThrow('The page carried no run id.')
  })
})

describe('startPage on a page whose render fails or whose visitor leaves', () => {
  it('a failed render (its error page has no run id) is looked up by the X-Run-Ref it sent', async () => {
    answer((url) => (url.startsWith('/api/runs?') ? Response.json({ runId: 'EEEEEEEEEEEE' }) : new Response('<h1>500</h1>', { status: 500 })))
    const run = await startPage('render-throw', { work: 0, effect: 0 })
    const ref = new Headers(requests[0]!.init!.headers).get('X-Run-Ref')!
    expect(requests[0]!.init).toMatchObject({ redirect: 'manual' })
    expect(requests[1]!.url).toBe(`/api/runs?ref=${ref}`)
    expect(run).toMatchObject({ scenario: 'render-throw', runId: 'EEEEEEEEEEEE', status: 500 })
  })

  it('render-abort hangs up once the run id has arrived, before the rest of the stream', async () => {
    // The rest never comes: only hanging up ends the read.
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('<main data-run-id="FFFFFFFFFFFF"><p>Loading…</p>')),
    })
    answer(() => new Response(body, { status: 200 }))
    const run = await startPage('render-abort', { work: 0, effect: 0, stream: 250 })
    expect(run).toMatchObject({ runId: 'FFFFFFFFFFFF', status: 200, browser: { stopped: true } })
    expect(requests[0]!.init!.signal!.aborted).toBe(true)
  })
})

describe('startAction', () => {
  it('a result arrives in one piece: first and last byte are the same moment', async () => {
    const run = await startAction('server-action', async () => ({ runId: 'DDDDDDDDDDDD', status: 'saved' }), 'work=0&effect=0', { status: async () => 200 })
    expect(run).toMatchObject({ scenario: 'server-action', runId: 'DDDDDDDDDDDD', status: 200 })
    expect(run.browser.firstByte).toBe(run.browser.lastByte)
  })

  it('the status is the one the browser recorded, 0 where it keeps none', async () => {
    const action = async () => ({ runId: 'DDDDDDDDDDDD', status: 'saved' })
    expect((await startAction('server-action', action, '', { status: async () => 303 })).status).toBe(303)
    expect((await startAction('server-action', action, '', { status: async () => undefined })).status).toBe(0)
  })

  it('an action that redirects rejects: its run is found by the reference it was called with, on its version', async () => {
    answer(() => Response.json({ runId: 'GGGGGGGGGGGG' }))
    let passed: string | undefined
    const redirecting = async (_query: string, ref?: string) => {
      passed = ref
      throw Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/demos/action-redirect;307;' })
    }
    const run = await startAction('action-redirect', redirecting, 'work=0&effect=0', { base: '/next16', status: async () => 200 })
    expect(run).toMatchObject({ scenario: 'action-redirect', runId: 'GGGGGGGGGGGG', status: 200 })
    expect(requests[0]!.url).toBe(`/next16/api/runs?ref=${passed}`)
  })

  it('an action that rejects without starting a run rejects with its own error', async () => {
    answer(() => new Response(null, { status: 404 }))
    const failing = async () => Promise.reject(new Error('network down'))
    await expect(startAction('action-redirect', failing, '')).rejects.toThrow('network down')
  })

  it("an action's JSON error becomes the message the visitor reads", async () => {
    const refusedAction = async () => ({ error: { code: 'bad_param', message: 'effect must be from 0 to 5000.', field: 'effect' } })
    const pending = startAction('server-action', refusedAction, 'effect=99999')
    await expect(pending).rejects.toBeInstanceOf(RunRequestError)
    await expect(pending).rejects.toThrow('effect must be from 0 to 5000.')
  })
})
