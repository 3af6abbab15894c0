import { describe, expect, it } from 'vitest'
import { EVENTS } from '@/demos/engine/timeline'
import type { DrawnRunData } from '@/components/live-demo/DrawnRuns'
import { baseUrl } from '../support/api'
import { browserAvailable } from '../support/browser'
import { demoOf, runDemo } from '../support/demos'
import { useChromium } from '../support/use-chromium'

const COMPARED = ['blocking', 'fire-and-forget', 'after']

describe.runIf(browserAvailable())('/comparison, on the emulated serverless platform', () => {
  const chromium = useChromium()

  it("draws the void side effect cut by the freeze and the after() one complete, on each Next.js version", async () => {
    const versions = ((await (await fetch(`${baseUrl()}/api/demos`)).json()) as { versions: Array<{ next: string }> }).versions
    // Long enough that no busy machine delays a freeze past it.
    const { context, page } = await chromium.open('/comparison?work=20&effect=3000')
    await (await demoOf(page, COMPARED)).getByRole('radio', { name: /Both/ }).check()
    // The switch starts a fresh demo, which keeps the version chosen a moment ago (in the URL, not in the router's query).
    await page.getByTestId('serverless-switch').check()
    await expect.poll(() => page.getByTestId('serverless-label').textContent()).toContain('Emulated serverless platform')
    const demo = await demoOf(page, COMPARED)
    await expect.poll(() => demo.getByRole('radio', { name: /Both/ }).isChecked()).toBe(true)
    const runs = await runDemo<DrawnRunData>(demo)

    // Each route once per version, each run on the platform of the version that reported it.
    expect(runs.map((run) => [run.scenario, run.nextVersion])).toEqual(COMPARED.flatMap((scenario) => versions.map(({ next }) => [scenario, next])))
    for (const run of runs) expect(run.events.at(-1)!.type, `${run.scenario} on ${run.nextVersion}`).toBe(EVENTS.instanceFrozen)
    for (const run of runs.filter((run) => run.scenario === 'fire-and-forget')) {
      expect(run.effectStarted).toBeDefined()
      expect(run.effectFinished).toBeUndefined()
    }
    for (const run of runs.filter((run) => run.scenario === 'after')) expect(run.effectFinished).toBeDefined()

    // Drawn: one bar per version cut by the freeze, the void one's, and its words say so.
    const cut = demo.locator('[data-slot="fire-and-forget"] [data-tone="frozen"]')
    await expect.poll(() => cut.count()).toBe(versions.length)
    expect(await demo.locator('[data-tone="frozen"]').count()).toBe(versions.length)
    expect(await demo.locator('[data-slot="fire-and-forget"]').first().textContent()).toContain('cut by the freeze')
    expect(await demo.getByTestId('summary-fire-and-forget').first().textContent()).toMatch(/The side effect was cut by it, .* it never finished\./)
    expect(await demo.getByTestId('summary-after').first().textContent()).toMatch(/the side effect finished .* after that/)
    await context.close()
  }, 90_000)
})
