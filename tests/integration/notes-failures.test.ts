import { describe, expect, it } from 'vitest'
import { EVENTS, LANES } from '@/demos/engine'
import { baseUrl, currentVersion, eachVersion, eventTime, readEvents, responseBeforeEffectEnd, runCount, timed } from '../support/api'
import { inLane, lookUpRef, newRef, runToEnd, startPageRun, startScenario } from '../support/runs'
import { actionId } from '../support/surfaces'

const WORK = 20
const EFFECT = 400
/** A page's render costs more than a Route Handler's: a longer callback keeps "the response came first" clear on a busy machine. */
const PAGE_EFFECT = 800

interface FailureCase {
  scenario: string
  status: number
  /** Whether Next.js's own response carries the route's headers (only a returned Response does). */
  carriesRunId: boolean
  handlerEnd: string
  location?: string
}

const cases: FailureCase[] = [
  { scenario: 'fail-throw', status: 500, carriesRunId: false, handlerEnd: EVENTS.handlerThrew },
  { scenario: 'fail-redirect', status: 307, carriesRunId: false, handlerEnd: EVENTS.handlerThrew, location: '/notes/failures' },
  { scenario: 'fail-not-found', status: 404, carriesRunId: false, handlerEnd: EVENTS.handlerThrew },
  { scenario: 'fail-status', status: 409, carriesRunId: true, handlerEnd: EVENTS.responseReturned },
]

