import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readSitePages } from '@/links/site-pages'
import { baseUrl } from '../support/api'
import { browserAvailable, hydrated, newContext } from '../support/browser'
import { useChromium } from '../support/use-chromium'

/** What has the focus, as a failure should name it: the element's tag and the start of its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement
    return element ? `${element.tagName.toLowerCase()}: ${(element.textContent ?? '').trim().slice(0, 40)}` : 'nothing'
  })

describe.runIf(browserAvailable())('keyboard: skipping Nextra’s navbar and sidebar', () => {
  const chromium = useChromium()

  it.each(readSitePages())('$route: the first Tab shows "Skip to content", Enter puts focus in the article', async ({ route }) => {
    const { context, page } = await chromium.open(route)
    // The page as a visitor has it on arrival: hydrated, at its top (the lazy parts there mounted, the rest waiting to
    // be scrolled near), nothing focused yet. A Tab before hydration is the next test's, where it certainly comes first
    // rather than depending on the machine's speed.
    await hydrated(page)
    expect(await focused(page)).toMatch(/^body: /)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect.poll(() => focused(page)).toBe('a: Skip to content')
    expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true)
    // Visible on focus: inside the viewport, not just present in the tree.
    const box = (await skip.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.height).toBeGreaterThan(10)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('article') !== null)).toBe(true)
    // The next Tab stays in the article instead of starting over at the navbar.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('article') !== null)).toBe(true)
    await context.close()
  })

  it('a Tab before the page has hydrated (its script still on the way, as on a slow phone) lands on "Skip to content", which keeps the focus through hydration', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    // The page's own script is held until the Tab has been pressed: Next.js hydrates only once it has run.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/_next\/static\/chunks\/pages\/related-patterns-\w+\.js$/, async (request) => {
      await held
      await request.continue()
    })
    await page.goto('/related-patterns', { waitUntil: 'commit' })
    // Laid out, its stylesheet in: a visitor can only Tab to what is drawn.
    await page.getByRole('link', { name: 'Skip to content' }).waitFor({ state: 'visible' })
    await page.keyboard.press('Tab')
    await expect.poll(() => focused(page)).toBe('a: Skip to content')
    expect(await page.evaluate(() => performance.getEntriesByName('Next.js-hydration', 'measure').length)).toBe(0)
    await page.evaluate(() => ((window as unknown as { focusedBefore: Element | null }).focusedBefore = document.activeElement))
    release()
    await hydrated(page)
    // Hydration adopted the server's link rather than replacing it (a mismatch would have), so the focus stayed on it.
    expect(await page.evaluate(() => document.activeElement === (window as unknown as { focusedBefore: Element | null }).focusedBefore)).toBe(true)
    await context.close()
  })

  it('names the sidebar’s collapse button', async () => {
    const { context, page } = await chromium.open('/')
    await expect.poll(() => page.getByRole('button', { name: 'Hide sidebar' }).count()).toBe(1)
    await context.close()
  })
})
