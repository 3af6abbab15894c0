import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allNo, questions } from '@/demos/decide'
import { baseUrl } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { loadLazyParts } from '../support/lazy-parts'
import { useChromium } from '../support/use-chromium'

const PAGES = ['use-cases', 'not-suitable', 'decide', 'related-patterns', 'references'] as const
const source = (page: string) => readFileSync(path.resolve(import.meta.dirname, '../../pages', `${page}.mdx`), 'utf8')

/** The anchors the page's front matter promises to short links. */
const shortLinkAnchors = (page: string) => [...source(page).matchAll(/^\s+anchor: ([a-z0-9-]+)$/gm)].map((m) => m[1]!)
const reviewComments = (page: string) => source(page).match(/<ReviewComment /g)?.length ?? 0

describe.runIf(browserAvailable())('the use-case pages in Chromium', () => {
  const chromium = useChromium()
  let context: BrowserContext
  beforeAll(async () => {
    context = await newContext(chromium.browser, baseUrl())
  })
  afterAll(async () => {
    await context?.close()
  })

  it.each(PAGES)('/%s has a heading for every short-link anchor and every review-comment button', async (name) => {
    const page = await context.newPage()
    const response = await page.goto(`/${name}`)
    expect(response!.status()).toBe(200)
    for (const anchor of shortLinkAnchors(name)) {
      expect(await page.locator(`h2#${anchor}`).count(), `#${anchor} on /${name}`).toBe(1)
    }
    expect(await page.getByRole('button', { name: /^Copy review comment/ }).count()).toBe(reviewComments(name))
    await page.close()
  })

  it('lists the good and bad uses under the ids the site map fixes', () => {
    expect(shortLinkAnchors('use-cases')).toEqual(expect.arrayContaining([
      'analytics', 'audit-logging', 'notifications', 'cache-invalidation', 'cleanup',
      'third-party-calls', 'webhooks', 'image-processing', 'search-index',
    ]))
    expect(shortLinkAnchors('not-suitable')).toEqual(['changes-response', 'critical-error-handling', 'must-complete', 'client-needs-data'])
    expect(shortLinkAnchors('related-patterns')).toEqual(['authenticate-server-actions', 'prevent-waterfalls', 'per-request-deduplication'])
  })

  it('copies a review comment that links to its section by its short link', async () => {
    const page = await context.newPage()
    await page.goto('/use-cases')
    await loadLazyParts(page) // nothing mounts, and moves the button, mid-click
    await page.locator('h2#cache-invalidation ~ div').getByRole('button', { name: /^Copy review comment/ }).first().click()
    // The button writes the clipboard asynchronously: wait for the comment to be there.
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/revalidateTag\(\)/)
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toMatch(/ See \[after-guide: Cache invalidation\]\(https?:\/\/[^)]+\/r\/cache-invalidation\)\.$/)
    await page.close()
  })

  it('links every verdict and every in-site link on these pages to a section that exists', async () => {
    const page = await context.newPage()
    const targets = new Set([...questions.map((q) => q.yes.href), allNo.href])
    for (const name of PAGES) {
      await page.goto(`/${name}`)
      for (const href of await page.locator('article a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) {
        // The note pages belong to other branches of this project; their links are checked where they live.
        if (!href.startsWith('/notes/')) targets.add(href)
      }
    }
    for (const target of targets) {
      const [pathname, hash] = target.split('#')
      const response = await page.goto(pathname!)
      expect(response!.status(), target).toBe(200)
      if (hash) expect(await page.locator(`[id="${hash}"]`).count(), target).toBeGreaterThan(0)
    }
    await page.close()
  })
})
