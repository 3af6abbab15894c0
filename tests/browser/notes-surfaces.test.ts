import { describe, expect, it } from 'vitest'
import type { DrawnRunData as DrawnRun } from '@/components/live-demo/DrawnRuns'
import { EVENTS, LANES, type EventType } from '@/demos/engine/timeline'
import { baseUrl } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { demoOf, runDemo } from '../support/demos'
import { watchProblems } from '../support/page-problems'
import { useChromium } from '../support/use-chromium'

// A user agent with markup in it: the page must show it as text.
const AGENT = 'after-guide-browser-test <b id="injected">bold</b>'
const has = (run: DrawnRun, type: EventType) => run.events.some((event) => event.type === type)

describe.runIf(browserAvailable())('the surfaces notes in Chromium', () => {
  const chromium = useChromium()

  it('where-it-works: runs a Route Handler, a Server Action (in its frame) and a Server Component on one timeline', async () => {
    const { context, page } = await chromium.open('/notes/where-it-works?work=30&effect=1500')
    const demo = await demoOf(page, ['after', 'server-action', 'server-component'])
    await demo.waitFor()
    // The frame, and the App Router runtime it loads, wait for the visitor to press Run.
    expect(await page.locator('iframe').count()).toBe(0)
    const runs = await runDemo<DrawnRun>(demo)
    expect(runs.map((run) => run.scenario)).toEqual(['after', 'server-action', 'server-component'])
    for (const run of runs) {
      expect(run.status).toBe(200)
      expect(run.lastByte).toBeLessThan(run.effectFinished!)
      expect(run.effectFinished! - run.effectStarted!).toBeGreaterThanOrEqual(1499)
    }
    await expect.poll(() => demo.getByTestId('summary-server-action').textContent()).toMatch(/side effect finished \d[\d,]* ms after that/)
    await expect.poll(() => page.frameLocator('iframe').first().getByTestId('action-status').textContent()).toMatch(/answered HTTP 200 after \d/)
    await context.close()
  })

  it('where-it-works on a phone: demos far down the page load when the visitor comes near them', async () => {
    const { context, page } = await chromium.open('/notes/where-it-works', { mobile: true })
    // Hydrated: a copy button (not lazy) answers a click. Dispatched, not clicked, so the page does not scroll.
    const copy = page.getByRole('button', { name: /Copy app\/api\/demos\/after\/route\.ts/ })
    await copy.dispatchEvent('click')
    await expect.poll(() => copy.getAttribute('data-copy-state')).not.toBe('idle')
    // No demo below the first screens has mounted, nor will: the lazy parts' observers were created in the hydration
    // commit, before that click could be handled, so they have reported before an observer created now reports; with
    // the same margin, this one finds every placeholder more than a screen away, which is their rule for staying put.
    const near = await page.evaluate(
      () =>
        new Promise<boolean[]>((resolve) => {
          const observer = new IntersectionObserver(
            (entries) => {
              observer.disconnect()
              resolve(entries.map((entry) => entry.isIntersecting))
            },
            { rootMargin: '100% 0px' },
          )
          for (const placeholder of document.querySelectorAll('[data-loading]')) observer.observe(placeholder)
        }),
    )
    // Seven: four demos, the pages/api call, the static pages' record and the Cache Components shell's.
    expect(near).toEqual(Array(7).fill(false))
    expect(await page.locator('section[data-demo]').count()).toBe(0)
    expect(await page.locator('[data-loading]').count()).toBe(7)
    // A link to a section brings in what is around it.
    const linked = await context.newPage()
    await linked.goto('/notes/where-it-works#pages-api')
    await linked.getByRole('button', { name: 'Call after() in pages/api' }).waitFor()
    await context.close()
  })

  it('where-it-works: middleware callback starts before the first byte; pages/api message; build record', async () => {
    const { context, page } = await chromium.open('/notes/where-it-works?work=400&effect=200')
    const [middleware] = await runDemo<DrawnRun>(await demoOf(page, ['middleware']))
    expect(middleware!.scenario).toBe('middleware')
    expect(middleware!.effectStarted!).toBeLessThan(middleware!.firstByte)

    await page.getByRole('button', { name: 'Call after() in pages/api' }).click()
    await expect.poll(() => page.getByTestId('pages-api-message').textContent()).toMatch(/^`after` was called outside a request scope/)

    const record = page.getByTestId('static-record')
    await expect.poll(() => record.locator('tr[data-page="static"]').count()).toBe(1)
    expect(await record.locator('tr[data-page="static"] code').textContent()).toBe('phase-production-build')
    await context.close()
  })

  it('where-it-works#cache-components: with a fresh cookie, a cache miss then a hit on the Cache Components server; its shell record from the build', async () => {
    const { context, page } = await chromium.open('/notes/where-it-works?stream=300&effect=300')
    const demo = await demoOf(page, ['cache-components', 'cache-components'])
    // One server of its own: there is no version to choose.
    expect(await demo.getByTestId('version-choice').count()).toBe(0)
    const [miss, hit] = await runDemo<DrawnRun>(demo)
    for (const run of [miss!, hit!]) {
      expect(run.nextVersion).toMatch(/^16\./)
      expect(run.end).toBe('complete')
      expect(has(run, EVENTS.effectFinished)).toBe(true)
    }
    const inLane = (run: DrawnRun, lane: string) => run.events.filter((event) => event.lane === lane).length
    expect(inLane(miss!, LANES.recordMetrics)).toBe(2)
    expect(inLane(miss!, LANES.stream)).toBe(2)
    expect(inLane(hit!, LANES.recordMetrics)).toBe(0)
    expect(inLane(hit!, LANES.stream)).toBe(0)
    // The shell's page-view callback, twice on each request.
    expect(inLane(miss!, LANES.logPageView)).toBe(4)
    expect(inLane(hit!, LANES.logPageView)).toBe(4)
    const timeline = demo.getByTestId('timeline')
    // The hit's two empty lanes, drawn as such; each run under its own title.
    expect(await timeline.getByText('never ran: no event recorded').count()).toBe(2)
    // Two page views in one lane draw one bar, which says so.
    expect(await timeline.getByText(/; ran 2 times$/).count()).toBe(2)
    expect(await timeline.getByText('Second request, same cookie: cache hit', { exact: false }).count()).toBeGreaterThan(0)

    // The shell's record: two rows from the build, then, read again, the latest request rows (the demo's two requests
    // wrote four; six are shown).
    const record = page.getByTestId('shell-record')
    const build = record.locator('tr[data-page="cache-components"] code', { hasText: 'phase-production-build' })
    await expect.poll(() => build.count()).toBe(2)
    await record.getByRole('button', { name: 'Read the record again' }).click()
    const requests = record.locator('tr[data-page="cache-components"] code', { hasText: 'request (next start)' })
    await expect.poll(() => requests.count()).toBeGreaterThanOrEqual(4)
    expect(await requests.count()).toBeLessThanOrEqual(6)
    await context.close()
  })

  it('request-context: the callbacks read the visitor\'s own user agent and demo cookie, shown as text', async () => {
    const context = await newContext(chromium.browser, baseUrl(), { userAgent: AGENT })
    const page = await context.newPage()
    const { problems, explain } = await watchProblems(page)
    await page.goto('/notes/request-context?work=0&effect=20')
    const demo = await demoOf(page, ['request-context', 'request-context-action'])
    const runs = await runDemo<DrawnRun>(demo)
    // Each run logs several "Audit log entry" marks in one lane: the chart draws every one, and React has nothing to say.
    const logged = runs.map((run) => run.events.filter((event) => event.type === EVENTS.effectLogged).length)
    expect(Math.min(...logged)).toBeGreaterThanOrEqual(2)
    const groups = demo.getByTestId('timeline').locator('[aria-hidden="true"] > div')
    for (const [index, count] of logged.entries()) {
      expect(await groups.nth(index).locator('[title="Audit log entry"]').count()).toBe(count)
    }
    expect(problems, problems.length > 0 ? await explain() : undefined).toEqual([])
    const cookie = (await demo.getByTestId('demo-cookie').locator('code').textContent())!
    expect(cookie).toMatch(/^demo-/)
    // The cookie is HttpOnly: the page's scripts cannot see it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('after-guide-visitor')
    for (const run of runs) {
      expect(run.details).toContain(`userAgent: ${AGENT}`)
      expect(run.details).toContain(`visitor: ${cookie}`)
      expect(run.details.join('\n')).toMatch(/Cookies can only be modified in a Server Action or Route Handler/)
    }
    await expect.poll(() => demo.getByTestId('summary-request-context').textContent()).toContain(AGENT)
    expect(await page.locator('#injected').count()).toBe(0)

    const [component] = await runDemo<DrawnRun>(await demoOf(page, ['request-context-page']))
    expect(component!.details).toContain(`userAgent: ${AGENT}`)
    expect(component!.details.join('\n')).toMatch(/used "headers" inside "after\(\.\.\.\)"/)
    await context.close()
  })

  it('duration: marks where the chosen maxDuration would cut the callback, labelled as computed', async () => {
    const { context, page } = await chromium.open('/notes/duration?work=20&effect=2500&limit=1000')
    const [run] = await runDemo<DrawnRun>(await demoOf(page, ['long-callback']))
    expect(run!.effectFinished! - run!.effectStarted!).toBeGreaterThanOrEqual(2499)
    expect(run!.limitReached!).toBeLessThan(run!.effectFinished!)
    const summary = (await page.getByTestId('summary-long-callback').textContent())!
    expect(summary).toMatch(/maxDuration = 1 s/)
    expect(summary).toMatch(/Computed from the measured times; nothing was cut here/)
    await context.close()
  })
})
