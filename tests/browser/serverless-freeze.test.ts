import { describe, expect, it } from 'vitest'
import { EVENTS } from '@/demos/engine/timeline'
import type { DrawnRunData } from '@/components/live-demo/DrawnRuns'
import { browserAvailable } from '../support/browser'
import { demoOf, runDemo } from '../support/demos'
import { useChromium } from '../support/use-chromium'

const COMPARED = ['blocking', 'fire-and-forget', 'after']

describe.runIf(browserAvailable())('/comparison, on the emulated serverless platform', () => {
  const chromium = useChromium()

  it("draws the void side effect cut by the freeze and the after() one complete", async () => {
    // Long enough that no busy machine delays a freeze past it.
    const { context, page } = await chromium.open('/comparison?work=20&effect=3000')
    await demoOf(page, COMPARED)
    await page.getByTestId('serverless-switch').check()
    await expect.poll(() => page.getByTestId('serverless-label').textContent()).toContain('Emulated serverless platform')
    const demo = await demoOf(page, COMPARED)
    const runs = await runDemo<DrawnRunData>(demo)

    const byScenario = Object.fromEntries(runs.map((run) => [run.scenario, run]))
    for (const scenario of COMPARED) expect(byScenario[scenario]!.events.at(-1)!.type).toBe(EVENTS.instanceFrozen)
    expect(byScenario['fire-and-forget']!.effectStarted).toBeDefined()
    expect(byScenario['fire-and-forget']!.effectFinished).toBeUndefined()
    expect(byScenario.after!.effectFinished).toBeDefined()

    // Drawn: one bar cut by the freeze, the void one's, and its words say so.
    const cut = demo.locator('[data-slot="fire-and-forget"] [data-tone="frozen"]')
    await expect.poll(() => cut.count()).toBe(1)
    expect(await demo.locator('[data-tone="frozen"]').count()).toBe(1)
    expect(await demo.locator('[data-slot="fire-and-forget"]').textContent()).toContain('cut by the freeze')
    expect(await demo.getByTestId('summary-fire-and-forget').textContent()).toMatch(/The side effect was cut by it, .* it never finished\./)
    expect(await demo.getByTestId('summary-after').textContent()).toMatch(/the side effect finished .* after that/)
    await context.close()
  }, 90_000)
})
