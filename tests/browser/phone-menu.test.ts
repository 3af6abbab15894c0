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
    page.on('request', (request) => {
      const data = /\/_next\/data\/[^/]+(\/.+)\.json/.exec(new URL(request.url()).pathname)
      if (data) prefetched.push(data[1]!)
    })
    await page.goto('/use-cases')
    await page.waitForLoadState('networkidle')
    // Only links a visitor can see are prefetched: the logo's home page and the /decide link in the text.
    expect(prefetched.sort()).toEqual(['/decide', '/index'])

    const menuLink = page.locator('aside').getByRole('link', { name: 'Related patterns' })
    expect(await menuLink.isVisible()).toBe(false)
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.closest('aside') ?? null)).toBeNull()
    }

    await page.getByRole('button', { name: /menu/i }).first().click()
    await menuLink.click()
    await page.waitForURL(/\/related-patterns$/)
    await context.close()
  })
})
