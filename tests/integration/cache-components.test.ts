import { randomBytes } from 'node:crypto'
import { describe, expect, inject, it } from 'vitest'
import { EVENTS, LANES, type TimelineEvent } from '@/demos/engine'
import type { PageRecord } from '@/demos/operations'
import { CACHE_COMPONENTS_BASE } from '@/demos/versions'
import { baseUrl, eventTime, readEvents } from '../support/api'
import { waitFor } from '../support/health'
import { lookUpRef, newRef } from '../support/runs'

/**
 * The Cache Components demo server (next16/cache-components: Next.js 16 with
 * `cacheComponents: true`), as /notes/where-it-works#cache-components runs it:
 * its page, its run's timeline, and the record its shell's after() wrote at build.
 */
const urls = inject('cacheComponentsUrls')
/** This file's own server, as `baseUrl()` picks the site's. */
const base = () => urls[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % urls.length]!
const next16 = inject('versions').find((version) => version.name === '16')

const PAGE = '/demos/cache-components'
const STREAM = 300
const EFFECT = 400

/** GETs the demo page as the site's client does (an X-Run-Ref), with the visitor's demo cookie, and reads its run. */
async function requestPage(cookie: string, query = `stream=${STREAM}&effect=${EFFECT}`) {
  const ref = newRef()
  const response = await fetch(`${base()}${PAGE}?${query}`, { headers: { 'X-Run-Ref': ref, Cookie: `after-guide-visitor=${cookie}` } })
  const body = await response.text()
  return { response, body, runId: await lookUpRef(ref, base()) }
}

async function timelineOf(cookie: string) {
  const { response, body, runId } = await requestPage(cookie)
  expect(response.status).toBe(200)
  expect(body).toContain('products picked for you.')
  if (!runId) throw new Error(`the page started no run: ${body.slice(0, 300)}`)
  const { events, end } = await readEvents(runId, undefined, base())
  expect(end).toBe('complete')
  return { response, runId, events }
}

const inLane = (events: TimelineEvent[], lane: string) => events.filter((event) => event.lane === lane).map((event) => event.type)
const newCookie = () => randomBytes(12).toString('base64url')

async function shellRecord(): Promise<PageRecord['runs']> {
  const response = await fetch(`${base()}/api/static-record`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { 'cache-components': PageRecord | null })['cache-components']?.runs ?? []
}

