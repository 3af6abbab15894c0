import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { baseUrl } from './api'
import { launchChromium, newContext, type ContextOptions } from './browser'

export interface Chromium {
  readonly browser: Browser
  /**
   * `path` of the running file's server, loaded in a new context of its own
   * (no cookies, storage or permissions shared with another test); the test
   * closes the context.
   */
  open(path: string, options?: ContextOptions): Promise<{ context: BrowserContext; page: Page }>
}

/**
 * One Chromium for the test file that calls this inside its describe block:
 * launched before its tests, closed after them. Read `.browser` in a test.
 */
export function useChromium(): Chromium {
  let launched: Browser | undefined
  beforeAll(async () => {
    launched = await launchChromium()
  })
  afterAll(async () => {
    await launched?.close()
  })
  const chromium: Chromium = {
    get browser() {
      if (!launched) throw new Error('Chromium is not running: call useChromium() inside a describe block.')
      return launched
    },
    async open(path, options) {
      const context = await newContext(chromium.browser, baseUrl(), options)
      const page = await context.newPage()
      await page.goto(path)
      return { context, page }
    },
  }
  return chromium
}
