import { describe, expect, it } from 'vitest'
import type { DrawnRunData as DrawnRun } from '@/components/live-demo/DrawnRuns'
import { EVENTS, LANES, effectKind, taskEvent, type EventType } from '@/demos/engine/timeline'
import { readSitePages } from '@/links/site-pages'
import { baseUrl } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { demoOf, runDemo } from '../support/demos'
import { loadLazyParts } from '../support/lazy-parts'
import { useChromium } from '../support/use-chromium'

const byScenario = (runs: DrawnRun[], scenario: string) => runs.find((run) => run.scenario === scenario)!
const has = (run: DrawnRun, type: EventType) => run.events.some((event) => event.type === type)
const at = (run: DrawnRun, type: EventType) => run.events.find((event) => event.type === type)!.at

describe.runIf(browserAvailable())('the runtime notes and the comparison in Chromium', () => {
  const chromium = useChromium()

  async function open(path: string, mobile = false) {
    const context = await newContext(chromium.browser, baseUrl(), { mobile })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(path)
    return { context, page, errors }
  }

  it('/notes/failures: four failing routes and four failing page renders, their statuses, the callback still running, sendReceipt never', async () => {
    // A callback of 1.5 s: the browser's last byte must come before its end even when the machine is loaded (300 ms was not enough).
    const { context, page, errors } = await open('/notes/failures?work=20&effect=1500&stream=1000')
    expect(await page.locator('h1#failures').count()).toBe(1)
    const runs = await runDemo<DrawnRun>(await demoOf(page, ['fail-throw', 'fail-redirect', 'fail-not-found', 'fail-status']))
    expect(byScenario(runs, 'fail-throw').status).toBe(500)
    expect(byScenario(runs, 'fail-redirect').redirected).toBe(true)
    expect(byScenario(runs, 'fail-not-found').status).toBe(404)
    expect(byScenario(runs, 'fail-status').status).toBe(409)
    for (const run of runs) {
      expect(run.end).toBe('complete')
      expect(has(run, EVENTS.effectFinished)).toBe(true)
      expect(at(run, EVENTS.effectFinished)).toBeGreaterThan(run.lastByte)
      expect(run.events.some((event) => event.lane === LANES.sendReceipt)).toBe(false)
    }
    const timeline = page.getByTestId('timeline')
    expect(await timeline.getByText('never ran: no event recorded').count()).toBe(3)
    expect(await timeline.getByText('HTTP 500').count()).toBeGreaterThan(0)
    expect(await timeline.getByText('a redirect').count()).toBeGreaterThan(0)
    await expect.poll(() => page.getByTestId('summary-fail-throw').textContent()).toMatch(/HTTP 500 after .*sendReceipt never ran/)

    // #page-renders: the same failures in a page's render, and a visitor who leaves mid-stream.
    const renders = await runDemo<DrawnRun>(await demoOf(page, ['render-redirect', 'render-not-found', 'render-throw', 'render-abort']))
    expect(byScenario(renders, 'render-redirect').redirected).toBe(true)
    expect(byScenario(renders, 'render-not-found').status).toBe(404)
    expect(byScenario(renders, 'render-throw').status).toBe(500)
    expect(byScenario(renders, 'render-abort').status).toBe(200)
    for (const run of renders) {
      expect(run.end).toBe('complete')
      expect(at(run, EVENTS.effectFinished)).toBeGreaterThan(run.lastByte)
      expect(run.events.some((event) => event.lane === LANES.sendReceipt)).toBe(false)
    }

    // #action-redirect, on both versions: the status the browser recorded for each action's POST, and the callback after it.
    const redirecting = await demoOf(page, ['action-redirect'])
    await redirecting.getByRole('radio', { name: /Both/ }).check()
    const actions = await runDemo<DrawnRun>(redirecting)
    expect(Object.fromEntries(actions.map((run) => [run.nextVersion!.split('.')[0], run.status]))).toEqual({ 15: 303, 16: 200 })
    for (const run of actions) {
      expect(run.end).toBe('complete')
      expect(at(run, EVENTS.effectFinished)).toBeGreaterThan(run.lastByte)
    }
    expect(await redirecting.getByTestId('timeline').getByText('HTTP 303').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('/notes/callback-errors: 200, the failure in red on the timeline, the sibling finished', async () => {
    const { context, page } = await open('/notes/callback-errors?work=10&effect=300')
    const runs = await runDemo<DrawnRun>(await demoOf(page, ['callback-error', 'callback-unawaited']))
    for (const run of runs) {
      expect(run.status).toBe(200)
      expect(run.events.find((event) => event.lane === LANES.analytics && event.type === EVENTS.effectFailed)?.outcome).toBe('error')
      expect(has(run, EVENTS.effectFinished)).toBe(true)
    }
    await expect.poll(() => page.getByTestId('summary-callback-error').textContent()).toMatch(/last of 2 side effects finished/)
    // The chart can only colour the failure red: the summary names the lane and its error.
    expect(await page.getByTestId('summary-callback-error').textContent()).toMatch(
      /\. Analytics failed [\d,]+ ms (after|before) the response: Analytics service unavailable/,
    )
    await context.close()
  })

  it('/notes/ordering: four callback lanes, the top-level three overlapping, in both runs', async () => {
    const { context, page } = await open('/notes/ordering?work=10&effect=400')
    const runs = await runDemo<DrawnRun>(await demoOf(page, ['ordering', 'ordering-nested-first']))
    expect(runs.map((run) => run.scenario)).toEqual(['ordering', 'ordering-nested-first'])
    const run = runs[0]
    const lanes = new Set(run!.events.map((event) => event.lane))
    for (const lane of [LANES.sendEmail, LANES.updateSearchIndex, LANES.purgeCache, LANES.recordMetrics]) expect(lanes).toContain(lane)
    expect(at(run!, taskEvent(effectKind(LANES.purgeCache), 'started'))).toBeLessThan(at(run!, taskEvent(effectKind(LANES.sendEmail), 'finished')))
    expect(await page.getByTestId('timeline').getByText('Server: recordMetrics').count()).toBe(2)
    await context.close()
  })

  it('/notes/streaming: a full stream, then one the visitor stops, with the callback starting at the stop', async () => {
    const { context, page } = await open('/notes/streaming?stream=1000&effect=300')
    const [full] = await runDemo<DrawnRun>(await demoOf(page, ['streaming']))
    expect(full!.stopped).toBe(false)
    expect(has(full!, EVENTS.streamClosed)).toBe(true)
    expect(at(full!, EVENTS.effectStarted)).toBeGreaterThanOrEqual(at(full!, EVENTS.streamClosed))

    await page.getByRole('spinbutton', { name: /Stream length/ }).fill('6000')
    const stop = page.getByRole('button', { name: 'Stop the stream' })
    // Stopped once the response has started (its headers are in), so the visitor hangs up mid-stream.
    const streaming = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/demos/streaming')
    await page.getByRole('button', { name: 'Run again' }).click()
    await streaming
    await stop.click()
    const timeline = page.getByTestId('timeline')
    await expect.poll(async () => JSON.parse((await timeline.getAttribute('data-runs'))!)[0].stopped).toBe(true)
    const [stopped] = JSON.parse((await timeline.getAttribute('data-runs'))!) as DrawnRun[]
    expect(has(stopped!, EVENTS.streamCancelled)).toBe(true)
    expect(has(stopped!, EVENTS.streamClosed)).toBe(false)
    // Both on the server's clock: the callback started at the disconnect, long before 6 s of stream.
    const cancelled = stopped!.events.find((event) => event.type === EVENTS.streamCancelled)!.t
    const started = stopped!.events.find((event) => event.type === EVENTS.effectStarted)!.t
    expect(Math.abs(started - cancelled)).toBeLessThan(100)
    expect(started).toBeLessThan(6000)
    await expect.poll(() => page.getByTestId('summary-streaming').textContent()).toMatch(/you stopped the response/)
    await context.close()
  })

  it('/comparison: both demos run; the awaited failure is a 500, the others 200', async () => {
    const { context, page } = await open('/comparison?work=20&effect=2000')
    const latency = await runDemo<DrawnRun>(await demoOf(page, ['blocking', 'fire-and-forget', 'after']))
    expect(byScenario(latency, 'blocking').lastByte).toBeGreaterThanOrEqual(2000)
    expect(byScenario(latency, 'after').lastByte).toBeLessThan(2000)
    expect(byScenario(latency, 'fire-and-forget').lastByte).toBeLessThan(2000)
    const failures = await runDemo<DrawnRun>(await demoOf(page, ['await-failing', 'fire-and-forget-failing', 'after-failing']))
    expect(byScenario(failures, 'await-failing').status).toBe(500)
    expect(byScenario(failures, 'fire-and-forget-failing').status).toBe(200)
    expect(byScenario(failures, 'after-failing').status).toBe(200)
    await context.close()
  })

  it('on a desktop screen, every listing shows its lines whole, without sideways scrolling', async () => {
    for (const { route } of readSitePages().filter((page) => page.body.includes('<Listing'))) {
      const { context, page } = await open(route)
      const cut = await page
        .locator('figure[data-listing] pre')
        .evaluateAll((listings) => listings.filter((pre) => pre.scrollWidth > pre.clientWidth).map((pre) => pre.closest('figure')!.dataset.listing))
      expect(cut, route).toEqual([])
      await context.close()
    }
  })

  it('every page fits a 390 px phone screen without sideways scrolling', async () => {
    for (const { route } of readSitePages()) {
      const { context, page } = await open(route, true)
      // Measured once every lazy part (demos, the static record) has replaced its placeholder.
      await loadLazyParts(page)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, route).toBeLessThanOrEqual(0)
      await context.close()
    }
  })
})
