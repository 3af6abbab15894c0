import { describe, expect, it } from 'vitest'
import { readSitePages } from '@/links/site-pages'
import { browserAvailable } from '../support/browser'
import { loadLazyParts } from '../support/lazy-parts'
import { useChromium } from '../support/use-chromium'

describe.runIf(browserAvailable())('keyboard: skipping Nextra’s navbar and sidebar', () => {
  const chromium = useChromium()

  it.each(readSitePages())('$route: the first Tab shows "Skip to content", Enter puts focus in the article', async ({ route }) => {
    const { context, page } = await chromium.open(route)
    await loadLazyParts(page)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect.poll(() => skip.evaluate((link) => link === document.activeElement)).toBe(true)
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

  it('names the sidebar’s collapse button', async () => {
    const { context, page } = await chromium.open('/')
    await expect.poll(() => page.getByRole('button', { name: 'Hide sidebar' }).count()).toBe(1)
    await context.close()
  })
})
