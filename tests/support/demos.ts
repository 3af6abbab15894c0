import type { Locator, Page } from 'playwright-core'
import { loadLazyParts } from './lazy-parts'

/**
 * The live demo that runs exactly these scenarios, in this order, once the
 * page's lazy parts are in. Demos load lazily and mount in no fixed order, so
 * "the first demo on the page" can name a different demo from one moment to
 * the next; its scenarios cannot.
 */
export async function demoOf(page: Page, scenarios: string[]): Promise<Locator> {
  await loadLazyParts(page)
  return page.locator(`section[data-demo="${scenarios.join(' ')}"]`)
}

/** Presses the demo's Run button and returns what its timeline drew (its `data-runs`). */
export async function runDemo<T>(demo: Locator, whileRunning?: () => Promise<void>): Promise<T[]> {
  await demo.getByRole('button', { name: 'Run the demo' }).click()
  await whileRunning?.()
  const timeline = demo.getByTestId('timeline')
  await timeline.waitFor()
  return JSON.parse((await timeline.getAttribute('data-runs'))!) as T[]
}
