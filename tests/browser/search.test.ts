import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readSitePages } from '@/links/site-pages'
import { baseUrl } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { useChromium } from '../support/use-chromium'

/** Types `query` into Nextra's search box, picks the first result, returns where it landed. */
async function search(page: Page, query: string): Promise<string> {
  await page.goto('/')
  // The navbar holds two search boxes (desktop and the mobile menu); only one is visible.
  const box = page.locator('input[type="search"][role="combobox"]:visible').first()
  await box.click()
  await box.pressSequentially(query, { delay: 30 })
  const first = page.getByRole('listbox').getByRole('option').first()
  await first.waitFor()
  await box.press('Enter')
  // The address, not the load event: on a busy machine Next.js may give up on the route's scripts and load the page anew.
  await page.waitForURL((url) => url.hash !== '' || url.pathname !== '/', { waitUntil: 'commit' })
  return new URL(page.url()).pathname
}

const hasRequestContextPage = readSitePages().some((p) => p.route === '/notes/request-context' && /cookies/i.test(p.body))

describe.runIf(browserAvailable())('Nextra search in Chromium', () => {
  const chromium = useChromium()

  it('finds the rule page', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    expect(await search(await context.newPage(), 'monotonic')).toBe('/')
    await context.close()
  })

  it('finds results for a query typed while the search index is still loading', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    // The index is held back until the whole query is in the box, as on a slow connection.
    let typed!: () => void
    const done = new Promise<void>((resolve) => (typed = resolve))
    await page.route('**/nextra-data-*.json', async (route) => {
      await done
      await route.continue()
    })
    await page.goto('/')
    const box = page.locator('input[type="search"][role="combobox"]:visible').first()
    await box.click()
    await box.pressSequentially('monotonic', { delay: 30 })
    await page.getByRole('listbox').getByText('Loading…').waitFor()
    typed()
    await page.getByRole('listbox').getByRole('option').first().waitFor()
    expect(await box.inputValue()).toBe('monotonic')
    await context.close()
  })

  // The request-context note is written on another branch; this runs once it is merged.
  it.runIf(hasRequestContextPage)('"cookies" lands on the request-context note', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    expect(await search(await context.newPage(), 'cookies')).toBe('/notes/request-context')
    await context.close()
  })
})
