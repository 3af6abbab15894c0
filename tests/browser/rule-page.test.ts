import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DrawnRunData as DrawnRun } from '@/components/live-demo/DrawnRuns'
import { browserAvailable } from '../support/browser'
import { demoOf } from '../support/demos'
import { useChromium } from '../support/use-chromium'

// Long enough that a browser slowed by a busy machine still has the after() response before the side effect ends
// (a browser's response time is drawn against the server's events; 700 ms left too little room under load).
const EFFECT = 1500

describe.runIf(browserAvailable())('the rule page in Chromium', () => {
  const chromium = useChromium()

  it('runs both demos and draws after() responding before its side effect ends', async () => {
    const { context, page } = await chromium.open(`/?work=30&effect=${EFFECT}`)
    const demo = await demoOf(page, ['blocking', 'after'])
    await demo.getByRole('button', { name: 'Run the demo' }).click()
    const timeline = demo.getByTestId('timeline')
    await timeline.waitFor()

    const runs = JSON.parse((await timeline.getAttribute('data-runs'))!) as DrawnRun[]
    const blocking = runs.find((run) => run.scenario === 'blocking')!
    const after = runs.find((run) => run.scenario === 'after')!
    expect(blocking.status).toBe(200)
    expect(after.status).toBe(200)
    // The awaited side effect is inside the response time.
    expect(blocking.lastByte).toBeGreaterThanOrEqual(EFFECT)
    // With after(), the browser had the response before the side effect finished.
    expect(after.lastByte).toBeLessThan(after.effectFinished!)
    expect(after.effectFinished! - after.effectStarted!).toBeGreaterThanOrEqual(EFFECT - 1)

    await expect.poll(() => page.getByTestId('summary-after').textContent()).toMatch(/side effect finished \d[\d,]* ms after that/)
    // The table lists every timestamp of both runs.
    expect(await page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(16)
    await context.close()
  })

  it('keeps the parameters in the URL and says beside a field what is wrong with it', async () => {
    const { context, page } = await chromium.open('/')
    const demo = await demoOf(page, ['blocking', 'after'])
    await demo.getByRole('spinbutton', { name: /Side effect/ }).fill('400')
    await demo.getByRole('button', { name: 'Run the demo' }).click()
    await demo.getByTestId('timeline').waitFor()
    expect(new URL(page.url()).searchParams.get('effect')).toBe('400')

    const effect = demo.getByRole('spinbutton', { name: /Side effect/ })
    await effect.fill('99999')
    await demo.getByRole('button', { name: 'Run again' }).click()
    // In the server's words (describeRange), tied to the field, and said once by the live region.
    const error = demo.getByTestId('error-effect')
    expect(await error.textContent()).toBe('Side effect must be a whole number of milliseconds from 0 to 10000.')
    expect(await effect.getAttribute('aria-invalid')).toBe('true')
    expect(await effect.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'))
    await expect.poll(() => demo.getByTestId('demo-announcement').textContent()).toBe(`Error: ${await error.textContent()}`)

    // A blank field is not a zero.
    await effect.fill('')
    await effect.blur()
    expect(await demo.getByTestId('error-effect').textContent()).toBe('Side effect is empty: it must be a whole number of milliseconds from 0 to 10000.')
    await context.close()
  })

  it('opens a link with an out-of-range value showing that value and what is wrong with it', async () => {
    const { context, page } = await chromium.open('/?work=30&effect=99999')
    const demo = await demoOf(page, ['blocking', 'after'])
    expect(await demo.getByRole('spinbutton', { name: /Side effect/ }).inputValue()).toBe('99999')
    expect(await demo.getByTestId('error-effect').textContent()).toBe('Side effect must be a whole number of milliseconds from 0 to 10000.')
    // Nothing runs with it.
    await demo.getByRole('button', { name: 'Run the demo' }).click()
    await expect.poll(() => demo.getByTestId('demo-announcement').textContent()).toMatch(/^Error: Side effect must be/)
    expect(await demo.getByTestId('timeline-live').count()).toBe(0)
    await context.close()
  })

  it('shows the route files exactly as they are on disk', async () => {
    const { context, page } = await chromium.open('/')
    for (const file of ['app/api/demos/blocking/route.ts', 'app/api/demos/after/route.ts']) {
      const shown = await page.locator(`figure[data-listing="${file}"] pre`).innerText()
      const onDisk = readFileSync(path.resolve(import.meta.dirname, '../..', file), 'utf8').trimEnd()
      expect(shown.trimEnd()).toBe(onDisk)
    }
    await context.close()
  })
})
