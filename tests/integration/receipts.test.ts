import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { DrawnRunData } from '@/components/live-demo/DrawnRuns'

import { baseUrl } from '../support/api'
import { runToEnd, startScenario } from '../support/runs'
import { startServer, TEST_SERVER_ENV, type RunningServer } from '../support/server'

const SHARED = { ...TEST_SERVER_ENV, AFTER_GUIDE_RECEIPT_SECRET: 'a secret every instance of the test deployment shares' }
// Runs evicted 3 s after they start: a receipt must outlive its run.
const DEFAULT_SECRET = { ...TEST_SERVER_ENV, AFTER_GUIDE_RUN_MAX_AGE_MS: '3000' }

async function receiptOf(base: string, runId: string, query = ''): Promise<Response> {
  return fetch(`${base}/api/runs/${runId}/receipt${query}`, { method: 'POST' })
}

async function makeReceipt(base: string, runId: string, query = ''): Promise<string> {
  const response = await receiptOf(base, runId, query)
  expect(response.status, await response.clone().text()).toBe(200)
  return ((await response.json()) as { url: string }).url
}

/** The page at `url`'s path, on `base`. */
const page = (base: string, url: string) => fetch(`${base}${new URL(url).pathname}`)

const drawnRuns = (html: string): DrawnRunData[] => {
  const attribute = /data-runs="([^"]*)"/.exec(html)?.[1]
  if (!attribute) throw new Error('no chart on the page')
  return JSON.parse(attribute.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>')) as DrawnRunData[]
}

/** A composition as the playground writes it (canonical), short enough for a receipt's title to show it whole. */
const COMPOSITION = 'work:20,after:audit-log:50,await:email:10'

/** The "Run this again" link of a receipt page of a composed run of COMPOSITION, made on `base`, after checking the page names it. */
async function composedRerun(base: string, pages = base): Promise<URL> {
  const run = await runToEnd('compose', `steps=${COMPOSITION}`, base)
  const html = await (await page(pages, await makeReceipt(base, run.runId!, '?section=playground'))).text()
  expect(html).toContain(`Composed handler “${COMPOSITION}”`)
  const href = /<a href="([^"]+)">Run this again<\/a>/.exec(html)?.[1]
  expect(href, 'the receipt page has a "Run this again" link').toBeDefined()
  return new URL(href!.replaceAll('&amp;', '&'), 'http://receipt.test')
}

