import { mkdirSync, readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { reviewComment } from '@/components/review-comment'
import { shortLinkTargets } from '@/links/short-links'
import { readSitePages } from '@/links/site-pages'
import { baseUrl } from '../support/api'
import { browserAvailable, hydrated, newContext, type ContextOptions } from '../support/browser'
import { loadLazyParts } from '../support/lazy-parts'
import { useChromium } from '../support/use-chromium'

const pages = readSitePages()
const SHOTS = '/tmp/after-guide-links-shots'

/** Each Markdown link, on each page, to a same-site address no docs page serves (an App Router demo page). */
const offPageLinks = pages.flatMap((sitePage) =>
  [...sitePage.body.matchAll(/\]\((\/[^)\s?#]*)[^)]*\)/g)]
    .map((match) => match[1]!)
    .filter((path) => !pages.some((other) => other.route === path))
    .map((path) => ({ route: sitePage.route, path })),
)

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText())

/** A copied link: on the origin the visitor is on, since the test build sets no NEXT_PUBLIC_SITE_URL. */
const visitorUrl = (path: string) => `${new URL(baseUrl()).origin}${path}`

describe.runIf(browserAvailable())('links in Chromium', () => {
  const chromium = useChromium()

  it('lands every short link on its page and section', async () => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    for (const { slug, target } of shortLinkTargets(pages)) {
      await page.goto(`/r/${slug}`)
      const url = new URL(page.url())
      expect(`${url.pathname}${url.hash}`, `/r/${slug}`).toBe(target)
      const anchor = target.split('#')[1]
      if (anchor) {
        const heading = page.locator(`[id="${anchor}"]`)
        await expect.poll(() => heading.evaluate((el) => {
          const { top } = el.getBoundingClientRect()
          return top >= 0 && top < window.innerHeight
        }), { message: `#${anchor} in view after /r/${slug}` }).toBe(true)
      }
    }
    await context.close()
  })

  it('copies a heading’s absolute link from the keyboard and announces it', async () => {
    const { context, page } = await chromium.open('/')
    await hydrated(page)
    const button = page.locator('h2#why').getByRole('button', { name: 'Copy link to this section' })
    // Start at the heading and press Tab, as a keyboard user would: the button is the next stop.
    await page.locator('h2#why').evaluate((h: HTMLElement) => {
      h.tabIndex = -1
      h.focus()
    })
    await page.keyboard.press('Tab')
    await expect.poll(() => button.evaluate((b) => b === document.activeElement)).toBe(true)
    await expect.poll(() => button.evaluate((b) => getComputedStyle(b).opacity)).toBe('1')
    await page.keyboard.press('Enter')
    await expect.poll(() => button.getByRole('status').textContent()).toBe('Copied to the clipboard')
    expect(await clipboard(page)).toBe(visitorUrl('/#why'))
    await context.close()
  })

  it('copies the review comment: advice and the section’s permanent short link, named after the section', async () => {
    const { context, page } = await chromium.open('/use-cases')
    await loadLazyParts(page) // nothing mounts, and moves the button, mid-click
    await page.locator('h2#analytics').scrollIntoViewIfNeeded()
    await page.getByRole('button', { name: /^Copy review comment/ }).nth(1).click()
    await expect.poll(() => clipboard(page)).toBe(
      'This analytics call does not change the response: send it from `after()` so the page does not wait for the tracker. ' +
        `See [after-guide: Analytics](${visitorUrl('/r/analytics')}).`,
    )
    await context.close()
  })

  // One visit per page for what every page has: its headings' ids and copy-link buttons, and every review comment
  // button against the source (its front matter's short link for the section, the page's own at the top, otherwise
  // the section's address; the heading's text as the link's name, the page title without an anchor).
  it.each(pages)('on $route: every [#id] heading has its source id and a copy-link button; each review comment copies with its link', async (sitePage) => {
    const { context, page } = await chromium.open(sitePage.route)
    const headings = page.locator('article :is(h1, h2, h3, h4, h5, h6)[id]')
    expect(await headings.evaluateAll((els) => els.map((el) => el.id))).toEqual(sitePage.headingIds)
    const withButton = page.locator('article :is(h1, h2, h3, h4, h5, h6)[id]:has(button[aria-label="Copy link to this section"])')
    expect(await withButton.count()).toBe(sitePage.headingIds.length)

    const comments = [...sitePage.body.matchAll(/<ReviewComment (?:anchor="([^"]+)" )?text="([^"]+)"/g)]
    if (comments.length > 0) {
      // A lazy part that mounts while a button is being clicked moves the buttons below it, and the click lands on
      // another one (once, on a busy machine, button 4 copied button 3's comment): every part is in before any click.
      await loadLazyParts(page)
      const buttons = page.getByRole('button', { name: /^Copy review comment/ })
      expect(await buttons.count()).toBe(comments.length)
      const topId = sitePage.headingIds[0]
      for (const [i, [, anchor, text]] of comments.entries()) {
        const headingLine = anchor ? sitePage.body.split('\n').find((line) => line.endsWith(`[#${anchor}]`)) : undefined
        // The heading as Nextra prints it: no code ticks, typographic apostrophes.
        const section = headingLine ? headingLine.replace(/^#+\s+/, '').replace(/\s*\[#[^\]]+\]$/, '').replaceAll('`', '').replaceAll("'", '’') : sitePage.title
        const own = sitePage.shortLinks.find((link) => anchor !== undefined && link.anchor === anchor)
        const pageLink = !anchor || anchor === topId ? sitePage.shortLinks.find((link) => link.anchor === undefined) : undefined
        const slug = (own ?? pageLink)?.slug
        const url = visitorUrl(slug ? `/r/${slug}` : `${sitePage.route}${anchor ? `#${anchor}` : ''}`)
        await buttons.nth(i).click()
        await expect.poll(() => clipboard(page), { message: `${sitePage.route} button ${i}` }).toBe(reviewComment(text!, section, url))
      }
    }
    await context.close()
  })

  // Through next/link the Pages Router would ask for the 404 page's data (a failed request) and only then load the page.
  it.each(offPageLinks)('$route links to $path plainly: the click loads it, asking for no page data, and nothing fails', async ({ route, path }) => {
    const context = await newContext(chromium.browser, baseUrl())
    const page = await context.newPage()
    const asked: string[] = []
    page.on('response', (response) => {
      const url = decodeURIComponent(response.url())
      if (response.status() >= 400 || (url.includes('/_next/data/') && url.includes(path.slice(1)))) asked.push(`${response.status()} ${url}`)
    })
    await page.goto(route)
    await hydrated(page)
    const link = page.locator(`article a[href="${path}"]:not([data-testid=static-record] a)`)
    await link.click()
    await page.waitForURL((url) => url.pathname === path)
    await page.waitForLoadState('load')
    expect(asked).toEqual([])
    await context.close()
  })

  it('copies a listing’s source file', async () => {
    const { context, page } = await chromium.open('/')
    await loadLazyParts(page) // nothing mounts, and moves the button, mid-click
    const file = 'app/api/demos/blocking/route.ts'
    await page.getByRole('button', { name: `Copy ${file}` }).click()
    await expect.poll(() => clipboard(page)).toBe(readFileSync(file, 'utf8').trimEnd())
    await context.close()
  })

  it.each<[string, ContextOptions]>([
    ['light-desktop', { colorScheme: 'light' }],
    ['dark-desktop', { colorScheme: 'dark' }],
    ['light-phone', { colorScheme: 'light', mobile: true }],
    ['dark-phone', { colorScheme: 'dark', mobile: true }],
  ])('shows the heading copy-link and review buttons (%s, screenshot)', async (name, options) => {
    mkdirSync(SHOTS, { recursive: true })
    const { context, page } = await chromium.open('/#why', options)
    await page.locator('h2#why').hover()
    // Shown on hover with a mouse, always on a touch screen.
    const copyLink = page.locator('h2#why').getByRole('button', { name: 'Copy link to this section' })
    await expect.poll(() => copyLink.evaluate((b) => getComputedStyle(b).opacity)).toBe('1')
    expect(await page.getByRole('button', { name: /^Copy review comment/ }).first().isVisible()).toBe(true)
    await page.screenshot({ path: `${SHOTS}/rule-${name}.png` })
    await context.close()
  })
})