eachVersion(() => describe('/notes/failures: after() runs even when the response fails (truth tests against next start)', () => {
  it.each(cases)(
    '$scenario: the browser gets $status, and the callback registered before the failure still runs after it',
    async ({ scenario, status, carriesRunId, handlerEnd, location }) => {
      // The visitor did not wait for the callback.
      const run = await responseBeforeEffectEnd(() => runToEnd(scenario, `work=${WORK}&effect=${EFFECT}`))
      expect(run.response.status).toBe(status)
      if (location) expect(run.response.headers.get('location')).toBe(location)
      expect(run.response.headers.get('x-run-id') !== null).toBe(carriesRunId)

      expect(run.end).toBe('complete')
      const ended = eventTime(run.events, handlerEnd)
      const started = eventTime(run.events, EVENTS.effectStarted)
      const finished = eventTime(run.events, EVENTS.effectFinished)
      expect(started).toBeGreaterThanOrEqual(ended)
      expect(Math.abs(started - eventTime(run.events, EVENTS.responseSent))).toBeLessThan(50)
      // Only a returned Response has a body of the handler's to observe; a throw leaves Next.js's own answer.
      if (carriesRunId) expect(started).toBeGreaterThanOrEqual(eventTime(run.events, EVENTS.responseBodySent))
      else expect(run.events.map((event) => event.type)).not.toContain(EVENTS.responseBodySent)
      expect(finished - started).toBeGreaterThanOrEqual(EFFECT - 1)
    },
  )

  it.each(cases.filter((c) => c.scenario !== 'fail-status'))(
    '$scenario: a callback below the failing line is never registered, so it never runs',
    async ({ scenario }) => {
      const run = await runToEnd(scenario, `work=${WORK}&effect=${EFFECT}`)
      expect(run.end).toBe('complete')
      // The run only completes once every task has settled: the receipt lane staying empty is final.
      expect(inLane(run.events, LANES.sendReceipt)).toEqual([])
      expect(inLane(run.events, LANES.sideEffect).length).toBeGreaterThan(0)
    },
  )

  // #page-renders: the same failures during a Server Component render, one page at /demos/render-fails/<fail>.
  it.each([
    { fail: 'redirect', status: 307, location: '/notes/failures' },
    { fail: 'not-found', status: 404 },
    { fail: 'throw', status: 500 },
  ])('page render that fails ($fail): $status, and the callback registered before runs after it; the one below never', async ({ fail, status, location }) => {
    const { response, events, end } = await responseBeforeEffectEnd(async () => {
      const started = await startPageRun(`/demos/render-fails/${fail}?work=${WORK}&effect=${PAGE_EFFECT}`)
      return { ...started, ...(await readEvents(started.runId!)) }
    })
    expect(response.status).toBe(status)
    // A page's redirect() adds the app's basePath (the 16 server's /next16), a Route Handler's does not.
    const basePath = new URL(baseUrl()).pathname.replace(/\/$/, '')
    if (location) expect(new URL(response.headers.get('location')!, baseUrl()).pathname).toBe(`${basePath}${location}`)
    expect(end).toBe('complete')
    const threw = eventTime(events, EVENTS.handlerThrew)
    const effect = eventTime(events, EVENTS.effectStarted)
    expect(effect).toBeGreaterThanOrEqual(threw)
    expect(Math.abs(effect - eventTime(events, EVENTS.responseSent))).toBeLessThan(50)
    expect(eventTime(events, EVENTS.effectFinished) - effect).toBeGreaterThanOrEqual(PAGE_EFFECT - 1)
    expect(inLane(events, LANES.sendReceipt)).toEqual([])
  })

  // #action-redirect: the demo's Server Action registers the callback, then redirect()s back to its page.
  it('Server Action that redirects, called as Next.js\'s client calls it: 303 on 15.5, 200 on 16, x-action-redirect and no Location; the callback runs after the response', async () => {
    const { response, events, end } = await responseBeforeEffectEnd(async () => {
      const ref = newRef()
      const { response, elapsed } = await timed('/demos/action-redirect', {
        method: 'POST',
        headers: {
          'Next-Action': actionId('app/demos/action-redirect/actions.ts', 'saveAndRedirect'),
          Accept: 'text/x-component',
          'Content-Type': 'text/plain;charset=UTF-8',
        },
        body: JSON.stringify([`work=${WORK}&effect=${EFFECT}`, ref]),
      })
      // The action returned nothing to find its run by: the reference it was called with finds it.
      const runId = await lookUpRef(ref)
      return { response, elapsed, ...(await readEvents(runId!)) }
    })
    // 16 answers the redirect target's payload with 200 (vercel/next.js#96310); 15.5 with 303 See Other.
    expect(response.status).toBe(currentVersion().name === '16' ? 200 : 303)
    // Without the 16 server's basePath, unlike a page's Location: Next.js's client adds it as it navigates.
    expect(response.headers.get('x-action-redirect')).toBe('/demos/action-redirect;replace')
    expect(response.headers.get('location')).toBeNull()
    expect(end).toBe('complete')
    const effect = eventTime(events, EVENTS.effectStarted)
    expect(effect).toBeGreaterThanOrEqual(eventTime(events, EVENTS.handlerThrew))
    expect(Math.abs(effect - eventTime(events, EVENTS.responseSent))).toBeLessThan(50)
    expect(eventTime(events, EVENTS.effectFinished) - effect).toBeGreaterThanOrEqual(EFFECT - 1)
  })

  it('page render whose visitor leaves mid-stream: the callback runs when the connection closes, before the rest would have streamed (and after it, for a visitor who stays)', async () => {
    const STREAM = 2000
    const ref = newRef()
    const leaving = new AbortController()
    const response = await fetch(`${baseUrl()}/demos/render-fails/abort?work=${WORK}&effect=${EFFECT}&stream=${STREAM}`, {
      headers: { 'X-Run-Ref': ref },
      signal: leaving.signal,
    })
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let seen = ''
    while (!seen.includes('Loading recommendations')) seen += decoder.decode((await reader.read()).value, { stream: true })
    leaving.abort()
    const runId = /data-run-id="([A-Za-z0-9_-]{12})"/.exec(seen)![1]!
    expect(await lookUpRef(ref)).toBe(runId)
    const { events, end } = await readEvents(runId)
    expect(end).toBe('complete')
    const effect = eventTime(events, EVENTS.effectStarted)
    expect(effect).toBeGreaterThanOrEqual(eventTime(events, EVENTS.responseReturned))
    // The slow part was still rendering: the callback ran because the connection closed, not because the page ended.
    expect(effect).toBeLessThan(eventTime(inLane(events, LANES.stream), EVENTS.workFinished))
    expect(eventTime(events, EVENTS.effectFinished) - effect).toBeGreaterThanOrEqual(EFFECT - 1)

    // A visitor who stays: the callback waits for the whole stream, so starting early above was the leaving's doing.
    const stayed = await startPageRun(`/demos/render-fails/abort?work=${WORK}&effect=${EFFECT}&stream=500`)
    const whole = await readEvents(stayed.runId!)
    expect(whole.end).toBe('complete')
    expect(eventTime(whole.events, EVENTS.effectStarted)).toBeGreaterThanOrEqual(eventTime(inLane(whole.events, LANES.stream), EVENTS.workFinished))
  })

  it('the failing page with an unknown failure answers 404 and starts no run', async () => {
    const before = await runCount()
    expect((await timed('/demos/render-fails/explode')).response.status).toBe(404)
    expect(await runCount()).toBe(before)
  })

  it('a thrown error gets Next.js bare 500: the run is found by the client reference instead', async () => {
    const { response, body, runId } = await startScenario('fail-throw', 'work=0&effect=0')
    expect(response.status).toBe(500)
    expect(response.headers.get('x-run-id')).toBeNull()
    expect(body).not.toContain('runId')
    expect(runId).toMatch(/^[A-Za-z0-9_-]{12}$/)
  })

  it('a request refused with 400 creates no run, so its reference finds nothing', async () => {
    const before = await runCount()
    const ref = newRef()
    const { response, body } = await timed('/api/demos/fail-throw?work=99999', { method: 'POST', headers: { 'X-Run-Ref': ref } })
    expect(response.status).toBe(400)
    expect(JSON.parse(body).error).toMatchObject({ field: 'work', allowed: '0-2000' })
    expect(await lookUpRef(ref)).toBeUndefined()
    expect(await runCount()).toBe(before)
  })

  it.each([
    ['too short', 'abc'],
    ['too long', 'A'.repeat(23)],
    ['bad characters', 'A'.repeat(21) + '!'],
  ])('refuses an X-Run-Ref that is %s with 400 naming the header', async (_name, ref) => {
    const before = await runCount()
    const { response, body } = await timed('/api/demos/fail-throw', { method: 'POST', headers: { 'X-Run-Ref': ref } })
    expect(response.status).toBe(400)
    expect(JSON.parse(body).error).toMatchObject({ field: 'X-Run-Ref', allowed: '22 URL-safe characters' })
    expect(await runCount()).toBe(before)
  })

  it.each([
    ['no ref', '/api/runs', 400, 'ref'],
    ['a malformed ref', '/api/runs?ref=short', 400, 'ref'],
    ['two refs', `/api/runs?ref=${'A'.repeat(22)}&ref=${'B'.repeat(22)}`, 400, 'ref'],
    ['an unknown parameter', `/api/runs?ref=${'A'.repeat(22)}&id=1`, 400, 'id'],
    ['a ref no run used', `/api/runs?ref=${'Z'.repeat(22)}`, 404, 'ref'],
  ])('run lookup with %s: %s → %i', async (_name, path, status, field) => {
    const { response, body } = await timed(path)
    expect(response.status).toBe(status)
    expect(JSON.parse(body).error.field).toBe(field)
  })

  it('run lookup takes GET only', async () => {
    const { response } = await timed('/api/runs', { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
  })
}))
