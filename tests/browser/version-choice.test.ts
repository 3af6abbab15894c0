import { describe, expect, it } from 'vitest'
import type { DrawnRunData } from '@/components/live-demo/DrawnRuns'
import { baseUrl, servedVersions } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { watchViolations } from '../support/csp-violations'
import { demoOf, runDemo } from '../support/demos'
import { loadLazyParts } from '../support/lazy-parts'
import { useChromium } from '../support/use-chromium'

describe.runIf(browserAvailable())('the version choice of a live demo', () => {
  const chromium = useChromium()

  it('runs a Route Handler, a Server Action and an App Router page on 16 from the page, each labelled with the version it reported', async () => {
    const [, next16] = await servedVersions()
    expect(next16?.base).toBe('/next16')
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    const violations = await watchViolations(page)
    await page.goto('/notes/where-it-works?next=16&work=20&effect=300')
    const demo = await demoOf(page, ['after', 'server-action', 'server-component'])
    await expect.poll(() => demo.getByRole('radio', { name: `Next.js ${next16!.next}` }).isChecked()).toBe(true)

    const runs = await runDemo<DrawnRunData>(demo)
    expect(runs.map((run) => [run.scenario, run.nextVersion])).toEqual([
      ['after', next16!.next],
      ['server-action', next16!.next],
      ['server-component', next16!.next],
    ])
    // The Server Action was called from its page on 16, in a frame, under the 16 server's prefix.
    expect(await demo.locator('iframe').getAttribute('src')).toMatch(/^\/next16\/demos\/server-action/)
    const titles = await demo.locator('[data-testid="timeline"] [data-slot][data-role="current"] > div:first-child').allTextContents()
    expect(titles.filter((title) => title.includes(`Next.js ${next16!.next}`))).toHaveLength(3)
    expect(violations).toEqual([])
    await context.close()
  })

  it('"both", chosen with the keyboard and kept in the URL, draws each demo once per version, labelled, on one time axis', async () => {
    const versions = await servedVersions()
    const { context, page } = await chromium.open('/?work=20&effect=300')
    const demo = await demoOf(page, ['blocking', 'after'])
    const first = demo.getByRole('radio', { name: `Next.js ${versions[0]!.next}` })
    await expect.poll(() => first.isChecked()).toBe(true)
    await first.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => demo.getByRole('radio', { name: /Both/ }).isChecked()).toBe(true)
    expect(new URL(page.url()).searchParams.get('next')).toBe('both')

    const runs = await runDemo<DrawnRunData>(demo)
    expect(runs.map((run) => [run.scenario, run.nextVersion])).toEqual([
      ['blocking', versions[0]!.next],
      ['blocking', versions[1]!.next],
      ['after', versions[0]!.next],
      ['after', versions[1]!.next],
    ])
    const titles = await demo.locator('[data-testid="timeline"] [data-slot][data-role="current"] > div:first-child').allTextContents()
    for (const version of versions) expect(titles.filter((title) => title.includes(`Next.js ${version.next}`))).toHaveLength(2)
    // One chart: every run's group shares its axis.
    expect(await demo.locator('[data-testid="timeline"] [data-slot][data-role="current"]').count()).toBe(4)
    await context.close()
  })

  it('calls after() in pages/api on both versions, each outcome labelled with the version that answered', async () => {
    const versions = await servedVersions()
    const { context, page } = await chromium.open('/notes/where-it-works?next=both')
    const demo = await demoOf(page, ['pages-api'])
    await expect.poll(() => demo.getByRole('radio', { name: /Both/ }).isChecked()).toBe(true)
    await demo.getByRole('button', { name: 'Call after() in pages/api' }).click()
    const outcomes = demo.locator('[data-testid="pages-api-status"] [data-next-version]')
    await expect.poll(() => outcomes.count()).toBe(2)
    expect(await outcomes.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-next-version')))).toEqual(versions.map((version) => version.next))
    expect(await demo.getByTestId('pages-api-message').allTextContents()).toEqual([
      expect.stringMatching(/^`after` was called outside a request scope/),
      expect.stringMatching(/^`after` was called outside a request scope/),
    ])
    await context.close()
  })

  it('keeps Run N× and a single run from running at once, and puts submitted values in the URL without a route change', async () => {
    const { context, page } = await chromium.open('/?work=20&effect=3000')
    const demo = await demoOf(page, ['blocking', 'after'])
    // Every route change the Pages Router starts from now on (a re-render of the whole page).
    await page.evaluate(() => {
      const seen: string[] = []
      const { router } = (window as unknown as { next: { router: { events: { on(event: string, handler: (url: string) => void): void } } } }).next
      router.events.on('routeChangeStart', (url) => seen.push(url))
      ;(window as unknown as { seen: string[] }).seen = seen
    })
    await demo.getByLabel(/^Critical work/).fill('40')
    await demo.getByLabel(/^Times/).fill('2')
    const single = demo.locator('button[type="submit"]')
    const repeat = demo.getByRole('button', { name: /^Run \d+×$/ })
    const phase = () => demo.getByTestId('repeat').getAttribute('data-phase')
    // Run N× clicked while a single run (3 s) is going does nothing. Whether the click came while it was going is read
    // after it: a machine that stalled past the run's end gets another try, once what the click started is done.
    for (let tries = 1; ; tries++) {
      await single.click()
      await expect.poll(() => single.getAttribute('aria-busy')).toBe('true')
      expect(await repeat.getAttribute('aria-disabled')).toBe('true')
      await repeat.click({ force: true })
      const afterClick = await phase()
      if ((await single.getAttribute('aria-busy')) === 'true') {
        expect(afterClick).toBe('idle')
        break
      }
      expect(tries, 'the single run had ended before Run N× was clicked, every try').toBeLessThan(3)
      await expect.poll(phase).not.toBe('running')
    }
    await demo.getByTestId('timeline').waitFor()
    expect(new URL(page.url()).searchParams.get('work')).toBe('40')
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([])

    await expect.poll(() => single.getAttribute('aria-busy')).toBe('false')
    await repeat.click()
    await expect.poll(phase).toBe('running')
    expect(await single.getAttribute('aria-disabled')).toBe('true')
    await expect.poll(phase).toBe('done')
    await context.close()
  })

  it('a claim that differs opens its section\'s record on both versions, each row labelled with the version that recorded it', async () => {
    const versions = await servedVersions()
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    await page.goto('/notes/where-it-works')
    await loadLazyParts(page)
    const record = page.getByTestId('static-record')
    const rows = (version: string) => record.locator(`tr[data-next-version="${version}"]`)
    await expect.poll(() => rows(versions[0]!.next).count()).toBeGreaterThan(0)
    expect(await record.locator('tr[data-next-version]').count()).toBe(await rows(versions[0]!.next).count())

    // The ISR claim's note says what each version did, from the claim table, and links its section's record on both.
    const note = page.getByTestId('version-note').filter({ hasText: 'never runs' })
    expect(await note.getAttribute('data-versions')).toBe('differ')
    expect(await note.textContent()).toContain(`Next.js ${versions[1]!.next}runs on every regeneration`)
    await note.getByRole('link', { name: /on both, side by side/ }).click()
    await page.waitForURL((url) => url.searchParams.get('next') === 'both' && url.hash === '#static-pages')
    await loadLazyParts(page)

    // The static page's callback ran once per version, during that version's own build; its link opens that version's page.
    for (const { next, base } of versions) {
      const built = rows(next).and(record.locator('tr[data-page="static"]'))
      await expect.poll(() => built.count()).toBe(1)
      expect(await built.locator('code').textContent()).toBe('phase-production-build')
      expect(await built.getByRole('link').getAttribute('href')).toBe(`${base}/demos/static`)
    }
    await expect.poll(() => record.getByRole('radio', { name: /Both/ }).isChecked()).toBe(true)

    // Choosing one version reads that version's record alone, and keeps the choice in the URL.
    await record.getByRole('radio', { name: `Next.js ${versions[1]!.next}` }).check()
    // Both at once: while the new record is read, the table is gone and neither holds.
    await expect.poll(async () => [await rows(versions[0]!.next).count(), (await rows(versions[1]!.next).count()) > 0]).toEqual([0, true])
    expect(new URL(page.url()).searchParams.get('next')).toBe('16')
    await context.close()
  })
})
