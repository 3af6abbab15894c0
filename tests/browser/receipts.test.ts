import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { DrawnRunData } from '@/components/live-demo/DrawnRuns'
import { ms } from '@/demos/client/format'
import { baseUrl } from '../support/api'
import { axeViolations, readable } from '../support/axe'
import { browserAvailable, type ContextOptions } from '../support/browser'
import { demoOf, runDemo } from '../support/demos'
import { useChromium } from '../support/use-chromium'

const SHOTS = process.env.RECEIPT_SHOTS ?? '/tmp/after-guide-receipt-shots'
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText())
const COMMENT = /^(.+) \[Receipt, with the chart\]\(([^)]+)\)\. See \[after-guide: ([^\]]+)\]\(([^)]+)\)\.$/

describe.runIf(browserAvailable())('receipts in Chromium', () => {
  const chromium = useChromium()
  let receiptPath = ''

  it('copies the receipt link and the review comment, on the visitor’s origin, with the figures the chart drew', async () => {
    const origin = new URL(baseUrl()).origin
    const { context, page } = await chromium.open('/')
    const demo = await demoOf(page, ['blocking', 'after'])
    const runs = await runDemo<DrawnRunData>(demo)
    await demo.getByRole('button', { name: /^Copy receipt link/ }).click()
    await expect.poll(() => clipboard(page)).toMatch(new RegExp(`^${origin}/receipts/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}$`))
    const link = await clipboard(page)
    await demo.getByRole('button', { name: /^Copy receipt as review comment/ }).click()
    await expect.poll(() => clipboard(page)).toMatch(COMMENT)
    const [, sentence, receipt, section, sectionUrl] = COMMENT.exec(await clipboard(page))!
    expect(receipt).toBe(link)
    expect(section).toBe('Use after() for non-blocking operations')
    expect(sectionUrl).toBe(`${origin}/r/rule`)
    for (const run of runs) expect(sentence).toContain(`the response took ${ms(Math.round(run.lastByte))}`)
    receiptPath = new URL(link).pathname

    // The page redraws the same runs: the same server events, on the same axis.
    await page.goto(receiptPath)
    const drawn = JSON.parse((await page.getByTestId('timeline').getAttribute('data-runs'))!) as DrawnRunData[]
    expect(drawn.map((run) => run.events.map((event) => event.t))).toEqual(runs.map((run) => run.events.map((event) => event.t)))
    expect(await page.getByRole('link', { name: 'Run this again' }).getAttribute('href')).toMatch(/^\/\?work=\d+&effect=\d+#rule$/)
    await context.close()
  })

  it.each<[string, ContextOptions]>([
    ['light', { colorScheme: 'light' }],
    ['dark', { colorScheme: 'dark' }],
    ['phone', { colorScheme: 'light', mobile: true }],
  ])('the receipt page passes axe and fits the screen (%s, screenshot)', async (name, options) => {
    expect(receiptPath, 'made by the test above').not.toBe('')
    const { context, page } = await chromium.open(receiptPath, options)
    await page.getByTestId('timeline').waitFor()
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(options.colorScheme === 'dark')
    const violations = await axeViolations(page)
    expect(violations, readable(violations)).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: `${SHOTS}/receipt-${name}.png`, fullPage: true })
    if (name === 'light') {
      const card = await page.request.get((await page.locator('meta[property="og:image"]').getAttribute('content'))!)
      writeFileSync(`${SHOTS}/receipt-card.png`, await card.body())
    }
    await context.close()
  })
})
