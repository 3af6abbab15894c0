import type { Locator, Page, Request } from 'playwright-core'
import { hydrated } from './browser'
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
  // Before hydration the Run button submits the demo's form natively, which reloads the page with no run. A quiet
  // run of the whole suite saw the demo back at its start 90 s after the click; a run of the accessibility file saw it
  // again since this wait, hence the failure message below.
  const page = demo.page()
  await hydrated(page)
  // For a failure message: what the page asked for and loaded after the press.
  const after: string[] = []
  const record = (request: Request) => {
    if (request.resourceType() === 'document' || /\/_next\/data\/|\/api\/(demos|runs)\b/.test(request.url())) after.push(`${request.method()} ${request.url()}`)
  }
  page.on('request', record)
  const loaded = () => page.evaluate(() => performance.timeOrigin).catch(() => NaN)
  const before = await loaded()
  const timeline = demo.getByTestId('timeline')
  try {
    await demo.getByRole('button', { name: 'Run the demo' }).click()
    await whileRunning?.()
    await timeline.waitFor().catch(async (error: Error) => {
      const reloaded = (await loaded()) !== before ? 'the page was loaded again since the press; ' : ''
      throw new Error(`${error.message}\nthe demo shows: ${await shown(demo)}\n${reloaded}requests since the press: ${JSON.stringify(after)}`)
    })
  } finally {
    page.off('request', record)
  }
  return JSON.parse((await timeline.getAttribute('data-runs'))!) as T[]
}

/**
 * What a demo shows a visitor, for a failure message: a run that never finished drawing once (a quiet run of the whole
 * suite, the accessibility file auditing /notes/callback-errors) left only a timeout, not whether the demo was still
 * running, showed an error, or had never started.
 */
async function shown(demo: Locator): Promise<string> {
  const text = await demo.innerText({ timeout: 5000 }).catch((error: Error) => `(unreadable: ${error.message})`)
  return text.replace(/\s+/g, ' ').slice(0, 1500)
}
