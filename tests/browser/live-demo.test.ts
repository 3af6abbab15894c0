import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { baseUrl } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { demoOf } from '../support/demos'
import { useChromium } from '../support/use-chromium'

interface Texts {
  /** The demo's sentences. */
  shown: string[]
  /** What its live region said. */
  announced: string[]
}

/** Every distinct text the demo's sentences and its live region showed from now on, in order (collected in the page, as they change). */
async function recordTexts(demo: Locator): Promise<() => Promise<Texts>> {
  await demo.evaluate((section) => {
    const texts: Texts = { shown: [], announced: [] }
    ;(window as unknown as { texts: Texts }).texts = texts
    const note = (list: string[], text = '') => {
      if (text && list[list.length - 1] !== text) list.push(text)
    }
    new MutationObserver(() => {
      note(texts.shown, section.querySelector('[data-testid="demo-status"]')?.textContent ?? '')
      note(texts.announced, section.querySelector('[data-testid="demo-announcement"]')?.textContent ?? '')
    }).observe(section, { subtree: true, childList: true, characterData: true })
  })
  return () => demo.page().evaluate(() => (window as unknown as { texts: Texts }).texts)
}

/** The summed layout-shift score of elements inside the demo, from now on. */
async function recordShifts(demo: Locator): Promise<() => Promise<number>> {
  await demo.evaluate((section) => {
    const shifts = { total: 0 }
    ;(window as unknown as { shifts: typeof shifts }).shifts = shifts
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; sources: Array<{ node?: Node }> }>) {
        if (entry.sources.some((source) => source.node && (section === source.node || section.contains(source.node)))) shifts.total += entry.value
      }
    }).observe({ type: 'layout-shift' })
  })
  return () => demo.page().evaluate(() => (window as unknown as { shifts: { total: number } }).shifts.total)
}

const finished = (demo: Locator) => demo.getByTestId('timeline').waitFor()

async function open(page: Page, query: string): Promise<Locator> {
  await page.goto(`/${query}`)
  return demoOf(page, ['blocking', 'after'])
}

