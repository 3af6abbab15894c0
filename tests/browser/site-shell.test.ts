import { describe, expect, it } from 'vitest'
import { folderContents, pageLine } from '@/links/page-lines'
import { readSitePages, sidebarFolders } from '@/links/site-pages'
import { baseUrl } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { useChromium } from '../support/use-chromium'

const pages = readSitePages()

describe.runIf(browserAvailable())('the site shell: folder indexes and the 404 page', () => {
  const chromium = useChromium()

  it.each(sidebarFolders)('%s answers 200, is its folder’s sidebar entry, and lists what the sidebar lists under it', async (folder) => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    const response = await page.goto(folder)
    expect(response?.status()).toBe(200)
    const sidebar = page.locator('aside.nextra-sidebar-container')
    // The folder's entry is a link to this page, and the folder is open on it.
    await expect.poll(() => sidebar.locator(`a[href="${folder}"]`).count()).toBe(1)
    const inSidebar = await sidebar
      .locator(`a[href^="${folder}/"]`)
      .evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent?.trim()]))
    const listed = await page
      .locator('article ul a')
      .evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent?.trim()]))
    expect(listed).toEqual(inSidebar)
    expect(listed).toEqual(folderContents(pages, folder).map(pageLine).map((line) => [line.route, line.label]))
    await context.close()
  })

  it('a note’s breadcrumb leads to its folder’s index', async () => {
    const { context, page } = await chromium.open('/notes/failures')
    await page.locator('.nextra-breadcrumb a[href="/notes"]').click()
    await page.waitForURL('**/notes', { waitUntil: 'commit' })
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Important notes/)
    await context.close()
  })

  it.each([
    ['/notes/failure', '/notes/failures'],
    ['/notez', '/notes'],
    ['/use-case/analytics', '/use-cases'],
  ])('%s answers 404 with the site’s layout, its search, and %s first among the closest pages', async (address, first) => {
    for (const mobile of [false, true]) {
      const context = await newContext(chromium.browser, baseUrl(), { mobile })
      const page = await context.newPage()
      const response = await page.goto(address)
      expect(response?.status()).toBe(404)
      expect(await page.title()).toBe('Page not found · after-guide')
      const closest = page.locator('[data-closest-pages]')
      await expect.poll(() => closest.locator('code').textContent()).toBe(address)
      expect(await closest.locator('a').count()).toBe(5)
      expect(await closest.locator('a').first().getAttribute('href')).toBe(first)
      // The page stands for the mistyped address: nothing to edit, no date (both appear only once hydrated, as now).
      expect(await page.getByRole('link', { name: 'Edit this page' }).count()).toBe(0)
      expect(await page.getByText('Last updated on').count()).toBe(0)
      if (mobile) await page.getByRole('button', { name: /menu/i }).first().click()
      // Every page is in the sidebar, and the search box is there.
      const sidebar = page.locator('aside.nextra-sidebar-container')
      for (const route of ['/', '/notes', '/decide']) await expect.poll(() => sidebar.locator(`a[href="${route}"]:visible`).count()).toBe(1)
      await expect.poll(() => page.locator('input[type="search"]:visible').count()).toBeGreaterThan(0)
      await context.close()
    }
  })

  it('a link from the closest pages opens that page', async () => {
    const { context, page } = await chromium.open('/notes/failure')
    await page.locator('[data-closest-pages] a[href="/notes/failures"]').click()
    await page.waitForURL('**/notes/failures', { waitUntil: 'commit' })
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/runs even when the response fails/)
    await context.close()
  })
})