describe('receipts', () => {
  let own: RunningServer
  let a: RunningServer
  let b: RunningServer
  beforeAll(async () => {
    ;[own, a, b] = await Promise.all([startServer(DEFAULT_SECRET), startServer(SHARED), startServer(SHARED)])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([own?.stop(), a?.stop(), b?.stop()])
  })

  it('round trip: a finished run gets a receipt whose page redraws the run’s own figures, cacheable, with its card', async () => {
    const run = await runToEnd('after', 'work=50&effect=300', own.url)
    const url = await makeReceipt(own.url, run.runId!, '?browser=40:42:200&section=rule')
    expect(new URL(url).origin).toBe(own.url)
    const response = await page(own.url, url)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toContain('immutable')
    const html = await response.text()
    const [drawn] = drawnRuns(html)
    expect(drawn!.scenario).toBe('after')
    expect(drawn!.lastByte).toBe(42)
    expect(drawn!.events.map((event) => event.t)).toEqual(run.events.map((event) => event.t))
    expect(html).toContain('the response took 42 ms')
    expect(html).toContain('Run this again')
    expect(html).toContain('href="/?work=50&amp;effect=300#')
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"')

    const card = await fetch(/<meta property="og:image" content="([^"]+)"/.exec(html)![1]!)
    expect(card.status).toBe(200)
    expect(card.headers.get('content-type')).toBe('image/png')
    const png = Buffer.from(await card.arrayBuffer())
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
  })

  it('refuses a tampered receipt with a 400 page and a truncated one with a 404, neither with a chart', async () => {
    const run = await runToEnd('after', 'work=0&effect=0', own.url)
    const path = new URL(await makeReceipt(own.url, run.runId!)).pathname
    const at = path.indexOf('/receipts/') + '/receipts/'.length + 8
    const tampered = `${path.slice(0, at)}${path[at] === 'A' ? 'B' : 'A'}${path.slice(at + 1)}`
    for (const [bad, status, words] of [
      [tampered, 400, 'does not check out'],
      [path.slice(0, -5), 404, 'No receipt at this address'],
    ] as const) {
      const response = await fetch(`${own.url}${bad}`)
      expect(response.status, bad).toBe(status)
      const html = await response.text()
      expect(html).toContain(words)
      expect(html).not.toContain('data-runs')
      expect((await fetch(`${own.url}${bad.replace('/receipts/', '/receipt-cards/')}.png`)).status).toBe(status)
    }
  })

  it('answers 404 for an unknown run, 409 for one still going, 400 naming a bad field', async () => {
    expect((await receiptOf(own.url, 'AAAAAAAAAAAA')).status).toBe(404)
    const going = await startScenario('after', 'work=0&effect=3000', own.url)
    const refused = await receiptOf(own.url, going.runId!)
    expect(refused.status).toBe(409)
    expect(refused.headers.get('retry-after')).toBe('1')
    const bad = await receiptOf(own.url, going.runId!, '?browser=9:1:200')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('browser')
  })

  it('a receipt outlives its run’s eviction and a restart (default secret), and renders on another instance with the shared secret', async () => {
    const run = await runToEnd('after', 'work=20&effect=100', own.url)
    const url = await makeReceipt(own.url, run.runId!)
    await expect.poll(async () => (await fetch(`${own.url}/api/runs/${run.runId}/events`)).status, { timeout: 20_000, interval: 250 }).toBe(404)
    expect((await page(own.url, url)).status).toBe(200)

    await own.stop()
    own = await startServer(DEFAULT_SECRET)
    const again = await page(own.url, url)
    expect(again.status).toBe(200)
    expect(drawnRuns(await again.text())[0]!.events).toHaveLength(run.events.length)

    const onA = await runToEnd('blocking', 'work=20&effect=100', a.url)
    const shared = await makeReceipt(a.url, onA.runId!)
    expect((await page(b.url, shared)).status).toBe(200)
    // Signed with the shared secret, not this build's own: the default-secret server refuses it.
    expect((await page(own.url, shared)).status).toBe(400)
  }, 90_000)

  it('a composed run’s receipt names its composition and reruns it on /playground with the same steps', async () => {
    const rerun = await composedRerun(own.url)
    expect(rerun.pathname).toBe('/playground')
    expect(Object.fromEntries(rerun.searchParams)).toEqual({ steps: COMPOSITION })
  })

  it('keeps the receipt of the scenario with the most events under 2,000 characters', async () => {
    const run = await runToEnd('streaming', 'stream=10000&effect=0', a.url)
    expect(run.events.length).toBeGreaterThan(40)
    const url = await makeReceipt(a.url, run.runId!, '?browser=30:10040:200&section=streaming')
    expect(url.length).toBeLessThan(2000)
  }, 60_000)
})

describe.runIf(inject('versions').some((version) => version.name === '16'))('receipts of runs on the Next.js 16 server', () => {
  it('are made by the 16 server through the site, with the build’s own secret, and render on the site’s page', async () => {
    const through = `${baseUrl()}/next16`
    const run = await runToEnd('after', 'work=10&effect=50', through)
    const url = await makeReceipt(through, run.runId!, '?section=rule')
    // The 16 server believes the host the site forwarded, so the link is on the site's origin, not the 16 server's own.
    expect(new URL(url).origin).toBe(new URL(baseUrl()).origin)
    const response = await page(baseUrl(), url)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<dt>Next.js<\/dt><dd>16\./)
    expect(html).toContain('href="/?work=10&amp;effect=50&amp;next=16#rule"')
  })

  it('of a composed run rerun it on /playground with the same steps, on 16', async () => {
    const rerun = await composedRerun(`${baseUrl()}/next16`, baseUrl())
    expect(rerun.pathname).toBe('/playground')
    expect(Object.fromEntries(rerun.searchParams)).toEqual({ steps: COMPOSITION, next: '16' })
  })
})