describe.runIf(browserAvailable())('the live demo, drawn as it happens', () => {
  const chromium = useChromium()

  it("draws the after() run's response while its side effect still runs, and writes its sentence in steps", async () => {
    // With motion: the running bar's growth with the clock is checked below.
    const context = await newContext(chromium.browser, baseUrl(), { motion: true })
    const page = await context.newPage()
    // A side effect long enough for the mid-run checks below to land while it runs, on a busy machine too.
    const demo = await open(page, '?work=20&effect=5000')
    const texts = await recordTexts(demo)
    await demo.getByRole('button', { name: 'Run the demo' }).click()

    // Mid-run: the after() run's browser bar is drawn and done, its side effect bar is still growing, its stream has not ended.
    const after = demo.locator('[data-slot="after"][data-role="current"]')
    await after.locator('[data-row="browser"] [data-tone="client"]:not([data-running])').waitFor()
    await after.locator('[data-tone="effect"][data-running]').waitFor()
    expect(await after.getAttribute('data-ended')).toBeNull()
    await expect.poll(() => demo.getByTestId('progress-after').textContent()).toMatch(/response complete at [\d,]+ ms; side effect still running…/)
    // The running bar grows with the clock, before any new event.
    const width = () => after.locator('[data-tone="effect"]').evaluate((bar) => bar.getBoundingClientRect().width)
    const before = await width()
    await expect.poll(width).toBeGreaterThan(before)

    await finished(demo)
    const { shown, announced } = await texts()
    expect(shown.length, shown.join('\n')).toBeGreaterThanOrEqual(4)
    expect(shown.some((text) => text.includes('waiting for the response'))).toBe(true)
    expect(shown.at(-1)).toMatch(/side effect finished [\d,]+ ms after that/)
    // Said once, at the end, by the live region.
    expect(announced).toHaveLength(1)
    // Each run is named with the Next.js version that reported it.
    expect(announced[0]).toMatch(/^Side effect awaited \(blocking\), Next\.js [\d.]+:.*Side effect in after\(\), Next\.js [\d.]+:.*side effect finished [\d,]+ ms after that/)
    await context.close()
  })

  it('with prefers-reduced-motion, a running bar moves only when an event arrives', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    const demo = await open(page, '?work=20&effect=2500')
    await demo.getByRole('button', { name: 'Run the demo' }).click()
    const group = demo.locator('[data-slot="after"][data-role="current"]')
    await group.locator('[data-tone="effect"][data-running]').waitFor()
    // Over twenty animation frames the bar takes a new width only when a new event has arrived (data-events).
    const { widths, news } = await group.evaluate(async (element) => {
      const bar = () => element.querySelector('[data-tone="effect"]')!
      const widths = new Set<number>()
      const news = new Set<string>()
      for (let frame = 0; frame < 20; frame++) {
        widths.add(bar().getBoundingClientRect().width)
        news.add(element.getAttribute('data-events')!)
        await new Promise(requestAnimationFrame)
      }
      return { widths: widths.size, news: news.size }
    })
    expect(widths).toBeLessThanOrEqual(news)
    await finished(demo)
    await context.close()
  })

  it('keeps the focus on Run through a run, and the demo box still during a re-run', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    const demo = await open(page, '?work=20&effect=1500')
    const run = demo.locator('button[type="submit"]')
    await run.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => run.getAttribute('aria-busy')).toBe('true')
    expect(await run.evaluate((button) => button === document.activeElement)).toBe(true)
    await finished(demo)
    expect(await run.evaluate((button) => button === document.activeElement)).toBe(true)
    expect(await run.textContent()).toBe('Run again')

    const shifts = await recordShifts(demo)
    const runBox = await run.boundingBox()
    await page.keyboard.press('Enter')
    await expect.poll(() => run.getAttribute('aria-busy')).toBe('true')
    // The button kept its size and place, and the last result is still there, dimmed.
    expect(await run.boundingBox()).toEqual(runBox)
    expect(await demo.locator('[data-slot="after"][data-role="previous"]').isVisible()).toBe(true)
    await finished(demo)
    expect(await run.evaluate((button) => button === document.activeElement)).toBe(true)
    expect(await shifts()).toBeLessThan(0.01)
    await context.close()
  })

  it('runs the comparison 10×, drawing 10 response times per route with their medians, and stops when asked', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    const demo = await open(page, '?work=10&effect=200')
    const repeat = demo.getByTestId('repeat')
    const points = (scenario?: string) => repeat.locator(`${scenario ? `[data-repeat-row="${scenario}"] ` : ''}[data-point]`).count()
    await repeat.getByRole('spinbutton', { name: /Times/ }).fill('10')
    await repeat.getByRole('button', { name: 'Run 10×' }).click()
    await expect.poll(() => repeat.getAttribute('data-phase')).toBe('done')
    expect(await points('blocking')).toBe(10)
    expect(await points('after')).toBe(10)
    const figures = await repeat.getByTestId('repeat-figures').textContent()
    expect(figures).toMatch(/Side effect awaited \(blocking\), Next\.js [\d.]+: median [\d,]+ ms, p95 [\d,]+ ms \(10 runs\); its median is [\d.]+× that of Side effect in after\(\), Next\.js [\d.]+/)

    await repeat.getByRole('spinbutton', { name: /Times/ }).fill('20')
    await repeat.getByRole('button', { name: 'Run 20×' }).click()
    await expect.poll(() => repeat.getByTestId('repeat-progress').textContent()).toMatch(/\b([2-9]|1\d) of 40 runs/)
    await repeat.getByRole('button', { name: 'Stop' }).click()
    await expect.poll(() => repeat.getAttribute('data-phase')).toBe('stopped')
    const drawn = await points()
    expect(drawn).toBeLessThan(40)
    expect(await repeat.getByTestId('repeat-progress').textContent()).toBe(`Stopped after ${drawn} of 40 runs.`)
    await context.close()
  })
})
