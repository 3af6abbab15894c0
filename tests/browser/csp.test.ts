import { describe, expect, it } from 'vitest'
import { baseUrl } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { watchViolations } from '../support/csp-violations'
import { loadLazyParts } from '../support/lazy-parts'
import { useChromium } from '../support/use-chromium'

describe.runIf(browserAvailable())('the site under its Content-Security-Policy', () => {
  const chromium = useChromium()

  it('renders, switches theme, searches and runs the live demo with zero violations', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    const violations = await watchViolations(page)
    const response = await page.goto('/?work=0&effect=200')
    expect(response!.headers()['content-security-policy']).not.toContain('unsafe-eval')
    // Hydrated, and the demo is in: React attached its handlers.
    await loadLazyParts(page)

    await page.locator('button[title="Change theme"]').first().click()
    await page.getByRole('option', { name: 'Dark' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)

    const search = page.getByPlaceholder('Search documentation…').first()
    await search.click()
    await search.pressSequentially('after', { delay: 30 })
    // The search index is fetched and queried in the page: a result appears.
    await page.getByRole('combobox').first().waitFor()
    await page.locator('[id^="headlessui-combobox-option"]').first().waitFor()
    // Closing the search gives the rest of the page back (headlessui makes it inert while open).
    await search.fill('')
    await page.keyboard.press('Escape')
    await search.blur()

    await page.getByRole('button', { name: 'Run the demo' }).click()
    await page.getByTestId('timeline').waitFor()

    // Every page, its demos loaded and a run drawn, in both colour schemes, is watched in accessibility.test.ts, on
    // the same visit as axe's: not loaded a second time here.
    await page.goto('/no-such-page')
    expect(violations).toEqual([])

    // The watcher does see a violation: an image from another origin is blocked and reported.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'https://example.invalid/x.png' })))
    await expect.poll(() => violations.length).toBeGreaterThan(0)
    expect(violations.join('\n')).toMatch(/img-src/)
    await context.close()
  })

  it('lets the site frame itself and no one else', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    const violations = await watchViolations(page)
    await page.goto('/no-such-page')
    await page.evaluate(() => {
      const frame = document.createElement('iframe')
      frame.src = '/?embedded=1'
      frame.id = 'same-origin-frame'
      document.body.append(frame)
    })
    const frame = (await (await page.waitForSelector('#same-origin-frame')).contentFrame())!
    await frame.waitForURL(/embedded=1/)
    await loadLazyParts(frame)
    await frame.getByRole('button', { name: 'Run the demo' }).waitFor()
    expect(violations).toEqual([])

    // A page from another origin (a data: URL is opaque) cannot frame the site.
    const foreign = await context.newPage()
    // Chromium says why it refused the frame: this site's own frame-ancestors rule.
    const refused = foreign.waitForEvent('console', (message) => /violates .*"frame-ancestors 'self'"/.test(message.text()))
    await foreign.goto(`data:text/html,<iframe id="foreign" src="${baseUrl()}/"></iframe>`)
    await refused
    const framed = foreign.frames().filter((candidate) => candidate !== foreign.mainFrame())
    expect(framed.length).toBe(1)
    expect(await framed[0]!.locator('button').count()).toBe(0)
    await context.close()
  })
})
