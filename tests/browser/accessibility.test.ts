import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readSitePages } from '@/links/site-pages'
import { baseUrl } from '../support/api'
import { browserAvailable, newContext } from '../support/browser'
import { demoOf, runDemo } from '../support/demos'
import { loadLazyParts } from '../support/lazy-parts'
import { useChromium } from '../support/use-chromium'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string; summary: string }[]
}

/** axe's violations on the page and every frame in it (the demo surfaces), one line of advice per element. */
async function axeViolations(page: Page): Promise<Violation[]> {
  // Evaluated over the DevTools protocol, so the site's script-src does not apply; every frame needs its own copy.
  for (const frame of page.frames()) await frame.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    const { violations } = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary ?? '' })),
    }))
  }, AXE_TAGS)
}

function readable(violations: readonly Violation[]): string {
  return violations
    .map((v) => [`${v.id} (${v.impact}): ${v.help}`, ...v.nodes.map((n) => `  ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`)].join('\n'))
    .join('\n')
}

/** The first demo with a Run button (not the Pages Router one, which draws no chart): run it and wait for its chart, and its Run N× spread if it has one. */
async function runFirstDemo(page: Page): Promise<void> {
  const scenarios = await page.locator('section[data-demo]:not([data-demo="pages-api"])').first().getAttribute('data-demo')
  const demo = await demoOf(page, scenarios!.split(' '))
  await runDemo(demo)
  await demo.getByRole('button', { name: 'Run again' }).waitFor({ timeout: 45_000 })
  await demo.getByTestId('chart-margin').first().waitFor()
  // Where the demo can repeat its runs, their spread is drawn too.
  const repeat = demo.getByTestId('repeat')
  if ((await repeat.count()) === 0) return
  await repeat.getByRole('spinbutton', { name: /Times/ }).fill('2')
  await repeat.getByRole('button', { name: 'Run 2×' }).click()
  await repeat.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 45_000 })
}

// Every page, and the 404 page a mistyped address gets.
const routes = [...readSitePages().map((page) => page.route), '/notes/no-such-note']

describe.runIf(browserAvailable())('accessibility (axe: WCAG 2.1 A and AA, best practice)', () => {
  const chromium = useChromium()

  describe.each(['light', 'dark'] as const)('%s colour scheme', (colorScheme) => {
    it.each(routes)('%s has no violations with its demos loaded and a run drawn', async (route) => {
      const context = await newContext(chromium.browser, baseUrl(), { colorScheme })
      const page = await context.newPage()
      await page.goto(route)
      await loadLazyParts(page)
      if ((await page.locator('section[data-demo]:not([data-demo="pages-api"])').count()) > 0) await runFirstDemo(page)
      const violations = await axeViolations(page)
      await context.close()
      expect(violations, readable(violations)).toEqual([])
    })
  })
})
