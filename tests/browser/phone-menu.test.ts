import { describe, expect, it } from 'vitest'
import { baseUrl } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { useChromium } from '../support/use-chromium'

describe.runIf(browserAvailable())('the phone menu', () => {
  const chromium = useChromium()

  it('closed, it is out of the page: none of its pages is prefetched and Tab never reaches its links; it opens and navigates', async () => {
    const context = await newContext(chromium.browser, baseUrl(), { mobile: true })
    const page = await context.newPage()
    const prefetched: string[] = []
    const dataPage = (url: string) => /\/_next\/data\/[^/]+(\/.+)\.json/.exec(new URL(url).pathname)?.[1]
    page.on('request', (request) => {
      const data = dataPage(request.url())
      if (data) prefetched.push(data)
    })
    // Only links a visitor can see are prefetched: the logo's home page and the /decide link in the text.
    const expected = ['/decide', '/index']
    const arrived = Promise.all(expected.map((data) => page.waitForResponse((response) => dataPage(response.url()) === data)))
    await page.goto('/use-cases')
    await arrived
    // Sound to check the rest now: Next.js's Link prefetches a link once one IntersectionObserver, shared by every Link
    // on the page, reports it visible. A menu link in the page would be reported in the same first callback as these two
    // (all are observed from the same hydration commit), and its prefetch would start in the same task; its request
    // is sent before the expected responses, which need a round trip to the server, can have arrived.
    expect(prefetched.sort()).toEqual(expected)

    const menuLink = page.locator('aside').getByRole('link', { name: 'Related patterns' })
    expect(await menuLink.isVisible()).toBe(false)
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.closest('aside') ?? null)).toBeNull()
    }

    await page.getByRole('button', { name: /menu/i }).first().click()
    // What happened after the click, for the failure message: a quiet run of the whole suite once saw no navigation
    // commit within 30 s of it, which a run of this file beside the accessibility one (committed in 26 and 110 ms)
    // did not repeat.
    const seen: string[] = []
    page.on('request', (request) => seen.push(`${request.method()} ${new URL(request.url()).pathname}`))
    page.on('console', (message) => seen.push(`console.${message.type()}: ${message.text()}`))
    page.on('framenavigated', (frame) => frame === page.mainFrame() && seen.push(`navigated to ${frame.url()}`))
    await menuLink.click()
    // Navigated: the address is the page's, whether Next.js's router changed it in place or loaded the page anew (then
    // its 'load' event, which waits for every image and font on a busy machine, is not what this test is about).
    await page.waitForURL(/\/related-patterns$/, { waitUntil: 'commit' }).catch(async (error: Error) => {
      const menuOpen = await menuLink.isVisible()
      throw new Error(`${error.message}\nat ${page.url()}, the menu ${menuOpen ? 'open' : 'closed'}; after the click: ${seen.join('; ') || 'nothing'}`)
    })
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Patterns that go with after()')
    await context.close()
  })
})
