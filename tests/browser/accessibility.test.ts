import type { Page } from 'playwright-core'
import { describe, it } from 'vitest'
import { readSitePages } from '@/links/site-pages'
import { baseUrl } from '../support/api'
import { axeViolations, readable } from '../support/axe'
import { browserAvailable, newContext } from '../support/browser'
import { watchViolations } from '../support/csp-violations'
import { demoOf, runDemo } from '../support/demos'
import { loadLazyParts } from '../support/lazy-parts'
import { watchProblems } from '../support/page-problems'
import { useChromium } from '../support/use-chromium'

/** The first demo with a Run button (not the Pages Router one, which draws no chart): run it and wait for its chart, and its Run N× spread if it has one. */
async function runFirstDemo(page: Page): Promise<void> {
  const scenarios = await page.locator('section[data-demo]:not([data-demo="pages-api"])').first().getAttribute('data-demo')
  const demo = await demoOf(page, scenarios!.split(' '))
  await runDemo(demo)
  await demo.getByRole('button', { name: 'Run again' }).waitFor()
  await demo.getByTestId('chart-margin').first().waitFor()
  // Where the demo can repeat its runs, their spread is drawn too.
  const repeat = demo.getByTestId('repeat')
  if ((await repeat.count()) === 0) return
  await repeat.getByRole('spinbutton', { name: /Times/ }).fill('2')
  await repeat.getByRole('button', { name: 'Run 2×' }).click()
  await repeat.and(page.locator('[data-phase="done"]')).waitFor()
}

/**
 * What a page reports by design: a demo's request that fails on purpose (a Route Handler that throws answers 500), and
 * on the 404 page its own address and that address's page data (Next.js's router asks for it once the page is in).
 * Anything else in the console (a hydration error, a failed prefetch) is a finding.
 */
const byDesign = (problem: string, route: string) =>
  /^Failed to load resource: the server responded with a status of \d+/.test(problem) &&
  (/\[[^\]]*\/api\/demos\//.test(problem) || problem.endsWith(`${route}]`) || problem.endsWith(`${route}.json]`))

// Every page, and the 404 page a mistyped address gets.
const routes = [...readSitePages().map((page) => page.route), '/notes/no-such-note']

// Each page has a context of its own in one Chromium, so the pages run side by side: most of a test's time is its demo's
// side effects, waited for, which overlap. The Content-Security-Policy is watched on the same visit (csp.test.ts
// checks the rest of it): a page fully loaded, its demo run, is the most a visitor makes it do, and loading every page
// again for a second audit cost a test file's worth of CPU.
describe.runIf(browserAvailable()).concurrent('every page: accessibility (axe: WCAG 2.1 A and AA, best practice), no CSP violation, nothing in the console', () => {
  const chromium = useChromium()

  describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
    it.for(routes)('%s has no violations with its demos loaded and a run drawn', async (route, { expect }) => {
      const context = await newContext(chromium.browser, baseUrl(), { colorScheme })
      const page = await context.newPage()
      const blocked = await watchViolations(page)
      const { problems, explain } = await watchProblems(page)
      await page.goto(route)
      await loadLazyParts(page)
      if ((await page.locator('section[data-demo]:not([data-demo="pages-api"])').count()) > 0) await runFirstDemo(page)
      const violations = await axeViolations(page)
      const found = problems.filter((problem) => !byDesign(problem, route))
      const explained = found.length > 0 ? await explain() : undefined
      await context.close()
      expect(violations, readable(violations)).toEqual([])
      // Collected for the whole visit: a violation the page reports at any moment is in.
      expect(blocked, 'Content-Security-Policy violations').toEqual([])
      expect(found, explained).toEqual([])
    })
  })
})

// After a hydration mismatch (a browser extension can cause one) React renders the whole page again in the browser,
// and writes each code token's colours itself: `--shiki-dark: #6A737D`, where the server's HTML has
// `--shiki-dark:#6A737D`. A CI run audited such a page: its dark comments had lost their accessible colour.
describe.runIf(browserAvailable())('code colours after React renders a code block in the browser', () => {
  const chromium = useChromium()

  it.for(['light', 'dark'] as const)('%s: every token keeps the colour it had in the server\'s HTML', async (colorScheme, { expect }) => {
    const context = await newContext(chromium.browser, baseUrl(), { colorScheme })
    const page = await context.newPage()
    await page.goto('/notes/request-context')
    const colours = () =>
      page.locator('pre span[style*="--shiki-"]').evaluateAll((spans) => spans.map((span) => getComputedStyle(span).color))
    const served = await colours()
    const rewritten = await page.locator('pre span[style*="--shiki-"]').evaluateAll((spans) =>
      spans.map((span) => {
        const html = span as HTMLElement
        const properties = [...html.style].map((name) => [name, html.style.getPropertyValue(name).trim()] as const)
        html.removeAttribute('style')
        // What React does for each entry of a style object.
        for (const [name, value] of properties) html.style.setProperty(name, value)
        return html.getAttribute('style')
      }),
    )
    expect(rewritten.some((style) => /--shiki-dark: #6A737D/i.test(style ?? ''))).toBe(true)
    expect(served.length).toBeGreaterThan(0)
    expect(await colours()).toEqual(served)
    await context.close()
  })
})
