import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { health, waitFor } from '../support/health'
import { ownServer } from '../support/own-server'

/**
 * Few run slots and runs that would hold theirs for two minutes: a run no page
 * continues shows as a slot still taken long after the burst, well within the
 * time a run is allowed.
 */
const LIMITS = {
  AFTER_GUIDE_RATE_PER_MINUTE: '1000000',
  AFTER_GUIDE_RATE_BURST: '1000000',
  AFTER_GUIDE_MAX_RUNS_IN_FLIGHT: '6',
  AFTER_GUIDE_MAX_RUN_MS: '120000',
  AFTER_GUIDE_PAGE_CLAIM_MS: '1500',
}

/** Every demo page whose run starts before or as it renders. */
const PAGES = ['/demos/server-component', '/demos/request-context-page', '/demos/middleware']
const QUERY = 'work=0&effect=0'

/**
 * Requests that reach a demo page's middleware but not its page, or not as the
 * page: spellings the router reads another way, and Next.js's own RSC and
 * prefetch requests, which the middleware cannot tell apart (Next.js strips
 * their headers before middleware runs).
 */
const variants = (page: string): Array<{ method?: string; path: string; headers?: Record<string, string> }> => [
  { path: `${page}/?${QUERY}` },
  { path: `/${page}?${QUERY}` },
  { path: `${page.toUpperCase()}?${QUERY}` },
  { path: `${page.replace('-', '%2D').replace('/demos/m', '/demos/%6D')}?${QUERY}` },
  { path: `${page}.rsc?${QUERY}` },
  { path: `${page}.prefetch.rsc?${QUERY}` },
  { path: `${page}?${QUERY}&_rsc=abc12` },
  { path: `${page}/.?${QUERY}` },
  { path: `/demos/x/..${page.slice('/demos'.length)}?${QUERY}` },
  { path: `${page}?${QUERY}`, headers: { RSC: '1', 'Next-Router-Prefetch': '1' } },
  { path: `${page}?${QUERY}`, headers: { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-Segment-Prefetch': '/_tree' } },
  { path: `${page}?${QUERY}`, headers: { 'Next-Router-Prefetch': '1' } },
  { path: `${page}?${QUERY}`, headers: { RSC: '1', 'Next-Router-State-Tree': 'x' } },
  { path: `${page}?${QUERY}`, headers: { RSC: '1' } },
  { path: `${page}?${QUERY}`, headers: { Purpose: 'prefetch' } },
  { path: `${page}?${QUERY}`, headers: { 'Sec-Purpose': 'prefetch;prerender' } },
  { method: 'HEAD', path: `${page}?${QUERY}` },
]

describe('demo pages start no run that their page does not continue', () => {
  const server = ownServer(LIMITS)

  /** node:http, which sends the path as written (fetch would normalise it). */
  const send = (method: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(server.url)
      const req = httpRequest({ host: hostname, port, method, path, headers }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      })
      req.on('error', reject)
      req.end()
    })

  it('a burst of RSC, prefetch, HEAD and oddly spelled requests leaves every run slot free', async () => {
    const burst = PAGES.flatMap(variants)
    // Twice over: more requests than run slots.
    const statuses = await Promise.all([...burst, ...burst].map(({ method = 'GET', path, headers }) => send(method, path, headers)))
    expect(statuses.length).toBeGreaterThan(6)

    // Far sooner than a run's two minutes: any run such a request started has ended.
    const freed = await waitFor(() => health(server.url), (h) => h.runs.inFlight === 0, 20_000)
    expect(freed.runs.inFlight).toBe(0)
    // The other demos still answer.
    expect((await fetch(`${server.url}/api/demos/baseline?work=0`, { method: 'POST' })).status).toBe(200)
    for (const page of PAGES) expect((await fetch(`${server.url}${page}?${QUERY}`)).status).toBe(200)
  })

  it('a visitor who leaves while the page renders leaves no run holding a slot; the run ends abandoned', async () => {
    const refs = ['leavingVisitorPage0000', 'leavingVisitorMiddleB0']
    const leave = (path: string, ref: string) =>
      new Promise<void>((resolve) => {
        const { hostname, port } = new URL(server.url)
        const req = httpRequest({ host: hostname, port, path, headers: { 'X-Run-Ref': ref } })
        req.on('error', () => resolve())
        req.end()
        // Gone once the run has started, long before the page's 2 s of work (the most allowed) is done.
        const poll = setInterval(async () => {
          if ((await fetch(`${server.url}/api/runs?ref=${ref}`)).status === 200) {
            clearInterval(poll)
            req.destroy()
            resolve()
          }
        }, 50)
      })
    await Promise.all([leave('/demos/server-component?work=2000&effect=0', refs[0]!), leave('/demos/middleware?work=2000&effect=0', refs[1]!)])
    const freed = await waitFor(() => health(server.url), (h) => h.runs.inFlight === 0, 20_000)
    expect(freed.runs.inFlight).toBe(0)
    for (const ref of refs) {
      const { runId } = (await (await fetch(`${server.url}/api/runs?ref=${ref}`)).json()) as { runId: string }
      expect(await (await fetch(`${server.url}/api/runs/${runId}/events`)).text()).toMatch(/event: end\ndata: {"status":"abandoned"}/)
    }
  })

  it('a run whose page did not render ends with a status its client can read', async () => {
    const ref = 'abandonedRunRef0000000'
    // A router prefetch of the middleware demo: its middleware starts the run, the page never renders.
    await send('GET', `/demos/middleware?${QUERY}`, { RSC: '1', 'Next-Router-Prefetch': '1', 'X-Run-Ref': ref })
    const lookup = (await (await fetch(`${server.url}/api/runs?ref=${ref}`)).json()) as { runId: string }
    const text = await (await fetch(`${server.url}/api/runs/${lookup.runId}/events`)).text()
    expect(text).toMatch(/event: end\ndata: {"status":"abandoned"}/)
    expect(text).toMatch(/Page did not render/)

    // A server component page starts its run as it renders: a prefetch starts none.
    const pageRef = 'prefetchedPageRef00000'
    await send('GET', `/demos/server-component?${QUERY}`, { RSC: '1', 'Next-Router-Prefetch': '1', 'X-Run-Ref': pageRef })
    expect((await fetch(`${server.url}/api/runs?ref=${pageRef}`)).status).toBe(404)
  })
})