// The Cache Components server runs beside each Next.js 16 one.
describe.runIf(inject('versions').some((version) => version.name === '16'))('Cache Components demo server (Next.js 16, cacheComponents: true)', () => {
  it('serves its page as a partial prerender, on the pinned Next.js 16 (built against and run by), and the site forwards its prefix to it', async () => {
    const { response, runId } = await requestPage(newCookie())
    expect(response.headers.get('x-nextjs-postponed')).toBe('1')
    expect(response.headers.get('X-Next-Version')).toBe(next16!.next)
    const { raw } = await readEvents(runId!, undefined, base())
    const server = JSON.parse(/^event: server\ndata: (.+)$/m.exec(raw)![1]!) as { nextVersion: string; serverNextVersion: string }
    expect(server).toMatchObject({ nextVersion: next16!.next, serverNextVersion: next16!.next })
    const forwarded = await fetch(`${inject('baseUrls')[0]}${CACHE_COMPONENTS_BASE}/api/static-record`)
    expect(forwarded.status).toBe(200)
    expect(forwarded.headers.get('X-Next-Version')).toBe(next16!.next)
  })

  it("in the Suspense boundary, the callback runs for each request once the response is out; in the 'use cache' function, on a miss only", async () => {
    const cookie = newCookie()
    const miss = await timelineOf(cookie)
    const hit = await timelineOf(cookie)

    for (const { events } of [miss, hit]) {
      // The boundary's own after(): the audit-log write, started once the part returned.
      expect(eventTime(events, EVENTS.effectStarted)).toBeGreaterThanOrEqual(eventTime(events, EVENTS.responseReturned))
      expect(inLane(events, LANES.sideEffect)).toEqual([EVENTS.effectStarted, EVENTS.effectFinished, EVENTS.effectLogged])
    }
    // The miss ran the cached function's body and the callback it registered, after the response.
    expect(inLane(miss.events, LANES.stream)).toEqual(['work.started', 'work.finished'])
    expect(inLane(miss.events, LANES.recordMetrics)).toEqual(['effect.recordMetrics.started', 'effect.recordMetrics.finished'])
    expect(eventTime(miss.events, 'effect.recordMetrics.started')).toBeGreaterThanOrEqual(eventTime(miss.events, EVENTS.responseReturned))
    // The hit ran neither.
    expect(inLane(hit.events, LANES.stream)).toEqual([])
    expect(inLane(hit.events, LANES.recordMetrics)).toEqual([])

    // Another visitor's cookie is another cache entry: a miss again.
    const other = await timelineOf(newCookie())
    expect(inLane(other.events, LANES.recordMetrics)).toEqual(['effect.recordMetrics.started', 'effect.recordMetrics.finished'])
  })

  it('in the shell of a page with a dynamic part, the callback ran at build and runs again on every request (twice each on 16.4.6)', async () => {
    const record = await shellRecord()
    expect(record.filter((run) => run.nextPhase !== null).map((run) => run.nextPhase)).toEqual(['phase-production-build', 'phase-production-build'])
    const { runId, events } = await timelineOf(newCookie())
    // Drawn on the request's run, after its part returned, as the boundary's own callback is.
    const pageViews = events.filter((event) => event.type === 'effect.logPageView.started')
    expect(pageViews).toHaveLength(2)
    for (const { t } of pageViews) expect(t).toBeGreaterThanOrEqual(eventTime(events, EVENTS.responseReturned))
    // And written down, each run of it, in the page's record, with the request's run (a write of its own: waited for).
    const rowsOf = async () => (await shellRecord()).filter((run) => run.runId === runId)
    const rows = await waitFor(rowsOf, (found) => found.length >= 2, 30_000)
    expect(rows.map((run) => run.nextPhase)).toEqual([null, null])
  })

  it('a receipt of a run on it is made through the site, on the site’s origin, and renders on the site’s page', async () => {
    const site = baseUrl()
    const through = `${site}${CACHE_COMPONENTS_BASE}`
    const ref = newRef()
    const response = await fetch(`${through}${PAGE}?stream=0&effect=50`, { headers: { 'X-Run-Ref': ref, Cookie: `after-guide-visitor=${newCookie()}` } })
    expect(response.status).toBe(200)
    await response.text()
    const runId = (await lookUpRef(ref, through))!
    expect((await readEvents(runId, undefined, through)).end).toBe('complete')
    const made = await fetch(`${through}/api/runs/${runId}/receipt?section=cache-components`, { method: 'POST' })
    expect(made.status, await made.clone().text()).toBe(200)
    const { url } = (await made.json()) as { url: string }
    expect(new URL(url).origin).toBe(new URL(site).origin)
    const receipt = await fetch(`${site}${new URL(url).pathname}`)
    expect(receipt.status).toBe(200)
    const html = await receipt.text()
    expect(html).toContain('Cache Components page')
    expect(html).toMatch(/<dt>Next.js<\/dt><dd>16\./)
    // "Run this again" opens the section with the run's parameters.
    expect(html).toContain('href="/notes/where-it-works?stream=0&amp;effect=50#cache-components"')
  })

  it('refuses a parameter out of range with 400 JSON naming it, and starts no run', async () => {
    const ref = newRef()
    const response = await fetch(`${base()}${PAGE}?stream=${STREAM}&effect=999999`, { headers: { 'X-Run-Ref': ref } })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('effect')
    expect(await lookUpRef(ref, base())).toBeUndefined()
  })

  it('serves no other demo page, and the other servers do not serve this one', async () => {
    const ref = newRef()
    expect((await fetch(`${base()}/demos/server-component?work=0&effect=0`, { headers: { 'X-Run-Ref': ref } })).status).toBe(404)
    expect(await lookUpRef(ref, base())).toBeUndefined()
    const site = inject('baseUrls')[0]!
    const onSite = newRef()
    expect((await fetch(`${site}${PAGE}?stream=0&effect=0`, { headers: { 'X-Run-Ref': onSite } })).status).toBe(404)
    expect(await lookUpRef(onSite, site)).toBeUndefined()
  })
})
